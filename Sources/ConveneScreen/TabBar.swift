import ConveneText

/// A row of tabs ("1 Events", "2 Speakers", …) with one active.
///
/// The active tab is reverse and bold so it shows without colour. The bar
/// knows where each tab lands on screen, so a mouse click can be mapped back
/// to a tab with ``tabAt(column:in:)``.
public struct TabBar: Widget {
    /// Tab titles, left to right, drawn with ``padding`` spaces each side.
    public var titles: [String]
    /// The index of the active tab.
    public var active: Int
    /// The style of inactive tabs.
    public var style: Style
    /// The style of the active tab.
    public var activeStyle: Style
    /// Spaces each side of a title, inside the tab's style.
    public var padding: Int
    /// What is drawn between two tabs (" " by default, " │ " for a ruled strip).
    public var separator: String
    /// The style of the separator.
    public var separatorStyle: Style

    /// Makes a tab bar.
    public init(titles: [String], active: Int, style: Style = .plain,
                activeStyle: Style = Style(bold: true, reverse: true),
                padding: Int = 1, separator: String = " ", separatorStyle: Style? = nil) {
        self.titles = titles
        self.active = active
        self.style = style
        self.activeStyle = activeStyle
        self.padding = max(0, padding)
        self.separator = separator
        self.separatorStyle = separatorStyle ?? style
    }

    /// The screen columns each tab occupies in an area, clipped to it (a tab
    /// pushed off the right edge gets an empty range).
    public func tabRanges(in area: Rect) -> [Range<Int>] {
        var start = area.column
        let gap = DisplayWidth.of(Sanitizer.line(separator))
        return titles.map { title in
            let width = DisplayWidth.of(Sanitizer.line(title)) + 2 * padding
            let lower = min(start, area.right)
            let range = lower..<min(start + width, area.right)
            start += width + gap
            return range
        }
    }

    /// The tab under a screen column on the bar's row, or nil: for mouse clicks.
    public func tabAt(column: Int, in area: Rect) -> Int? {
        tabRanges(in: area).firstIndex { $0.contains(column) }
    }

    /// Draws the tabs on the first row of `area`.
    public func render(into grid: inout Grid, area: Rect) {
        let area = area.intersection(grid.bounds)
        guard !area.isEmpty else { return }
        grid.fill(area.line(0), with: Cell(text: " ", width: 1, style: style))
        let pad = String(repeating: " ", count: padding)
        let ranges = tabRanges(in: area)
        for (index, range) in ranges.enumerated() where !range.isEmpty {
            grid.write(pad + titles[index] + pad, row: area.row, column: range.lowerBound,
                       maxWidth: range.count, style: index == active ? activeStyle : style)
            if index < ranges.count - 1, range.upperBound < area.right {
                grid.write(separator, row: area.row, column: range.upperBound,
                           maxWidth: area.right - range.upperBound, style: separatorStyle)
            }
        }
    }
}
