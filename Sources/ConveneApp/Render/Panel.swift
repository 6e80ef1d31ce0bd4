import ConveneScreen
import ConveneText

/// A bordered box with a title, and wrapped styled lines inside it.
enum Panel {
    /// Clears `area`, draws a border with `title`, and returns the inner area.
    @discardableResult
    static func draw(_ grid: inout Grid, area: Rect, title: String) -> Rect {
        guard area.width >= 2, area.height >= 2 else { return .zero }
        grid.fill(area, with: .blank)
        let w = area.width, h = area.height
        grid.write("┌" + String(repeating: "─", count: w - 2) + "┐", row: area.row, column: area.column, style: Theme.border)
        for r in 1..<(h - 1) {
            grid.write("│", row: area.row + r, column: area.column, style: Theme.border)
            grid.write("│", row: area.row + r, column: area.column + w - 1, style: Theme.border)
        }
        grid.write("└" + String(repeating: "─", count: w - 2) + "┘", row: area.row + h - 1, column: area.column, style: Theme.border)
        if w > 6 {
            grid.write(" " + title + " ", row: area.row, column: area.column + 2, maxWidth: w - 4, style: Theme.heading)
        }
        return area.inset(top: 1, left: 2, bottom: 1, right: 2)
    }

    /// Wraps and draws lines from `offset` on; returns how many wrapped lines there are in all.
    @discardableResult
    static func lines(_ lines: [DetailLine], into grid: inout Grid, area: Rect, offset: Int,
                      highlight: Int? = nil) -> Int {
        guard !area.isEmpty else { return 0 }
        var wrapped: [(DetailLine, Int)] = []   // a visual line and the logical line it came from
        for (n, line) in lines.enumerated() {
            for visual in wrap(line, width: area.width) { wrapped.append((visual, n)) }
        }
        for r in 0..<area.height {
            let i = offset + r
            guard wrapped.indices.contains(i) else { break }
            var column = area.column
            let (line, logical) = wrapped[i]
            for (text, style) in line.spans {
                var s = style
                if logical == highlight { s.reverse = true }
                column += grid.write(text, row: area.row + r, column: column, maxWidth: area.right - column, style: s)
            }
        }
        return wrapped.count
    }

    /// Splits a styled line into lines of at most `width` columns, breaking at spaces where it can.
    ///
    /// The spans are flattened to graphemes with their styles, wrapped as one
    /// text, then regrouped into spans, so a label and its value wrap together.
    static func wrap(_ line: DetailLine, width: Int) -> [DetailLine] {
        guard width > 0 else { return [] }
        if line.spans.isEmpty { return [line] }
        var characters: [Character] = []
        var styles: [Style] = []
        for (text, style) in line.spans {
            for c in Sanitizer.line(text) {
                characters.append(c)
                styles.append(style)
            }
        }
        let widths = characters.map { DisplayWidth.of($0) }
        let spaces = characters.map { $0 == " " }
        return TextLayout.wrapRanges(widths: widths, isSpace: spaces, width: width).map { range in
            var spans: [(String, Style)] = []
            for i in range {
                if let last = spans.last, last.1 == styles[i] {
                    spans[spans.count - 1].0.append(characters[i])
                } else {
                    spans.append((String(characters[i]), styles[i]))
                }
            }
            return DetailLine(spans: spans)
        }
    }
}
