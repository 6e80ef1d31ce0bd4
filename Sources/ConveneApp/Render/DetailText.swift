import ConveneModel
import ConveneScreen

/// A line of the detail pane or a panel: spans of text with their styles.
struct DetailLine: Sendable, Equatable {
    var spans: [(String, Style)]

    static func == (a: DetailLine, b: DetailLine) -> Bool {
        a.spans.count == b.spans.count && zip(a.spans, b.spans).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    static func text(_ s: String, _ style: Style = .plain) -> DetailLine { DetailLine(spans: [(s, style)]) }
    static func field(_ label: String, _ value: String) -> DetailLine {
        DetailLine(spans: [(label + ": ", Theme.label), (value, .plain)])
    }
    static let blank = DetailLine(spans: [])
}

/// What the detail pane says about the selected row.
enum DetailText {
    static func lines(_ state: AppState) -> [DetailLine] {
        guard let row = state.selectedRow else { return [.text("Nothing selected", Theme.illustrative)] }
        let ix = state.index
        let d = ix.directory
        switch row {
        case .event(let i): return event(ix, i, state.filter)
        case let .session(e, s): return session(ix, e, s, state.agenda)
        case .delegate(let i): return delegate(ix, i, state.agenda)
        case .city(let i):
            let c = d.cities[i]
            var out: [DetailLine] = [.text(c.name, Theme.heading), .field("Country", ix.countryName(c.country)),
                                     .field("Time zone", c.timeZone)]
            if let field = c.creativeField {
                out.append(.field("Creative field", field))
                out.append(.field("Member since", c.memberSince.map(String.init) ?? "–"))
            } else {
                out.append(.text("Not a member of the Creative Cities Network", Theme.illustrative))
            }
            out.append(.field("Delegates", String(state.cityCounts[c.id] ?? 0)))
            let hosted = d.events.filter { $0.city == c.id }.map { "\($0.start.components().date) \($0.title)" }
            if !hosted.isEmpty {
                out.append(.blank)
                out.append(.text("Events held here", Theme.heading))
                out += hosted.map { .text("  " + $0) }
            }
            out.append(.blank)
            out.append(.text("Enter lists this city's delegates", Theme.illustrative))
            return out
        case .heading, .bar, .eventLine:
            return []
        }
    }

    static func illustrativeNote(_ illustrative: Bool, _ what: String) -> [DetailLine] {
        illustrative ? [.text("\(Marker.illustrative) This \(what) is invented for illustration.", Theme.illustrative)] : []
    }

    static func event(_ ix: DirectoryIndex, _ i: Int, _ f: Filter) -> [DetailLine] {
        let e = ix.directory.events[i]
        var out: [DetailLine] = [.text(e.title, Theme.heading)]
        if let local = e.localTitle { out.append(.text(local)) }
        out.append(.field("When", "\(e.start.components().date) – \(e.end.components().date) (\(e.timeZone))"))
        out.append(.field("Where", "\(e.venue), \(ix.cityName(e.city)), \(ix.countryName(ix.city(e.city)?.country ?? ""))"))
        out.append(.field("Kind", e.kind))
        if !e.organizers.isEmpty {
            out.append(.field("Organisers", e.organizers.map { ix.organizationName($0) }.joined(separator: "; ")))
        }
        out.append(.field("Delegates", "\(ix.listedCount(event: i, f)) listed · \(e.reportedDelegates.map { "\($0) reported" } ?? "none reported")"))
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
        out += illustrativeNote(e.illustrative, "event")
        out.append(.blank)
        out.append(.text("Enter focuses this event in Agenda and Delegates", Theme.illustrative))
        return out
    }

    static func session(_ ix: DirectoryIndex, _ e: Int, _ s: Int, _ agenda: PersonalAgenda = PersonalAgenda()) -> [DetailLine] {
        let event = ix.directory.events[e]
        let session = event.sessions[s]
        let start = session.start.components(offsetSeconds: agenda.displayOffset(for: session.start))
        let end = session.end.components(offsetSeconds: agenda.displayOffset(for: session.end))
        let zone = agenda.zoneLabel(eventZone: event.timeZone, at: session.start)
        var out: [DetailLine] = [.text(session.title, Theme.heading),
                                 .field("When", "\(start.date) \(start.time)–\(end.time) (\(zone))"),
                                 .field("Event", event.title)]
        if agenda.stars.contains(session.id) { out.append(.text("\(Marker.star) In your agenda (Space unstars)", Theme.label)) }
        if let room = session.room { out.append(.field("Room", room)) }
        if let track = session.track { out.append(.field("Track", track)) }
        // Clashes come before the speakers: they are what the user must decide about.
        out += slot(ix, SessionRef(event: e, session: s), agenda)
        if !session.speakers.isEmpty {
            out.append(.blank)
            out.append(.text("Speakers", Theme.heading))
            for id in session.speakers {
                let p = ix.delegate(id)
                let name = p.map { ViewColumns.marked($0.name, $0.illustrative) } ?? id
                let org = p.map { ix.organizationName($0.organization) } ?? ""
                out.append(.text("• " + name + (org.isEmpty ? "" : " — " + org)))
            }
        }
        if let description = session.description {
            out.append(.blank)
            out += description.split(separator: "\n", omittingEmptySubsequences: false).map { .text(String($0)) }
        }
        out += illustrativeNote(session.illustrative, "session")
        return out
    }

    /// What a starred session clashes with, then everything else in the same slot.
    static func slot(_ ix: DirectoryIndex, _ ref: SessionRef, _ agenda: PersonalAgenda) -> [DetailLine] {
        let clashes = agenda.clashes[ref] ?? []
        let others = ix.sessionsOverlapping(ref).filter { !clashes.contains($0) }
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
        }
        return out
    }

    static func delegate(_ ix: DirectoryIndex, _ i: Int, _ agenda: PersonalAgenda = PersonalAgenda()) -> [DetailLine] {
        let d = ix.directory
        let p = d.delegates[i]
        var out: [DetailLine] = [.text(p.name, Theme.heading)]
        if let role = p.role { out.append(.field("Role", role)) }
        if p.organization != nil { out.append(.field("Organisation", ix.organizationName(p.organization))) }
        out.append(.field("From", "\(ix.cityName(p.city)), \(ix.countryName(p.country))"))
        out.append(.blank)
        out.append(.text("Events attended", Theme.heading))
        for id in p.events {
            let e = ix.event(id)
            out.append(.text("• " + (e.map { "\($0.start.components().date) \($0.title)" } ?? id)))
        }
        let talks = ix.talks[i]
        if !talks.isEmpty {
            out.append(.blank)
            out.append(.text("Speaks at", Theme.heading))
            for t in talks {
                let s = ix.session(t)
                let c = s.start.components(offsetSeconds: agenda.displayOffset(for: s.start))
                // Sessions in the user's agenda carry the star, so a speaker's starred talks stand out.
                let starred = agenda.stars.contains(s.id)
                out.append(.text("\(starred ? Marker.star : "•") \(c.date) \(c.time) \(s.title)", starred ? Theme.label : .plain))
            }
        }
        out += illustrativeNote(p.illustrative, "person")
        return out
    }
}
