import ConveneText

/// A status line of key hints, "q Quit  / Search  ? Help", keys in bold.
///
/// Hints are shown whole or not at all, in order, as many as fit: put the
/// most important first.
public struct KeyHints: Widget {
    /// One hint: the key to press and what it does.
    public struct Hint: Sendable, Hashable {
        /// The key as shown ("q", "/", "Enter").
        public var key: String
        /// What it does ("Quit").
        public var label: String

        /// Makes a hint.
        public init(key: String, label: String) {
            self.key = key
            self.label = label
        }
    }

    /// The hints, most important first.
    public var hints: [Hint]
    /// The style of keys.
    public var keyStyle: Style
    /// The style of labels and gaps.
    public var style: Style

    /// Makes key hints from hint values.
    public init(_ hints: [Hint], keyStyle: Style = Style(bold: true), style: Style = .plain) {
        self.hints = hints
        self.keyStyle = keyStyle
        self.style = style
    }

    /// Makes key hints from `(key, label)` pairs: `KeyHints([("q", "Quit"), ("/", "Search")])`.
    public init(_ pairs: [(String, String)], keyStyle: Style = Style(bold: true), style: Style = .plain) {
        self.init(pairs.map { Hint(key: $0.0, label: $0.1) }, keyStyle: keyStyle, style: style)
    }

    /// The screen columns of each hint that fits in an area, in order: for
    /// mouse clicks. Hints that do not fit are left out.
    public func hintRanges(in area: Rect) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var column = area.column
        for hint in hints {
            let width = DisplayWidth.of(Sanitizer.line(hint.key)) + 1 + DisplayWidth.of(Sanitizer.line(hint.label))
            let start = ranges.isEmpty ? column : column + 2
            guard start + width <= area.right else { break }
            ranges.append(start..<(start + width))
            column = start + width
        }
        return ranges
    }

    /// Draws the hints that fit on the first row of `area`.
    public func render(into grid: inout Grid, area: Rect) {
        let area = area.intersection(grid.bounds)
        guard !area.isEmpty else { return }
        grid.fill(area.line(0), with: Cell(text: " ", width: 1, style: style))
        for (hint, range) in zip(hints, hintRanges(in: area)) {
            let keyWidth = grid.write(hint.key, row: area.row, column: range.lowerBound,
                                      maxWidth: range.count, style: keyStyle)
            grid.write(hint.label, row: area.row, column: range.lowerBound + keyWidth + 1,
                       maxWidth: range.upperBound - (range.lowerBound + keyWidth + 1), style: style)
        }
    }
}
