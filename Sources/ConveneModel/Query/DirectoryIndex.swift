import ConveneText
import Synchronization

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
    /// For each event, the indices of the delegates who list it.
    public let attendees: [[Int]]
    /// What only some uses need (searching, speakers) is built on first use, so that
    /// `convene summary` on a million delegates does not fold a million names.
    private let lazy: LazyParts

    public init(_ d: Directory) {
        directory = d
        countryByCode = Self.firstIndex(d.countries.map(\.code))
        cityByID = Self.firstIndex(d.cities.map(\.id))
        organizationByID = Self.firstIndex(d.organizations.map(\.id))
        eventByID = Self.firstIndex(d.events.map(\.id))
        // Each distinct event id is looked up once, through the delegates' event codes.
        var attendees = Array(repeating: [Int](), count: d.events.count)
        let events = d.delegates.eventSymbols, eventByID = self.eventByID
        let eventIndex = events.values.map { eventByID[$0] ?? -1 }
        for i in d.delegates.indices {
            for code in events.codes(of: i) {
                let ei = eventIndex[Int(code)]
                if ei >= 0 { attendees[ei].append(i) }
            }
        }
        self.attendees = attendees
        lazy = LazyParts(directory: d, cityByID: cityByID, organizationByID: organizationByID,
                         countryByCode: countryByCode, placement: nil)
    }

    /// An index for a directory whose loader already placed every delegate (``DirectDecoder``).
    init(_ d: Directory, facts: DelegateFacts) {
        directory = d
        countryByCode = Self.firstIndex(d.countries.map(\.code))
        cityByID = Self.firstIndex(d.cities.map(\.id))
        organizationByID = Self.firstIndex(d.organizations.map(\.id))
        eventByID = Self.firstIndex(d.events.map(\.id))
        attendees = facts.attendees
        lazy = LazyParts(directory: d, cityByID: cityByID, organizationByID: organizationByID,
                         countryByCode: countryByCode,
                         placement: DelegatePlacement(city: facts.city, country: facts.country, allResolved: true))
    }

    /// Per delegate, the index of its city in `directory.cities`, or -1 when it is not recorded
    /// (or, in a directory that did not validate, does not resolve).
    ///
    /// Filters and counts compare these small integers instead of hashing id strings.
    public var delegateCityIndex: [Int32] { lazy.placement.value.city }
    /// Per delegate, the index of its country in `directory.countries`, or -1 when it is not recorded
    /// (or, in a directory that did not validate, does not resolve).
    public var delegateCountryIndex: [Int32] { lazy.placement.value.country }
    /// True when some delegate's country is not recorded: the country picker then offers "not recorded".
    public var hasDelegatesWithoutCountry: Bool { directory.delegates.containsUnrecordedCountry }
    /// The city and country indices together, with whether every delegate resolved.
    var placement: DelegatePlacement { lazy.placement.value }

    /// The fast delegate search (folded names in one buffer), built on first use.
    ///
    /// Building it folds every name: about half a second at a million delegates.
    /// An app can call ``prepareSearch()`` on a background task right after loading
    /// so that the first keystroke does not wait. ``delegates(_:)`` uses it for
    /// its search text.
    public var delegateSearch: DelegateSearchIndex { lazy.delegateSearch.value }

    /// Builds ``delegateSearch`` now if it is not built yet; safe to call from any thread.
    public func prepareSearch() {
        _ = lazy.delegateSearch.value
    }

    /// Each delegate's place in alphabetical order of folded names ("Đặng" sorts as "dang").
    ///
    /// Sorting a view by name then compares integers: a million names are folded
    /// and sorted once, not on every comparison. Built on first use; an app can
    /// build it on a background thread with ``prepareSorting()``.
    public var delegateNameRank: [Int32] { lazy.nameRank.value }

    /// Builds the speaker index (``talks``, and ``delegateByID`` with it) now; safe to call from any thread.
    ///
    /// A delegate's detail lists their talks; at a million delegates building this
    /// takes a few hundred milliseconds, better spent in the background than on the
    /// first key that shows a delegate.
    public func prepareDetails() {
        _ = lazy.talks.value
    }

    /// Builds ``delegateNameRank`` now if it is not built yet; safe to call from any thread.
    public func prepareSorting() {
        _ = lazy.nameRank.value
    }

    /// Delegate index by id.
    public var delegateByID: [String: Int] { lazy.delegateByID.value }
    /// For each delegate, the (event, session) index pairs where they speak.
    public var talks: [[SessionRef]] { lazy.talks.value }
    /// For each delegate, the folded text searched: name, role, organisation, city.
    public var delegateKeys: [String] { lazy.delegateKeys.value }
    public var eventKeys: [String] { lazy.eventKeys.value }
    public var cityKeys: [String] { lazy.cityKeys.value }
    /// Folded search text per session, in the same shape as `events[i].sessions`.
    public var sessionKeys: [[String]] { lazy.sessionKeys.value }

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

    /// The city's name, or the id itself when it does not resolve (never happens in a validated directory);
    /// "not recorded" for ``NotRecorded/key``.
    public func cityName(_ id: String) -> String {
        id == NotRecorded.key ? NotRecorded.label : city(id)?.name ?? id
    }
    /// The country's name, or the code itself when it does not resolve; "not recorded" for ``NotRecorded/key``.
    public func countryName(_ code: String) -> String {
        code == NotRecorded.key ? NotRecorded.label : country(code)?.name ?? code
    }
    /// The city's name, or "not recorded" when there is none.
    public func cityName(_ id: String?) -> String { cityName(id ?? NotRecorded.key) }
    /// The country's name, or "not recorded" when there is none.
    public func countryName(_ code: String?) -> String { countryName(code ?? NotRecorded.key) }
    /// The ISO code of the country an event is held in: its city's when it has one, else the country
    /// it names (a place known only by its country); nil when neither is recorded.
    public func hostCountry(of e: Event) -> String? {
        switch e.place {
        case .city(let id): return city(id)?.country ?? e.country
        case .country(let code): return code
        case .notRecorded: return nil
        }
    }
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

