/// The seed article's sentence for one event: "120 delegates · 100 from the host
/// country (Viet Nam) · 20 from 7 other countries", with the visiting countries.
///
/// Counted over the event's delegates that the filter allows (its search text aside),
/// unlisted ones included. Delegates whose country is not recorded are counted on their
/// own, so `fromHost + fromElsewhere + notRecorded == delegates`.
public struct HostLine: Sendable, Equatable {
    public var eventID: String
    public var delegates: Int
    /// The host country's ISO code; nil when the event's country is not recorded
    /// (then every delegate with a country counts as from elsewhere).
    public var hostCountry: String?
    public var hostCountryName: String?
    public var fromHost: Int
    public var fromElsewhere: Int
    /// Delegates whose country is not recorded.
    public var notRecorded: Int
    /// The visiting countries, largest first (ties by name).
    public var otherCountries: [Summary.Entry]

    /// "120 delegates · 100 from the host country (Viet Nam) · 20 from 7 other countries · 3 not recorded".
    public var sentence: String {
        func n(_ count: Int, _ one: String, _ many: String) -> String { "\(count) \(count == 1 ? one : many)" }
        var parts = [n(delegates, "delegate", "delegates")]
        if let name = hostCountryName {
            parts.append("\(fromHost) from the host country (\(name))")
            parts.append("\(fromElsewhere) from \(n(otherCountries.count, "other country", "other countries"))")
        } else {
            parts.append("host country not recorded")
            parts.append("\(fromElsewhere) from \(n(otherCountries.count, "country", "countries"))")
        }
        if notRecorded > 0 { parts.append("\(notRecorded) not recorded") }
        return parts.joined(separator: " · ")
    }

    /// The visiting countries as one line: "Thailand 5, Japan 3, …".
    public var visitors: String {
        otherCountries.map { "\($0.label) \($0.count)" }.joined(separator: ", ")
    }
}

extension DirectoryIndex {
    /// The host line of the event at `eventIndex` under `filter`; the filter's own event
    /// focus is replaced by this event.
    public func hostLine(event eventIndex: Int, _ filter: Filter) -> HostLine {
        let e = directory.events[eventIndex]
        var f = filter.withoutSearch
        f.event = e.id
        let host = hostCountry(of: e)
        var fromHost = 0, notRecorded = 0
        var others: [String: Int] = [:]
        let people = delegates(f)
        for i in people {
            guard let c = directory.delegates.country(at: i) else { notRecorded += 1; continue }
            if c == host { fromHost += 1 } else { others[c, default: 0] += 1 }
        }
        let elsewhere = people.count - fromHost - notRecorded
        let entries = others.map { Summary.Entry(key: $0.key, label: countryName($0.key), count: $0.value,
                                                 share: elsewhere == 0 ? 0 : Double($0.value) / Double(elsewhere)) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.label < $1.label }
        return HostLine(eventID: e.id, delegates: people.count, hostCountry: host,
                        hostCountryName: host.map { countryName($0) }, fromHost: fromHost,
                        fromElsewhere: elsewhere, notRecorded: notRecorded, otherCountries: entries)
    }
}
