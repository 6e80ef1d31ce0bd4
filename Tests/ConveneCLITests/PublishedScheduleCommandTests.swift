import Foundation
import Testing

/// Published schedules opened from the command line: `--data` takes schedule.xml and iCalendar as it takes convene/1.
@Suite struct PublishedScheduleCommandTests {
    static func fixture(_ name: String) -> String { Fixtures.path("published/" + name) }

    @Test(arguments: [("frab-congress.xml", 4), ("linuxconf-style.ics", nil as Int?)])
    func summaryOpensAPublishedSchedule(name: String, sessions: Int?) throws {
        let run = try Convene.run(["summary", "--data", Self.fixture(name), "--format", "json"])
        #expect(run.status == 0, "\(run.err)")
        let document = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        let totals = try #require(document["totals"] as? [String: Any])
        #expect(totals["events"] as? Int == 1)
        if let sessions { #expect(totals["sessions"] as? Int == sessions) }
        #expect((totals["sessions"] as? Int ?? 0) > 0)
        #expect((totals["delegates"] as? Int ?? 0) > 0)
    }

    @Test func agendaJSONOfAnXMLFileHasEveryWord() throws {
        let run = try Convene.run(["agenda", "--data", Self.fixture("frab-congress.xml"), "--format", "json"])
        #expect(run.status == 0, "\(run.err)")
        let rows = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [[String: Any]])
        let opening = try #require(rows.first { $0["id"] as? String == "inv42c3-101-opening" })
        #expect(opening["start"] as? String == "10:30")
        #expect(opening["abstract"] as? String == "A short invented abstract.")
        #expect(opening["description"] as? String == "A longer invented description, kept beside the abstract.")
        #expect(opening["subtitle"] as? String == "Welcome to a congress that does not exist")
        #expect(opening["links"] as? [String] == ["Slides: https://example.org/slides/101.pdf"])
        #expect(opening["recordingOptOut"] as? Bool == false)
    }

    /// An abstract written in HTML is read as text in the agenda and the calendar; the convene/1 export keeps it as written.
    @Test func anHTMLAbstractIsShownAsPlainTextAndKeptAsWritten() throws {
        let agenda = try Convene.run(["agenda", "--data", Self.fixture("fosdem-style.xml"), "--format", "json"])
        #expect(agenda.status == 0, "\(agenda.err)")
        let rows = try #require(try JSONSerialization.jsonObject(with: agenda.stdout) as? [[String: Any]])
        let welcome = try #require(rows.first { ($0["title"] as? String)?.hasPrefix("Welcome") == true })
        #expect(welcome["abstract"] as? String == "Welcome, in escaped HTML.")
        let calendar = try Convene.run(["agenda", "--data", Self.fixture("fosdem-style.xml"), "--format", "ics"])
        #expect(calendar.status == 0, "\(calendar.err)")
        #expect(calendar.out.contains("DESCRIPTION:Welcome\\, in escaped HTML."))  // RFC 5545 escapes the comma
        #expect(!calendar.out.contains("<p>"))
        let exported = try Convene.run(["export", "--data", Self.fixture("fosdem-style.xml"), "--format", "convene"])
        #expect(exported.out.contains("<p>Welcome, in escaped HTML.</p>"))
    }

    @Test func theTimeZoneOptionPlacesAFileWithoutOne() throws {
        let plain = try Convene.run(["agenda", "--data", Self.fixture("fosdem-style.xml"), "--format", "csv"])
        let placed = try Convene.run(["agenda", "--data", Self.fixture("fosdem-style.xml"), "--time-zone", "Europe/Brussels",
                                      "--format", "json"])
        #expect(plain.status == 0 && placed.status == 0, "\(placed.err)")
        let rows = try #require(try JSONSerialization.jsonObject(with: placed.stdout) as? [[String: Any]])
        #expect(rows.first?["start"] as? String == "09:30")
        // The written convene/1 file carries the instant in the zone given.
        let written = try Convene.run(["export", "--data", Self.fixture("fosdem-style.xml"), "--time-zone", "Europe/Brussels",
                                       "--format", "convene"])
        #expect(written.status == 0, "\(written.err)")
        #expect(written.out.contains("\"start\": \"2031-02-01T09:30:00+01:00\""))
        #expect(written.out.contains("\"timeZone\": \"Europe/Brussels\""))
    }

