import Foundation
import Testing

/// An event whose country is known and whose city is not, on the command line: the
/// country shown, the city an em dash (null in JSON, empty in CSV), `--country` finding it,
/// and a published schedule read with `--host-country` alone keeping that country.
@Suite struct EventCountryCommandTests {
    static let file = Paths.fixtures.appendingPathComponent("valid/event-country.json").path
    static let congress = Paths.fixtures.appendingPathComponent("published/frab-congress.xml").path

    func jsonRows(_ args: [String]) throws -> [[String: Any]] {
        let run = try Convene.run(args + ["--format", "json"])
        #expect(run.status == 0, "\(args): \(run.err)")
        return try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [[String: Any]])
    }

    @Test func theEventsTableShowsTheCountryAndAnEmDashForTheCity() throws {
        let table = try Convene.run(["events", "--data", Self.file])
        #expect(table.status == 0, "\(table.err)")
        let row = try #require(table.out.split(separator: "\n").first { $0.contains("Winter Congress") })
        let words = row.split(separator: " ")
        #expect(words.filter { $0 == "—" }.count == 1, "only the city: \(row)")
        #expect(words.contains("DE"), "\(row)")
        let csv = try Convene.run(["events", "--data", Self.file, "--format", "csv"])
        let line = try #require(csv.out.components(separatedBy: "\r\n").first { $0.hasPrefix("congress,") })
        #expect(line.contains(",,DE,Congress Centre,"), "\(line)")
    }

    @Test func jsonHasTheCountryAndANullCity() throws {
        let rows = try jsonRows(["events", "--data", Self.file])
        let congress = try #require(rows.first { $0["id"] as? String == "congress" })
        #expect(congress["country"] as? String == "DE")
        #expect(congress["city"] is NSNull)
    }

    @Test func theCountryFilterFindsTheEventByItsCountry() throws {
        let rows = try jsonRows(["events", "--data", Self.file, "--country", "DE"])
        #expect(rows.compactMap { $0["id"] as? String } == ["congress"])
        let none = try jsonRows(["events", "--data", Self.file, "--country", "none"])
        #expect(none.compactMap { $0["id"] as? String } == ["online"])
    }

    @Test func theFileValidates() throws {
        let run = try Convene.run(["validate", Self.file])
        #expect(run.status == 0, "\(run.err)")
    }

    /// `--host-country` without `--host-city`: the event is in that country, its city not recorded.
    @Test func aHostCountryAloneIsKeptOnAPublishedSchedule() throws {
        let rows = try jsonRows(["events", "--data", Self.congress, "--host-country", "Germany"])
        let event = try #require(rows.first)
        #expect(event["country"] as? String == "DE", "\(event)")
        #expect(event["city"] is NSNull)
        let filtered = try jsonRows(["events", "--data", Self.congress, "--host-country", "DE", "--country", "DE"])
        #expect(filtered.count == 1)
    }
}
