import ConveneModel
import ConveneScreen
import ConveneText

extension ViewID {
    public static let agenda = ViewID(AgendaView.self)
}

/// Agenda: the sessions, grouped by day, with stars, clashes and past sessions dimmed.
enum AgendaView: BrowserView {
    static let title = "Agenda"
    static let sortColumns = ["time", "title", "room", "track"]

    static func rows(_ state: AppState) -> RowList {
        let ix = state.index
        var refs = ix.sessions(state.viewFilter)
        if state.agenda.starredOnly { refs = refs.filter { state.agenda.stars.contains(ix.session($0).id) } }
        switch state.sort.column {
        case 1: refs.sort { SearchFold.fold(ix.session($0).title) < SearchFold.fold(ix.session($1).title) }
        case 2: refs.sort { (ix.session($0).room ?? "", ix.session($0).start) < (ix.session($1).room ?? "", ix.session($1).start) }
        case 3: refs.sort { (ix.session($0).track ?? "", ix.session($0).start) < (ix.session($1).track ?? "", ix.session($1).start) }
        default: break
        }
        if state.sort.descending { refs.reverse() }
        return RowList(refs.map { RowRef.session(event: $0.event, session: $0.session) })
    }

    static func columns(_ state: AppState) -> [Table.Column] {
        // The time header says which zone the times are in: each event's, or local.
        [.init("", width: .fixed(2)), .init("Day", width: .fixed(10)),
         .init(state.agenda.showsLocalTime ? "Local time" : "Event time", width: .fixed(11)),
         .init("Title", width: .flexible(min: 12, weight: 3)), .init("Room", width: .flexible(min: 6, weight: 1)),
         .init("Speakers", width: .flexible(min: 8, weight: 2))]
    }

    static func cells(_ state: AppState, row i: Int) -> [String] {
        guard case let .session(e, s) = state.rows[i] else { return [] }
        let ix = state.index
        let d = ix.directory
        let session = d.events[e].sessions[s]
        let agenda = state.agenda
        let start = session.start.components(offsetSeconds: agenda.displayOffset(for: session.start))
        let end = session.end.components(offsetSeconds: agenda.displayOffset(for: session.end))
        // Group by day: the date shows on the first session of each day only. In event time a session
        // belongs to the conference day it is listed under (a 01:00 talk stays on the evening before);
        // in local time, to the viewer's own date.
        func dayText(_ s: Session) -> String {
            agenda.showsLocalTime ? s.start.components(offsetSeconds: agenda.displayOffset(for: s.start)).date : s.conferenceDay
        }
        var day = dayText(session)
        if state.sort.column == 0, i > 0, case let .session(pe, ps) = state.rows[i - 1], pe == e {
            if dayText(d.events[pe].sessions[ps]) == day { day = "" }
        }
        let speakers = session.speakers.map { ix.delegate($0)?.name ?? $0 }.joined(separator: ", ")
        let ref = SessionRef(event: e, session: s)
        let mark = agenda.stars.contains(session.id) ? Marker.star + (agenda.clashes[ref] != nil ? Marker.clash : "") : ""
        // A change not yet seen marks the title, so the column widths (and every other row) stay as they are.
        let title = ViewText.marked(session.title, session.illustrative)
        return [mark, day, "\(start.time)–\(end.time)", state.isChanged(event: e, session: s) ? Marker.changed + " " + title : title,
                session.room ?? "", speakers]
    }

    static func isIllustrative(_ row: RowRef, in state: AppState) -> Bool {
        guard case let .session(e, s) = row else { return false }
        return state.index.directory.events[e].sessions[s].illustrative
    }

    /// Once the time is known, dim means "over": an illustrative session keeps its † but is not dimmed.
    /// A starred clash is red, dimmed when past.
    static func rowStyle(_ row: RowRef, in state: AppState) -> Style? {
        var style = isIllustrative(row, in: state) ? Theme.illustrative : nil
        guard case let .session(e, s) = row else { return style }
        let ref = SessionRef(event: e, session: s)
        let past = state.isPast(ref)
        if state.agenda.now != nil { style = past ? Theme.illustrative : nil }
        if state.agenda.clashes[ref] != nil { style = past ? Theme.pastClash : Theme.clash }
        return style
    }

