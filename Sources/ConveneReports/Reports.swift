import ConveneModel

/// Builds the report behind each plain command from the index and a filter.
///
/// These are the same questions the browser's views answer; the column keys
/// are the stable JSON and CSV shape of each command.
public enum Reports {
    public static func events(_ ix: DirectoryIndex, _ f: Filter) -> Report {
        var r = Report(columns: [
            .init("id", "ID"), .init("start", "Start"), .init("end", "End"), .init("title", "Title"),
            .init("kind", "Kind"), .init("city", "City"), .init("country", "Country"), .init("venue", "Venue"),
            .init("listed", "Listed", .right), .init("reported", "Reported", .right),
        ])
        // Several --data sources: which one each event came from (its tag), as the last column.
        let sourced = ix.directory.events.contains { $0.source != nil }
        if sourced { r.columns.append(.init("source", "Source")) }
        let rows = ix.events(f).sorted { ix.directory.events[$0].start < ix.directory.events[$1].start }
        for i in rows {
            let e = ix.directory.events[i]
            r.rows.append([
                .text(e.id), .text(e.start.components().date), .text(e.end.components().date), .text(e.title),
                .text(e.kind), .place(e.city.map(ix.cityName)), .place(ix.hostCountry(of: e)), .place(e.venue),
                .int(ix.listedCount(event: i, f)), e.reportedDelegates.map(ReportValue.int) ?? .null,
            ] + (sourced ? [e.source.map { ReportValue.text($0.tag) } ?? .null] : []))
        }
        return r
    }

    /// Sessions in start order; `day` (YYYY-MM-DD, in the event's time zone) keeps one conference day,
    /// the day a session is listed under (``Session/conferenceDay``), past midnight included.
    public static func agenda(_ ix: DirectoryIndex, _ f: Filter, day: String? = nil) -> Report {
        var r = Report(columns: [
            .init("event", "Event"), .init("id", "ID"), .init("date", "Date"), .init("start", "Start"),
            .init("end", "End"), .init("title", "Title"), .init("room", "Room"), .init("track", "Track"),
            .init("speakers", "Speakers"), .init("illustrative", "Illustrative"),
            // Every word a published schedule gives; in JSON and CSV, too long for the table.
            .init("subtitle", "Subtitle", inTable: false), .init("abstract", "Abstract", inTable: false),
            .init("description", "Description", inTable: false), .init("language", "Language", inTable: false),
            .init("type", "Type", inTable: false), .init("links", "Links", inTable: false),
            .init("recordingOptOut", "Recording opt-out", inTable: false), .init("url", "URL", inTable: false),
        ])
        func text(_ value: String?) -> ReportValue { value.map(ReportValue.text) ?? .null }
        for ref in ix.sessions(f) {
            let s = ix.session(ref)
            let start = s.start.components(), end = s.end.components()
            // The date is the conference day the session belongs to: a 01:00 talk listed under the evening before is on that day.
            let date = s.conferenceDay
            if let day, date != day { continue }
            r.rows.append([
                .text(ix.directory.events[ref.event].id), .text(s.id), .text(date), .text(start.time),
                .text(end.time), .text(s.title), s.room.map(ReportValue.text) ?? .null,
                s.track.map(ReportValue.text) ?? .null,
                .list(s.speakers.map { ix.delegate($0)?.name ?? $0 }), .bool(s.illustrative),
                text(s.subtitle), text(s.abstract.map(SessionText.displayText)),
                text(s.description.map(SessionText.displayText)), text(s.language), text(s.type),
                .list(s.links.map { link in link.title.map { "\($0): \(link.url)" } ?? link.url }),
                s.recordingOptOut.map(ReportValue.bool) ?? .null, text(s.url),
            ])
        }
        return r
    }

    public static func delegates(_ ix: DirectoryIndex, _ f: Filter) -> Report {
        var r = Report(columns: [
            .init("id", "ID"), .init("name", "Name"), .init("role", "Role"), .init("organization", "Organisation"),
            .init("city", "City"), .init("country", "Country"), .init("events", "Events"),
            .init("illustrative", "Illustrative"),
        ])
        // The unlisted are one line at the end (``Report/unlisted``): counted, never named.
        let (people, unlisted) = ix.splitListed(ix.delegates(f))
        r.unlisted = unlisted
        for i in people {
            let p = ix.directory.delegates[i]
            r.rows.append([
                .text(p.id), .text(p.name), p.role.map(ReportValue.text) ?? .null,
                p.organization.map { .text(ix.organizationName($0)) } ?? .null,
                .place(p.city.map(ix.cityName)), .place(p.country), .list(p.events), .bool(p.illustrative),
            ])
        }
        return r
    }

    public static func cities(_ ix: DirectoryIndex, _ f: Filter) -> Report {
        var r = Report(columns: [
            .init("id", "ID"), .init("name", "City"), .init("country", "Country"), .init("field", "Creative field"),
            .init("memberSince", "Member since", .right), .init("delegates", "Delegates", .right),
        ])
        let counts = ix.delegateCountsByCity(f)
        for i in ix.cities(f) {
            let c = ix.directory.cities[i]
            r.rows.append([
                .text(c.id), .text(c.name), .text(c.country), c.creativeField.map(ReportValue.text) ?? .null,
                c.memberSince.map(ReportValue.int) ?? .null, .int(counts[c.id] ?? 0),
            ])
        }
        return r
    }

    /// The summary as named sections, each a report (totals first).
    public static func summary(_ s: Summary) -> [(name: String, report: Report)] {
        func breakdown(_ keyTitle: String, _ entries: [Summary.Entry]) -> Report {
            Report(columns: [.init("key", keyTitle), .init("label", "Name"), .init("delegates", "Delegates", .right),
                             .init("share", "Share", .right)],
                   rows: entries.map { entry in
                       // The "not recorded" row has no key: null in JSON, empty in CSV, a dash in a table.
                       [entry.key == NotRecorded.key ? .notRecorded : .text(entry.key), .text(entry.label),
                        .int(entry.count), .text(Summary.percent(entry.share))]
                   })
        }
        let totals = Report(columns: [.init("events", "Events", .right), .init("sessions", "Sessions", .right),
                                      .init("delegates", "Delegates", .right), .init("cities", "Cities", .right),
                                      .init("countries", "Countries", .right),
                                      .init("illustrative", "Illustrative", .right)],
                            rows: [[.int(s.events), .int(s.sessions), .int(s.delegates), .int(s.cities),
                                    .int(s.countries), .int(s.illustrativeDelegates)]])
        let perEvent = Report(columns: [.init("id", "Event"), .init("date", "Date"), .init("title", "Title"),
                                        .init("listed", "Listed", .right), .init("reported", "Reported", .right)],
                              rows: s.perEvent.map { [.text($0.id), .text($0.date), .text($0.title), .int($0.listed),
                                                      $0.reported.map(ReportValue.int) ?? .null] })
        return [("totals", totals), ("byCountry", breakdown("Code", s.byCountry)),
                ("byCity", breakdown("City", s.byCity)), ("byField", breakdown("Field", s.byField)),
                ("perEvent", perEvent)]
    }
}
