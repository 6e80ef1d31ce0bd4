import ConveneText

/// Renders a report as a plain-text table aligned by display width.
///
/// Every cell is sanitised first (a name cannot move the cursor or change the
/// terminal), and widths are measured in terminal columns, so Vietnamese,
/// Thai and CJK names line up.
public enum TableRenderer {
    public static func render(_ full: Report) -> String {
        // Columns meant for JSON and CSV only (long texts) are left out of the table.
        let shown = full.columns.indices.filter { full.columns[$0].inTable }
        let report = shown.count == full.columns.count ? full
            : Report(columns: shown.map { full.columns[$0] }, rows: full.rows.map { row in shown.filter { $0 < row.count }.map { row[$0] } },
                     unlisted: full.unlisted)
        let columnCount = report.columns.count
        let header = report.columns.map { Sanitizer.line($0.title) }
        let headerWidths = header.map { DisplayWidth.of($0) }
        // The body in flat arrays, each cell sanitised and measured once; cells past the last
        // column are never shown, but a row's length still says which cell is its last.
        let rows = report.rowsWithUnlisted
        var cells: [String] = []
        var cellWidths: [Int] = []
        var rowEnds: [Int] = []
        var rowLengths: [Int] = []
        cells.reserveCapacity(rows.count * columnCount)
        cellWidths.reserveCapacity(rows.count * columnCount)
        rowEnds.reserveCapacity(rows.count)
        rowLengths.reserveCapacity(rows.count)
        var widths = headerWidths
        for row in rows {
            for (i, value) in row.prefix(columnCount).enumerated() {
                let cell = Sanitizer.line(value.tableText)
                let width = DisplayWidth.of(cell)
                cells.append(cell)
                cellWidths.append(width)
                widths[i] = max(widths[i], width)
            }
            rowEnds.append(cells.count)
            rowLengths.append(row.count)
        }
        let rule = widths.map { String(repeating: "─", count: $0) }
        let ruleWidths = rule.map { DisplayWidth.of($0) }

        // The table is built as UTF-8 bytes and made a String once: a String per padded cell and
        // per joined line cost ≈ 10,000 instructions a line (a 1,200-line `convene summary`: 12 M).
        var out: [UInt8] = []
        out.reserveCapacity((rows.count + 2) * (widths.reduce(0, +) + 2 * columnCount + 1))
        /// One line: `count` cells from `first` in `cells`/`cellWidths`, of a row `length` long.
        func line(_ cells: [String], _ cellWidths: [Int], first: Int, count: Int, length: Int) {
            for i in 0..<count {
                if i > 0 { out.append(0x20); out.append(0x20) }
                let cell = cells[first + i]
                let gap = max(0, widths[i] - cellWidths[first + i])
                switch report.columns[i].alignment {
                case .left:
                    out.append(contentsOf: cell.utf8)
                    if i != length - 1 { out.append(contentsOf: repeatElement(0x20, count: gap)) }
                case .right:
                    out.append(contentsOf: repeatElement(0x20, count: gap))
                    out.append(contentsOf: cell.utf8)
                }
            }
            out.append(0x0A)
        }
        line(header, headerWidths, first: 0, count: columnCount, length: columnCount)
        line(rule, ruleWidths, first: 0, count: columnCount, length: columnCount)
        var first = 0
        for (end, length) in zip(rowEnds, rowLengths) {
            line(cells, cellWidths, first: first, count: end - first, length: length)
            first = end
        }
        return String(decoding: out, as: UTF8.self)
    }
}
