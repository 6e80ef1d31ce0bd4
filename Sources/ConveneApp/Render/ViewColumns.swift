import ConveneModel
import ConveneScreen

/// The table columns of each list view and the cell texts of a row.
enum ViewColumns {
    static func columns(_ view: ViewID, _ agenda: PersonalAgenda = PersonalAgenda()) -> [Table.Column] {
        switch view {
        case .events:
            return [.init("Date", width: .fixed(10)), .init("Title", width: .flexible(min: 12, weight: 3)),
                    .init("City", width: .flexible(min: 8, weight: 1)), .init("Ctry", width: .fixed(4)),
                    .init("Listed/Rep.", width: .fixed(11), alignment: .right)]
        case .agenda:
            // The time header says which zone the times are in: each event's, or local.
            return [.init("", width: .fixed(2)), .init("Day", width: .fixed(10)),
                    .init(agenda.showsLocalTime ? "Local time" : "Event time", width: .fixed(11)),
                    .init("Title", width: .flexible(min: 12, weight: 3)), .init("Room", width: .flexible(min: 6, weight: 1)),
                    .init("Speakers", width: .flexible(min: 8, weight: 2))]
        case .delegates:
            return [.init("Name", width: .flexible(min: 14, weight: 2)), .init("Role", width: .flexible(min: 6, weight: 1)),
                    .init("Organisation", width: .flexible(min: 8, weight: 2)), .init("City", width: .flexible(min: 6, weight: 1)),
                    .init("Ctry", width: .fixed(4))]
        case .cities:
            return [.init("City", width: .flexible(min: 10, weight: 2)), .init("Country", width: .flexible(min: 8, weight: 2)),
                    .init("Creative field", width: .flexible(min: 8, weight: 2)), .init("Since", width: .fixed(5), alignment: .right),
                    .init("Delegates", width: .fixed(9), alignment: .right)]
        case .summary:
            return []
        }
    }

    /// The cells of row `i` of the state's rows.
    static func cells(_ state: AppState, row i: Int) -> [String] {
        let ix = state.index
        let d = ix.directory
        let f = state.viewFilter
        switch state.rows[i] {
        case .event(let e):
            let event = d.events[e]
            let reported = event.reportedDelegates.map(String.init) ?? "–"
            return [event.start.components().date, marked(event.title, event.illustrative), ix.cityName(event.city),
                    ix.city(event.city)?.country ?? "", "\(ix.listedCount(event: e, f)) / \(reported)"]
        case let .session(e, s):
            let session = d.events[e].sessions[s]
            let agenda = state.agenda
            let start = session.start.components(offsetSeconds: agenda.displayOffset(for: session.start))
            let end = session.end.components(offsetSeconds: agenda.displayOffset(for: session.end))
            // Group by day: the date shows on the first session of each day only.
            var day = start.date
            if state.sort.column == 0, i > 0, case let .session(pe, ps) = state.rows[i - 1], pe == e {
                let previous = d.events[pe].sessions[ps].start
                if previous.components(offsetSeconds: agenda.displayOffset(for: previous)).date == day { day = "" }
            }
            let speakers = session.speakers.map { ix.delegate($0)?.name ?? $0 }.joined(separator: ", ")
            let ref = SessionRef(event: e, session: s)
            let mark = agenda.stars.contains(session.id) ? Marker.star + (agenda.clashes[ref] != nil ? Marker.clash : "") : ""
            return [mark, day, "\(start.time)–\(end.time)", marked(session.title, session.illustrative),
                    session.room ?? "", speakers]
        case .delegate(let p):
            let person = d.delegates[p]
            return [marked(person.name, person.illustrative), person.role ?? "", ix.organizationName(person.organization),
                    ix.cityName(person.city), person.country]
        case .city(let c):
            let city = d.cities[c]
            return [marked(city.name, city.illustrative), ix.countryName(city.country), city.creativeField ?? "",
                    city.memberSince.map(String.init) ?? "", String(state.cityCounts[city.id] ?? 0)]
        case .heading, .bar, .eventLine:
            return []
        }
    }

    static func marked(_ text: String, _ illustrative: Bool) -> String {
        illustrative ? text + " " + Marker.illustrative : text
    }
}
