import Foundation
import Testing

/// `convene summary --by` and `--event`: each breakdown and the host line in table, JSON and CSV.
@Suite struct SummaryBreakdownCommandTests {
    static let breakdowns = ["region", "city", "field", "organisation", "kind", "role", "member", "country"]

    @Test(arguments: breakdowns)
    func jsonBreakdownAddsUpToTheTotal(_ by: String) throws {
        let run = try Convene.run(["summary", "--by", by, "--format", "json"])
        #expect(run.status == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        #expect(root["by"] as? String == by)
        let total = try #require((root["totals"] as? [String: Any])?["delegates"] as? Int)
        let name = "by" + by.prefix(1).uppercased() + by.dropFirst()
        let entries = try #require(root[name] as? [[String: Any]])
        #expect(!entries.isEmpty)
        #expect(entries.compactMap { $0["delegates"] as? Int }.reduce(0, +) == total)
        // Only the chosen breakdown is there.
        #expect(root.keys.filter { $0.hasPrefix("by") && $0 != "by" } == [name])
    }

    @Test(arguments: breakdowns)
    func csvAndTableShowTheBreakdown(_ by: String) throws {
        let csv = try Convene.run(["summary", "--by", by, "--format", "csv"])
        #expect(csv.status == 0)
        let lines = csv.out.split(whereSeparator: \.isNewline).dropFirst()
        let name = "by" + by.prefix(1).uppercased() + by.dropFirst()
        #expect(!lines.isEmpty && lines.allSatisfy { $0.hasPrefix(name + ",") })
        let table = try Convene.run(["summary", "--by", by])
        #expect(table.status == 0)
        #expect(table.out.contains("Totals\n"))
        #expect(table.out.contains("Delegates by "))
    }

    @Test func memberBreakdownSaysNotRecordedNotNotAMember() throws {
        let run = try Convene.run(["summary", "--by", "member"])
        #expect(run.status == 0)
        #expect(run.out.contains("Network member city"))
        #expect(run.out.contains("Membership not recorded"))
        #expect(!run.out.lowercased().contains("not a network member"))
        let field = try Convene.run(["summary", "--by", "field"])
        #expect(!field.out.lowercased().contains("not a network member"))
    }

    @Test func unknownBreakdownIsAnError() throws {
        let run = try Convene.run(["summary", "--by", "shoe-size"])
        #expect(run.status != 0)
        #expect(run.err.contains("shoe-size"))
    }

    @Test func eventHostLineInJSON() throws {
        let run = try Convene.run(["summary", "--event", "hanoi-2023", "--format", "json"])
        #expect(run.status == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        let host = try #require(root["hostLine"] as? [String: Any])
        #expect(host["delegates"] as? Int == 120)
        #expect(host["hostCountry"] as? String == "VN")
        #expect(host["fromHost"] as? Int == 100)
        #expect(host["fromElsewhere"] as? Int == 20)
        #expect(host["notRecorded"] as? Int == 0)
        let others = try #require(host["otherCountries"] as? [[String: Any]])
        #expect(others.count == 7)
        #expect(others.compactMap { $0["delegates"] as? Int }.reduce(0, +) == 20)
        #expect(others.first?["code"] as? String == "TH")
    }

    @Test func eventHostLineInCSVAndTable() throws {
        let csv = try Convene.run(["summary", "--event", "hanoi-2023", "--format", "csv"])
        #expect(csv.status == 0)
        let lines = csv.out.split(whereSeparator: \.isNewline).map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first == "event,delegates,hostCountry,fromHost,fromElsewhere,notRecorded,otherCountries")
        #expect(lines.last?.hasPrefix("hanoi-2023,120,VN,100,20,0,") == true)
        #expect(lines.last?.contains("TH 5") == true)
        let table = try Convene.run(["summary", "--event", "hanoi-2023"])
        #expect(table.status == 0)
        #expect(table.out.contains("120 delegates · 100 from the host country (Viet Nam) · 20 from 7 other countries"))
        #expect(table.out.contains("Thailand"))
    }
}
