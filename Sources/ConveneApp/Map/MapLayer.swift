import ConveneModel
import Foundation

/// What the Map shows under the current filter: the cities placed, those not on the map, the marks.
///
/// Derived from the rows by ``MapView/didRefresh(_:)`` (through ``AppState/refresh()``), so a
/// frame never re-filters or recounts; the renderer and the arrow keys read it.
struct MapLayer: Sendable {
    /// A city with coordinates, in row order (the view's rows are these cities).
    struct Place: Sendable, Equatable {
        var city: Int
        var latitude: Double
        var longitude: Double
        /// Delegates from the city under the current filter (the Summary's count).
        var delegates: Int
        /// Its mark: 0 for no delegates, then 1…3 on a log scale up to the largest count.
        var level: Int
    }

    /// The region the data spans: south, north, west and east in degrees.
    struct Box: Sendable, Equatable {
        var south, north, west, east: Double
    }

    var places: [Place] = []
    /// Indices of the filtered cities that have no coordinates: listed as "not on the map".
    var unplaced: [Int] = []
    /// The box around the cities with delegates (all placed cities when none has any); nil with no place.
    var box: Box?
    /// For each level 0…3, the smallest and largest count among the places drawn with it; nil when none.
    var levelRanges: [ClosedRange<Int>?] = [nil, nil, nil, nil]

    /// The marks, from no delegates to the most: shapes, so they read without colour.
    static let marks = ["·", "•", "●", "◉"]

    init() {}

    /// Places `cities` (indices, in row order) with their counts; cities without coordinates go to ``unplaced``.
    init(cities: [Int], unplaced: [Int], counts: [String: Int], in directory: Directory) {
        var places: [Place] = []
        places.reserveCapacity(cities.count)
        for i in cities {
            let c = directory.cities[i]
            guard let at = c.coordinates else { continue }
            places.append(Place(city: i, latitude: at.latitude, longitude: at.longitude, delegates: counts[c.id] ?? 0, level: 0))
        }
        let most = places.map(\.delegates).max() ?? 0
        for i in places.indices {
            let n = places[i].delegates
            places[i].level = MapLayer.level(of: n, most: most)
            let level = places[i].level
            levelRanges[level] = levelRanges[level].map { min($0.lowerBound, n)...max($0.upperBound, n) } ?? n...n
        }
        self.places = places
        self.unplaced = unplaced
        let counted = places.filter { $0.delegates > 0 }
        let spanned = counted.isEmpty ? places : counted
        if let first = spanned.first {
            var b = Box(south: first.latitude, north: first.latitude, west: first.longitude, east: first.longitude)
            for p in spanned.dropFirst() {
                b.south = min(b.south, p.latitude); b.north = max(b.north, p.latitude)
                b.west = min(b.west, p.longitude); b.east = max(b.east, p.longitude)
            }
            box = b
        }
    }

    /// The mark of a count: 0 for none; else a third of the way up a log scale to `most` per level.
    static func level(of count: Int, most: Int) -> Int {
        guard count > 0 else { return 0 }
        guard most > 3 else { return min(count, 3) }
        let fraction = log(Double(count)) / log(Double(most))
        return fraction < 1.0 / 3 ? 1 : fraction < 2.0 / 3 ? 2 : 3
    }

    /// The place nearest `from` in a direction (dx, dy in screen terms: right and down positive).
    ///
    /// Distances are in degrees of the equirectangular map, where screen dots are square. A place
    /// counts only ahead in the direction; off to the side costs twice as much as ahead, so → picks
    /// what is to the right before what is far below.
    func nearest(from i: Int, dx: Int, dy: Int) -> Int? {
        guard places.indices.contains(i) else { return nil }
        let p = places[i]
        var best: (index: Int, score: Double)?
        for (j, q) in places.enumerated() where j != i {
            let x = q.longitude - p.longitude, y = p.latitude - q.latitude
            let ahead = x * Double(dx) + y * Double(dy)
            let aside = abs(x * Double(dy) + y * Double(dx))
            guard ahead > 0 || (ahead == 0 && aside == 0 && j > i) else { continue }
            let score = ahead + 2 * aside
            if let b = best, b.score <= score { continue }
            best = (j, score)
        }
        return best?.index
    }
}
