import ConveneModel
import Testing
@testable import ConveneReports

/// The summary report's shares, worded by `Summary.percent` (shared with the browser's bars).
@Suite struct SummaryReportTests {
    @Test(arguments: [(0.0, "0.0%"), (1.0 / 6.0, "16.7%"), (0.8333, "83.3%"), (1.0, "100.0%"), (0.0004, "0.0%"), (0.0005, "0.1%")])
    func percentRoundsToOneDecimal(share: Double, text: String) {
        #expect(Summary.percent(share) == text)
    }

    @Test func theSamplesCountryBreakdownShowsShares() throws {
        let sections = Reports.summary(BundledSample.index.summary(Filter()))
        let byCountry = try #require(sections.first { $0.name == "byCountry" }?.report)
        let share = try #require(byCountry.columns.firstIndex { $0.key == "share" })
        let first = try #require(byCountry.rows.first)
        #expect(first.first?.plain == "VN")
        #expect(first[share].plain == "83.3%", "100 of the sample's 120 delegates")
    }
}