    @Test func anUnknownTimeZoneIsAUsageErrorWithASuggestion() throws {
        let run = try Convene.run(["summary", "--data", Self.fixture("fosdem-style.xml"), "--time-zone", "Europe/Brusels"])
        #expect(run.status == 64)
        #expect(run.err.contains("unknown time zone 'Europe/Brusels' (did you mean 'Europe/Brussels'?)"), "\(run.err)")
    }

    @Test func hostPlaceOptionsRecordWhereTheConferenceIsHeld() throws {
        let run = try Convene.run(["events", "--data", Self.fixture("frab-congress.xml"), "--host-city", "Hamburg",
                                   "--host-country", "DE", "--format", "json"])
        #expect(run.status == 0, "\(run.err)")
        let event = try #require((try JSONSerialization.jsonObject(with: run.stdout) as? [[String: Any]])?.first)
        #expect(event["country"] as? String == "DE", "\(event)")
        let unknown = try Convene.run(["summary", "--data", Self.fixture("frab-congress.xml"), "--host-country", "Atlantis"])
        #expect(unknown.status == 64)
        #expect(unknown.err.contains("unknown country 'Atlantis'"))
    }

    @Test func aFileOfNoKnownFormatIsRefusedNamingTheFormats() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("notes.txt").path
        try Data("hello\n".utf8).write(to: URL(fileURLWithPath: path))
        let run = try Convene.run(["summary", "--data", path])
        #expect(run.status == 65)
        #expect(run.err.contains("schedule.xml, iCalendar and schedule.json"), "\(run.err)")
    }

    @Test func importRefusesToWriteIntoAPublishedSchedule() throws {
        let dir = try TemporaryDirectory()
        let target = dir.file("schedule.xml").path, sheet = dir.file("people.csv").path
        try Data(contentsOf: URL(fileURLWithPath: Self.fixture("frab-congress.xml"))).write(to: URL(fileURLWithPath: target))
        try Data("name,country\nAn,DE\n".utf8).write(to: URL(fileURLWithPath: sheet))
        let run = try Convene.run(["import", sheet, "--event", "inv42c3", "--into", target])
        #expect(run.status != 0)
        #expect(run.err.contains("this is a schedule.xml, which Convene reads but does not write"), "\(run.err)")
    }
}

/// `agenda --day` keeps the conference day: a 00:15 talk listed under day 1 is on day 1 (issue 13, issue 15).
@Suite struct ListedDayCommandTests {
    static func ids(day: String) throws -> [String] {
        let run = try Convene.run(["agenda", "--data", Fixtures.path("published/frab-congress.xml"), "--day", day, "--format", "json"])
        #expect(run.status == 0, "\(run.err)")
        let rows = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [[String: Any]])
        #expect(rows.allSatisfy { $0["date"] as? String == day }, "the date column is the conference day")
        return rows.compactMap { $0["id"] as? String }
    }

    @Test func aTalkAfterMidnightIsOnTheDayItIsListedUnder() throws {
        #expect(try Self.ids(day: "2025-12-27").contains("inv42c3-102-late"))
        #expect(try !Self.ids(day: "2025-12-28").contains("inv42c3-102-late"))
    }

    @Test func theICSExportOfADayKeepsItsTalkAfterMidnight() throws {
        let run = try Convene.run(["agenda", "--data", Fixtures.path("published/frab-congress.xml"), "--day", "2025-12-27",
                                   "--format", "ics"])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("After Midnight"))
    }
}
