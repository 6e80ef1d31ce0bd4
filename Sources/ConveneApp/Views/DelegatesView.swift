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

    static func rows(_ state: AppState) -> [RowRef] {
        let ix = state.index
        let sort = state.sort
        let d = ix.directory
        let (items, unlisted) = ix.splitListed(ix.delegates(state.viewFilter))
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
        // The unlisted come last, as one row, whatever the sort: nothing about them may order the list.
        return sorted.map(RowRef.delegate) + (unlisted > 0 ? [RowRef.record(.delegates, unlisted)] : [])
    }

    /// The number of unlisted delegates the last row stands for, or 0 when there is no such row.
    static func unlistedCount(_ rows: [RowRef]) -> Int {
        if case .record(.delegates, let n)? = rows.last { return n }
        return 0
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
