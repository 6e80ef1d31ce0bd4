import ConveneModel
import ConveneScreen
import ConveneText

extension ViewID {
    public static let events = ViewID(EventsView.self)
}

/// Events: one row per event, with its delegates listed and reported; Enter focuses it.
enum EventsView: BrowserView {
    static let title = "Events"
    static let sortColumns = ["date", "title", "city", "country", "listed"]
    static let countColumns: Set<Int> = [4]

    static func rows(_ state: AppState) -> RowList {
        let ix = state.index
        let f = state.viewFilter
        let sort = state.sort
        let d = ix.directory
        let items = ix.events(f)
        let title: (Int) -> String = { SearchFold.fold(d.events[$0].title) }
        let sorted: [Int]
        let down = sort.descending
        switch sort.column {
        case 1: sorted = RowOrder.ordered(items, by: title, then: { d.events[$0].id }, descending: down)
        case 2: sorted = RowOrder.ordered(items, by: { RecordedFirst(d.events[$0].city.map { SearchFold.fold(ix.cityName($0)) }) },
                                          then: title, descending: down)
        case 3: sorted = RowOrder.ordered(items, by: { RecordedFirst(ix.hostCountry(of: d.events[$0])) }, then: title, descending: down)
        case 4: sorted = RowOrder.ordered(items, by: { ix.listedCount(event: $0, f) }, then: title, descending: down)
        default: sorted = RowOrder.ordered(items, by: { d.events[$0].start }, then: title, descending: down)
        }
        return RowList(sorted.map(RowRef.event))
    }

    static func columns(_ state: AppState) -> [Table.Column] {
        [.init("Date", width: .fixed(10)), .init("Title", width: .flexible(min: 12, weight: 3)),
         .init("City", width: .flexible(min: 8, weight: 1)), .init("Ctry", width: .fixed(4)),
         .init("Listed/Rep.", width: .fixed(11), alignment: .right)]
            + (hasSources(state) ? [.init("Source", width: .flexible(min: 6, weight: 1))] : [])
    }

    /// Several `--data` sources are shown together: each event's source is a column of its own.
    static func hasSources(_ state: AppState) -> Bool { state.index.directory.events.first?.source != nil }

    static func cells(_ state: AppState, row i: Int) -> [String] {
        guard case .event(let e) = state.rows[i] else { return [] }
        let ix = state.index
        let event = ix.directory.events[e]
        let reported = event.reportedDelegates.map(String.init) ?? "–"
        return [event.start.components().date, ViewText.marked(event.title, event.illustrative),
                ViewText.cell(event.city.map(ix.cityName)), ViewText.cell(ix.hostCountry(of: event)),
                "\(ix.listedCount(event: e, state.viewFilter)) / \(reported)"]
            + (hasSources(state) ? [event.source?.tag ?? "—"] : [])
    }

    static func isIllustrative(_ row: RowRef, in state: AppState) -> Bool {
        guard case .event(let i) = row else { return false }
        return state.index.directory.events[i].illustrative
    }

    static func detail(_ row: RowRef, in state: AppState) -> [DetailLine] {
        guard case .event(let i) = row else { return [] }
        let ix = state.index
        let e = ix.directory.events[i]
        var out: [DetailLine] = [.text(e.title, Theme.heading)]
        if let local = e.localTitle { out.append(.text(local)) }
        out.append(.field("When", "\(e.start.components().date) – \(e.end.components().date) (\(e.timeZone))"))
        let place = ViewText.place(city: e.city, country: ix.hostCountry(of: e), in: ix)
        out.append(.field("Where", e.venue.map { "\($0), \(place)" } ?? place))
        out.append(.field("Kind", e.kind))
        if let source = e.source {
            out.append(.field("Source", "\(source.tag): \(source.name)" + (source.originalID == e.id ? "" : " (its id there: \(source.originalID))")))
        }
        if !e.organizers.isEmpty {
            out.append(.field("Organisers", e.organizers.map { ix.organizationName($0) }.joined(separator: "; ")))
        }
        let listed = ix.listedCount(event: i, state.filter)
        out.append(.field("Delegates", "\(listed) listed · \(e.reportedDelegates.map { "\($0) reported" } ?? "none reported")"))
        // The seed article's sentence: how many came from the host country and from how many others
        // (left out when no delegate's country is known: a published schedule's speakers).
        if listed > 0, case let host = ix.hostLine(event: i, state.filter), host.fromHost + host.fromElsewhere > 0 {
            out.append(.field("From where", host.sentence))
            if !host.otherCountries.isEmpty { out.append(.field("Visitors", host.visitors)) }
        }
        out.append(.field("Sessions", String(e.sessions.count)))
        if !e.themes.isEmpty {
            out.append(.blank)
            out.append(.text("Themes", Theme.heading))
            out += e.themes.map { .text("• " + $0) }
        }
        if !e.sources.isEmpty {
            out.append(.blank)
            out.append(.text("Sources", Theme.heading))
            out += e.sources.map { .text("• " + $0) }
        }
        out += ViewText.illustrativeNote(e.illustrative, "event")
        out.append(.blank)
        out.append(.text("Enter focuses this event in Agenda and Delegates", Theme.illustrative))
        return out
    }

    /// Enter focuses the event: Agenda and Delegates then show only it.
    static func open(_ row: RowRef, in state: AppState) -> Opening? {
        guard case .event(let i) = row else { return nil }
        let event = state.index.directory.events[i]
        var filter = state.filter
        filter.event = event.id
        return .show(.agenda, filter: filter, clearingSearch: false,
                     message: "Focused on \(event.title): Agenda and Delegates show this event; Esc clears")
    }

    static func statusCounts(_ state: AppState) -> String {
        ViewText.count(state.rows.count, "event") + " · " + ViewText.count(state.summary.delegates, "delegate")
    }

    static func key(of row: RowRef, in ix: DirectoryIndex) -> RowKey? {
        guard case .event(let i) = row else { return nil }
        return RowKey(kind: "event", id: ix.directory.events[i].id)
    }
}
