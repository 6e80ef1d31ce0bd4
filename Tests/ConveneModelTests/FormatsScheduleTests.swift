import Foundation
import Testing
@testable import ConveneModel

@Suite struct FormatsScheduleTests {
    private func loadFixture() throws -> Directory {
        try DirectoryLoader.load(path: Fixtures.path("formats/schedule-frab.json"))
    }

    @Test func scheduleJSONIsDetectedFromContentAndLoads() throws {
        let d = try loadFixture()
        #expect(d.events.map(\.id) == ["democamp23"])
        #expect(d.events[0].title == "Demo Camp 2023")
        #expect(d.events[0].timeZone == "Europe/Berlin")
        #expect(d.events[0].venue == nil)
        #expect(d.events[0].sources == ["https://example.org/demo/"])
    }

    /// schedule.json says nothing of the host city or country: no placeholder city, no country from the zone.
    @Test func placeIsNotRecordedAndNothingIsDerivedFromTheTimeZone() throws {
        let d = try loadFixture()
        #expect(d.countries.isEmpty)
        #expect(d.cities.isEmpty)
        #expect(d.events[0].city == nil)
        #expect(d.notice?.contains("not recorded") == true)
        #expect(d.notice?.contains("City not recorded") == false)
        let s = DirectoryIndex(d).summary(Filter())
        #expect(s.byCountry.map(\.label) == [NotRecorded.label])
        #expect(s.byCountry.map(\.count) == [d.delegates.count])
        #expect(s.countries == 0 && s.cities == 0)
    }

    @Test func sessionsGetTheOffsetInForceIncludingTheEndOfSummerTime() throws {
        let sessions = try loadFixture().events[0].sessions
        let byID = Dictionary(uniqueKeysWithValues: sessions.map { ($0.id, $0) })
        #expect(byID["democamp23-101-eroeffnung"]?.start.description == "2023-10-28T10:30:00+02:00")
        #expect(byID["democamp23-101-eroeffnung"]?.end.description == "2023-10-28T11:15:00+02:00")
        // After midnight, before 03:00 CEST: still summer time, and on the next date.
        #expect(byID["democamp23-102-nachtschicht"]?.start.description == "2023-10-29T00:30:00+02:00")
        // 29 October 2023, after the change: CET.
        #expect(byID["democamp23-201-abschluss"]?.start.description == "2023-10-29T10:00:00+01:00")
        #expect(byID["democamp23-201-abschluss"]?.end.description == "2023-10-29T10:30:00+01:00")
    }

    @Test func roomsTracksAndTextComeAcross() throws {
        let sessions = try loadFixture().events[0].sessions
        let opening = try #require(sessions.first { $0.id == "democamp23-101-eroeffnung" })
        #expect(opening.title == "Eröffnung; Grüße, und \"Ausblick\"")
        #expect(opening.room == "Saal 1")
        #expect(opening.track == "Stadt")
        // Both texts are kept: the abstract and the long description.
        #expect(opening.abstract == "Willkommen.\nZweite Zeile.")
        #expect(opening.description == "Lange Beschreibung.")
        let workshop = try #require(sessions.first { $0.id == "democamp23-103-loeten" })
        #expect(workshop.room == "Werkstatt")
        #expect(workshop.track == nil)
        #expect(workshop.abstract == nil)  // blank in the file
        #expect(workshop.description == "Bring nothing.")
    }

    @Test func personsBecomeOneDelegateEachAcrossTalks() throws {
        let d = try loadFixture()
        #expect(d.delegates.map(\.id) == ["person-7", "person-8", "nqtf8y"])
        #expect(d.delegates.map(\.name) == ["Đặng Thu Hà", "Jürgen Groß", "田中 美咲"])
        #expect(d.delegates.allSatisfy { $0.city == nil && $0.country == nil })
        #expect(d.delegates.allSatisfy { $0.events == ["democamp23"] })
        let workshop = try #require(d.events[0].sessions.first { $0.id == "democamp23-103-loeten" })
        #expect(workshop.speakers == ["nqtf8y", "person-8"])
    }

