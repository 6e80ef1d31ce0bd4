import ConveneModel

extension HTMLReport {
    /// The cities delegates came from, as points on an equirectangular graticule (lines every 10°),
    /// framed on the area the cities span; each point's area follows its delegate count.
    ///
    /// Land outlines are not drawn: the Map view's land data lives in ConveneApp, which this module
    /// does not import. The table beside the map lists the same cities, and the cities with no
    /// coordinates are named under it ("not on the map").
    static func map(_ ix: DirectoryIndex, _ s: Summary) -> String {
        struct Point { var label: String; var count: Int; var lat: Double; var lon: Double }
        var points: [Point] = [], unplaced: [Summary.Entry] = []
        for entry in s.byCity {
            if let c = ix.city(entry.key), let (lat, lon) = c.coordinates, lat.isFinite, lon.isFinite {
                points.append(Point(label: entry.label, count: entry.count, lat: lat, lon: lon))
            } else {
                unplaced.append(entry)
            }
        }
        var html = "<section id=\"map\" class=\"breakdown\">\n<h2>Where delegates came from</h2>\n<div class=\"pair\">\n"
        // The frame: the cities' span plus a margin, in whole 10° cells, within the world.
        let step = 10.0
        var west = ((points.map(\.lon).min() ?? -180) - 5) / step, east = ((points.map(\.lon).max() ?? 180) + 5) / step
        var south = ((points.map(\.lat).min() ?? -80) - 5) / step, north = ((points.map(\.lat).max() ?? 80) + 5) / step
        west = max(-18, west.rounded(.down)) * step; east = min(18, east.rounded(.up)) * step
        south = max(-9, south.rounded(.down)) * step; north = min(9, north.rounded(.up)) * step
        let width = 380.0, scale = width / max(step, east - west)
        let height = max(step, north - south) * scale
        func x(_ lon: Double) -> String { number((lon - west) * scale) }
        func y(_ lat: Double) -> String { number((north - lat) * scale) }
        html += "<svg class=\"map\" role=\"img\" aria-hidden=\"true\" viewBox=\"0 0 \(number(width)) \(number(height))\" "
            + "width=\"\(number(width))\" height=\"\(number(height))\">\n<rect class=\"sea\" x=\"0\" y=\"0\" width=\"\(number(width))\" height=\"\(number(height))\"/>\n"
        var lon = west
        while lon <= east {
            html += "<line class=\"grid\" x1=\"\(x(lon))\" y1=\"0\" x2=\"\(x(lon))\" y2=\"\(number(height))\"/>"
            // Degrees along the bottom and the left edge; none in the corner, where the two would meet.
            if lon > west { html += "<text class=\"deg\" x=\"\(x(lon))\" y=\"\(number(height - 2))\">\(Int(lon))°</text>" }
            html += "\n"
            lon += step
        }
        var lat = south
        while lat <= north {
            html += "<line class=\"grid\" x1=\"0\" y1=\"\(y(lat))\" x2=\"\(number(width))\" y2=\"\(y(lat))\"/>"
            if lat > south { html += "<text class=\"deg\" x=\"2\" y=\"\(y(lat))\">\(Int(lat))°</text>" }
            html += "\n"
            lat += step
        }
        let top = Double(points.map(\.count).max() ?? 1)
        // Largest first, so small points are drawn on top and stay visible.
        for (i, p) in points.sorted(by: { $0.count > $1.count }).enumerated() {
            let r = 2.5 + 9 * (Double(p.count) / max(1, top)).squareRoot()
            html += "<circle class=\"city\" cx=\"\(x(p.lon))\" cy=\"\(y(p.lat))\" r=\"\(number(r))\"/>"
            // The eight largest are named on the map; the table has them all.
            if i < 8 {
                html += "<text class=\"place\" x=\"\(number((p.lon - west) * scale + r + 2))\" y=\"\(number((north - p.lat) * scale + 4))\">"
                    + "\(HTMLEscape.text(clip(p.label, 18)))</text>"
            }
            html += "\n"
        }
        html += "</svg>\n<table>\n<thead><tr><th scope=\"col\">City</th><th scope=\"col\" class=\"num\">Delegates</th></tr></thead>\n<tbody>\n"
        for p in points {
            html += "<tr><td>\(HTMLEscape.text(p.label))</td><td class=\"num\">\(p.count)</td></tr>\n"
        }
        html += "</tbody>\n</table>\n</div>\n"
        if !unplaced.isEmpty {
            html += "<p class=\"unplaced\">Not on the map (no coordinates): "
                + unplaced.map { "\(HTMLEscape.text($0.label)) (\($0.count))" }.joined(separator: ", ") + "</p>\n"
        }
        return html + "</section>\n"
    }
}
