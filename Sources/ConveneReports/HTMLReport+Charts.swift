import ConveneModel

extension HTMLReport {
    /// Bars drawn in the chart at most; the table beside it has every row.
    static let chartBars = 15

    /// A breakdown: an SVG bar chart (decorative to a screen reader) and the same numbers as a table.
    static func breakdown(id: String, title: String, keyTitle: String, _ entries: [Bar]) -> String {
        var html = "<section id=\"\(id)\" class=\"breakdown\">\n<h2>\(HTMLEscape.text(title))</h2>\n<div class=\"pair\">\n"
        html += barChart(Array(entries.prefix(chartBars)), more: max(0, entries.count - chartBars))
        html += "<table>\n<thead><tr><th scope=\"col\">\(HTMLEscape.text(keyTitle))</th>"
            + "<th scope=\"col\" class=\"num\">Delegates</th><th scope=\"col\" class=\"num\">Share</th></tr></thead>\n<tbody>\n"
        for entry in entries {
            html += "<tr><td>\(HTMLEscape.text(entry.label))</td><td class=\"num\">\(entry.count)</td>"
                + "<td class=\"num\">\(HTMLEscape.text(Summary.percent(entry.share)))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n</div>\n</section>\n"
    }

    /// Horizontal bars, labels on the left, counts at the bar's end. Hidden from screen readers:
    /// the table beside it says the same.
    static func barChart(_ entries: [Bar], more: Int) -> String {
        let rowHeight = 22, labelWidth = 150, barWidth = 190, width = labelWidth + barWidth + 40
        let height = max(1, entries.count + (more > 0 ? 1 : 0)) * rowHeight + 4
        let top = entries.map(\.count).max() ?? 0
        var svg = "<svg class=\"chart\" role=\"img\" aria-hidden=\"true\" viewBox=\"0 0 \(width) \(height)\" "
            + "width=\"\(width)\" height=\"\(height)\">\n"
        for (i, entry) in entries.enumerated() {
            let y = i * rowHeight + 2
            let w = top == 0 ? 0 : max(1, Int((Double(entry.count) / Double(top) * Double(barWidth)).rounded()))
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(HTMLEscape.text(clip(entry.label, 22)))</text>"
                + "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(w)\" height=\"\(rowHeight - 6)\" class=\"bar\"/>"
                + "<text x=\"\(labelWidth + w + 4)\" y=\"\(y + 15)\">\(entry.count)</text>\n"
        }
        if more > 0 {
            svg += "<text x=\"\(labelWidth)\" y=\"\(entries.count * rowHeight + 17)\" class=\"more\">and \(more) more in the table</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// At most `n` characters, with "…" when cut.
    static func clip(_ s: String, _ n: Int) -> String { s.count <= n ? s : String(s.prefix(n - 1)) + "…" }

    /// A coordinate for SVG: one decimal, no exponent.
    static func number(_ v: Double) -> String {
        let tenths = Int((v * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }
}
