import ConveneModel
import ConveneScreen
import ConveneText

/// Draws the Map: the selected city's line, the land in Braille dots, the cities' marks, the
/// legend and the cities not on the map.
///
/// Pure, like every renderer. The land is one read of ``LandMask`` per dot; the marks are
/// shapes (· • ● ◉) and the selection is reversed, so the map reads the same without colour.
/// From 64 columns the legend and the "not on the map" list sit beside the map, below that
/// the legend is one line under it.
enum MapRenderer {
    static let land = Style(foreground: .green)
    static let mark = Style(foreground: .yellow)
    static let bigMark = Style(foreground: .yellow, bold: true)
    static let selected = Style(bold: true, reverse: true)
    /// From this width of the view's area the legend gets a column of its own.
    static let sidePanelWidth = 64

    /// Where the map itself goes inside the view's area: below the selected city's line,
    /// beside the legend (wide) or above it (narrow). Shared with ``AppState/mapViewport()``.
    static func mapArea(_ area: Rect, _ layer: MapLayer) -> Rect {
        let body = area.inset(top: 1)
        if area.width >= sidePanelWidth { return body.inset(right: panelWidth(area) + 1) }
        return body.inset(bottom: min(1, max(0, body.height - 1)))
    }

    static func panelWidth(_ area: Rect) -> Int { min(28, area.width / 3) }

    static func render(_ state: AppState, into grid: inout Grid, area: Rect) {
        guard !area.isEmpty else { return }
        let layer = state.map.layer
        let viewport = state.mapViewport()
        renderHeader(state, layer, area: area, &grid)
        viewport.land(style: land).render(into: &grid, area: viewport.area)
        if layer.places.isEmpty {
            grid.write(MapView.emptyNote(state) ?? "", row: viewport.area.row, column: viewport.area.column + 1,
                       maxWidth: viewport.area.width - 1, style: Theme.illustrative)
        }
        renderMarks(state, layer, viewport, &grid)
        if area.width >= sidePanelWidth {
            let panel = Rect(row: area.row + 1, column: area.right - panelWidth(area), width: panelWidth(area),
                             height: max(0, area.height - 1))
            renderPanel(state, layer, panel, &grid)
        } else if viewport.area.bottom < area.bottom {
            renderLegendLine(layer, row: viewport.area.bottom, area: area, &grid)
        }
    }

    /// "◉ Hanoi · Viet Nam · 18 delegates · Enter lists them", or what the zoom is.
    static func renderHeader(_ state: AppState, _ layer: MapLayer, area: Rect, _ grid: inout Grid) {
        var column = area.column
        if let p = state.selectedPlace {
            let ix = state.index
            let city = ix.directory.cities[p.city]
            column += grid.write(MapLayer.marks[p.level] + " ", row: area.row, column: column, maxWidth: area.right - column)
            column += grid.write(ViewText.marked(city.name, city.illustrative), row: area.row, column: column,
                                 maxWidth: area.right - column, style: Theme.heading)
            column += grid.write(" · \(ix.countryName(city.country)) · " + ViewText.count(p.delegates, "delegate"),
                                 row: area.row, column: column, maxWidth: area.right - column)
            if p.delegates > 0 {
                column += grid.write(" · Enter lists them", row: area.row, column: column, maxWidth: area.right - column,
                                     style: Theme.illustrative)
            }
        }
        let zoom = state.map.zoom == 0 ? "" : "zoom \(state.map.zoom > 0 ? "×" : "÷")\(1 << abs(state.map.zoom))"
        let zoomWidth = DisplayWidth.of(zoom)
        if !zoom.isEmpty, area.right - column > zoomWidth + 1 {
            grid.write(zoom, row: area.row, column: area.right - zoomWidth, style: Theme.illustrative)
        }
    }

