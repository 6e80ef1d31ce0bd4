import ConveneText

/// Horizontal bars, one row per item: "Hà Nội  ████▌      12%".
///
/// Bars are scaled to the largest value and drawn in eighths of a cell
/// ("▏▎▍▌▋▊▉█"), so small differences still show in a narrow pane. Rows scroll
/// and select like ``Table`` rows.
public struct BarChart: Widget {
    /// One row: what it counts, how many, and the text shown after the bar.
    public struct Bar: Sendable, Hashable {
        /// The label at the left.
        public var label: String
        /// The quantity; negative, NaN and infinite values draw no bar.
        public var value: Double
        /// Text after the bar, right-aligned ("12%", "340").
        public var share: String

        /// Makes a bar.
        public init(label: String, value: Double, share: String = "") {
            self.label = label
            self.value = value
            self.share = share
        }
    }

    /// The rows, top to bottom.
    public var bars: [Bar]
    /// The selected row index, drawn in reverse video; nil for none.
    public var selected: Int?
    /// The first row shown.
    public var offset: Int
    /// The widest the label column may be, as a share of the area (default a third).
    public var maximumLabelFraction: Double
    /// The style of labels and share text.
    public var style: Style
    /// The style of the bars themselves.
    public var barStyle: Style

    /// Makes a bar chart.
    public init(bars: [Bar], selected: Int? = nil, offset: Int = 0, maximumLabelFraction: Double = 1.0 / 3.0,
                style: Style = .plain, barStyle: Style = .plain) {
        self.bars = bars
        self.selected = selected
        self.offset = offset
        self.maximumLabelFraction = maximumLabelFraction
        self.style = style
        self.barStyle = barStyle
    }

    /// Eighths of a cell, from one eighth to seven.
    static let partialBlocks: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// The bar for a value as text exactly `width` columns wide (full blocks,
    /// one partial block, then spaces); any positive value shows at least "▏".
    public static func barText(value: Double, maximum: Double, width: Int) -> String {
        guard width > 0 else { return "" }
        var eighths = 0
        if value.isFinite, maximum.isFinite, value > 0, maximum > 0 {
            let fraction = min(1, value / maximum)
            eighths = max(1, Int((fraction * Double(width * 8)).rounded()))
        }
        var text = String(repeating: "█", count: eighths / 8)
        if eighths % 8 > 0 { text.append(partialBlocks[eighths % 8 - 1]) }
        let used = eighths / 8 + (eighths % 8 > 0 ? 1 : 0)
        return text + String(repeating: " ", count: max(0, width - used))
    }

    /// The first visible row that keeps the selection in view.
    public static func visibleOffset(selected: Int?, currentOffset: Int, visibleRows: Int, count: Int) -> Int {
        Scrolling.visibleOffset(selected: selected, currentOffset: currentOffset,
                                visibleRows: visibleRows, count: count)
    }

    /// The bar index drawn on a screen row, or nil: for mouse clicks.
    public func rowAt(screenRow: Int, in area: Rect) -> Int? {
        guard screenRow >= area.row, screenRow < area.bottom else { return nil }
        let index = max(0, offset) + (screenRow - area.row)
        return index < bars.count ? index : nil
    }

    /// Draws the visible rows into `area`.
    public func render(into grid: inout Grid, area: Rect) {
        let area = area.intersection(grid.bounds)
        guard !area.isEmpty, !bars.isEmpty else { return }
        let labels = bars.map { Sanitizer.line($0.label) }
        let shares = bars.map { Sanitizer.line($0.share) }
        let fraction = maximumLabelFraction.isFinite ? min(1, max(0, maximumLabelFraction)) : 1.0 / 3.0
        let labelWidth = min(labels.map(DisplayWidth.of).max() ?? 0, Int(Double(area.width) * fraction))
        var shareWidth = shares.map(DisplayWidth.of).max() ?? 0
        var barWidth = area.width - labelWidth - 1 - (shareWidth > 0 ? shareWidth + 1 : 0)
        if barWidth < 1 {
            shareWidth = 0  // too narrow for the share text: keep the bar
            barWidth = area.width - labelWidth - 1
        }
        let maximum = bars.map(\.value).filter { $0.isFinite }.max() ?? 0

        var index = max(0, offset)
        var line = 0
        while line < area.height && index < bars.count {
            let rect = area.line(line)
            var rowStyle = style
            var rowBarStyle = barStyle
            if index == selected {
                rowStyle.reverse = true
                rowBarStyle.reverse = true
            }
            grid.fill(rect, with: Cell(text: " ", width: 1, style: rowStyle))
            var column = rect.column
            column += grid.write(TextLayout.pad(labels[index], toWidth: labelWidth), row: rect.row, column: column,
                                 maxWidth: rect.right - column, style: rowStyle)
            column += 1
            if barWidth > 0 && column < rect.right {
                grid.write(Self.barText(value: bars[index].value, maximum: maximum, width: barWidth),
                           row: rect.row, column: column, maxWidth: rect.right - column, style: rowBarStyle)
                column += barWidth + 1
            }
            if shareWidth > 0 && column < rect.right {
                grid.write(TextLayout.pad(shares[index], toWidth: shareWidth, alignment: .right),
                           row: rect.row, column: column, maxWidth: rect.right - column, style: rowStyle)
            }
            line += 1
            index += 1
        }
    }
}
