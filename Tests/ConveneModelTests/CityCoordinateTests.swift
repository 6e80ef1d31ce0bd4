import Foundation
import Testing
@testable import ConveneModel

/// A city's optional latitude and longitude: ranges, both-or-neither, the two loaders, the encoder, the sample.
@Suite struct CityCoordinateTests {
    /// A one-city document whose city has `extra` members (`,"latitude":21` …).
    static func document(_ extra: String) -> [UInt8] {
        Array(#"{"format":"convene/1","title":"t","countries":[{"code":"VN","name":"V"}],"cities":[{"id":"c1","name":"C","country":"VN","timeZone":"UTC"\#(extra)}]}"#.utf8)
    }

    /// The problems of both loaders, which must agree.
    static func problems(_ extra: String) -> [Problem] {
        let bytes = document(extra)
        let general = DirectDecoderTests.general(bytes)
        #expect(DirectDecoderTests.fast(bytes) == general)
        guard case .failure(.invalid(_, let problems, _)) = general else { return [] }
        return problems
    }

    @Test func coordinatesLoadThroughBothPaths() throws {
        let bytes = Self.document(#","latitude":21.0245,"longitude":-8.4231"#)
        let loaded = try DirectoryLoader.loadFast(bytes: bytes, name: "x.json")
        #expect(loaded.wasDirect)
        #expect(DirectDecoderTests.general(bytes) == .success(loaded.directory))
        let city = try #require(loaded.directory.cities.first)
        #expect(city.latitude == 21.0245 && city.longitude == -8.4231)
        #expect(city.coordinates?.latitude == 21.0245)
    }

    @Test func theEdgesOfTheRangesAreValidAndNullIsAbsent() throws {
        #expect(Self.problems(#","latitude":-90,"longitude":180"#).isEmpty)
        #expect(Self.problems(#","latitude":90.0,"longitude":-180"#).isEmpty)
        #expect(Self.problems(#","latitude":null,"longitude":null"#).isEmpty)
        let city = try DirectoryLoader.loadFast(bytes: Self.document(#","latitude":null,"longitude":null"#), name: "x").directory.cities[0]
        #expect(city.coordinates == nil)
    }

    @Test(arguments: [
        (#","latitude":90.5,"longitude":0"#, "$.cities[0].latitude", "90.5 is out of range: expected degrees north from -90 to 90"),
        (#","latitude":0,"longitude":-181"#, "$.cities[0].longitude", "-181 is out of range: expected degrees east from -180 to 180"),
        (#","latitude":1e400,"longitude":0"#, "$.cities[0].latitude", "1e400 is out of range: expected degrees north from -90 to 90"),
        (#","latitude":"21.0","longitude":105.8"#, "$.cities[0].latitude", "expected a number of degrees north, found a string"),
        (#","latitude":21.0"#, "$.cities[0].longitude", "missing longitude: latitude is given, and a city has both or neither"),
        (#","longitude":105.8,"latitude":null"#, "$.cities[0].latitude", "missing latitude: longitude is given, and a city has both or neither"),
    ])
    func aWrongCoordinateIsOneProblemAtItsPath(extra: String, path: String, message: String) {
        #expect(Self.problems(extra) == [Problem(path: path, message: message)])
    }

    @Test func theEncoderWritesCoordinatesAndReadsThemBack() throws {
        let bytes = Self.document(#","latitude":-23.9608,"longitude":-46.3336"#)
        let directory = try DirectoryLoader.loadFast(bytes: bytes, name: "x").directory
        let text = DirectoryEncoder.encode(directory)
        #expect(text.contains("\"latitude\": -23.9608,\n") && text.contains("\"longitude\": -46.3336\n"))
        let again = try DirectoryLoader.loadFast(bytes: Array(text.utf8), name: "y").directory
        #expect(again == directory)
    }

    /// The sample's coordinates are GeoNames' (scripts/city-coordinates.py): a few known places.
    @Test(arguments: [("hanoi", 21.0, 105.8), ("krakow", 50.06, 19.94), ("santos", -23.96, -46.33), ("sapporo", 43.07, 141.35),
                      ("singapore", 1.29, 103.85)])
    func sampleCitiesAreWhereTheyAre(id: String, latitude: Double, longitude: Double) throws {
        let city = try #require(BundledSample.index.directory.cities.first { $0.id == id })
        let at = try #require(city.coordinates)
        #expect(abs(at.latitude - latitude) < 0.1 && abs(at.longitude - longitude) < 0.1)
    }

    /// Every city of data/city-coordinates.csv with coordinates has them in the sample; the rest have none.
    @Test func theSampleCarriesTheLookupsCoordinates() throws {
        let csv = try String(contentsOf: Fixtures.repository.appendingPathComponent("data/city-coordinates.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let cities = BundledSample.index.directory.cities
        #expect(rows.count == cities.count)
        for row in rows {
            let city = try #require(cities.first { $0.id == row[0] })
            #expect(city.latitude == Double(row[3]) && city.longitude == Double(row[4]), "\(city.id)")
        }
        #expect(cities.filter { $0.coordinates == nil }.map(\.id) == ["enghien-les-bains"])
    }
}