    static func emptyNote(_ state: AppState) -> String? {
        state.agenda.starredOnly && state.search.isEmpty ? "No starred sessions here: m shows all, then Space or * stars one" : nil
    }

    static func detail(_ row: RowRef, in state: AppState) -> [DetailLine] {
        guard case let .session(e, s) = row else { return [] }
        let changes = state.changes(event: e, session: s)
        guard !changes.isEmpty else { return sessionDetail(state.index, e, s, state.agenda) }
        // What changed comes first: it is why the row is marked.
        let lines: [DetailLine] = changes.map { change in
            let what = change.kind == .new ? "new" : change.kind.label + ": " + (change.before ?? NotRecorded.dash)
                + " → " + (change.after ?? NotRecorded.dash)
            return .text("\(Marker.changed) " + what, Theme.label)
        }
        return lines + [.blank] + sessionDetail(state.index, e, s, state.agenda)
    }

    /// A session's lines: in the detail pane and in the session panel.
    static func sessionDetail(_ ix: DirectoryIndex, _ e: Int, _ s: Int, _ agenda: PersonalAgenda = PersonalAgenda()) -> [DetailLine] {
        let event = ix.directory.events[e]
        let session = event.sessions[s]
        let start = session.start.components(offsetSeconds: agenda.displayOffset(for: session.start))
        let end = session.end.components(offsetSeconds: agenda.displayOffset(for: session.end))
        let zone = agenda.zoneLabel(eventZone: event.timeZone, at: session.start)
        var out: [DetailLine] = [.text(session.title, Theme.heading)]
        if let subtitle = session.subtitle { out.append(.text(subtitle)) }
        out += [.field("When", "\(start.date) \(start.time)–\(end.time) (\(zone))"),
                .field("Event", event.title)]
        if agenda.stars.contains(session.id) { out.append(.text("\(Marker.star) In your agenda (Space unstars)", Theme.label)) }
        if let room = session.room { out.append(.field("Room", room)) }
        if let track = session.track { out.append(.field("Track", track)) }
        if let type = session.type { out.append(.field("Type", type)) }
        if let language = session.language { out.append(.field("Language", language)) }
        if session.recordingOptOut == true { out.append(.field("Recording", "not recorded, at the speakers' request")) }
        // A clash is what the user must decide about: said up here, listed with the slot below.
        let ref = SessionRef(event: e, session: s)
        if let clashes = agenda.clashes[ref], !clashes.isEmpty {
            out.append(.text("\(Marker.clash) Clashes with \(ViewText.count(clashes.count, "starred session")) (listed below)",
                             Theme.clash))
        }
        if !session.speakers.isEmpty {
            out.append(.blank)
            out.append(.text("Speakers", Theme.heading))
            for id in session.speakers {
                let p = ix.delegate(id)
                let name = p.map { ViewText.marked($0.name, $0.illustrative) } ?? id
                // An unlisted speaker's name is public by role; their organisation is not.
                let org = p.flatMap { $0.listed ? ix.organizationName($0.organization) : nil } ?? ""
                out.append(.text("• " + name + (org.isEmpty ? "" : " — " + org)))
            }
        }
        // The abstract, then the description: schedules write both, and both are kept.
        for text in [session.abstract, session.description].compactMap({ $0 }) {
            out.append(.blank)
            out += SessionText.displayText(text).split(separator: "\n", omittingEmptySubsequences: false).map { .text(String($0)) }
        }
        if session.url != nil || !session.links.isEmpty {
            out.append(.blank)
            out.append(.text("Links", Theme.heading))
            if let url = session.url { out.append(.text("• " + url)) }
            for link in session.links { out.append(.text("• " + (link.title.map { $0 + ": " } ?? "") + link.url)) }
        }
        out += ViewText.illustrativeNote(session.illustrative, "session")
        // The session's own facts come first; what else is on at the time, after them.
        out += slot(ix, ref, agenda)
        return out
    }

