import Foundation
import Testing
@testable import ConveneModel

/// A session past midnight belongs to the day its schedule lists it under (issue 13, issue 15's `--day`):
/// the mapping keeps that day, convene/1 carries it as `day`, and the validator keeps it honest.
@Suite struct ListedDayTests {
    static func congress() throws -> Directory {
        try DirectoryLoader.load(path: Fixtures.path("published/frab-congress.xml"))
    }

    @Test func aTalkAfterMidnightKeepsTheDayItIsListedUnder() throws {
        let sessions = try Self.congress().events[0].sessions
        let late = try #require(sessions.first { $0.id == "inv42c3-102-late" })
        #expect(late.start.description == "2025-12-28T00:15:00+01:00", "the instant is still the morning after")
        #expect(late.day == LocalDate("2025-12-27"))
        #expect(late.conferenceDay == "2025-12-27")
        // A talk on its own day records no day: the start's date says it.
        let opening = try #require(sessions.first { $0.id == "inv42c3-101-opening" })
        #expect(opening.day == nil)
        #expect(opening.conferenceDay == "2025-12-27")
    }

    @Test func theListedDayRoundTripsThroughConvene1() throws {
        let d = try Self.congress()
        let text = DirectoryEncoder.encode(d)
        #expect(text.contains("\"day\": \"2025-12-27\""))
        #expect(text.components(separatedBy: "\"day\":").count == 2, "only the talk past midnight carries a day")
        let again = try DirectoryLoader.load(bytes: Array(text.utf8), name: "again.json")
        #expect(again == d)
    }

    static func withLateDay(_ day: String) throws -> [UInt8] {
        let text = DirectoryEncoder.encode(try congress())
        return Array(text.replacingOccurrences(of: "\"day\": \"2025-12-27\"", with: "\"day\": \"\(day)\"").utf8)
    }

    @Test(arguments: [
        ("2025-12-25", "day 2025-12-25 is more than a day from the session's start (2025-12-28 in the event's time zone)"),
        ("2025-12-30", "day 2025-12-30 is more than a day from the session's start (2025-12-28 in the event's time zone)"),
        ("2025-12-7", "'2025-12-7' is not a date of the form YYYY-MM-DD, e.g. 2023-11-18"),
        ("2025-02-30", "'2025-02-30' is not a date of the form YYYY-MM-DD, e.g. 2023-11-18"),
        ("2025-12-27T00:00", "'2025-12-27T00:00' is not a date of the form YYYY-MM-DD, e.g. 2023-11-18"),
    ])
    func aDayThatIsNoDateOrTooFarIsRefusedWithItsPlace(day: String, message: String) throws {
        let bytes = try Self.withLateDay(day)
        let error = #expect(throws: LoadError.self) { try DirectoryLoader.load(bytes: bytes, name: "late.json") }
        guard case let .invalid(_, problems, _) = error else { Issue.record("\(String(describing: error))"); return }
        #expect(problems.map(\.message) == [message])
        #expect(problems.first?.path.hasSuffix(".day") == true, "\(problems)")
    }

    @Test func theDayAfterTheStartIsAllowedToo() throws {
        // A day is at most one day either side: the evening before (past midnight) or, for a schedule that
        // lists a late-evening session under the next day, the day after.
        let d = try DirectoryLoader.load(bytes: try Self.withLateDay("2025-12-29"), name: "late.json")
        #expect(d.events[0].sessions.first { $0.id == "inv42c3-102-late" }?.conferenceDay == "2025-12-29")
    }
}
