import Foundation
import Testing
import ConveneModel
@testable import ConveneReports

/// Exports of an event whose country is known and whose city is not (issue 13).
@Suite struct EventCountryReportTests {
    static let now = Timestamp(seconds: 1_700_000_000, offsetSeconds: 0)

    func index() throws -> DirectoryIndex { try DirectoryLoader.loadIndex(path: Fixtures.path("valid/event-country.json")) }

    /// The location ends with the country where the city is not recorded, as it ends with the city otherwise.
    @Test func theICSLocationNamesTheCountry() throws {
        let ix = try index()
        let ics = ICalendar.render(ix, Filter(event: "congress"), now: Self.now).replacingOccurrences(of: "\r\n ", with: "")
        #expect(ics.contains("LOCATION:Saal 1\\, Congress Centre\\, Germany\r\n"), "\(ics)")
    }

    @Test func theEventsReportHasTheCountryAndNoCity() throws {
        let ix = try index()
        let report = Reports.events(ix, Filter(countries: ["DE"]))
        let city = try #require(report.columns.firstIndex { $0.key == "city" })
        let country = try #require(report.columns.firstIndex { $0.key == "country" })
        #expect(report.rows.count == 1)
        #expect(report.rows.first?[country] == .place("DE"))
        #expect(report.rows.first?[city] == .place(nil))
    }
}
