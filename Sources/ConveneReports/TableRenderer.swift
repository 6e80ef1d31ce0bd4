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
        let body = report.rowsWithUnlisted.map { row in row.map { Sanitizer.line($0.tableText) } }
        // Each cell is measured once: cells past the last column are never shown.
        let headerWidths = header.map { DisplayWidth.of($0) }
        let bodyWidths = body.map { row in row.prefix(columnCount).map { DisplayWidth.of($0) } }
        var widths = headerWidths
        for row in bodyWidths {
            for (i, width) in row.enumerated() { widths[i] = max(widths[i], width) }
        }
        let rule = widths.map { String(repeating: "─", count: $0) }
        let ruleWidths = rule.map { DisplayWidth.of($0) }

        // The table is built as UTF-8 bytes and made a String once: a String per padded cell and
        // per joined line cost ≈ 10,000 instructions a line (a 1,200-line `convene summary`: 12 M).
        var out: [UInt8] = []
        out.reserveCapacity((body.count + 2) * (widths.reduce(0, +) + 2 * columnCount + 1))
        func line(_ cells: [String], _ cellWidths: [Int]) {
            for i in cells.indices where i < columnCount {
                if i > 0 { out.append(0x20); out.append(0x20) }
                let gap = max(0, widths[i] - cellWidths[i])
                let last = i == cells.count - 1
                switch report.columns[i].alignment {
                case .left:
                    out.append(contentsOf: cells[i].utf8)
                    if !last { out.append(contentsOf: repeatElement(0x20, count: gap)) }
                case .right:
                    out.append(contentsOf: repeatElement(0x20, count: gap))
                    out.append(contentsOf: cells[i].utf8)
                }
            }
            out.append(0x0A)
        }
        line(header, headerWidths)
        line(rule, ruleWidths)
        for (cells, cellWidths) in zip(body, bodyWidths) { line(cells, cellWidths) }
        return String(decoding: out, as: UTF8.self)
    }
}
