import Foundation
import Testing

@Suite struct OutputFormatTests {
    /// The stable JSON/CSV keys of each listing command (see `Reports`).
    static let keys: [(command: String, keys: [String])] = [
        ("events", ["id", "start", "end", "title", "kind", "city", "country", "venue", "listed", "reported"]),
        ("agenda", ["event", "id", "date", "start", "end", "title", "room", "track", "speakers", "illustrative",
                    "subtitle", "abstract", "description", "language", "type", "links", "recordingOptOut", "url"]),
        ("delegates", ["id", "name", "role", "organization", "city", "country", "events", "illustrative"]),
        ("cities", ["id", "name", "country", "field", "memberSince", "delegates"]),
    ]

    @Test(arguments: keys.map(\.command))
    func jsonIsAnArrayOfObjectsWithTheDocumentedKeys(command: String) throws {
        let expected = Set(try #require(Self.keys.first { $0.command == command }).keys)
        let run = try Convene.run([command, "--format", "json"])
        #expect(run.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [[String: Any]])
        #expect(!rows.isEmpty)
        // The delegates end with one object for those who asked not to be named: {"unlisted": 3}.
        let unlisted = command == "delegates" ? rows.last : nil
        #expect(command != "delegates" || (unlisted as NSDictionary?) == ["unlisted": 3] as NSDictionary)
        for row in command == "delegates" ? Array(rows.dropLast()) : rows {
            #expect(Set(row.keys) == expected, "\(command): \(row)")
        }
    }

    @Test func delegatesJSONHoldsTheRecordsAsData() throws {
        let run = try Convene.run(["delegates", "--country", "VN", "--search", "huong", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [[String: Any]])
        let pham = try #require(rows.first { $0["id"] as? String == "pham-thi-thanh-huong" })
        #expect(pham["name"] as? String == "Phạm Thị Thanh Hương")
        #expect(pham["country"] as? String == "VN")
        #expect(pham["events"] as? [String] == ["hanoi-2023"])
        #expect(pham["illustrative"] as? Bool == false)
    }

    @Test func summaryJSONHasOneMemberPerSection() throws {
        let run = try Convene.run(["summary", "--format", "json"])
        let root = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        #expect(Set(root.keys) == ["totals", "byCountry", "byCity", "byField", "perEvent"])
        let totals = try #require(root["totals"] as? [String: Any])
        #expect(Set(totals.keys) == ["events", "sessions", "delegates", "cities", "countries", "illustrative"])
        for section in ["byCountry", "byCity", "byField"] {
            let rows = try #require(root[section] as? [[String: Any]])
            #expect(rows.allSatisfy { Set($0.keys) == ["key", "label", "delegates", "share"] }, "\(section)")
        }
        let perEvent = try #require(root["perEvent"] as? [[String: Any]])
        #expect(perEvent.allSatisfy { Set($0.keys) == ["id", "date", "title", "listed", "reported"] })
    }

    @Test func summaryCSVIsOneTableOfBreakdowns() throws {
        let run = try Convene.run(["summary", "--format", "csv"])
        #expect(run.status == 0)
        let records = try StrictCSV.records(run.out)
        #expect(records.first == ["breakdown", "key", "label", "delegates", "share"])
        #expect(Set(records.dropFirst().map { $0[0] }) == ["byCountry", "byCity", "byField"])
        #expect(records.contains(["byCountry", "VN", "Viet Nam", "100", "83.3%"]))
    }

    @Test(arguments: keys.map(\.command))
    func csvIsStrictRFC4180WithCRLFAndTheKeysAsHeader(command: String) throws {
        let expected = try #require(Self.keys.first { $0.command == command }).keys
        let run = try Convene.run([command, "--format", "csv"])
        #expect(run.status == 0)
        #expect(run.out.hasSuffix("\r\n"))
        let records = try StrictCSV.records(run.out)
        #expect(records.first == expected)
        #expect(records.count > 1)
        #expect(records.allSatisfy { $0.count == expected.count }, "every record has every field")
    }

    @Test func csvHasARecordPerDelegate() throws {
        let records = try StrictCSV.records(try Convene.run(["delegates", "--format", "csv"]).out)
        #expect(records.count == 119, "a header, the 117 listed delegates and one line for the 3 unlisted")
        #expect(records.last?[1] == "3 unlisted delegates")
        #expect(records.contains { $0[1] == "Phạm Thị Thanh Hương" })
        #expect(records.contains { $0[1] == "田中 美咲" })
    }

    /// Cells that a spreadsheet would run as a formula start with a quote; quotes,
    /// commas and line breaks are quoted as RFC 4180 says.
    @Test func csvNeutralisesFormulasAndQuotesSpecialCharacters() throws {
        let data = Paths.e2eFixture("csv-injection.json").path
        let run = try Convene.run(["delegates", "--data", data, "--format", "csv"])
        #expect(run.status == 0, "\(run.err)")
        let raw = run.out
        #expect(raw.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""))
        let records = try StrictCSV.records(raw)
        #expect(records.count == 4)
        let byID = Dictionary(uniqueKeysWithValues: records.dropFirst().map { ($0[0], $0) })
        #expect(byID["d1"]?[1] == "'=HYPERLINK(\"http://evil.example\",\"click\")")
        #expect(byID["d1"]?[2] == "'+SUM(1,2)")
        #expect(byID["d2"]?[1] == "'-2+3, \"quoted\"")
        #expect(byID["d3"]?[1] == "'@cmd\nsecond line", "a line feed inside a quoted field is kept")
        for record in records {
            for cell in record {
                guard let first = cell.unicodeScalars.first else { continue }
                #expect(!["=", "+", "-", "@", "\t", "\r"].contains(first), "unneutralised cell: \(cell)")
            }
        }
    }

    @Test func bomFlagStartsCSVWithAByteOrderMark() throws {
        let run = try Convene.run(["cities", "--format", "csv", "--bom"])
        #expect(Array(run.stdout.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let plain = try Convene.run(["cities", "--format", "csv"])
        #expect(Array(plain.stdout.prefix(2)) == Array("id".utf8))
    }

    @Test func anUnknownFormatIsAUsageError() throws {
        let run = try Convene.run(["events", "--format", "xml"])
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.err.contains("xml"))
    }
}
