/// The questions views and commands ask, answered under a ``Filter``.
///
/// Each answer is a list of indices into the directory's arrays, in directory
/// order; callers sort for display. Keeping indices (not copies) lets the
/// browser re-filter a large directory on every keystroke.
extension DirectoryIndex {
    /// True when delegate `i` passes the filter's country, city, event and field (not its search),
    /// and, while a session facet is active, speaks at a matching session (``speaksAtMatchingSession(_:_:)``).
    public func delegatePasses(_ i: Int, _ f: Filter) -> Bool {
        let delegates = directory.delegates
        // A place not recorded is ``NotRecorded/key`` here, so a filter can ask for it.
        if f.narrowsCountries, !f.countryAllows(delegates.country(at: i) ?? NotRecorded.key) { return false }
        if let city = f.city, (delegates.city(at: i) ?? NotRecorded.key) != city { return false }
        if let event = f.event, !delegates.events(at: i).contains(event) { return false }
        if let field = f.field, delegates.city(at: i).flatMap({ self.city($0) })?.creativeField != field { return false }
        if f.narrowsSessions, !speaksAtMatchingSession(i, f) { return false }
        return true
    }

    /// True when the filter's country, city and field allow the place event `e` is held in.
    ///
    /// A city passes as ``cityPasses(_:_:)`` says. Without a city, the city is ``NotRecorded/key``
    /// and there is no field; the country is the one the event names, else ``NotRecorded/key``.
    func eventPlacePasses(_ e: Event, _ f: Filter) -> Bool {
        switch e.place {
        case .city(let id):
            return city(id).map { cityPasses($0, f) } ?? false
        case .country(let code):
            return f.countryAllows(code) && (f.city == nil || f.city == NotRecorded.key) && f.field == nil
        case .notRecorded:
            return f.countryAllows(NotRecorded.key) && (f.city == nil || f.city == NotRecorded.key) && f.field == nil
        }
    }

    /// True when delegate `i` speaks at a session that passes the session facets (in the
    /// focused event, when there is one).
    func speaksAtMatchingSession(_ i: Int, _ f: Filter) -> Bool {
        let focused = f.event.flatMap { eventByID[$0] }
        return talks[i].contains { r in
            (f.event == nil || r.event == focused) && f.sessionPasses(session(r))
        }
    }

    /// The speakers (delegate indices, ascending, each once) of the sessions that pass the
    /// session facets, in the focused event when there is one. Used only while a session
    /// facet is active: then Delegates lists these people.
    func matchingSpeakers(_ f: Filter) -> [Int] {
        let byID = delegateByID
        var seen = Set<Int>()
        for e in directory.events {
            if let event = f.event, e.id != event { continue }
            for s in e.sessions where f.sessionPasses(s) {
                for id in s.speakers { if let di = byID[id] { seen.insert(di) } }
            }
        }
        return seen.sorted()
    }

    /// Delegates that pass the filter, including its search text.
    ///
    /// Filters with ``DelegateFilter`` (integer compares) and searches with
    /// ``delegateSearch``; a keystroke that extends the previous search under the
    /// same filter only re-checks the previous hits.
    public func delegates(_ f: Filter) -> [Int] {
        guard let value = f.breakdownValue else { return delegatesPassing(f) }
        var rest = f
        rest.breakdownValue = nil
        return delegatesPassing(rest).filter { breakdownKey(value.by, at: $0) == value.key }
    }

    /// ``delegates(_:)`` for everything but the filter's ``Filter/breakdownValue``.
    func delegatesPassing(_ f: Filter) -> [Int] {
        guard let compiled = DelegateFilter(self, f) else { return delegatesComparingStrings(f) }
        let eventCandidates = f.event.flatMap { eventByID[$0] }.map { attendees[$0] }
        let searching = !SearchQuery(f.search).isEmpty
        var passing: [Int]?
        if f.narrowsSessions {
            // Only speakers can pass: check them, not every delegate.
            passing = matchingSpeakers(f).filter(compiled.passes)
        } else if let eventCandidates {
            passing = eventCandidates.filter(compiled.passes)
        } else if !compiled.passesEveryone {
            passing = directory.delegates.indices.filter(compiled.passes)
        }
        guard searching else { return passing ?? Array(directory.delegates.indices) }
        return delegateSearch.matches(f.search, among: passing, scope: f)
    }

    /// ``delegates(_:)`` by comparing id strings: for an index whose delegates do not all resolve.
    func delegatesComparingStrings(_ f: Filter) -> [Int] {
        let q = SearchQuery(f.search)
        let candidates: any Sequence<Int> = f.narrowsSessions
            ? matchingSpeakers(f)
            : f.event.flatMap { eventByID[$0] }.map { attendees[$0] } ?? Array(directory.delegates.indices)
        let keys = q.isEmpty ? [] : delegateKeys
        return candidates.filter { delegatePasses($0, f) && (q.isEmpty || q.matches(keys[$0])) }
    }

