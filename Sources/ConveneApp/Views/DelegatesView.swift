import ConveneModel
import ConveneScreen
import ConveneText

extension ViewID {
    public static let delegates = ViewID(DelegatesView.self)
}

/// Delegates: one row per person (a million in the large test file); Enter opens their record.
///
/// Delegates who asked not to be named (``Delegate/listed``) have no row: one last row,
/// `.record(.delegates, n)`, says "n unlisted delegates", and the status line counts them.
/// A search never finds them, so under a search that row is never there.
enum DelegatesView: BrowserView {
    static let title = "Delegates"
    static let sortColumns = ["name", "country", "city", "organisation", "role"]

    /// Sorted by name (the default) the rows come from the precomputed name order, walked once
    /// and kept where the delegate passes: no sort, and no list of a million row values
    /// (see ``RowList``). Every row back (no filter, no search) is that order itself.
    static func rows(_ state: AppState) -> RowList {
        let ix = state.index
        let sort = state.sort
        let f = state.viewFilter
        let down = sort.descending
        if sort.column == 0 || !sortColumns.indices.contains(sort.column) {
            if f.isEmpty {
                let (order, unlisted) = ix.listedNameOrder
                return RowList(delegates: down ? order.reversed() : order, unlisted: unlisted)
            }
            if let found = ix.searchHits(f) {
                // A search never finds an unlisted delegate: there is no aggregate row under it.
                return RowList(delegates: found.filter(ix.delegateNameOrder, reversed: down), unlisted: 0)
            }
        }
        let found = ix.delegates(f)
        if sort.column == 0 || !sortColumns.indices.contains(sort.column), found.count > ix.directory.delegates.count / 64 {
            // Most of a large list (a filter change): walk the listed name order through the hits. The unlisted
            // are left out by the order itself, with no look at each delegate, and counted as what the walk did not keep.
            let listed = DelegateSet(found, universe: ix.directory.delegates.count).filter(ix.listedNameOrder.order, reversed: down)
            return RowList(delegates: listed, unlisted: found.count - listed.count)
        }
        let (items, unlisted) = ix.splitListed(found)
        return RowList(delegates: ordered(items, in: state), unlisted: unlisted)
    }

    /// The listed delegates `items` (directory order) in the order of the view's sort.
    static func ordered(_ items: [Int], in state: AppState) -> [Int32] {
        let ix = state.index
        let d = ix.directory
        let sort = state.sort
        let rank = ix.delegateNameRank
        let name: (Int) -> Int32 = { rank[$0] }
        let down = sort.descending
        let sorted: [Int]
        switch sort.column {
        case 1: sorted = RowOrder.ordered(items, by: { RecordedFirst(d.delegates.country(at: $0).map(ix.countryName)) },
                                          then: name, descending: down)
        case 2: sorted = RowOrder.ordered(items, by: { RecordedFirst(d.delegates.city(at: $0).map(ix.cityName)) },
                                          then: name, descending: down)
        case 3: sorted = RowOrder.ordered(items, by: { SearchFold.fold(ix.organizationName(d.delegates.organization(at: $0))) },
                                          then: name, descending: down)
        case 4: sorted = RowOrder.ordered(items, by: { SearchFold.fold(d.delegates.role(at: $0) ?? "") }, then: name, descending: down)
        default:
            if items.count > d.delegates.count / 64 {
                // Most of a large list: walk the name order once and keep the rows found, O(n) instead of a sort.
                return DelegateSet(items, universe: d.delegates.count).filter(ix.delegateNameOrder, reversed: down)
            }
            // Ranks are distinct, so they order the rows on their own.
            let byName = items.sorted { rank[$0] < rank[$1] }
            sorted = down ? byName.reversed() : byName
        }
        return sorted.map { Int32($0) }
    }

    /// The number of unlisted delegates the last row stands for, or 0 when there is no such row.
    static func unlistedCount(_ rows: RowList) -> Int {
        if case .record(.delegates, let n)? = rows.last { return n }
        return 0
    }