/// A value computed once, on first use, by whichever thread asks first.
final class Lazy<Value: Sendable>: Sendable {
    private let state: Mutex<Value?>
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
        state = Mutex(nil)
    }

    /// A value already known, with `make` kept only for the type's sake.
    init(known: Value) {
        make = { known }
        state = Mutex(known)
    }

    var value: Value {
        state.withLock { stored in
            if let stored { return stored }
            let made = make()
            stored = made
            return made
        }
    }
}

/// The parts of ``DirectoryIndex`` built on demand.
final class LazyParts: Sendable {
    let delegateByID: Lazy<[String: Int]>
    let talks: Lazy<[[SessionRef]]>
    let delegateKeys: Lazy<[String]>
    let eventKeys: Lazy<[String]>
    let cityKeys: Lazy<[String]>
    let sessionKeys: Lazy<[[String]]>
    let placement: Lazy<DelegatePlacement>
    let delegateSearch: Lazy<DelegateSearchIndex>
    let nameRank: Lazy<[Int32]>

    init(directory d: Directory, cityByID: [String: Int], organizationByID: [String: Int], countryByCode: [String: Int],
         placement known: DelegatePlacement?) {
        if let known {
            placement = Lazy(known: known)
        } else {
            placement = Lazy { DelegatePlacement(d, cityByID: cityByID, countryByCode: countryByCode) }
        }
        let placement = self.placement
        nameRank = Lazy {
            // Fold every name once, sort the indices by those keys, then invert: rank[i] is i's place.
            let keys = d.delegates.indices.map { SearchFold.fold(d.delegates.name(at: $0)) }
            let order = keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
            var rank = [Int32](repeating: 0, count: keys.count)
            for (place, i) in order.enumerated() { rank[i] = Int32(place) }
            return rank
        }
        delegateSearch = Lazy {
            DelegateSearchIndex(directory: d, cityByID: cityByID, organizationByID: organizationByID,
                                placement: placement.value)
        }
        let delegateByID = Lazy<[String: Int]> {
            var map: [String: Int] = [:]
            map.reserveCapacity(d.delegates.count)
            for i in d.delegates.indices {
                let id = d.delegates.id(at: i)
                if map[id] == nil { map[id] = i }
            }
            return map
        }
        self.delegateByID = delegateByID
        talks = Lazy {
            let byID = delegateByID.value
            var talks = Array(repeating: [SessionRef](), count: d.delegates.count)
            for (ei, e) in d.events.enumerated() {
                for (si, s) in e.sessions.enumerated() {
                    for speaker in s.speakers {
                        if let di = byID[speaker] { talks[di].append(SessionRef(event: ei, session: si)) }
                    }
                }
            }
            return talks
        }
        delegateKeys = Lazy {
            let people = d.delegates
            return people.indices.map { i in
                // Unlisted: nothing to match, as in ``DelegateSearchIndex``.
                guard people.isListed(at: i) else { return "" }
                var text = people.name(at: i)
                if let role = people.role(at: i) { text += " " + role }
                if let o = people.organization(at: i), let oi = organizationByID[o] { text += " " + d.organizations[oi].name }
                if let c = people.city(at: i), let ci = cityByID[c] { text += " " + d.cities[ci].name }
                return SearchFold.fold(text)
            }
        }
        eventKeys = Lazy {
            d.events.map { e in
                var text = e.title + " " + (e.localTitle ?? "") + " " + (e.venue ?? "") + " " + e.kind
                if let c = e.city, let ci = cityByID[c] { text += " " + d.cities[ci].name }
                return SearchFold.fold(text)
            }
        }
        cityKeys = Lazy {
            d.cities.map { c in
                var text = c.name + " " + (c.creativeField ?? "")
                if let ki = countryByCode[c.country] { text += " " + d.countries[ki].name }
                return SearchFold.fold(text)
            }
        }
        sessionKeys = Lazy {
            let byID = delegateByID.value
            return d.events.map { e in
                e.sessions.map { s in
                    var text = s.title + " " + (s.room ?? "") + " " + (s.track ?? "")
                    for sp in s.speakers { if let di = byID[sp] { text += " " + d.delegates.name(at: di) } }
                    return SearchFold.fold(text)
                }
            }
        }
    }
}

