import ConveneModel
import ConveneScreen
import ConveneText

extension ViewID {
    public static let summary = ViewID(SummaryView.self)
}

/// Summary: totals and bars by country, city and field, then each event's counts.
///
/// Its rows are headings, bars and event lines; Enter on a bar or an event lists
/// the delegates behind it. `/` jumps between matching rows instead of narrowing.
enum SummaryView: BrowserView {
    static let title = "Summary"
    static let sortColumns: [String] = []
    static let fixedOrderNote = "Summary is ordered by count"
    static let hasDetailPane = false
    static let searchNarrows = false

    static func rows(_ state: AppState) -> [RowRef] {
        let s = state.summary
        var rows: [RowRef] = [.heading("By country")]
        rows += s.byCountry.map { .bar(.country, key: $0.key) }
        rows.append(.heading("By city"))
        rows += s.byCity.map { .bar(.city, key: $0.key) }
        rows.append(.heading("By creative field"))
        rows += s.byField.map { .bar(.field, key: $0.key) }
        rows.append(.heading("Per event: listed / reported"))
        rows += s.perEvent.compactMap { line in state.index.eventByID[line.id].map(RowRef.eventLine) }
        return rows
    }

    static func columns(_ state: AppState) -> [Table.Column] { [] }
    static func cells(_ state: AppState, row i: Int) -> [String] { [] }
    static func isIllustrative(_ row: RowRef, in state: AppState) -> Bool { false }
    static func detail(_ row: RowRef, in state: AppState) -> [DetailLine] { [] }

    /// The text a Summary row shows (and that `/` searches).
    static func searchLabel(of row: RowRef, in state: AppState) -> String {
        switch row {
        case .heading(let title): return title
        case let .bar(group, key):
            switch group {
            case .country: return state.index.countryName(key)
            case .city: return state.index.cityName(key)
            case .field: return key == NotRecorded.key ? NotRecorded.label : key
            }
        case .eventLine(let i):
            let e = state.index.directory.events[i]
            return "\(e.start.components().date) \(e.title)"
        case .event, .session, .delegate, .city, .record: return ""
        }
    }

    /// Enter on a count lists the delegates behind it; on an event, the delegates listed for it.
    static func open(_ row: RowRef, in state: AppState) -> Opening? {
        var filter = state.filter
        switch row {
        case let .bar(group, key):
            switch group {
            case .country: filter.countries = [key]
            case .city: filter.city = key
            case .field where key == NotRecorded.key:
                // No city, so no field: the same delegates as the city row "not recorded".
                filter.field = nil
                filter.city = NotRecorded.key
            case .field: filter.field = key == Summary.noFieldLabel ? nil : key
            }
            return .show(.delegates, filter: filter, clearingSearch: true,
                         message: "Showing the delegates behind that count; x clears the filter")
        case .eventLine(let i):
            let event = state.index.directory.events[i]
            filter.event = event.id
            return .show(.delegates, filter: filter, clearingSearch: true,
                         message: "Delegates listed for \(event.title); Esc clears the focus")
        case .heading, .event, .session, .delegate, .city, .record:
            return nil
        }
    }

    static func statusCounts(_ state: AppState) -> String {
        let s = state.summary
        return [ViewText.count(s.delegates, "delegate"), ViewText.count(s.countries, "country", "countries"),
                ViewText.count(s.cities, "city", "cities")].joined(separator: " · ")
    }

    static func key(of row: RowRef, in ix: DirectoryIndex) -> RowKey? {
        switch row {
        case let .bar(group, key): return RowKey(kind: "bar-" + group.rawValue, id: key)
        case .eventLine(let i): return RowKey(kind: "eventLine", id: ix.directory.events[i].id)
        case .heading, .event, .session, .delegate, .city, .record: return nil
        }
    }

    static func entry(of row: RowRef, in s: Summary) -> Summary.Entry? {
        guard case let .bar(group, key) = row else { return nil }
        let list = group == .country ? s.byCountry : group == .city ? s.byCity : s.byField
        return list.first { $0.key == key }
    }

    /// Draws the Summary: a totals line, then the selectable rows.
    static func renderList(_ state: AppState, into grid: inout Grid, area: Rect) {
        guard !area.isEmpty else { return }
        let s = state.summary
        let count = ViewText.count
        let totals = [count(s.delegates, "delegate", nil), count(s.countries, "country", "countries"),
                      count(s.cities, "city", "cities"), count(s.events, "event", nil), count(s.sessions, "session", nil)]
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
                let label = TextLayout.pad(searchLabel(of: row, in: state), toWidth: labelWidth)
                grid.write(label, row: y, column: area.column + 2, maxWidth: labelWidth, style: selected ? Theme.selection : .plain)
                grid.write(BarChart.barText(value: Double(entry.count), maximum: Double(max(1, top)), width: barWidth), row: y,
                           column: area.column + 3 + labelWidth, maxWidth: barWidth, style: Theme.bar)
                let number = TextLayout.pad("\(entry.count)  \(Summary.percent(entry.share))", toWidth: numberWidth, alignment: .right)
                grid.write(number, row: y, column: area.column + 3 + labelWidth + barWidth, maxWidth: numberWidth,
                           style: selected ? Theme.selection : .plain)
            case .eventLine(let ei):
                let e = state.index.directory.events[ei]
                let listed = state.index.listedCount(event: ei, state.filter)
                let reported = e.reportedDelegates.map(String.init) ?? "–"
                let numbers = "\(listed) / \(reported)"
                let text = TextLayout.pad(searchLabel(of: row, in: state), toWidth: max(0, area.width - numberWidth - 3))
                grid.write(text, row: y, column: area.column + 2, maxWidth: area.width - numberWidth - 3,
                           style: selected ? Theme.selection : .plain)
                grid.write(TextLayout.pad(numbers, toWidth: numberWidth, alignment: .right), row: y,
                           column: area.column + area.width - numberWidth - 1, maxWidth: numberWidth,
                           style: selected ? Theme.selection : .plain)
            case .event, .session, .delegate, .city, .record: break
            }
        }
    }
}