    /// Every city's mark, smaller ones first so a larger one wins a shared cell; the selected
    /// city last, reversed, with its name beside it when there is room.
    static func renderMarks(_ state: AppState, _ layer: MapLayer, _ viewport: MapViewport, _ grid: inout Grid) {
        let order = layer.places.indices.sorted { (layer.places[$0].level, $1) < (layer.places[$1].level, $0) }
        for i in order {
            let p = layer.places[i]
            guard let at = viewport.cell(latitude: p.latitude, longitude: p.longitude) else { continue }
            grid.write(MapLayer.marks[p.level], row: at.row, column: at.column, maxWidth: 1, style: p.level == 3 ? bigMark : mark)
        }
        guard let p = state.selectedPlace, let at = viewport.cell(latitude: p.latitude, longitude: p.longitude) else { return }
        grid.write(MapLayer.marks[p.level], row: at.row, column: at.column, maxWidth: 1, style: selected)
        let name = Sanitizer.line(state.index.directory.cities[p.city].name)
        let width = DisplayWidth.of(name) + 2
        let map = viewport.area
        if at.column + 1 + width <= map.right {
            grid.write(" \(name) ", row: at.row, column: at.column + 1, style: Theme.selection)
        } else if at.column - width >= map.column {
            grid.write(" \(name) ", row: at.row, column: at.column - width, style: Theme.selection)
        }
    }

    /// The legend's entries: a mark and the counts it stands for ("10–18", "0"), largest first.
    static func legend(_ layer: MapLayer) -> [(mark: String, counts: String, one: Bool)] {
        var out: [(String, String, Bool)] = []
        for level in stride(from: 3, through: 1, by: -1) {
            guard let r = layer.levelRanges[level] else { continue }
            out.append((MapLayer.marks[level], r.lowerBound == r.upperBound ? "\(r.lowerBound)" : "\(r.lowerBound)–\(r.upperBound)",
                        r.upperBound == 1))
        }
        if layer.levelRanges[0] != nil { out.append((MapLayer.marks[0], "0", false)) }
        return out
    }

    static func renderPanel(_ state: AppState, _ layer: MapLayer, _ panel: Rect, _ grid: inout Grid) {
        var row = panel.row
        func line(_ text: String, _ style: Style = .plain) {
            guard row < panel.bottom else { return }
            grid.write(text, row: row, column: panel.column, maxWidth: panel.width, style: style)
            row += 1
        }
        line("Delegates per city", Theme.heading)
        for entry in legend(layer) {
            guard row < panel.bottom else { break }
            let used = grid.write(entry.mark, row: row, column: panel.column, maxWidth: 1, style: entry.mark == MapLayer.marks[3] ? bigMark : mark)
            let words = entry.counts == "0" ? "no delegates" : entry.counts + (entry.one ? " delegate" : " delegates")
            grid.write(" " + words, row: row, column: panel.column + used, maxWidth: panel.width - used)
            row += 1
        }
        if row < panel.bottom {
            let used = grid.write("⣿", row: row, column: panel.column, maxWidth: 1, style: land)
            grid.write(" land (Natural Earth)", row: row, column: panel.column + used, maxWidth: panel.width - used, style: Theme.illustrative)
            row += 1
        }
        guard !layer.unplaced.isEmpty, row + 2 <= panel.bottom else { return }
        row += 1
        line("Not on the map (\(layer.unplaced.count))", Theme.heading)
        let d = state.index.directory
        let room = panel.bottom - row
        let shown = layer.unplaced.count <= room ? layer.unplaced.count : max(0, room - 1)
        for i in layer.unplaced.prefix(shown) {
            let c = d.cities[i]
            line(ViewText.marked(c.name, c.illustrative) + " · " + String(state.cityCounts[c.id] ?? 0))
        }
        if shown < layer.unplaced.count { line("+\(layer.unplaced.count - shown) more (see Cities)", Theme.illustrative) }
    }

    /// The narrow legend: "◉ 10–18 ● 3–9 • 1–2 · 0 · 1 not on the map".
    static func renderLegendLine(_ layer: MapLayer, row: Int, area: Rect, _ grid: inout Grid) {
        var column = area.column
        for entry in legend(layer) {
            guard column < area.right else { return }
            column += grid.write(entry.mark, row: row, column: column, maxWidth: 1, style: entry.mark == MapLayer.marks[3] ? bigMark : mark)
            column += grid.write(" \(entry.counts)  ", row: row, column: column, maxWidth: area.right - column)
        }
        if !layer.unplaced.isEmpty, column < area.right {
            grid.write("\(layer.unplaced.count) not on the map", row: row, column: column, maxWidth: area.right - column,
                       style: Theme.illustrative)
        }
    }
}
