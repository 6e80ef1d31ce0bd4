/// Keeping a selected row in view in a list that is taller than its pane.
///
/// Shared by every list-like widget (``Table``, ``BarChart``) so that they
/// all scroll the same way: the view moves only as far as it must.
public enum Scrolling {
    /// The first visible row that keeps `selected` in view, moving as little
    /// as possible from `currentOffset`, and never scrolling past the end.
    ///
    /// ```swift
    /// Scrolling.visibleOffset(selected: 12, currentOffset: 0, visibleRows: 10, count: 50)  // 3
    /// ```
    public static func visibleOffset(selected: Int?, currentOffset: Int, visibleRows: Int, count: Int) -> Int {
        guard visibleRows > 0, count > 0 else { return 0 }
        let lastOffset = max(0, count - visibleRows)
        var offset = min(max(0, currentOffset), lastOffset)
        if let selected {
            let selected = min(max(0, selected), count - 1)
            if selected < offset {
                offset = selected
            } else if selected >= offset + visibleRows {
                offset = selected - visibleRows + 1
            }
        }
        return min(max(0, offset), lastOffset)
    }

    /// The last first-row that still fills the pane: `count - visibleRows`, never negative.
    ///
    /// ```swift
    /// Scrolling.lastOffset(count: 50, visibleRows: 10)  // 40
    /// ```
    public static func lastOffset(count: Int, visibleRows: Int) -> Int {
        max(0, count - max(0, visibleRows))
    }

    /// The first visible row that keeps rows `first...last` in view (as much of them as fits,
    /// their start first), moving as little as possible from `currentOffset`.
    public static func revealing(first: Int, last: Int, currentOffset: Int, visibleRows: Int) -> Int {
        guard visibleRows > 0 else { return max(0, currentOffset) }
        var offset = max(0, currentOffset)
        if last >= offset + visibleRows { offset = last - visibleRows + 1 }
        if first < offset { offset = first }
        return max(0, offset)
    }
}