    /// How many other sessions in the same slot are listed; the rest are counted ("and 27 more").
    static let slotLimit = 5

    /// What a starred session clashes with (every one), then the ``slotLimit`` other sessions of
    /// the same slot that start nearest to it, in time order, and how many more there are.
    static func slot(_ ix: DirectoryIndex, _ ref: SessionRef, _ agenda: PersonalAgenda) -> [DetailLine] {
        let clashes = agenda.clashes[ref] ?? []
        let overlapping = ix.sessionsOverlapping(ref).filter { !clashes.contains($0) }
        let start = ix.session(ref).start.seconds
        // Nearest by start time (the list's order breaks ties), shown in the list's order.
        let nearest = Set(overlapping.enumerated()
            .sorted { (abs($0.element.start(ix) - start), $0.offset) < (abs($1.element.start(ix) - start), $1.offset) }
            .prefix(slotLimit).map(\.offset))
        let others = overlapping.enumerated().filter { nearest.contains($0.offset) }.map(\.element)
        func line(_ r: SessionRef, _ mark: String) -> DetailLine {
            let o = ix.session(r)
            let a = o.start.components(offsetSeconds: agenda.displayOffset(for: o.start))
            let b = o.end.components(offsetSeconds: agenda.displayOffset(for: o.end))
            let room = o.room.map { ", " + $0 } ?? ""
            return .text("\(mark) \(a.time)–\(b.time) \(o.title)\(room)")
        }
        var out: [DetailLine] = []
        if !clashes.isEmpty {
            out += [.blank, .text("\(Marker.clash) Clashes with (starred)", Theme.clash)]
            out += clashes.map { line($0, Marker.star) }
        }
        if !others.isEmpty {
            out += [.blank, .text("Also in this slot", Theme.heading)]
            out += others.map { line($0, agenda.stars.contains(ix.session($0).id) ? Marker.star : "•") }
            if overlapping.count > others.count {
                out.append(.text("  and \(overlapping.count - others.count) more", Theme.illustrative))
            }
        }
        return out
    }

    /// Enter opens the session panel: its description and speakers.
    static func open(_ row: RowRef, in state: AppState) -> Opening? {
        guard case let .session(e, s) = row else { return nil }
        return .panel(.session(event: e, session: s, selected: 0))
    }

    static func statusCounts(_ state: AppState) -> String {
        let events = Set(state.rows.compactMap { if case let .session(e, _) = $0 { return e } else { return nil } })
        let starred = state.agenda.stars.count, clashing = state.agenda.clashes.count
        return ViewText.count(state.rows.count, "session") + " · " + ViewText.count(events.count, "event")
            + (starred == 0 ? "" : " · \(starred) \(Marker.star)") + (clashing == 0 ? "" : " · \(clashing) clashing")
            + changedCount(state)
    }

    /// " · 2 of your starred talks changed", " · 3 Δ", or "" when nothing changed unseen.
    static func changedCount(_ state: AppState) -> String {
        let all = state.changeMarks.unseen.count
        guard all > 0 else { return "" }
        let starred = state.starredChangedCount
        return starred > 0 ? " · \(starred) of your starred talks changed" : " · \(all) \(Marker.changed)"
    }

    static func key(of row: RowRef, in ix: DirectoryIndex) -> RowKey? {
        guard case let .session(e, s) = row else { return nil }
        return RowKey(kind: "session", id: ix.directory.events[e].sessions[s].id)
    }
}

private extension SessionRef {
    /// The session's start in seconds, for ordering a slot by nearness.
    func start(_ ix: DirectoryIndex) -> Int64 { ix.session(self).start.seconds }
}
