import ConveneText

/// Lookups and search keys built once for a loaded directory.
///
/// Views and commands ask questions by id ("which city is this delegate in?",
/// "who attends this event?") many times per frame; the index answers each in
/// constant time. Search keys are folded once here so that a keystroke of
/// incremental search only compares bytes.
public struct DirectoryIndex: Sendable {
    public let directory: Directory
    public let countryByCode: [String: Int]
    public let cityByID: [String: Int]
    public let organizationByID: [String: Int]
    public let eventByID: [String: Int]
    public let delegateByID: [String: Int]
    /// For each event, the indices of the delegates who list it.
    public let attendees: [[Int]]
    /// For each delegate, the (event, session) index pairs where they speak.
    public let talks: [[SessionRef]]
    /// For each delegate, the folded text searched: name, role, organisation, city.
    public let delegateKeys: [String]
    public let eventKeys: [String]
    public let cityKeys: [String]
    /// Folded search text per session, in the same shape as `events[i].sessions`.
    public let sessionKeys: [[String]]

    public init(_ d: Directory) {
        directory = d
        countryByCode = Self.firstIndex(d.countries.map(\.code))
        cityByID = Self.firstIndex(d.cities.map(\.id))
        organizationByID = Self.firstIndex(d.organizations.map(\.id))
        eventByID = Self.firstIndex(d.events.map(\.id))
        delegateByID = Self.firstIndex(d.delegates.map(\.id))

        var attendees = Array(repeating: [Int](), count: d.events.count)
        for (i, p) in d.delegates.enumerated() {
            for e in p.events { if let ei = eventByID[e] { attendees[ei].append(i) } }
        }
        self.attendees = attendees

        var talks = Array(repeating: [SessionRef](), count: d.delegates.count)
        for (ei, e) in d.events.enumerated() {
            for (si, s) in e.sessions.enumerated() {
                for speaker in s.speakers {
                    if let di = delegateByID[speaker] { talks[di].append(SessionRef(event: ei, session: si)) }
                }
            }
        }
        self.talks = talks

        let cityByID = self.cityByID, organizationByID = self.organizationByID
        let countryByCode = self.countryByCode
        delegateKeys = d.delegates.map { p in
            var text = p.name
            if let role = p.role { text += " " + role }
            if let o = p.organization, let oi = organizationByID[o] { text += " " + d.organizations[oi].name }
            if let ci = cityByID[p.city] { text += " " + d.cities[ci].name }
            return SearchFold.fold(text)
        }
        eventKeys = d.events.map { e in
            var text = e.title + " " + (e.localTitle ?? "") + " " + e.venue + " " + e.kind
            if let ci = cityByID[e.city] { text += " " + d.cities[ci].name }
            return SearchFold.fold(text)
        }
        cityKeys = d.cities.map { c in
            var text = c.name + " " + (c.creativeField ?? "")
            if let ki = countryByCode[c.country] { text += " " + d.countries[ki].name }
            return SearchFold.fold(text)
        }
        let delegateByID = self.delegateByID
        sessionKeys = d.events.map { e in
            e.sessions.map { s in
                var text = s.title + " " + (s.room ?? "") + " " + (s.track ?? "")
                for sp in s.speakers { if let di = delegateByID[sp] { text += " " + d.delegates[di].name } }
                return SearchFold.fold(text)
            }
        }
    }

    private static func firstIndex(_ ids: [String]) -> [String: Int] {
        var map: [String: Int] = [:]
        map.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() where map[id] == nil { map[id] = i }
        return map
    }

    // MARK: Lookups that views and reports use for display.

    public func city(_ id: String) -> City? { cityByID[id].map { directory.cities[$0] } }
    public func country(_ code: String) -> Country? { countryByCode[code].map { directory.countries[$0] } }
    public func organization(_ id: String) -> Organization? { organizationByID[id].map { directory.organizations[$0] } }
    public func event(_ id: String) -> Event? { eventByID[id].map { directory.events[$0] } }
    public func delegate(_ id: String) -> Delegate? { delegateByID[id].map { directory.delegates[$0] } }

    /// The city's name, or the id itself when it does not resolve (never happens in a validated directory).
    public func cityName(_ id: String) -> String { city(id)?.name ?? id }
    public func countryName(_ code: String) -> String { country(code)?.name ?? code }
    public func organizationName(_ id: String?) -> String { id.flatMap { organization($0)?.name } ?? "" }
}

/// Points at one session: `directory.events[event].sessions[session]`.
public struct SessionRef: Sendable, Hashable {
    public var event: Int
    public var session: Int
    public init(event: Int, session: Int) {
        self.event = event
        self.session = session
    }
}
