import ConveneText

/// A run of text in one style: one piece of a ``Paragraph`` line.
public struct Span: Sendable, Hashable {
    /// The text; sanitised as a single line when drawn.
    public var text: String
    /// How it is drawn.
    public var style: Style

    /// Makes a span.
    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// Styled text wrapped to the width of its area, scrolled by whole lines:
/// an event's description or a help screen.
///
/// Each line is a list of ``Span``s; lines wrap at spaces (long words and CJK
/// runs break between characters) and keep each character's style across the
/// break.
public struct Paragraph: Widget {
    /// The logical lines, each a list of styled spans.
    public var lines: [[Span]]
    /// How many wrapped lines to skip at the top.
    public var scroll: Int
    /// A logical line drawn in reverse video, all its wrapped pieces: the chosen item of a list.
    public var highlighted: Int?

    /// Makes a paragraph from styled lines.
    public init(lines: [[Span]], scroll: Int = 0, highlighted: Int? = nil) {
        self.lines = lines
        self.scroll = scroll
        self.highlighted = highlighted
    }

    /// Makes a paragraph from multi-line text in one style, sanitised with
    /// ``Sanitizer/text(_:)`` so its own line breaks are kept.
    public init(text: String, style: Style = .plain, scroll: Int = 0) {
        self.lines = Sanitizer.text(text)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { [Span(String($0), style: style)] }
        self.scroll = scroll
    }

    /// The lines as they will be drawn at a width: wrapped, styles kept.
    public func wrappedLines(width: Int) -> [[Span]] {
        wrapped(width: width).map(\.spans)
    }

    /// The wrapped lines, each with the index of the logical line it came from.
    private func wrapped(width: Int) -> [(spans: [Span], logical: Int)] {
        guard width > 0 else { return [] }
        var result: [(spans: [Span], logical: Int)] = []
        for (logical, line) in lines.enumerated() {
            var characters: [Character] = []
            var styles: [Style] = []
            for span in line {
                for character in Sanitizer.line(span.text) {
                    characters.append(character)
                    styles.append(span.style)
                }
            }
            let ranges = TextLayout.wrapRanges(widths: characters.map { DisplayWidth.of($0) },
                                               isSpace: characters.map { $0 == " " }, width: width)
            for range in ranges {
                var spans: [Span] = []
                for index in range {
                    if let last = spans.last, last.style == styles[index] {
                        spans[spans.count - 1].text.append(characters[index])
                    } else {
                        spans.append(Span(String(characters[index]), style: styles[index]))
                    }
                }
                result.append((spans, logical))
            }
        }
        return result
    }

    /// How many wrapped lines there are at a width: for clamping `scroll`.
    public func lineCount(width: Int) -> Int {
        wrappedLines(width: width).count
    }

    /// The wrapped line on which logical line `logical` starts at a width; nil when it is not there.
    public func firstWrappedLine(of logical: Int, width: Int) -> Int? {
        wrapped(width: width).firstIndex { $0.logical == logical }
    }

    /// Draws the wrapped lines from `scroll` into `area`.
    public func render(into grid: inout Grid, area: Rect) {
        let area = area.intersection(grid.bounds)
        guard !area.isEmpty else { return }
        let wrapped = wrapped(width: area.width)
        var index = max(0, scroll)
        var line = 0
        while line < area.height && index < wrapped.count {
            var column = area.column
            let reversed = wrapped[index].logical == highlighted
            for span in wrapped[index].spans where column < area.right {
                var style = span.style
                if reversed { style.reverse = true }
                column += grid.write(span.text, row: area.row + line, column: column,
                                     maxWidth: area.right - column, style: style)
            }
            line += 1
            index += 1
        }
    }
}