    /// True when the city itself passes the filter's country, city and field.
    public func cityPasses(_ c: City, _ f: Filter) -> Bool {
        if f.narrowsCountries, !f.countryAllows(c.country) { return false }
        if let city = f.city, c.id != city { return false }
        if let field = f.field, c.creativeField != field { return false }
        return true
    }

    /// Events held in a place the filter allows or attended by a delegate it allows, matching the search;
    /// while a session facet is active, only those with a session that passes it.
    public func events(_ f: Filter) -> [Int] {
        guard !f.narrowsSessions else {
            // The place test without the facets (an attendee need not speak), then the sessions.
            return events(f.withoutSessionFacets).filter { directory.events[$0].sessions.contains(where: f.sessionPasses) }
        }
        let q = SearchQuery(f.search)
        var out: [Int] = []
        let keys = q.isEmpty ? [] : eventKeys
        var compiled: DelegateFilter??  // compiled on first need
        for (i, e) in directory.events.enumerated() {
            if let id = f.event, e.id != id { continue }
            if !q.isEmpty, !q.matches(keys[i]) { continue }
            if !f.narrowsCountries && f.city == nil && f.field == nil {
                out.append(i)
                continue
            }
            if eventPlacePasses(e, f) { out.append(i); continue }
            if compiled == nil { compiled = .some(DelegateFilter(self, f)) }
            if let compiled = compiled ?? nil {
                if attendees[i].contains(where: compiled.passes) { out.append(i) }
            } else if attendees[i].contains(where: { delegatePasses($0, f) }) {
                out.append(i)
            }
        }
        return out
    }

    /// Delegates listed for event `i` who pass the filter (its search aside).
    public func listedCount(event i: Int, _ f: Filter) -> Int {
        var g = f.withoutSearch
        g.event = nil
        if g.isEmpty { return attendees[i].count }
        if let compiled = DelegateFilter(self, g) {
            return attendees[i].reduce(0) { $0 + (compiled.passes($1) ? 1 : 0) }
        }
        return attendees[i].reduce(0) { $0 + (delegatePasses($1, g) ? 1 : 0) }
    }

    /// Sessions of the events the filter allows that pass its session facets, matching the search, in start order.
    public func sessions(_ f: Filter) -> [SessionRef] {
        let q = SearchQuery(f.search)
        var out: [SessionRef] = []
        let keys = q.isEmpty ? [] : sessionKeys
        for ei in events(f.withoutSearch) {
            for (si, s) in directory.events[ei].sessions.enumerated()
            where f.sessionPasses(s) && (q.isEmpty || q.matches(keys[ei][si])) {
                out.append(SessionRef(event: ei, session: si))
            }
        }
        return out.sorted { a, b in
            let sa = session(a), sb = session(b)
            return sa.start != sb.start ? sa.start < sb.start : (a.event, a.session) < (b.event, b.session)
        }
    }

    public func session(_ r: SessionRef) -> Session { directory.events[r.event].sessions[r.session] }

    /// Cities the filter allows, matching the search; while a session facet is active, only the
    /// cities of the speakers it leaves (see ``Filter``).
    public func cities(_ f: Filter) -> [Int] {
        let q = SearchQuery(f.search)
        let keys = q.isEmpty ? [] : cityKeys
        let speakersCities = f.narrowsSessions ? delegateCountsByCity(f) : nil
        return directory.cities.indices.filter { i in
            cityPasses(directory.cities[i], f) && (q.isEmpty || q.matches(keys[i]))
                && speakersCities.map { ($0[directory.cities[i].id] ?? 0) > 0 } ?? true
        }
    }

    /// Delegates per city id among those the filter allows (search aside); those whose
    /// city is not recorded are counted under ``NotRecorded/key``.
    public func delegateCountsByCity(_ f: Filter) -> [String: Int] {
        let people = delegates(f.withoutSearch)
        let placement = self.placement
        guard placement.allResolved else {
            var counts: [String: Int] = [:]
            for i in people { counts[directory.delegates.city(at: i) ?? NotRecorded.key, default: 0] += 1 }
            return counts
        }
        var perCity = [Int](repeating: 0, count: directory.cities.count)
        var unrecorded = 0
        for i in people {
            let c = placement.city[i]
            if c < 0 { unrecorded += 1 } else { perCity[Int(c)] += 1 }
        }
        var counts: [String: Int] = [:]
        for (ci, n) in perCity.enumerated() where n > 0 { counts[directory.cities[ci].id, default: 0] += n }
        if unrecorded > 0 { counts[NotRecorded.key] = unrecorded }
        return counts
    }
}
