import ConveneModel
import ConveneScreen
import ConveneText

extension ViewID {
    public static let cities = ViewID(CitiesView.self)
}

/// Cities: the network's cities with their delegates; Enter lists a city's delegates.
enum CitiesView: BrowserView {
    static let title = "Cities"
    static let sortColumns = ["name", "country", "field", "member since", "delegates"]
    static let countColumns: Set<Int> = [4]

    static func rows(_ state: AppState) -> RowList {
        let ix = state.index
        let d = ix.directory
        let items = ix.cities(state.viewFilter)
        let counts = ix.delegateCountsByCity(state.viewFilter)
        let name: (Int) -> String = { SearchFold.fold(d.cities[$0].name) }
        let down = state.sort.descending
        let sorted: [Int]
        switch state.sort.column {
        case 1: sorted = RowOrder.ordered(items, by: { ix.countryName(d.cities[$0].country) }, then: name, descending: down)
        case 2: sorted = RowOrder.ordered(items, by: { d.cities[$0].creativeField ?? "~" }, then: name, descending: down)
        case 3: sorted = RowOrder.ordered(items, by: { d.cities[$0].memberSince ?? 9999 }, then: name, descending: down)
        case 4: sorted = RowOrder.ordered(items, by: { counts[d.cities[$0].id] ?? 0 }, then: name, descending: down)
        default: sorted = RowOrder.ordered(items, by: name, then: { d.cities[$0].id }, descending: down)
        }
        return RowList(sorted.map(RowRef.city))
    }

    static func rowCountries(_ state: AppState) -> Int {
        let ix = state.index
        var countries = Set<String>()
        for row in state.rows { if case .city(let i) = row { countries.insert(ix.directory.cities[i].country) } }
        return countries.count
    }

    static func columns(_ state: AppState) -> [Table.Column] {
        [.init("City", width: .flexible(min: 10, weight: 2)), .init("Country", width: .flexible(min: 8, weight: 2)),
         .init("Creative field", width: .flexible(min: 8, weight: 2)), .init("Since", width: .fixed(5), alignment: .right),
         .init("Delegates", width: .fixed(9), alignment: .right)]
    }

    static func cells(_ state: AppState, row i: Int) -> [String] {
        guard case .city(let c) = state.rows[i] else { return [] }
        let ix = state.index
        let city = ix.directory.cities[c]
        return [ViewText.marked(city.name, city.illustrative), ix.countryName(city.country), city.creativeField ?? "",
                city.memberSince.map(String.init) ?? "", String(state.cityCounts[city.id] ?? 0)]
    }

    static func isIllustrative(_ row: RowRef, in state: AppState) -> Bool {
        guard case .city(let i) = row else { return false }
        return state.index.directory.cities[i].illustrative
    }

    static func detail(_ row: RowRef, in state: AppState) -> [DetailLine] {
        guard case .city(let i) = row else { return [] }
        let ix = state.index
        let d = ix.directory
        let c = d.cities[i]
        var out: [DetailLine] = [.text(c.name, Theme.heading), .field("Country", ix.countryName(c.country)),
                                 .field("Time zone", c.timeZone)]
        if let field = c.creativeField {
            out.append(.field("Creative field", field))
            out.append(.field("Member since", c.memberSince.map(String.init) ?? "–"))
        } else {
            out.append(.text("Not a member of the Creative Cities Network", Theme.illustrative))
        }
        out.append(.field("Delegates", String(state.cityCounts[c.id] ?? 0)))
        let hosted = d.events.filter { $0.city == c.id }.map { "\($0.start.components().date) \($0.title)" }
        if !hosted.isEmpty {
            out.append(.blank)
            out.append(.text("Events held here", Theme.heading))
            out += hosted.map { .text("  " + $0) }
        }
        out.append(.blank)
        out.append(.text("Enter lists this city's delegates", Theme.illustrative))
        return out
    }

    /// Enter lists the city's delegates.
    static func open(_ row: RowRef, in state: AppState) -> Opening? {
        guard case .city(let i) = row else { return nil }
        let city = state.index.directory.cities[i]
        var filter = state.filter
        filter.city = city.id
        return .show(.delegates, filter: filter, clearingSearch: true, message: "Delegates from \(city.name); x clears the filter")
    }

    static func statusCounts(_ state: AppState) -> String {
        ViewText.count(state.rows.count, "city", "cities") + " · " + ViewText.count(state.rowCountries, "country", "countries")
    }

    static func key(of row: RowRef, in ix: DirectoryIndex) -> RowKey? {
        guard case .city(let i) = row else { return nil }
        return RowKey(kind: "city", id: ix.directory.cities[i].id)
    }
}
