/// Natural Earth's land (``LandData``) as a bit per 0.25° cell, decoded once on first use.
///
/// The map asks "is this point land?" for every dot of every frame (96,000 at 200×60), so
/// the answer is one array read, with no polygon in sight.
struct LandMask: Sendable {
    static let shared = LandMask(runs: LandData.runs, columns: LandData.columns, rows: LandData.rows)

    let columns: Int
    let rows: Int
    /// Row-major, one Bool per cell: true for land.
    private let land: [Bool]

    /// Decodes lines of `start+length` runs in base 36; a malformed token is skipped
    /// (the file is generated, and a test checks that it decodes whole).
    init(runs: String, columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
        var land = [Bool](repeating: false, count: columns * rows)
        for (row, line) in runs.split(separator: "\n", omittingEmptySubsequences: false).prefix(rows).enumerated() {
            for token in line.split(separator: " ") {
                let parts = token.split(separator: "+")
                guard parts.count == 2, let start = Int(parts[0], radix: 36), let count = Int(parts[1], radix: 36),
                      start >= 0, count >= 0, start + count <= columns else { continue }
                for c in start..<(start + count) { land[row * columns + c] = true }
            }
        }
        self.land = land
    }

    /// How many cells are land: for the test that the file decodes whole.
    var landCells: Int { land.reduce(0) { $0 + ($1 ? 1 : 0) } }

    /// Whether the point is on land; longitudes wrap, latitudes beyond the poles are not land.
    func isLand(latitude: Double, longitude: Double) -> Bool {
        let row = Int(((90 - latitude) * Double(rows) / 180).rounded(.down))
        guard row >= 0, row < rows, longitude.isFinite else { return false }
        var column = Int(((longitude + 180) * Double(columns) / 360).rounded(.down)) % columns
        if column < 0 { column += columns }
        return land[row * columns + column]
    }
}
