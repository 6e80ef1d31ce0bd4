import ConveneModel
import ConveneScreen

/// The Map's own state: the zoom, where a zoomed map is centred, and the cities placed.
///
/// The selected city is the view's list position (its rows are the placed cities); `layer` is
/// derived, rebuilt by ``MapView/didRefresh(_:)`` after each ``AppState/refresh()``.
public struct MapState: Sendable {
    /// Steps from the fit: positive is closer (`+`), negative farther (`-`), see ``MapViewport/zoomRange``.
    public var zoom = 0
    /// The centre of a zoomed-in map, in degrees; nil for the centre of the region.
    public var centerLatitude: Double?
    public var centerLongitude: Double?
    /// The cities placed under the current filter.
    var layer = MapLayer()

    public init() {}
}

extension AppState {
    /// The Map's viewport at the current size, zoom and centre.
    func mapViewport() -> MapViewport {
        let area = MapRenderer.mapArea(Layout(width: width, height: height, view: .map).list, map.layer)
        let center = map.centerLatitude.flatMap { lat in map.centerLongitude.map { (latitude: lat, longitude: $0) } }
        return MapViewport(box: map.layer.box, zoom: map.zoom, center: center, area: area)
    }

    /// The Map's part of the list actions: the arrows move to the nearest city that way, `+`/`-` zoom.
    ///
    /// Returns false for an action it leaves to ``apply(_:)`` (Enter, search, Tab, …).
    mutating func applyMap(_ action: Action) -> Bool {
        let layer = map.layer
        switch action {
        case .moveLeft, .moveRight, .moveUp, .moveDown:
            guard layer.places.indices.contains(position.selected) else { return true }
            let (dx, dy) = switch action {
            case .moveLeft: (-1, 0)
            case .moveRight: (1, 0)
            case .moveUp: (0, -1)
            default: (0, 1)
            }
            guard let next = layer.nearest(from: position.selected, dx: dx, dy: dy) else {
                message = "No city further " + (dx < 0 ? "west" : dx > 0 ? "east" : dy < 0 ? "north" : "south")
                return true
            }
            position.selected = next
            keepSelectedCityInView()
        case .zoomIn, .zoomOut:
            let zoom = map.zoom + (action == .zoomIn ? 1 : -1)
            guard MapViewport.zoomRange.contains(zoom), action == .zoomIn || !mapViewport().showsWorld else {
                message = action == .zoomIn ? "Closest zoom" : "The whole world"
                return true
            }
            map.zoom = zoom
            if zoom > 0, let p = selectedPlace {
                map.centerLatitude = p.latitude
                map.centerLongitude = p.longitude
            } else if zoom <= 0 {
                map.centerLatitude = nil
                map.centerLongitude = nil
            }
            message = zoom == 0 ? "Zoom: the region the cities span" : "Zoom: \(zoom > 0 ? "×" : "÷")\(1 << abs(zoom))"
        default: return false
        }
        return true
    }

    /// A click on the map selects the city nearest it (within two cells); the wheel zooms.
    /// False for clicks outside the map (the tabs).
    mutating func mapMouse(_ mouse: MouseEvent) -> Bool {
        switch mouse.kind {
        case .wheelUp: _ = applyMap(.zoomIn)
        case .wheelDown: _ = applyMap(.zoomOut)
        case .click:
            let viewport = mapViewport()
            guard viewport.area.contains(row: mouse.row, column: mouse.column) else { return false }
            var best: (index: Int, distance: Int)?
            for (i, p) in map.layer.places.enumerated() {
                guard let at = viewport.cell(latitude: p.latitude, longitude: p.longitude) else { continue }
                // Cells are about twice as tall as wide: a row away counts as two columns.
                let distance = abs(at.column - mouse.column) + 2 * abs(at.row - mouse.row)
                if distance <= 4, best.map({ distance < $0.distance }) ?? true { best = (i, distance) }
            }
            if let best { position.selected = best.index }
        }
        return true
    }

    /// The selected city's place, if the Map has one.
    var selectedPlace: MapLayer.Place? {
        map.layer.places.indices.contains(position.selected) ? map.layer.places[position.selected] : nil
    }

    /// Moves the centre to the selected city when it is off the map (a city outside the region, or zoomed in).
    mutating func keepSelectedCityInView() {
        guard let p = selectedPlace, mapViewport().cell(latitude: p.latitude, longitude: p.longitude) == nil else { return }
        map.centerLatitude = p.latitude
        map.centerLongitude = p.longitude
    }
}
