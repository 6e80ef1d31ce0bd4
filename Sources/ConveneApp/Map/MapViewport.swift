import ConveneScreen

/// Where the map looks: an equirectangular projection of a region onto the cells of `area`.
///
/// One Braille dot (half a cell across, a quarter down) covers `degreesPerDot` of longitude
/// and as many of latitude; a terminal cell is about twice as tall as wide, so the dots are
/// about square and the map is not stretched. Pure arithmetic: the renderer, the keys and
/// the tests share it.
struct MapViewport: Sendable, Equatable {
    /// The cells the map is drawn in.
    var area: Rect
    var centerLatitude: Double
    var centerLongitude: Double
    var degreesPerDot: Double
    /// Whether the whole world shows (zooming out further changes nothing).
    var showsWorld: Bool

    /// Zoom steps either side of the fit: `-` goes out until the world shows, `+` six times is 64× closer.
    static let zoomRange = -8...6
    /// The world as drawn when the data spans it: Antarctica left out, it holds no city.
    static let world = MapLayer.Box(south: -58, north: 84, west: -180, east: 180)
    /// The smallest region shown at the fit, in degrees, so one city is not a blur of zoom.
    static let minimumSpan = 12.0

    var dotWidth: Int { area.width * 2 }
    var dotHeight: Int { area.height * 4 }

    /// The viewport for `box` (nil: the world) at `zoom`, centred on `center` when given (panned).
    ///
    /// At zoom 0 the box with a margin of a tenth on each side fits the area; when the box spans
    /// most of the world (or at zoom -2) the world fits instead. Each step in halves the degrees
    /// per dot; each step out doubles them, up to the world.
    init(box: MapLayer.Box?, zoom: Int, center: (latitude: Double, longitude: Double)?, area: Rect) {
        self.area = area
        let w = Double(max(1, area.width * 2)), h = Double(max(1, area.height * 4))
        let world = MapViewport.world
        let worldDegrees = max((world.east - world.west) / w, (world.north - world.south) / h)
        var fit = box ?? world
        let lonSpan = max(fit.east - fit.west, MapViewport.minimumSpan) * 1.2
        let latSpan = max(fit.north - fit.south, MapViewport.minimumSpan) * 1.2
        if lonSpan >= 300 { fit = world }
        let fitDegrees = fit == world ? worldDegrees : min(worldDegrees, max(lonSpan / w, latSpan / h))
        var degrees = fitDegrees
        for _ in 0..<abs(zoom) { degrees = zoom > 0 ? degrees / 2 : degrees * 2 }
        degreesPerDot = min(degrees, worldDegrees)
        showsWorld = degreesPerDot >= worldDegrees
        if degreesPerDot >= worldDegrees {
            centerLatitude = (world.north + world.south) / 2
            centerLongitude = 0
        } else if let center {
            centerLatitude = center.latitude
            centerLongitude = center.longitude
        } else {
            centerLatitude = (fit.north + fit.south) / 2
            centerLongitude = (fit.east + fit.west) / 2
        }
    }

    /// The dot (column, row from the area's top left) where a point falls; it may be outside the area.
    func dot(latitude: Double, longitude: Double) -> (column: Int, row: Int) {
        let x = (longitude - centerLongitude) / degreesPerDot + Double(dotWidth) / 2
        let y = (centerLatitude - latitude) / degreesPerDot + Double(dotHeight) / 2
        guard x.isFinite, y.isFinite, abs(x) < 1e7, abs(y) < 1e7 else { return (-1, -1) }
        return (Int(x.rounded(.down)), Int(y.rounded(.down)))
    }

    /// The grid cell where a point falls, if it is inside the area.
    func cell(latitude: Double, longitude: Double) -> (row: Int, column: Int)? {
        let d = dot(latitude: latitude, longitude: longitude)
        guard d.column >= 0, d.row >= 0, d.column < dotWidth, d.row < dotHeight else { return nil }
        return (area.row + d.row / 4, area.column + d.column / 2)
    }

    /// The point at the centre of a dot.
    func coordinate(column: Int, row: Int) -> (latitude: Double, longitude: Double) {
        (centerLatitude - (Double(row) + 0.5 - Double(dotHeight) / 2) * degreesPerDot,
         centerLongitude + (Double(column) + 0.5 - Double(dotWidth) / 2) * degreesPerDot)
    }

    /// The land dots of this viewport, from ``LandMask``.
    func land(style: Style) -> BrailleCanvas {
        var canvas = BrailleCanvas(width: area.width, height: area.height, style: style)
        let mask = LandMask.shared
        // Per row one latitude, per column one longitude: two arrays, then a read per dot.
        let longitudes = (0..<dotWidth).map { coordinate(column: $0, row: 0).longitude }
        for row in 0..<dotHeight {
            let latitude = coordinate(column: 0, row: row).latitude
            guard latitude > -90, latitude < 90 else { continue }
            for column in 0..<dotWidth where mask.isLand(latitude: latitude, longitude: longitudes[column]) {
                canvas.set(column: column, row: row)
            }
        }
        return canvas
    }
}
