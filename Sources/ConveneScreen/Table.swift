import ConveneText

/// A scrolling table with a header, fitted columns and a selected row.
///
/// Column widths are computed from the area each time it renders, so the
/// same `Table` value draws correctly at 80 or 200 columns. Cells are
/// sanitised, truncated with "…" and padded by display width, so a Vietnamese
/// or CJK row keeps its separators in line with an ASCII one. The selection
/// is drawn in reverse video, which still shows with `NO_COLOR`.
///
/// ```swift
/// let table = Table(
///     columns: [.init("Time", width: .fixed(5)), .init("Title", width: .flexible(min: 10))],
///     rows: [["09:00", "Opening Keynote"], ["10:30", "Hội thảo"]],
///     selected: 0)
/// table.render(into: &grid, area: grid.bounds)
/// ```
public struct Table: Widget {
    /// How a column's width is decided.
    public enum Width: Sendable, Hashable {
        /// Exactly this many columns: times, counts, codes.
        case fixed(Int)
        /// At least `min` columns, plus a share of the spare space by `weight`:
        /// names and titles that should use whatever room there is.
        case flexible(min: Int, weight: Int = 1)
    }

    /// One column: its header, width rule and alignment.
    public struct Column: Sendable, Hashable {
        /// The header text.
        public var title: String
        /// How wide the column is.
        public var width: Width
        /// Which side cells (and the title) sit on; right for numbers.
        public var alignment: TextLayout.Alignment

        /// Makes a column; flexible and left-aligned unless told otherwise.
        public init(_ title: String, width: Width = .flexible(min: 1), alignment: TextLayout.Alignment = .left) {
            self.title = title
            self.width = width
            self.alignment = alignment
        }
    }

    /// The columns, left to right.
    public var columns: [Column]
    /// The cell texts, one array per row; missing cells draw empty.
    public var rows: [[String]]
    /// The selected row index, drawn in reverse video; nil for none.
    public var selected: Int?
    /// The first row shown; keep it in range with ``visibleOffset(selected:currentOffset:visibleRows:count:)``.
    public var offset: Int
    /// Extra styles for some rows by index (dim for past events, say).
    public var rowStyles: [Int: Style]
    /// Whether the first line of the area is the header.
    public var showsHeader: Bool
    /// What is drawn between columns.
    public var separator: String
    /// The header's style: bold and underlined so it reads without colour.
    public var headerStyle: Style
    /// The style of the cells of ordinary rows.
    public var style: Style

    /// Makes a table; only columns and rows are required.
    public init(columns: [Column], rows: [[String]], selected: Int? = nil, offset: Int = 0,
                rowStyles: [Int: Style] = [:], showsHeader: Bool = true, separator: String = " ",
                headerStyle: Style = Style(bold: true, underline: true), style: Style = .plain) {
        self.columns = columns
        self.rows = rows
        self.selected = selected
        self.offset = offset
        self.rowStyles = rowStyles
        self.showsHeader = showsHeader
        self.separator = separator
        self.headerStyle = headerStyle
        self.style = style
    }

    /// The first visible row that keeps the selection in view: call it when
    /// the selection moves and store the result as the new `offset`.
    public static func visibleOffset(selected: Int?, currentOffset: Int, visibleRows: Int, count: Int) -> Int {
        Scrolling.visibleOffset(selected: selected, currentOffset: currentOffset,
                                visibleRows: visibleRows, count: count)
    }

    /// How many data rows fit in an area (its height less the header).
    public func visibleRowCount(in area: Rect) -> Int {
        max(0, area.height - (showsHeader ? 1 : 0))
    }

