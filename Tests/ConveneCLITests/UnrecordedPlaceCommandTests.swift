import Foundation
import Testing

/// Places that are not recorded, on the command line: `--country none`, `--city none`,
/// an em dash in tables, null in JSON, an empty CSV field, and counts that add up.
@Suite struct UnrecordedPlaceCommandTests {
    static let file = Paths.fixtures.appendingPathComponent("valid/unrecorded-places.json").path

    func json(_ args: [String]) throws -> Any {
        let run = try Convene.run(args + ["--data", Self.file, "--format", "json"])
        #expect(run.status == 0, "\(args): \(run.err)")
        return try JSONSerialization.jsonObject(with: run.stdout)
    }

    @Test(arguments: ["none", "None", "NONE"])
    func countryNoneListsTheDelegatesWhoseCountryIsNotRecorded(word: String) throws {
        let rows = try #require(try json(["delegates", "--country", word]) as? [[String: Any]])
        #expect(rows.compactMap { $0["id"] as? String } == ["d4", "d5"])
        #expect(rows.allSatisfy { $0["country"] is NSNull && $0["city"] is NSNull })
    }

    @Test func countryNoneCombinesWithACountry() throws {
        let rows = try #require(try json(["delegates", "--country", "none", "--country", "JP"]) as? [[String: Any]])
        #expect(rows.compactMap { $0["id"] as? String } == ["d3", "d4", "d5"])
    }

    @Test func cityNoneListsTheDelegatesWhoseCityIsNotRecorded() throws {
        let rows = try #require(try json(["delegates", "--city", "none"]) as? [[String: Any]])
        #expect(rows.compactMap { $0["id"] as? String } == ["d3", "d4", "d5"])
    }

    @Test func summaryHasANotRecordedRowWithANullKeyAndCountsAddUp() throws {
        let root = try #require(try json(["summary"]) as? [String: Any])
        let totals = try #require(root["totals"] as? [String: Any])
        #expect(totals["delegates"] as? Int == 5)
        #expect(totals["countries"] as? Int == 2)
        for section in ["byCountry", "byCity", "byField"] {
            let rows = try #require(root[section] as? [[String: Any]])
            #expect(rows.compactMap { $0["delegates"] as? Int }.reduce(0, +) == 5, "\(section) adds up")
            #expect(rows.last?["key"] is NSNull, "\(section): the not-recorded row has no key")
            #expect(rows.last?["label"] as? String == "not recorded")
        }
    }

    @Test func summaryWithCountryNoneCountsOnlyThem() throws {
        let root = try #require(try json(["summary", "--country", "none"]) as? [String: Any])
        let totals = try #require(root["totals"] as? [String: Any])
        #expect(totals["delegates"] as? Int == 2)
        #expect(totals["countries"] as? Int == 0)
        let byCountry = try #require(root["byCountry"] as? [[String: Any]])
        #expect(byCountry.count == 1)
        #expect(byCountry.first?["delegates"] as? Int == 2)
    }

    @Test func tablesShowAnEmDashAndCSVAnEmptyField() throws {
        let table = try Convene.run(["delegates", "--data", Self.file, "--search", "alex"])
        #expect(table.status == 0, "\(table.err)")
        let row = try #require(table.out.split(separator: "\n").first { $0.contains("Alex Doe") })
        #expect(row.split(separator: " ").filter { $0 == "—" }.count == 2, "city and country: \(row)")
        let csv = try Convene.run(["delegates", "--data", Self.file, "--search", "alex", "--format", "csv"])
        #expect(csv.out.contains("\r\nd4,Alex Doe,,,,,online,\r\n"), "\(csv.out)")
        let events = try Convene.run(["events", "--data", Self.file])
        let online = try #require(events.out.split(separator: "\n").first { $0.contains("Online meeting") })
        #expect(online.split(separator: " ").filter { $0 == "—" }.count == 3, "city, country and venue: \(online)")
    }
}
