import ConveneModel
import ConveneScreen
import ConveneText

extension ViewID {
    public static let delegates = ViewID(DelegatesView.self)
}

/// Delegates: one row per person (a million in the large test file); Enter opens their record.
enum DelegatesView: BrowserView {
    static let title = "Delegates"
    static let sortColumns = ["name", "country", "city", "organisation", "role"]

    static func rows(_ state: AppState) -> [RowRef] {
        let ix = state.index
        let sort = state.sort
        let d = ix.directory
        let items = ix.delegates(state.viewFilter)
        let rank = ix.delegateNameRank
        let name: (Int) -> Int32 = { rank[$0] }
        let down = sort.descending
        let sorted: [Int]
        switch sort.column {
        case 1: sorted = RowOrder.ordered(items, by: { RecordedFirst(d.delegates[$0].country.map(ix.countryName)) },
                                          then: name, descending: down)
        case 2: sorted = RowOrder.ordered(items, by: { RecordedFirst(d.delegates[$0].city.map(ix.cityName)) },
                                          then: name, descending: down)
        case 3: sorted = RowOrder.ordered(items, by: { SearchFold.fold(ix.organizationName(d.delegates[$0].organization)) },
                                          then: name, descending: down)
        case 4: sorted = RowOrder.ordered(items, by: { SearchFold.fold(d.delegates[$0].role ?? "") }, then: name, descending: down)
        default:
            if items.count > d.delegates.count / 64 {
                // Most of a large list: place each row at its rank, O(n) instead of a sort.
                var slots = [Int32](repeating: -1, count: d.delegates.count)
                for i in items { slots[Int(rank[i])] = Int32(i) }
                let byName = slots.compactMap { $0 >= 0 ? Int($0) : nil }
                sorted = down ? byName.reversed() : byName
            } else {
                // Ranks are distinct, so they order the rows on their own.
                let byName = items.sorted { rank[$0] < rank[$1] }
                sorted = down ? byName.reversed() : byName
            }
        }
        return sorted.map(RowRef.delegate)
    }

    /// Counted by the country's index, not its code: at a million rows this runs on every keystroke of a search.
    /// A country not recorded (-1) is not a country, so it is not counted, as in Summary.
    static func countries(of rows: [RowRef], in ix: DirectoryIndex) -> Int {
        let countryIndex = ix.delegateCountryIndex   // read once: the property takes a lock
        var seen = [Bool](repeating: false, count: ix.directory.countries.count)
        var count = 0
        for row in rows {
            guard case .delegate(let i) = row else { continue }
            let c = Int(countryIndex[i])
            if c >= 0, !seen[c] { seen[c] = true; count += 1 }
        }
        return count
    }

    static func columns(_ state: AppState) -> [Table.Column] {
        [.init("Name", width: .flexible(min: 14, weight: 2)), .init("Role", width: .flexible(min: 6, weight: 1)),
         .init("Organisation", width: .flexible(min: 8, weight: 2)), .init("City", width: .flexible(min: 6, weight: 1)),
         .init("Ctry", width: .fixed(4))]
    }

    static func cells(_ state: AppState, row i: Int) -> [String] {
        guard case .delegate(let p) = state.rows[i] else { return [] }
        let ix = state.index
        let person = ix.directory.delegates[p]
        return [ViewText.marked(person.name, person.illustrative), person.role ?? "", ix.organizationName(person.organization),
                ViewText.cell(person.city.map(ix.cityName)), ViewText.cell(person.country)]
    }

    static func isIllustrative(_ row: RowRef, in state: AppState) -> Bool {
        guard case .delegate(let i) = row else { return false }
        return state.index.directory.delegates[i].illustrative
    }

    static func detail(_ row: RowRef, in state: AppState) -> [DetailLine] {
        guard case .delegate(let i) = row else { return [] }
        return delegateDetail(state.index, i, state.agenda)
    }

    /// A delegate's lines: in the detail pane and in the delegate panel.
    static func delegateDetail(_ ix: DirectoryIndex, _ i: Int, _ agenda: PersonalAgenda = PersonalAgenda()) -> [DetailLine] {
        let p = ix.directory.delegates[i]
        var out: [DetailLine] = [.text(p.name, Theme.heading)]
        if let role = p.role { out.append(.field("Role", role)) }
        if p.organization != nil { out.append(.field("Organisation", ix.organizationName(p.organization))) }
        out.append(.field("From", ViewText.place(city: p.city, country: p.country, in: ix)))
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
        out += ViewText.illustrativeNote(p.illustrative, "person")
        return out
    }

    /// Enter opens the delegate's whole record in a panel.
    static func open(_ row: RowRef, in state: AppState) -> Opening? {
        guard case .delegate(let i) = row else { return nil }
        return .panel(.delegate(i, offset: 0))
    }

    static func statusCounts(_ state: AppState) -> String {
        ViewText.count(state.rows.count, "delegate") + " · " + ViewText.count(state.rowCountries, "country", "countries")
    }

    static func key(of row: RowRef, in ix: DirectoryIndex) -> RowKey? {
        guard case .delegate(let i) = row else { return nil }
        return RowKey(kind: "delegate", id: ix.directory.delegates[i].id)
    }
}