/// Where each delegate is, as indices into the directory's cities and countries.
///
/// A city or country that is not recorded is ``notRecorded`` (-1); one that is
/// given but does not resolve is -1 too, and clears ``allResolved``.
struct DelegatePlacement: Sendable {
    static let notRecorded: Int32 = -1
    var city: [Int32]
    var country: [Int32]
    /// True when every delegate's given city and country resolved (always, in a validated directory).
    var allResolved: Bool

    init(city: [Int32], country: [Int32], allResolved: Bool) {
        self.city = city
        self.country = country
        self.allResolved = allResolved
    }

    init(_ d: Directory, cityByID: [String: Int], countryByCode: [String: Int]) {
        var allResolved = true
        // Each distinct id is looked up once; then every delegate is an array read.
        func indices(_ symbols: DelegateSymbols, _ byID: [String: Int]) -> [Int32] {
            let index = symbols.values.map { byID[$0].map(Int32.init) ?? -2 }
            return symbols.codes.map { code in
                guard code >= 0 else { return Self.notRecorded }
                let i = index[Int(code)]
                if i < 0 { allResolved = false; return -1 }
                return i
            }
        }
        city = indices(d.delegates.citySymbols, cityByID)
        country = indices(d.delegates.countrySymbols, countryByCode)
        self.allResolved = allResolved
    }
}
