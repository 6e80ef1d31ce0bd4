import ConveneModel
import ConveneText

/// Builds the rows of a view from the state's filter, search and sort.
enum RowBuilder {
    /// How many countries the delegates or cities among `rows` come from.
    ///
    /// Delegates are counted by their country's index, not its code: at a million
    /// rows this runs on every keystroke of a search.
    static func countryCount(of rows: [RowRef], in ix: DirectoryIndex) -> Int {
        let d = ix.directory
        guard case .delegate? = rows.first else {
            var cities = Set<String>()
            for row in rows { if case .city(let i) = row { cities.insert(d.cities[i].country) } }
            return cities.count
        }
        let countryIndex = ix.delegateCountryIndex   // read once: the property takes a lock
        var seen = [Bool](repeating: false, count: d.countries.count + 1)
        var count = 0
        for row in rows {
            guard case .delegate(let i) = row else { continue }
            let c = Int(countryIndex[i]) + 1  // -1 (unknown) becomes slot 0
            if !seen[c] { seen[c] = true; count += 1 }
        }
        return count
    }

    static func rows(for view: ViewID, state: AppState) -> [RowRef] {
        let ix = state.index
        let f = state.viewFilter
        let sort = state.sort
        let d = ix.directory
        // Keys are computed once per row, not once per comparison: at a million rows
        // that is the difference between a fraction of a second and a minute.
        func ordered<T: Comparable, U: Comparable>(_ items: [Int], by key: (Int) -> T, then tie: (Int) -> U) -> [Int] {
            // Descending turns the column round, not the tie-break: equal counts stay A to Z.
            let keyed = items.map { (key($0), tie($0), $0) }
            let descending = sort.descending
            return keyed.sorted { a, b in
                if a.0 != b.0 { return descending ? a.0 > b.0 : a.0 < b.0 }
                return a.1 != b.1 ? a.1 < b.1 : a.2 < b.2
            }.map(\.2)
        }
        switch view {
        case .events:
            let items = ix.events(f)
            let title: (Int) -> String = { SearchFold.fold(d.events[$0].title) }
            let sorted: [Int]
            switch sort.column {
            case 1: sorted = ordered(items, by: title, then: { d.events[$0].id })
            case 2: sorted = ordered(items, by: { SearchFold.fold(ix.cityName(d.events[$0].city)) }, then: title)
            case 3: sorted = ordered(items, by: { ix.city(d.events[$0].city)?.country ?? "" }, then: title)
            case 4: sorted = ordered(items, by: { ix.listedCount(event: $0, f) }, then: title)
            default: sorted = ordered(items, by: { d.events[$0].start }, then: title)
            }
            return sorted.map(RowRef.event)
        case .agenda:
            var refs = ix.sessions(f)
            if state.agenda.starredOnly { refs = refs.filter { state.agenda.stars.contains(ix.session($0).id) } }
            switch sort.column {
            case 1: refs.sort { SearchFold.fold(ix.session($0).title) < SearchFold.fold(ix.session($1).title) }
            case 2: refs.sort { (ix.session($0).room ?? "", ix.session($0).start) < (ix.session($1).room ?? "", ix.session($1).start) }
            case 3: refs.sort { (ix.session($0).track ?? "", ix.session($0).start) < (ix.session($1).track ?? "", ix.session($1).start) }
            default: break
            }
            if sort.descending { refs.reverse() }
            return refs.map { RowRef.session(event: $0.event, session: $0.session) }
        case .delegates:
            let items = ix.delegates(f)
            let rank = ix.delegateNameRank
            let name: (Int) -> Int32 = { rank[$0] }
            let sorted: [Int]
            switch sort.column {
            case 1: sorted = ordered(items, by: { ix.countryName(d.delegates[$0].country) }, then: name)
            case 2: sorted = ordered(items, by: { ix.cityName(d.delegates[$0].city) }, then: name)
            case 3: sorted = ordered(items, by: { SearchFold.fold(ix.organizationName(d.delegates[$0].organization)) }, then: name)
            case 4: sorted = ordered(items, by: { SearchFold.fold(d.delegates[$0].role ?? "") }, then: name)
            default:
                if items.count > d.delegates.count / 64 {
                    // Most of a large list: place each row at its rank, O(n) instead of a sort.
                    var slots = [Int32](repeating: -1, count: d.delegates.count)
                    for i in items { slots[Int(rank[i])] = Int32(i) }
                    let byName = slots.compactMap { $0 >= 0 ? Int($0) : nil }
                    sorted = sort.descending ? byName.reversed() : byName
                } else {
                    // Ranks are distinct, so they order the rows on their own.
                    let byName = items.sorted { rank[$0] < rank[$1] }
                    sorted = sort.descending ? byName.reversed() : byName
                }
            }
            return sorted.map(RowRef.delegate)
        case .cities:
            let items = ix.cities(f)
            let counts = ix.delegateCountsByCity(f)
            let name: (Int) -> String = { SearchFold.fold(d.cities[$0].name) }
            let sorted: [Int]
            switch sort.column {
            case 1: sorted = ordered(items, by: { ix.countryName(d.cities[$0].country) }, then: name)
            case 2: sorted = ordered(items, by: { d.cities[$0].creativeField ?? "~" }, then: name)
            case 3: sorted = ordered(items, by: { d.cities[$0].memberSince ?? 9999 }, then: name)
            case 4: sorted = ordered(items, by: { counts[d.cities[$0].id] ?? 0 }, then: name)
            default: sorted = ordered(items, by: name, then: { d.cities[$0].id })
            }
            return sorted.map(RowRef.city)
        case .summary:
            let s = state.summary
            var rows: [RowRef] = [.heading("By country")]
            rows += s.byCountry.map { .bar(.country, key: $0.key) }
            rows.append(.heading("By city"))
            rows += s.byCity.map { .bar(.city, key: $0.key) }
            rows.append(.heading("By creative field"))
            rows += s.byField.map { .bar(.field, key: $0.key) }
            rows.append(.heading("Per event: listed / reported"))
            rows += s.perEvent.compactMap { line in ix.eventByID[line.id].map(RowRef.eventLine) }
            return rows
        }
    }
}
