/// "How many delegates, from where": the counts behind `convene summary` and the Summary view.
///
/// Every count is computed from the delegates the filter allows (its search
/// text aside), so filtering to a country changes every number consistently.
///
/// Delegates whose country or city is not recorded are counted in a row of their
/// own, keyed ``NotRecorded/key`` and labelled "not recorded", listed last in each
/// breakdown, so that every breakdown adds up to `delegates`. They are not counted
/// among `countries` and `cities`. A delegate without a city has no field either:
/// they are the "not recorded" row of `byField`.
public struct Summary: Sendable, Equatable {
    /// One bar of a breakdown: a key to drill into, a label, and a count.
    public struct Entry: Sendable, Equatable {
        /// The id to filter by: an ISO code, a city id, a field name, or an event id.
        public var key: String
        public var label: String
        public var count: Int
        /// Share of the total, 0…1.
        public var share: Double
    }

    /// One event's listed delegates beside the attendance its organisers reported.
    public struct EventLine: Sendable, Equatable {
        public var id: String
        public var title: String
        public var date: String
        public var listed: Int
        public var reported: Int?
    }

    public var events: Int
    public var sessions: Int
    public var delegates: Int
    public var cities: Int
    public var countries: Int
    /// Of `delegates`, how many are invented for illustration.
    public var illustrativeDelegates: Int
    public var byCountry: [Entry]
    public var byCity: [Entry]
    public var byField: [Entry]
    public var perEvent: [EventLine]

    /// The field of delegates whose city has no creative field recorded. The data cannot
    /// say a city is not a member, so this never reads "not a network member".
    public static let noFieldLabel = "(membership not recorded)"
}

extension DirectoryIndex {
    /// Computes the summary under `filter` (its search text is ignored).
    public func summary(_ filter: Filter) -> Summary {
        let f = filter.withoutSearch
        let people = delegates(f)
        let (byCountry, byCity, byField, illustrative) = counts(of: people)
        let total = people.count
        func entries(_ counts: [String: Int], label: (String) -> String) -> [Summary.Entry] {
            let all = counts.map { Summary.Entry(key: $0.key, label: $0.key == NotRecorded.key ? NotRecorded.label : label($0.key),
                                                 count: $0.value, share: total == 0 ? 0 : Double($0.value) / Double(total)) }
            let recorded = all.filter { $0.key != NotRecorded.key }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.label < $1.label }
            return recorded + all.filter { $0.key == NotRecorded.key }
        }
        let shownEvents = events(f)
        let perEvent = shownEvents.map { ei -> Summary.EventLine in
            let e = directory.events[ei]
            return Summary.EventLine(id: e.id, title: e.title, date: e.start.components().date,
                                     listed: listedCount(event: ei, f), reported: e.reportedDelegates)
        }.sorted { $0.date != $1.date ? $0.date < $1.date : $0.id < $1.id }
        return Summary(
            events: shownEvents.count,
            sessions: f.narrowsSessions ? sessions(f).count : shownEvents.reduce(0) { $0 + directory.events[$1].sessions.count },
            delegates: total,
            cities: byCity.count - (byCity[NotRecorded.key] == nil ? 0 : 1),
            countries: byCountry.count - (byCountry[NotRecorded.key] == nil ? 0 : 1),
            illustrativeDelegates: illustrative,
            byCountry: entries(byCountry) { countryName($0) },
            byCity: entries(byCity) { cityName($0) },
            byField: entries(byField) { $0 },
            perEvent: perEvent
        )
    }
}

extension DirectoryIndex {
    /// Delegates per country code, city id and creative field (``NotRecorded/key`` where
    /// there is none), and how many are illustrative.
    ///
    /// Counts into arrays by the delegates' city and country indices (``placement``)
    /// and names the keys once per city and country, rather than hashing three id
    /// strings per delegate: a few milliseconds at a million delegates.
    func counts(of people: [Int]) -> (byCountry: [String: Int], byCity: [String: Int], byField: [String: Int], illustrative: Int) {
        let placement = self.placement
        let delegates = directory.delegates
        var illustrative = 0
        guard placement.allResolved else {
            var byCountry: [String: Int] = [:], byCity: [String: Int] = [:], byField: [String: Int] = [:]
            for i in people {
                let city = delegates.city(at: i)
                byCountry[delegates.country(at: i) ?? NotRecorded.key, default: 0] += 1
                byCity[city ?? NotRecorded.key, default: 0] += 1
                let field = city.map { self.city($0)?.creativeField ?? Summary.noFieldLabel } ?? NotRecorded.key
                byField[field, default: 0] += 1
                if delegates.isIllustrative(at: i) { illustrative += 1 }
            }
            return (byCountry, byCity, byField, illustrative)
        }
        // One more slot at the end of each array counts "not recorded" (index -1).
        var perCity = [Int](repeating: 0, count: directory.cities.count + 1)
        var perCountry = [Int](repeating: 0, count: directory.countries.count + 1)
        let noCity = directory.cities.count, noCountry = directory.countries.count
        for i in people {
            let c = placement.city[i], k = placement.country[i]
            perCity[c < 0 ? noCity : Int(c)] += 1
            perCountry[k < 0 ? noCountry : Int(k)] += 1
            if delegates.isIllustrative(at: i) { illustrative += 1 }
        }
        var byCountry: [String: Int] = [:], byCity: [String: Int] = [:], byField: [String: Int] = [:]
        if let n = perCountry.popLast(), n > 0 { byCountry[NotRecorded.key] = n }
        if let n = perCity.popLast(), n > 0 {
            byCity[NotRecorded.key] = n
            byField[NotRecorded.key] = n
        }
        for (ki, n) in perCountry.enumerated() where n > 0 { byCountry[directory.countries[ki].code, default: 0] += n }
        for (ci, n) in perCity.enumerated() where n > 0 {
            let c = directory.cities[ci]
            byCity[c.id, default: 0] += n
            byField[c.creativeField ?? Summary.noFieldLabel, default: 0] += n
        }
        return (byCountry, byCity, byField, illustrative)
    }
}
