import ConveneModel
import ConveneScreen
import ConveneText

extension ViewID {
    public static let map = ViewID(MapView.self)
}

/// Map: where delegates come from, each city a mark on the land, sized by its delegates.
///
/// Its rows are the filtered cities that have coordinates, most delegates first, so the list
/// position is the selected city; Enter lists its delegates as in Cities. The arrows move to
/// the nearest city in their direction and `+`/`-` zoom (``AppState/applyMap(_:)``);
/// ``MapRenderer`` draws it from ``MapState/layer``, built once per refresh.
enum MapView: BrowserView {
    static let title = "Map"
    static let sortColumns: [String] = []
    static let fixedOrderNote = "The Map places cities where they are: 4 shows the Cities' sorts"
    static let hasDetailPane = false

    /// The filtered cities with coordinates: most delegates first, then by name.
    static func rows(_ state: AppState) -> RowList {
        let ix = state.index
        let d = ix.directory
        let counts = state.cityCounts
        let placed = ix.cities(state.viewFilter).filter { d.cities[$0].coordinates != nil }
        let name: (Int) -> String = { SearchFold.fold(d.cities[$0].name) }
        let sorted = RowOrder.ordered(placed, by: { counts[d.cities[$0].id] ?? 0 }, then: name, descending: true)
        return RowList(sorted.map(RowRef.city))
    }

    static func didRefresh(_ state: inout AppState) {
        let d = state.index.directory
        let cities = state.rows.compactMap { row -> Int? in if case .city(let i) = row { return i } else { return nil } }
        let unplaced = state.index.cities(state.viewFilter).filter { d.cities[$0].coordinates == nil }
        state.map.layer = MapLayer(cities: cities, unplaced: unplaced, counts: state.cityCounts, in: d)
        // A new filter may leave a panned map looking at no city: go to the selected one.
        state.keepSelectedCityInView()
    }

    static func rowCountries(_ state: AppState) -> Int {
        CitiesView.rowCountries(state)
    }

    static func columns(_ state: AppState) -> [Table.Column] { [] }
    static func cells(_ state: AppState, row i: Int) -> [String] { [] }

    static func isIllustrative(_ row: RowRef, in state: AppState) -> Bool {
        CitiesView.isIllustrative(row, in: state)
    }

    static func renderList(_ state: AppState, into grid: inout Grid, area: Rect) {
        MapRenderer.render(state, into: &grid, area: area)
    }

    static func detail(_ row: RowRef, in state: AppState) -> [DetailLine] {
        CitiesView.detail(row, in: state)
    }

    /// Enter lists the city's delegates, as in Cities.
    static func open(_ row: RowRef, in state: AppState) -> Opening? {
        CitiesView.open(row, in: state)
    }

    /// "31 cities on the map · 1 not on the map".
    static func statusCounts(_ state: AppState) -> String {
        let layer = state.map.layer
        return ViewText.count(layer.places.count, "city", "cities") + " on the map · "
            + "\(layer.unplaced.count) not on the map"
    }

    static func key(of row: RowRef, in ix: DirectoryIndex) -> RowKey? {
        CitiesView.key(of: row, in: ix)
    }

    static func searchLabel(of row: RowRef, in state: AppState) -> String {
        guard case .city(let i) = row else { return "" }
        return state.index.directory.cities[i].name
    }

    static func emptyNote(_ state: AppState) -> String? {
        "No city with coordinates under the current filter (x clears it)"
    }
}
