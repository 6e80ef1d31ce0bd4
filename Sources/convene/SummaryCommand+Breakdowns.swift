import ArgumentParser
import ConveneModel
import ConveneReports

extension DelegateBreakdown: ExpressibleByArgument {
    public init?(argument: String) {
        let a = argument.lowercased()
        // Both spellings of the one word people type either way.
        self.init(rawValue: a == "organization" ? "organisation" : a)
    }
}

/// The tables `convene summary --by` and `--event` add: a breakdown and an event's host line.
enum SummaryTables {
    /// A breakdown as key, name, delegates and share; the "not recorded" row has no key.
    static func breakdown(_ by: DelegateBreakdown, _ entries: [Summary.Entry]) -> Report {
        Report(columns: [.init("key", "Key"), .init("label", "Name"), .init("delegates", "Delegates", .right),
                         .init("share", "Share", .right)],
               rows: entries.map { entry in
                   [entry.key == NotRecorded.key ? .notRecorded : .text(entry.key), .text(entry.label),
                    .int(entry.count), .text(Summary.percent(entry.share))]
               })
    }

    /// The host line as one row: CSV's shape (the visiting countries in one cell, "TH 5; JP 3").
    static func hostLine(_ h: HostLine) -> Report {
        Report(columns: [.init("event", "Event"), .init("delegates", "Delegates", .right),
                         .init("hostCountry", "Host country"), .init("fromHost", "From host", .right),
                         .init("fromElsewhere", "From elsewhere", .right), .init("notRecorded", "Not recorded", .right),
                         .init("otherCountries", "Other countries")],
               rows: [[.text(h.eventID), .int(h.delegates), h.hostCountry.map(ReportValue.text) ?? .notRecorded,
                       .int(h.fromHost), .int(h.fromElsewhere), .int(h.notRecorded),
                       .list(h.otherCountries.map { "\($0.key) \($0.count)" })]])
    }

    /// The visiting countries as a table: code, name, delegates.
    static func visitors(_ h: HostLine) -> Report {
        Report(columns: [.init("code", "Code"), .init("name", "Country"), .init("delegates", "Delegates", .right)],
               rows: h.otherCountries.map { [.text($0.key), .text($0.label), .int($0.count)] })
    }

    /// The host line as a JSON object: otherCountries is an array of {code, name, delegates}.
    static func hostLineJSON(_ h: HostLine, _ w: JSONWriter, depth: Int) -> String {
        let others = h.otherCountries.map { e in
            w.object([("code", JSONWriter.quote(e.key)), ("name", JSONWriter.quote(e.label)), ("delegates", String(e.count))],
                     depth: depth + 2)
        }
        return w.object([("event", JSONWriter.quote(h.eventID)), ("sentence", JSONWriter.quote(h.sentence)),
                         ("delegates", String(h.delegates)),
                         ("hostCountry", h.hostCountry.map(JSONWriter.quote) ?? "null"),
                         ("hostCountryName", h.hostCountryName.map(JSONWriter.quote) ?? "null"),
                         ("fromHost", String(h.fromHost)), ("fromElsewhere", String(h.fromElsewhere)),
                         ("notRecorded", String(h.notRecorded)), ("otherCountries", w.array(others, depth: depth + 1))],
                        depth: depth)
    }
}
