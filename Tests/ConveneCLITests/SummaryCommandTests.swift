import Foundation
import Testing

@Suite struct SummaryCommandTests {
    /// The sample's totals, as the summary reports them.
    @Test func summaryOfTheSampleCountsItsDelegatesCountriesAndEvents() throws {
        let run = try Convene.run(["summary", "--format", "json"])
        #expect(run.status == 0)
        #expect(run.err.isEmpty)
        let root = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        let totals = try #require(root["totals"] as? [String: Any])
        #expect(totals["delegates"] as? Int == 120)
        #expect(totals["countries"] as? Int == 8)
        #expect(totals["cities"] as? Int == 22)
        #expect(totals["events"] as? Int == 15)
        #expect(totals["sessions"] as? Int == 12)
        #expect(totals["illustrative"] as? Int == 117)
        let byCountry = try #require(root["byCountry"] as? [[String: Any]])
        #expect(byCountry.count == 8)
        #expect(byCountry.first?["key"] as? String == "VN")
        #expect(byCountry.first?["delegates"] as? Int == 100)
        #expect(byCountry.compactMap { $0["delegates"] as? Int }.reduce(0, +) == 120,
                "every delegate is counted under exactly one country")
    }

    @Test func summaryTableShowsTheNoticeTotalsAndBreakdowns() throws {
        let run = try Convene.run(["summary"])
        #expect(run.status == 0)
        let out = run.out
        #expect(out.hasPrefix("Note: Sample data."), "the sample's notice comes first")
        for heading in ["Totals", "Delegates by country", "Delegates by city", "Delegates by creative field",
                        "Per event: listed beside reported"] {
            #expect(out.contains(heading + "\n"), "missing section \(heading)")
        }
        let totals = try #require(out.split(separator: "\n").first { $0.contains("120") && $0.contains("117") })
        #expect(totals.split(separator: " ").map(String.init) == ["15", "12", "120", "22", "8", "117"])
        #expect(out.contains("Viet Nam"))
        #expect(out.contains("100  83.3%"))
    }

    @Test func summaryWithACountryFilterCountsOnlyThatCountry() throws {
        let run = try Convene.run(["summary", "--country", "VN", "--format", "json"])
        #expect(run.status == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        let totals = try #require(root["totals"] as? [String: Any])
        #expect(totals["delegates"] as? Int == 100)
        #expect(totals["countries"] as? Int == 1)
        #expect(totals["cities"] as? Int == 5)
    }
}
