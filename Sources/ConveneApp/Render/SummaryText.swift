import ConveneModel
import ConveneScreen
import ConveneText

/// Labels and bars of the Summary view.
enum SummaryText {
    /// "1 country", "2 countries".
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }

    /// The text a Summary row shows (and that `/` searches).
    static func label(of row: RowRef, in state: AppState) -> String {
        switch row {
        case .heading(let title): return title
        case let .bar(group, key):
            switch group {
            case .country: return state.index.countryName(key)
            case .city: return state.index.cityName(key)
            case .field: return key
            }
        case .eventLine(let i):
            let e = state.index.directory.events[i]
            return "\(e.start.components().date) \(e.title)"
        default: return ""
        }
    }

    static func entry(of row: RowRef, in s: Summary) -> Summary.Entry? {
        guard case let .bar(group, key) = row else { return nil }
        let list = group == .country ? s.byCountry : group == .city ? s.byCity : s.byField
        return list.first { $0.key == key }
    }

    /// A horizontal bar of `fraction` of `width` columns, in eighths of a cell.
    static func bar(_ fraction: Double, width: Int) -> String {
        guard width > 0, fraction > 0 else { return "" }
        let eighths = Int((min(1, fraction) * Double(width * 8)).rounded())
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
    }

    /// Draws the Summary: a totals line, then the selectable rows.
    static func render(_ state: AppState, into grid: inout Grid, area: Rect) {
        guard !area.isEmpty else { return }
        let s = state.summary
        let totals = [count(s.delegates, "delegate"), count(s.countries, "country", "countries"),
                      count(s.cities, "city", "cities"), count(s.events, "event"), count(s.sessions, "session")]
            .joined(separator: " · ")
            + (s.illustrativeDelegates > 0 ? " · \(s.illustrativeDelegates) \(Marker.illustrative) illustrative" : "")
        grid.write(totals, row: area.row, column: area.column + 1, maxWidth: area.width - 1, style: Theme.header)
        let labelWidth = min(28, max(10, area.width / 3))
        let numberWidth = 14
        let barWidth = max(0, area.width - labelWidth - numberWidth - 4)
        let maxCount = [s.byCountry, s.byCity, s.byField].map { $0.first?.count ?? 0 }
        let visible = max(0, area.height - 1)
        let p = state.position
        for line in 0..<visible {
            let i = p.offset + line
            guard state.rows.indices.contains(i) else { break }
            let row = state.rows[i]
            let y = area.row + 1 + line
            let selected = i == p.selected && row.isSelectable
            switch row {
            case .heading(let title):
                grid.write(title, row: y, column: area.column + 1, maxWidth: area.width - 1, style: Theme.heading)
            case let .bar(group, _):
                guard let entry = entry(of: row, in: s) else { continue }
                let top = group == .country ? maxCount[0] : group == .city ? maxCount[1] : maxCount[2]
                let label = TextLayout.pad(label(of: row, in: state), toWidth: labelWidth)
                grid.write(label, row: y, column: area.column + 2, maxWidth: labelWidth, style: selected ? Theme.selection : .plain)
                grid.write(bar(Double(entry.count) / Double(max(1, top)), width: barWidth), row: y,
                           column: area.column + 3 + labelWidth, maxWidth: barWidth, style: Theme.bar)
                let number = TextLayout.pad("\(entry.count)  \(Summary.percent(entry.share))", toWidth: numberWidth, alignment: .right)
                grid.write(number, row: y, column: area.column + 3 + labelWidth + barWidth, maxWidth: numberWidth,
                           style: selected ? Theme.selection : .plain)
            case .eventLine(let ei):
                let e = state.index.directory.events[ei]
                let listed = state.index.listedCount(event: ei, state.filter)
                let reported = e.reportedDelegates.map(String.init) ?? "–"
                let numbers = "\(listed) / \(reported)"
                let text = TextLayout.pad(label(of: row, in: state), toWidth: max(0, area.width - numberWidth - 3))
                grid.write(text, row: y, column: area.column + 2, maxWidth: area.width - numberWidth - 3,
                           style: selected ? Theme.selection : .plain)
                grid.write(TextLayout.pad(numbers, toWidth: numberWidth, alignment: .right), row: y,
                           column: area.column + area.width - numberWidth - 1, maxWidth: numberWidth,
                           style: selected ? Theme.selection : .plain)
            default: break
            }
        }
    }
}