    @Test func theEventSpansItsDays() throws {
        let e = try loadFixture().events[0]
        #expect(e.start.description == "2023-10-28T10:00:00+02:00")
        #expect(e.end.description == "2023-10-29T18:00:00+01:00")
    }

    /// A zone that belongs to no country (`UTC`) used to be refused for want of a country; it is a zone like any other.
    @Test func aTimeZoneOfNoCountryLoads() throws {
        let text = try String(contentsOfFile: Fixtures.path("formats/schedule-frab.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"Europe/Berlin\"", with: "\"UTC\"")
        let d = try DirectoryLoader.load(bytes: Array(text.utf8), name: "s.json")
        #expect(d.events[0].timeZone == "UTC")
        #expect(d.events[0].city == nil)
        #expect(d.delegates.count == 3)
    }

    @Test(arguments: [
        (#""start": "10:30", "duration": "00:45""#, #""start": "10:30", "duration": "45 min""#,
         "$.schedule.conference.days[0].rooms[\"Saal 1\"][0].duration"),
        (#""title": "Abschluss""#, #""title": ["Abschluss"]"#, "$.schedule.conference.days[1].rooms[\"Saal 1\"][0].title"),
        (#""date": "2023-10-28T14:00:00+02:00""#, #""date": "28.10.2023 14:00""#,
         "$.schedule.conference.days[0].rooms.Werkstatt[0].date"),
    ])
    func brokenFieldsAreReportedAtTheirJSONPath(original: String, broken: String, path: String) throws {
        let text = try String(contentsOfFile: Fixtures.path("formats/schedule-frab.json"), encoding: .utf8)
        #expect(text.contains(original))
        let bytes = Array(text.replacingOccurrences(of: original, with: broken).utf8)
        do {
            _ = try DirectoryLoader.load(bytes: bytes, name: "s.json")
            Issue.record("loaded a broken schedule")
        } catch {
            guard case let .invalid(_, problems, _) = error else { Issue.record("\(error)"); return }
            #expect(problems.map(\.path).contains(path), "\(problems)")
        }
    }

    @Test func aConveneFileIsNotMistakenForASchedule() throws {
        let d = try DirectoryLoader.load(path: Fixtures.path("valid/minimal.json"))
        #expect(d.title == "Minimal directory")
        #expect(PublishedFormats.reader(for: Array(#"{"format": "convene/1", "title": "x"}"#.utf8)) == nil)
        #expect(PublishedFormats.reader(for: Array(#"{"schedule": {}}"#.utf8))?.name == "schedule.json")
    }

    @Test func zoneClockPlacesWallClockTimesAroundSummerTimeChanges() throws {
        let berlin = try #require(ZoneClock(identifier: "Europe/Berlin"))
        let date = try #require(LocalDate("2024-03-31"))
        // 02:30 does not exist that night; it is read with the offset from before the change.
        #expect(berlin.instant(date: date, minuteOfDay: 150).description == "2024-03-31T03:30:00+02:00")
        #expect(berlin.instant(date: date, minuteOfDay: 60).description == "2024-03-31T01:00:00+01:00")
        // 02:30 happens twice on 27 October 2024: the first one is taken.
        let autumn = try #require(LocalDate("2024-10-27"))
        #expect(berlin.instant(date: autumn, minuteOfDay: 150).description == "2024-10-27T02:30:00+02:00")
        let hanoi = try #require(ZoneClock(identifier: "Asia/Ho_Chi_Minh"))
        #expect(hanoi.instant(date: try #require(LocalDate("2023-11-18")), minuteOfDay: 510).description
                == "2023-11-18T08:30:00+07:00")
    }

    @Test func timeZoneTableGivesCountriesAndSingleZones() {
        #expect(TimeZoneCountries.country(ofZone: "Asia/Ho_Chi_Minh") == "VN")
        #expect(TimeZoneCountries.country(ofZone: "Europe/Copenhagen") == "DK")
        #expect(TimeZoneCountries.country(ofZone: "UTC") == nil)
        #expect(TimeZoneCountries.onlyZone(ofCountry: "JP") == "Asia/Tokyo")
        #expect(TimeZoneCountries.onlyZone(ofCountry: "ID") == nil)
        #expect(TimeZoneCountries.countryByZone.count > 400)
    }
}