    /// Counted by the country's index, not its code, and stopped as soon as every country the
    /// filter lets through has been seen (``DirectoryIndex/countriesReachable(under:)``: the
    /// summary is not counted for this). At a million rows this runs on every
    /// keystroke of a search; the first few hundred rows usually show every country.
    /// A country not recorded (-1) is not a country, so it is not counted, as in Summary.
    static func rowCountries(_ state: AppState) -> Int {
        let ix = state.index
        let countryIndex = ix.delegateCountryIndex   // read once: the property takes a lock
        let reachable = ix.countriesReachable(under: state.filter)
        var seen = [Bool](repeating: false, count: ix.directory.countries.count)
        var count = 0
        func see(_ i: Int) -> Bool {
            let c = Int(countryIndex[i])
            if c >= 0, !seen[c] { seen[c] = true; count += 1 }
            return count >= reachable
        }
        guard reachable > 0 else { return 0 }
        if let slots = state.rows.delegateIndices {
            for i in slots where see(Int(i)) { break }
        } else {
            for case .delegate(let i) in state.rows where see(i) { break }
        }
        return count
    }

    static func columns(_ state: AppState) -> [Table.Column] {
        [.init("Name", width: .flexible(min: 14, weight: 2)), .init("Role", width: .flexible(min: 6, weight: 1)),
         .init("Organisation", width: .flexible(min: 8, weight: 2)), .init("City", width: .flexible(min: 6, weight: 1)),
         .init("Ctry", width: .fixed(4))]
    }

    static func cells(_ state: AppState, row i: Int) -> [String] {
        if case .record(.delegates, let n) = state.rows[i] { return [UnlistedDelegates.line(n), "", "", "", ""] }
        guard case .delegate(let p) = state.rows[i] else { return [] }
        let ix = state.index
        let person = ix.directory.delegates[p]
        return [ViewText.marked(person.name, person.illustrative), person.role ?? "", ix.organizationName(person.organization),
                ViewText.cell(person.city.map(ix.cityName)), ViewText.cell(person.country)]
    }

    static func isIllustrative(_ row: RowRef, in state: AppState) -> Bool {
        guard case .delegate(let i) = row else { return false }
        return state.index.directory.delegates.isIllustrative(at: i)
    }

    static func rowStyle(_ row: RowRef, in state: AppState) -> Style? {
        if case .record(.delegates, _) = row { return Theme.illustrative }
        return isIllustrative(row, in: state) ? Theme.illustrative : nil
    }

    static func detail(_ row: RowRef, in state: AppState) -> [DetailLine] {
        if case .record(.delegates, let n) = row { return unlistedDetail(n) }
        guard case .delegate(let i) = row else { return [] }
        return delegateDetail(state.index, i, state.agenda)
    }

    /// The aggregate row's detail: how many, and why there are no names.
    static func unlistedDetail(_ n: Int) -> [DetailLine] {
        [.text(UnlistedDelegates.line(n), Theme.heading),
         .text(n == 1 ? "This delegate asked not to be named." : "These delegates asked not to be named."),
         .text("They are counted in every number, but their names, roles and organisations are not shown.",
               Theme.illustrative)]
    }

    /// A delegate's lines: in the detail pane and in the delegate panel.
    ///
    /// An unlisted delegate's record is never shown, whoever asks (a speaker's panel included).
    static func delegateDetail(_ ix: DirectoryIndex, _ i: Int, _ agenda: PersonalAgenda = PersonalAgenda()) -> [DetailLine] {
        let p = ix.directory.delegates[i]
        guard p.listed else { return [.text(UnlistedDelegates.speakerNote, Theme.illustrative)] }
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

    /// With the unlisted row there is no search, so the rows are the summary's people: its countries count them too.
    static func statusCounts(_ state: AppState) -> String {
        let unlisted = unlistedCount(state.rows)
        let people = unlisted > 0 ? state.rows.count - 1 + unlisted : state.rows.count
        let countries = unlisted > 0 ? state.summary.countries : state.rowCountries
        return ViewText.count(people, "delegate") + " · " + ViewText.count(countries, "country", "countries")
    }

    static func key(of row: RowRef, in ix: DirectoryIndex) -> RowKey? {
        guard case .delegate(let i) = row else { return nil }
        return RowKey(kind: "delegate", id: ix.directory.delegates[i].id)
    }
}