    /// The width of each column in an area of the given width.
    ///
    /// Fixed columns get their width, flexible ones their minimum plus a share
    /// of what is left by weight (earlier columns take the remainder). When
    /// even that does not fit, the rightmost columns are narrowed, down to 0.
    public func columnWidths(forWidth totalWidth: Int) -> [Int] {
        guard !columns.isEmpty else { return [] }
        let separatorWidth = DisplayWidth.of(Sanitizer.line(separator))
        let available = max(0, totalWidth - separatorWidth * (columns.count - 1))
        var widths = columns.map { column -> Int in
            switch column.width {
            case .fixed(let width): return max(0, width)
            case .flexible(let minimum, _): return max(0, minimum)
            }
        }
        var spare = available - widths.reduce(0, +)
        if spare > 0 {
            let weights = columns.map { column -> Int in
                if case .flexible(_, let weight) = column.width { return max(0, weight) }
                return 0
            }
            let totalWeight = weights.reduce(0, +)
            if totalWeight > 0 {
                var given = 0
                for index in widths.indices where weights[index] > 0 {
                    let share = spare * weights[index] / totalWeight
                    widths[index] += share
                    given += share
                }
                var remainder = spare - given
                for index in widths.indices where weights[index] > 0 && remainder > 0 {
                    widths[index] += 1
                    remainder -= 1
                }
            }
        } else if spare < 0 {
            // Too narrow: take the shortfall from the right.
            for index in widths.indices.reversed() where spare < 0 {
                let cut = min(widths[index], -spare)
                widths[index] -= cut
                spare += cut
            }
        }
        return widths
    }

    /// The screen columns each table column occupies in an area, for mouse
    /// hit tests (clicking a header to sort, say). Clipped to the area.
    public func columnRanges(in area: Rect) -> [Range<Int>] {
        let separatorWidth = DisplayWidth.of(Sanitizer.line(separator))
        var start = area.column
        return columnWidths(forWidth: area.width).map { width in
            let lower = min(start, area.right)
            let range = lower..<min(start + width, area.right)
            start += width + separatorWidth
            return range
        }
    }

    /// The row index drawn on a screen row, or nil for the header, empty
    /// space below the last row, or a row outside the area: for mouse clicks.
    public func rowAt(screenRow: Int, in area: Rect) -> Int? {
        let firstDataRow = area.row + (showsHeader ? 1 : 0)
        guard screenRow >= firstDataRow, screenRow < area.bottom else { return nil }
        let index = max(0, offset) + (screenRow - firstDataRow)
        return index < rows.count ? index : nil
    }

    /// Draws the header and the visible rows into `area`.
    public func render(into grid: inout Grid, area: Rect) {
        let area = area.intersection(grid.bounds)
        guard !area.isEmpty else { return }
        let widths = columnWidths(forWidth: area.width)
        var line = 0
        if showsHeader {
            drawRow(columns.map(\.title), widths: widths, into: &grid,
                    rect: area.line(0), style: headerStyle)
            line = 1
        }
        var index = max(0, offset)
        while line < area.height && index < rows.count {
            var rowStyle = rowStyles[index] ?? style
            if index == selected { rowStyle.reverse = true }
            drawRow(rows[index], widths: widths, into: &grid, rect: area.line(line), style: rowStyle)
            line += 1
            index += 1
        }
    }

    /// Draws one line of cells, painting the whole line (gaps too) in `style`
    /// so a selection or header reads as one bar.
    private func drawRow(_ cells: [String], widths: [Int], into grid: inout Grid, rect: Rect, style: Style) {
        grid.fill(rect, with: Cell(text: " ", width: 1, style: style))
        var column = rect.column
        for (index, width) in widths.enumerated() {
            if index > 0 {
                column += grid.write(separator, row: rect.row, column: column,
                                     maxWidth: rect.right - column, style: style)
            }
            let text = index < cells.count ? Sanitizer.line(cells[index]) : ""
            let fitted = TextLayout.pad(text, toWidth: width, alignment: columns[index].alignment)
            grid.write(fitted, row: rect.row, column: column, maxWidth: min(width, rect.right - column), style: style)
            column += width
            if column >= rect.right { break }
        }
    }
}
