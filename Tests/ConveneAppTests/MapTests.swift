@testable import ConveneApp
import ConveneModel
import ConveneScreen
import Foundation
import Testing

/// The Map (issue 16): cities on Natural Earth's land, marks by delegates, arrows to the nearest city.
@Suite struct MapTests {
    static func state(width: Int = 80, height: Int = 24) -> AppState {
        var state = Sample.state(width: width, height: height)
        state.apply(.showView(.map))
        return state
    }

    static func selectedCity(_ state: AppState) -> City? {
        guard case .city(let i)? = state.selectedRow else { return nil }
        return state.index.directory.cities[i]
    }

    static func select(_ id: String, in state: inout AppState) throws {
        let i = try #require(state.rows.firstIndex {
            if case .city(let c) = $0 { return state.index.directory.cities[c].id == id }
            return false
        })
        var p = state.position
        p.selected = i
        state.position = p
    }

    // MARK: Snapshots

    @Test(arguments: [(80, 24), (120, 40), (40, 10), (200, 60)])
    func theSampleRendersAtEverySize(width: Int, height: Int) {
        Snapshot.assert(ScreenRenderer.render(Self.state(width: width, height: height)), named: "map-\(width)x\(height)")
    }

    @Test func zoomedInOnHanoiRendersAt80x24() throws {
        var state = Self.state()
        try Self.select("hanoi", in: &state)
        state.type("++")
        Snapshot.assert(ScreenRenderer.render(state), named: "map-hanoi-zoom4-80x24")
    }

    // MARK: Keys

    @Test(arguments: [(Key.right, "macao"), (Key.down, "hue"), (Key.up, "chongqing"), (Key.left, "chiang-rai")])
    func anArrowGoesToTheNearestCityThatWay(key: Key, expected: String) throws {
        var state = Self.state()
        try Self.select("hanoi", in: &state)
        state.press(key)
        #expect(Self.selectedCity(state)?.id == expected)
        #expect(state.view == .map)
    }

    @Test func rightKeepsGoingEastUntilTheLastCity() throws {
        var state = Self.state()
        try Self.select("santos", in: &state)
        var longitudes: [Double] = []
        for _ in 0..<200 {
            guard let c = Self.selectedCity(state), let lon = c.longitude else { break }
            if longitudes.last == lon { break }
            longitudes.append(lon)
            state.press(.right)
        }
        #expect(longitudes == longitudes.sorted())
        #expect(longitudes.count > 5)
        let east = state.index.directory.cities.compactMap(\.longitude).max()
        #expect(longitudes.last == east)
        #expect(state.message == "No city further east")
    }

    @Test func plusAndMinusZoomOnTheSelectedCityAndBackToTheWorld() throws {
        var state = Self.state()
        try Self.select("kanazawa", in: &state)
        let fit = state.mapViewport().degreesPerDot
        state.type("+")
        #expect(state.map.zoom == 1)
        #expect(state.mapViewport().degreesPerDot == fit / 2)
        #expect(state.mapViewport().centerLongitude == Self.selectedCity(state)?.longitude)
        state.type("--")
        #expect(state.map.zoom == -1 && state.map.centerLongitude == nil)
        for _ in 0..<10 { state.type("-") }
        #expect(state.message == "The whole world")
        #expect(MapViewport.zoomRange.contains(state.map.zoom))
        // The world: every longitude fits.
        let world = state.mapViewport()
        #expect(Double(world.dotWidth) * world.degreesPerDot >= 360)
    }

    @Test func aZoomedMapFollowsTheSelectionOffItsEdge() throws {
        var state = Self.state()
        try Self.select("hanoi", in: &state)
        state.type("++++")
        for _ in 0..<3 { state.press(.right) }
        let city = try #require(Self.selectedCity(state))
        #expect(state.mapViewport().cell(latitude: city.latitude ?? 0, longitude: city.longitude ?? 0) != nil)
    }

    @Test func enterListsTheCitysDelegates() throws {
        var state = Self.state()
        try Self.select("hanoi", in: &state)
        state.press(.enter)
        #expect(state.view == .delegates)
        #expect(state.filter.city == "hanoi")
        #expect(state.rows.count == state.cityCounts["hanoi"])
        #expect(state.rows.count > 0)
    }

    @Test func theMarksFollowTheCountsUnderTheFilter() throws {
        var state = Self.state()
        state.filter.countries = ["JP"]
        state.refresh()
        let layer = state.map.layer
        #expect(!layer.places.isEmpty)
        for p in layer.places {
            let city = state.index.directory.cities[p.city]
            #expect(city.country == "JP")
            #expect(p.delegates == state.summary.byCity.first { $0.key == city.id }?.count ?? 0)
        }
        // The region is Japan's now, not all of East Asia.
        let box = try #require(layer.box)
        #expect(box.west > 125 && box.east < 146)
    }

    /// Without colour the marks are shapes and the selection is reversed.
    @Test func theMapReadsWithoutColour() throws {
        var state = Self.state()
        try Self.select("hanoi", in: &state)
        let grid = ScreenRenderer.render(state)
        let viewport = state.mapViewport()
        let at = try #require(viewport.cell(latitude: 21.0245, longitude: 105.8412))
        #expect(grid.lines[at.row].dropFirst(at.column).first == "◉")
        #expect(Array(grid.styleLines[at.row])[at.column] == "R")
        let text = grid.lines.joined(separator: "\n")
        for mark in ["◉ 84 delegates", "● 5 delegates", "• 1–4 delegates", "· no delegates", "Not on the map (1)", "Enghien-les-Bains"] {
            #expect(text.contains(mark), "\(mark)")
        }
    }

    /// The land comes from Natural Earth: Hanoi's dot is land, the South China Sea's is not.
    @Test func theLandMaskDecodesWhole() {
        let mask = LandMask.shared
        #expect(mask.isLand(latitude: 21.03, longitude: 105.85))
        #expect(!mask.isLand(latitude: 15, longitude: 115))
        #expect(mask.isLand(latitude: 48.85, longitude: 2.35))
        #expect(!mask.isLand(latitude: 0, longitude: -140))
        // Every row decodes: the file's land is about 29% of the grid's cells (more near the poles).
        let share = Double(mask.landCells) / Double(mask.columns * mask.rows)
        #expect(share > 0.25 && share < 0.4)
    }
}

