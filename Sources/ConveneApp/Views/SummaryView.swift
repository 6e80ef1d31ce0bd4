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

    static func rows(_ state: AppState) -> RowList {
        let s = state.summary
        var rows: [RowRef] = []
        if let host = state.hostLine, !showsSessions(state) {
            // The focused event's host line: the seed article's sentence, then who visited.
            rows.append(.heading(host.sentence))
            if !host.otherCountries.isEmpty { rows.append(.heading("From elsewhere: " + host.visitors)) }
        }
        if showsSessions(state) {
            rows += sessionRows(state.sessionSummary)
        } else if state.summaryBreakdown != .country {
            let b = state.summaryBreakdown
            rows.append(.heading(b.title + "  (b: next breakdown)"))
            rows += state.breakdown.map { .bar(.delegates(by: b), key: $0.key) }
        } else {
            rows.append(.heading("By country"))
            rows += s.byCountry.map { .bar(.country, key: $0.key) }
            rows.append(.heading("By city"))
            rows += s.byCity.map { .bar(.city, key: $0.key) }
            rows.append(.heading("By creative field"))
            rows += s.byField.map { .bar(.field, key: $0.key) }
        }
        rows.append(.heading("Per event: listed / reported"))
        rows += s.perEvent.compactMap { line in state.index.eventByID[line.id].map(RowRef.eventLine) }
        return RowList(rows)
    }

    /// True when Summary counts sessions rather than delegates: no delegate's country is known
    /// (a published schedule records speakers, not where they come from) and there are sessions.
    static func showsSessions(_ state: AppState) -> Bool {
        state.summary.countries == 0 && state.sessionSummary.sessions > 0
    }

    /// Sessions by day, track, room, type and language, then speakers by track; a breakdown
    /// that knows nothing (every session's value not recorded) is left out.
    static func sessionRows(_ s: SessionSummary) -> [RowRef] {
        var rows: [RowRef] = []
        func add(_ title: String, _ group: SummaryGroup, _ entries: [Summary.Entry]) {
            guard entries.contains(where: { $0.key != NotRecorded.key }) else { return }
            rows.append(.heading(title))
            rows += entries.map { .bar(group, key: $0.key) }
        }
        for aspect in SessionFacet.allCases {
            add("Sessions by \(aspect.title.lowercased())", .sessions(by: aspect), s.entries(aspect))
        }
        add("Speakers by track", .speakerTrack, s.speakersByTrack)
        return rows
    }

    /// A value of a session aspect as Summary and the title bar show it: a day as "Thu 28 Dec 2023".
    static func label(_ aspect: SessionFacet, _ value: String) -> String {
        if value == NotRecorded.key { return NotRecorded.label }
        return aspect == .day ? TimetableDay.dateTitle(value) : value
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
            case .region, .organisation, .kind, .role, .member:
                return group.delegateBreakdown.map { state.index.breakdownLabel($0, key) } ?? key
            case .sessionDay, .sessionTrack, .sessionRoom, .sessionType, .sessionLanguage, .speakerTrack:
                return group.sessionFacet.map { label($0, key) } ?? key
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
            case .field where key == Summary.noFieldLabel:
                // No field recorded for the city: no Filter field says so, the breakdown's value does.
                filter.breakdownValue = BreakdownValue(.field, key)
            case .field: filter.field = key
            case .region, .organisation, .kind, .role, .member:
                guard let b = group.delegateBreakdown else { return nil }
                filter.breakdownValue = BreakdownValue(b, key)
            case .sessionDay, .sessionTrack, .sessionRoom, .sessionType, .sessionLanguage, .speakerTrack:
                guard let aspect = group.sessionFacet else { return nil }
                filter[aspect] = FacetChoice(included: [key])
                let count = entry(of: row, in: state).map { group == .speakerTrack ? "" : "\($0.count) " } ?? ""
                return .show(.agenda, filter: filter, clearingSearch: true,
                             message: "Showing the \(count)sessions of \(aspect.title.lowercased()) \(label(aspect, key)); Esc clears it")
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
        if showsSessions(state) {
            let t = state.sessionSummary
            return [ViewText.count(t.sessions, "session"), ViewText.count(t.speakers, "speaker"),
                    ViewText.count(state.summary.events, "event")].joined(separator: " · ")
        }
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

    /// The entry a bar shows, from the delegates' summary or the sessions'.
    static func entry(of row: RowRef, in state: AppState) -> Summary.Entry? {
        guard case let .bar(group, key) = row else { return nil }
        return entries(group, in: state).first { $0.key == key }
    }

    /// Every entry of a breakdown.
    static func entries(_ group: SummaryGroup, in state: AppState) -> [Summary.Entry] {
        let s = state.summary, t = state.sessionSummary
        switch group {
        case .country: return s.byCountry
        case .city: return s.byCity
        case .field: return s.byField
        case .region, .organisation, .kind, .role, .member: return state.breakdown
        case .speakerTrack: return t.speakersByTrack
        case .sessionDay, .sessionTrack, .sessionRoom, .sessionType, .sessionLanguage:
            return group.sessionFacet.map(t.entries) ?? []
        }
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
        let t = state.sessionSummary
        let sessionTotals = [count(t.sessions, "session", nil), count(t.speakers, "speaker", nil), count(s.events, "event", nil),
                             count(t.byDay.count, "day", nil), count(t.byRoom.filter { $0.key != NotRecorded.key }.count, "room", nil)]
            .joined(separator: " · ")
        grid.write(showsSessions(state) ? sessionTotals : totals, row: area.row, column: area.column + 1,
                   maxWidth: area.width - 1, style: Theme.header)
        let labelWidth = min(28, max(10, area.width / 3))
        let numberWidth = 14
        let barWidth = max(0, area.width - labelWidth - numberWidth - 4)
        // Each breakdown's bars are scaled to its own largest count.
        var maxCount: [SummaryGroup: Int] = [:]
        var maxListed: Int?
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
                guard let entry = entry(of: row, in: state) else { continue }
                if maxCount[group] == nil { maxCount[group] = entries(group, in: state).map(\.count).max() ?? 0 }
                let top = maxCount[group] ?? 0
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
                // The trend: each event's listed delegates as a bar, scaled to the largest, the reported number beside.
                let textWidth = max(0, min(area.width - numberWidth - 3, labelWidth + 16))
                let trendWidth = max(0, area.width - textWidth - numberWidth - 5)
                let text = TextLayout.pad(searchLabel(of: row, in: state), toWidth: textWidth)
                grid.write(text, row: y, column: area.column + 2, maxWidth: textWidth,
                           style: selected ? Theme.selection : .plain)
                if trendWidth > 0 {
                    if maxListed == nil { maxListed = state.summary.perEvent.map(\.listed).max() ?? 0 }
                    grid.write(BarChart.barText(value: Double(listed), maximum: Double(max(1, maxListed ?? 0)), width: trendWidth),
                               row: y, column: area.column + 3 + textWidth, maxWidth: trendWidth, style: Theme.bar)
                }
                grid.write(TextLayout.pad(numbers, toWidth: numberWidth, alignment: .right), row: y,
                           column: area.column + area.width - numberWidth - 1, maxWidth: numberWidth,
                           style: selected ? Theme.selection : .plain)
            case .event, .session, .delegate, .city, .record: break
            }
        }
    }
}
