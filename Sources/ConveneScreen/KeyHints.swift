import ConveneText

/// A status line of key hints, "q Quit  / Search  ? Help", keys in bold.
///
/// Hints are shown whole or not at all. They are chosen by priority (lower
/// first, then in order) while they fit, and drawn in their given order, so
/// the strip keeps its order as the window narrows.
public struct KeyHints: Widget {
    /// One hint: the key to press and what it does.
    public struct Hint: Sendable, Hashable {
        /// The key as shown ("q", "/", "Enter").
        public var key: String
        /// What it does ("Quit").
        public var label: String
        /// Which hints stay when room runs out: lower first.
        public var priority: Int

        /// Makes a hint.
        public init(key: String, label: String, priority: Int = 0) {
            self.key = key
            self.label = label
            self.priority = priority
        }
    }

    /// The hints, most important first.
    public var hints: [Hint]
    /// The style of keys.
    public var keyStyle: Style
    /// The style of labels and gaps.
    public var style: Style
    /// Which side of the area the hints sit on.
    public var alignment: TextLayout.Alignment
    /// Spaces each side of a hint, inside its range (" q quit ").
    public var padding: Int
    /// Spaces between two hints (when there is no `separator`).
    public var gap: Int
    /// Text between two hints, in `style` ("·"); when set, it is the gap.
    public var separator: String

    /// Makes key hints from hint values.
    public init(_ hints: [Hint], keyStyle: Style = Style(bold: true), style: Style = .plain,
                alignment: TextLayout.Alignment = .left, padding: Int = 0, gap: Int = 2, separator: String = "") {
        self.hints = hints
        self.keyStyle = keyStyle
        self.style = style
        self.alignment = alignment
        self.padding = max(0, padding)
        self.separator = Sanitizer.line(separator)
        self.gap = separator.isEmpty ? max(0, gap) : DisplayWidth.of(self.separator)
    }

    /// Makes key hints from `(key, label)` pairs: `KeyHints([("q", "Quit"), ("/", "Search")])`.
    public init(_ pairs: [(String, String)], keyStyle: Style = Style(bold: true), style: Style = .plain) {
        self.init(pairs.map { Hint(key: $0.0, label: $0.1) }, keyStyle: keyStyle, style: style)
    }

    private func width(of hint: Hint) -> Int {
        2 * padding + DisplayWidth.of(Sanitizer.line(hint.key)) + 1 + DisplayWidth.of(Sanitizer.line(hint.label))
    }

    /// The indices of the hints that fit in a width, in their given order.
    private func shown(width room: Int) -> [Int] {
        var left = room
        var chosen = Set<Int>()
        let byPriority = hints.indices.sorted { (hints[$0].priority, $0) < (hints[$1].priority, $1) }
        for i in byPriority {
            let needed = width(of: hints[i]) + (chosen.isEmpty ? 0 : gap)
            if needed <= left {
                chosen.insert(i)
                left -= needed
            }
        }
        return hints.indices.filter(chosen.contains)
    }

    /// The screen columns of each hint that fits in an area, in order: for
    /// mouse clicks. Hints that do not fit are left out.
    public func hintRanges(in area: Rect) -> [Range<Int>] {
        let indices = shown(width: area.width)
        let total = indices.reduce(0) { $0 + width(of: hints[$1]) } + gap * max(0, indices.count - 1)
        var column = alignment == .right ? area.right - total : area.column
        var ranges: [Range<Int>] = []
        for i in indices {
            let w = width(of: hints[i])
            ranges.append(column..<(column + w))
            column += w + gap
        }
        return ranges
    }

    /// How many columns the hints that fit in `width` take: for a caller that
    /// lays out something beside them.
    public func usedWidth(in width: Int) -> Int {
        let ranges = hintRanges(in: Rect(row: 0, column: 0, width: max(0, width), height: 1))
        guard let first = ranges.first, let last = ranges.last else { return 0 }
        return last.upperBound - first.lowerBound
    }

    /// Draws the hints that fit on the first row of `area`.
    public func render(into grid: inout Grid, area: Rect) {
        let area = area.intersection(grid.bounds)
        guard !area.isEmpty else { return }
        grid.fill(area.line(0), with: Cell(text: " ", width: 1, style: style))
        let indices = shown(width: area.width)
        for (n, (i, range)) in zip(indices, hintRanges(in: area)).enumerated() {
            let hint = hints[i]
            if n > 0, !separator.isEmpty {
                grid.write(separator, row: area.row, column: range.lowerBound - gap, maxWidth: gap, style: style)
            }
            let start = range.lowerBound + padding
            let keyWidth = grid.write(hint.key, row: area.row, column: start,
                                      maxWidth: range.upperBound - start, style: keyStyle)
            grid.write(hint.label, row: area.row, column: start + keyWidth + 1,
                       maxWidth: range.upperBound - padding - (start + keyWidth + 1), style: style)
        }
    }
}
