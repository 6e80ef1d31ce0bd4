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
        let header = report.columns.map { Sanitizer.line($0.title) }
        let body = report.rowsWithUnlisted.map { row in row.map { Sanitizer.line($0.tableText) } }
        var widths = header.map { DisplayWidth.of($0) }
        for row in body {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], DisplayWidth.of(cell))
            }
        }
        var out = ""
        func line(_ cells: [String]) {
            var parts: [String] = []
            for (i, cell) in cells.enumerated() where i < widths.count {
                let gap = String(repeating: " ", count: max(0, widths[i] - DisplayWidth.of(cell)))
                let last = i == cells.count - 1
                switch report.columns[i].alignment {
                case .left: parts.append(last ? cell : cell + gap)
                case .right: parts.append(gap + cell)
                }
            }
            out += parts.joined(separator: "  ") + "\n"
        }
        line(header)
        line(widths.map { String(repeating: "─", count: $0) })
        body.forEach(line)
        return out
    }
}
