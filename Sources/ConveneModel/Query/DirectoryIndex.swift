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
    ///
    /// Looked at once and remembered: the picker asks on every frame, and at a million delegates who all
    /// have a country the answer is a walk over all of them.
    public var hasDelegatesWithoutCountry: Bool { lazy.hasDelegatesWithoutCountry.value }
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
    ///
    /// It also works out each printable letter's answer (``DelegateSearchIndex/prepareLetters()``):
    /// the first letter typed then only reads a bitset, even a letter that also matches through
    /// city and organisation names.
    public func prepareSearch() {
        lazy.delegateSearch.value.prepareLetters()
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
    ///
    /// It also counts what the country picker reads on its first frame (delegates per country, whether
    /// any has none, the session facets recorded): a walk over every delegate each, kept off that frame.
    public func prepareDetails() {
        _ = lazy.talks.value
        _ = lazy.countryCounts.value
        _ = lazy.hasDelegatesWithoutCountry.value
        _ = lazy.recordedSessionFacets.value
    }

    /// Delegate indices in alphabetical order of folded names: the inverse of ``delegateNameRank``.
    ///
    /// The Delegates list sorted by name is this order with the delegates not listed left out,
    /// so a keystroke walks it once instead of sorting what it found.
    public var delegateNameOrder: [Int32] { lazy.nameOrder.value }

    /// ``delegateNameOrder`` without the delegates who asked not to be named, and how many those are.
    ///
    /// The unfiltered Delegates list, ready made: back to every row (Esc, clearing the filter)
    /// costs no walk. When everyone is listed this is the name order itself, not a copy.
    public var listedNameOrder: (order: [Int32], unlisted: Int) { lazy.listedNameOrder.value }

    /// Builds ``delegateNameRank`` and the orders above now if they are not built yet; safe to call from any thread.
    public func prepareSorting() {
        _ = lazy.listedNameOrder.value
    }

    /// The session facets for which some session records a value: what the filter picker offers
    /// besides countries. Worked out once: the picker asks on every frame.
    public var recordedSessionFacets: Set<SessionFacet> { lazy.recordedSessionFacets.value }

    /// How many of the delegates ``delegates(_:)`` returns for `f` come from each country, by code;
    /// those whose country is not recorded under ``NotRecorded/key``. What the country picker shows.
    ///
    /// Counted by country index, not by hashing each delegate's code; with no filter at all the
    /// counts are worked out once and remembered, so the picker's every frame at a million
    /// delegates reads them instead of counting again.
    public func delegateCountryCounts(_ f: Filter) -> [String: Int] {
        guard placement.allResolved else {
            // A code that does not resolve has no index: count by the strings themselves.
            var counts: [String: Int] = [:]
            for i in delegates(f) { counts[directory.delegates.country(at: i) ?? NotRecorded.key, default: 0] += 1 }
            return counts
        }
        let perIndex = f.isEmpty ? lazy.countryCounts.value : Self.countByCountry(delegates(f), placement.country,
                                                                                 countries: directory.countries.count)
        return Self.countsByCode(perIndex, directory.countries)
    }

    /// How many countries can appear among the delegates `f` lets through: those with at least one
    /// delegate that `f`'s country test allows. An upper bound, read off counts made once, for
    /// counting the countries of a list with an early exit.
    public func countriesReachable(under f: Filter) -> Int {
        let counts = lazy.countryCounts.value
        var n = 0
        for (k, c) in directory.countries.enumerated() where counts[k] > 0 && f.countryAllows(c.code) { n += 1 }
        return n
    }

    /// Per country index, how many of `people` come from it; the last entry counts those with none.
    static func countByCountry(_ people: some Sequence<Int>, _ country: [Int32], countries: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: countries + 1)
        country.withUnsafeBufferPointer { country in
            for i in people {
                let c = Int(country[i])
                counts[c >= 0 ? c : countries] += 1
            }
        }
        return counts
    }

    /// Counts per country index as counts per code (the last entry under ``NotRecorded/key``), zero counts left out.
    static func countsByCode(_ perIndex: [Int], _ countries: [Country]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for (k, n) in perIndex.enumerated() where n > 0 {
            counts[k < countries.count ? countries[k].code : NotRecorded.key, default: 0] += n
        }
        return counts
    }

    /// The delegates ``delegates(_:)`` returns for `f`, as a bitset, when `f` is a search of one
    /// letter and nothing else; nil for any other filter (ask ``delegates(_:)``).
    ///
    /// The first letter typed matches most of a million delegates: its set is read off the
    /// search index (``DelegateSearchIndex/oneLetterSet(_:)``) instead of listed one by one.
    public func oneLetterHits(_ f: Filter) -> DelegateSet? {
        guard f.withoutSearch == Filter(), placement.allResolved else { return nil }
        return delegateSearch.oneLetterSet(f.search)
    }

    /// The delegates ``delegates(_:)`` returns for `f`, as a bitset, when `f` is a search and nothing
    /// else and the search index answers it with sets (``DelegateSearchIndex/matchSet(_:)``): the
    /// first letter, a common pair of letters, and the letters typed after them while the answer
    /// stays large. Nil otherwise (ask ``delegates(_:)``).
    public func searchHits(_ f: Filter) -> DelegateSet? {
        guard f.withoutSearch == Filter(), placement.allResolved else { return nil }
        return delegateSearch.matchSet(f.search)
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
    let nameOrder: Lazy<[Int32]>
    let hasDelegatesWithoutCountry: Lazy<Bool>
    let recordedSessionFacets: Lazy<Set<SessionFacet>>
    /// Delegates per country index over everyone, the last entry for those without one.
    let countryCounts: Lazy<[Int]>
    let listedNameOrder: Lazy<(order: [Int32], unlisted: Int)>

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
        let nameRank = self.nameRank
        hasDelegatesWithoutCountry = Lazy { d.delegates.containsUnrecordedCountry }
        recordedSessionFacets = Lazy {
            Set(SessionFacet.allCases.filter { facet in
                d.events.contains { $0.sessions.contains { facet.value(of: $0) != NotRecorded.key } }
            })
        }
        countryCounts = Lazy {
            DirectoryIndex.countByCountry(d.delegates.indices, placement.value.country, countries: d.countries.count)
        }
        let nameOrder = Lazy<[Int32]> {
            let rank = nameRank.value
            var order = [Int32](repeating: 0, count: rank.count)
            for (i, place) in rank.enumerated() { order[Int(place)] = Int32(i) }
            return order
        }
        self.nameOrder = nameOrder
        listedNameOrder = Lazy {
            let order = nameOrder.value
            let unlisted = d.delegates.reduce(0) { $0 + ($1.listed ? 0 : 1) }
            guard unlisted > 0 else { return (order, 0) }
            return (order.filter { d.delegates[Int($0)].listed }, unlisted)
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