extension MapTests {
    @Test func aClickSelectsTheNearestCityAndTheWheelZooms() throws {
        var state = Self.state()
        let viewport = state.mapViewport()
        let at = try #require(viewport.cell(latitude: 1.2897, longitude: 103.8501))   // Singapore
        state.handle(.mouse(MouseEvent(kind: .click, row: at.row, column: at.column)))
        let selected = try #require(Self.selectedCity(state))
        let cell = viewport.cell(latitude: selected.latitude ?? 0, longitude: selected.longitude ?? 0)
        #expect(cell?.row == at.row && cell?.column == at.column, "a city drawn in the clicked cell: \(selected.id)")
        state.handle(.mouse(MouseEvent(kind: .wheelUp, row: at.row, column: at.column)))
        #expect(state.map.zoom == 1)
        state.handle(.mouse(MouseEvent(kind: .wheelDown, row: at.row, column: at.column)))
        #expect(state.map.zoom == 0)
    }
}

extension MapTests {
    /// Hostile names and coordinates at the poles and the date line draw cleanly at every size.
    @Test func hostileNamesAndEdgeCoordinatesRenderSafely() throws {
        let json = #"""
        {"format":"convene/1","title":"t","countries":[{"code":"VN","name":"V"}],
         "cities":[{"id":"a","name":"Evil\u001b[31m\u202eName\r\nX","country":"VN","timeZone":"UTC","latitude":-90,"longitude":180},
                   {"id":"b","name":"B","country":"VN","timeZone":"UTC","latitude":90,"longitude":-180},
                   {"id":"c","name":"C","country":"VN","timeZone":"UTC","latitude":0,"longitude":0},
                   {"id":"d","name":"D","country":"VN","timeZone":"UTC","latitude":0,"longitude":0}],
         "delegates":[{"id":"x","name":"X","city":"a","country":"VN"},{"id":"y","name":"Y","city":"c","country":"VN"}]}
        """#
        let index = try DirectoryLoader.loadIndex(bytes: Array(json.utf8), name: "hostile.json")
        for (width, height) in [(40, 10), (80, 24), (200, 60), (41, 11)] {
            var state = AppState(index: index, width: width, height: height)
            state.apply(.showView(.map))
            #expect(state.map.layer.places.count == 4)
            for action in [Action.moveRight, .moveDown, .zoomIn, .zoomIn, .moveLeft, .moveUp, .zoomOut, .zoomOut, .zoomOut] {
                state.apply(action)
                let text = ScreenRenderer.render(state).lines.joined()
                #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{202E}" })
            }
        }
    }
}

extension MapTests {
    @Test func aNewFilterBringsAPannedMapBackToItsSelectedCity() throws {
        var state = Self.state()
        try Self.select("santos", in: &state)
        state.type("+")                                     // zoomed in on Santos, far from Asia
        state.type("c")
        state.type("japan")
        state.press(.enter)
        #expect(state.view == .map)
        let city = try #require(Self.selectedCity(state))
        #expect(city.country == "JP")
        #expect(state.mapViewport().cell(latitude: city.latitude ?? 0, longitude: city.longitude ?? 0) != nil)
    }
}
