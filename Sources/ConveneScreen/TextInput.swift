import ConveneText

/// A one-line text field: prompt, text and a visible cursor, for search and pickers.
///
/// The cursor is a reverse-video cell by default, so it shows without colour and
/// without moving the terminal's own cursor; on a line that is already reversed
/// (a status bar) it would not show, so it can be a glyph instead (``Cursor/glyph(_:_:)``).
/// Text longer than the field scrolls so the cursor stays in view.
public struct TextInput: Widget {
    /// How the cursor is drawn.
    public enum Cursor: Sendable, Hashable {
        /// The cell under the cursor in reverse video.
        case reverse
        /// A glyph such as "▏" in its own style, in the free cell after the text;
        /// within the text, the character under the cursor takes that style.
        case glyph(String, Style)
    }

    /// Shown before the text ("/", "Search: ").
    public var prompt: String
    /// What the user has typed.
    public var text: String
    /// The cursor position in characters (graphemes) of `text`; clamped when drawn.
    public var cursor: Int
    /// Shown dimmed when `text` is empty.
    public var placeholder: String
    /// Whether the cursor cell is drawn (off when the field is not focused).
    public var showsCursor: Bool
    /// The style of the prompt.
    public var promptStyle: Style
    /// The style of the text.
    public var style: Style
    /// How the cursor is drawn (when `showsCursor`).
    public var cursorShape: Cursor

    /// Makes a text field; the cursor defaults to the end of the text.
    public init(prompt: String, text: String, cursor: Int? = nil, placeholder: String = "",
                showsCursor: Bool = true, promptStyle: Style = Style(bold: true), style: Style = .plain,
                cursorShape: Cursor = .reverse) {
        self.prompt = prompt
        self.text = text
        self.cursor = cursor ?? text.count
        self.placeholder = placeholder
        self.showsCursor = showsCursor
        self.promptStyle = promptStyle
        self.style = style
        self.cursorShape = cursorShape
    }

    /// The visible characters, sanitised one by one so indexes still match `text`.
    private var cleanCharacters: [String] {
        text.map { Sanitizer.line(String($0)) }
    }

    /// Where the field's text starts drawing and where the cursor is, for an area.
    private func layout(in area: Rect) -> (textColumn: Int, first: Int, cursorColumn: Int) {
        let promptWidth = min(DisplayWidth.of(Sanitizer.line(prompt)), area.width)
        let characters = cleanCharacters
        let cursor = min(max(0, self.cursor), characters.count)
        let room = area.width - promptWidth
        let cursorCellWidth = cursor < characters.count ? max(1, DisplayWidth.of(characters[cursor])) : 1
        // Scroll right just enough that the cursor cell fits.
        var first = 0
        var before = characters[0..<cursor].reduce(0) { $0 + DisplayWidth.of($1) }
        while first < cursor && before + cursorCellWidth > room {
            before -= DisplayWidth.of(characters[first])
            first += 1
        }
        return (area.column + promptWidth, first, area.column + promptWidth + before)
    }

    /// The screen column of the cursor in an area, or nil when it cannot show:
    /// for a backend that wants to put the terminal cursor there too.
    public func cursorColumn(in area: Rect) -> Int? {
        let column = layout(in: area).cursorColumn
        return area.width > 0 && column < area.right ? column : nil
    }

    /// Draws the field on the first row of `area`.
    public func render(into grid: inout Grid, area: Rect) {
        let area = area.intersection(grid.bounds)
        guard !area.isEmpty else { return }
        let line = area.line(0)
        grid.fill(line, with: Cell(text: " ", width: 1, style: style))
        grid.write(prompt, row: line.row, column: line.column, maxWidth: line.width, style: promptStyle)
        let (textColumn, first, cursorColumn) = layout(in: line)
        let characters = cleanCharacters
        if first < characters.count, textColumn < line.right {
            grid.write(characters[first...].joined(), row: line.row, column: textColumn,
                       maxWidth: line.right - textColumn, style: style)
        } else if characters.isEmpty, !placeholder.isEmpty, textColumn + 1 < line.right {
            var dim = style
            dim.dim = true
            grid.write(placeholder, row: line.row, column: textColumn + 1,
                       maxWidth: line.right - textColumn - 1, style: dim)
        }
        if showsCursor, cursorColumn < line.right {
            let cell = grid[line.row, cursorColumn]
            let cursorWidth = cell.width == 2 ? 2 : 1
            let cursorCell = Rect(row: line.row, column: cursorColumn, width: cursorWidth, height: 1)
            switch cursorShape {
            case .reverse:
                grid.updateStyle(in: cursorCell) { $0.reverse = true }
            case let .glyph(glyph, glyphStyle):
                if min(max(0, cursor), characters.count) == characters.count {
                    grid.write(glyph, row: line.row, column: cursorColumn, maxWidth: line.right - cursorColumn, style: glyphStyle)
                } else {
                    grid.updateStyle(in: cursorCell) { $0 = glyphStyle }
                }
            }
        }
    }
}
