import Foundation
import Testing
@testable import ConveneModel

/// Published schedules opened the way every command opens a file: through `DirectoryLoader`.
@Suite struct PublishedLoadingTests {
    static func load(_ name: String, _ options: PublishedReadOptions = PublishedReadOptions()) throws -> Directory {
        try DirectoryLoader.load(path: Fixtures.path("published/" + name), options: options)
    }

    /// What the reader alone finds in the file, to compare the loaded directory with.
    static func published(_ name: String) throws -> PublishedSchedule {
        let bytes = try [UInt8](Data(contentsOf: Fixtures.url("published/" + name)))
        return try PublishedFormats.read(bytes: bytes, name: name)
    }

    @Test(arguments: ["frab-congress.xml", "fosdem-style.xml", "merged-congress.xml", "wafer-style.xml",
                      "linuxconf-style.ics", "floating.ics", "shared-mailbox.ics", "pretalx-v1.json",
                      "frab-v1-no-zone.json", "hub-v2.json"])
    func everyFixtureLoadsWithEverySessionAndPerson(name: String) throws {
        let source = try Self.published(name)
        let d = try Self.load(name)
        #expect(d.events.count == 1)
        #expect(d.events[0].sessions.count == source.sessions.count)
        #expect(d.delegates.count == source.persons.count)
        #expect(Set(d.delegates.map(\.id)).count == d.delegates.count)
        // Every speaker is attached by id, and each session keeps as many speakers as the source lists.
        let ids = Set(d.delegates.map(\.id))
        for (mapped, original) in zip(d.events[0].sessions, source.sessions) {
            #expect(mapped.speakers.count == original.persons.count, "\(mapped.title)")
            #expect(mapped.speakers.allSatisfy(ids.contains))
            #expect(mapped.abstract == original.abstract && mapped.description == original.description)
        }
        #expect(d.notice?.contains("not recorded") == true)
    }

    @Test func aCongressXMLIsAtItsPublishedLocalTimeWithEveryWordKept() throws {
        let d = try Self.load("frab-congress.xml")
        let e = d.events[0]
        #expect(e.id == "inv42c3")
        #expect(e.timeZone == "Europe/Berlin")
        #expect(e.city == nil && d.countries.isEmpty)
        let opening = try #require(e.sessions.first { $0.id == "inv42c3-101-opening" })
        #expect(opening.start.description == "2025-12-27T10:30:00+01:00")
        #expect(opening.end.description == "2025-12-27T11:00:00+01:00")
        #expect(opening.subtitle == "Welcome to a congress that does not exist")
        #expect(opening.abstract == "A short invented abstract.")
        #expect(opening.description == "A longer invented description, kept beside the abstract.")
        #expect(opening.language == "en" && opening.type == "lecture")
        #expect(opening.links == [SessionLink(title: "Slides", url: "https://example.org/slides/101.pdf")])
        #expect(opening.url == "https://example.org/inv42c3/talk/OPEN01/")
        #expect(opening.recordingOptOut == false)
        // Listed under day 1 and starting after midnight: the morning after, at the time the file gives.
        let late = try #require(e.sessions.first { $0.id == "inv42c3-102-late" })
        #expect(late.start.description == "2025-12-28T00:15:00+01:00")
        #expect(late.end.seconds - late.start.seconds == 40 * 60 + 30)
        #expect(late.recordingOptOut == true)
    }

    /// Two people named Daniel, told apart by their guids, stay two and each keeps their own talk.
    @Test func twoPeopleWithOneNameStayTwo() throws {
        let d = try Self.load("frab-congress.xml")
        let daniels = d.delegates.filter { $0.name == "Daniel" }
        #expect(daniels.count == 2)
        let sessions = d.events[0].sessions
        let opening = try #require(sessions.first { $0.id == "inv42c3-101-opening" })
        let late = try #require(sessions.first { $0.id == "inv42c3-102-late" })
        let first = try #require(opening.speakers.first { id in daniels.contains { $0.id == id } })
        let second = try #require(late.speakers.first { id in daniels.contains { $0.id == id } })
        #expect(first != second)
    }

    @Test func aFOSDEMStyleFileWithoutAZoneShowsTimesAsWrittenAndSaysSo() throws {
        let d = try Self.load("fosdem-style.xml")
        let e = d.events[0]
        #expect(e.timeZone == "UTC")
        #expect(e.venue == "Invented University Campus")
        let first = try #require(e.sessions.first)
        #expect(first.start.components().date == "2031-02-01" && first.start.components().time == "09:30")
        // 01:30 under day 1, whose day changes at 09:00: the next date, still listed under day 1.
        let owl = try #require(e.sessions.first { $0.title.hasPrefix("Night owl") })
        #expect(owl.start.components().date == "2031-02-02" && owl.start.components().time == "01:30")
        let notice = try #require(d.notice)
        #expect(notice.contains("times are shown as written"))
        #expect(notice.contains("--time-zone"))
        // The file names the city but not its country: nothing is derived, and the notice says what to add.
        #expect(e.city == nil)
        #expect(notice.contains("Brussels") && notice.contains("--host-country"))
        // Two people with one name and two ids stay two; one person in two talks stays one.
        #expect(d.delegates.filter { $0.name == "Bo Example" }.count == 2)
        let ana = try #require(d.delegates.first { $0.name == "Ana Example" })
        #expect(d.delegates.filter { $0.name == "Ana Example" }.count == 1)
        #expect(e.sessions.filter { $0.speakers.contains(ana.id) }.count == 2)
    }

    @Test func theTimeZoneOptionPlacesFloatingTimes() throws {
        let d = try Self.load("fosdem-style.xml", PublishedReadOptions(timeZone: "Europe/Brussels"))
        #expect(d.events[0].timeZone == "Europe/Brussels")
        #expect(d.events[0].sessions[0].start.description == "2031-02-01T09:30:00+01:00")
        #expect(d.notice?.contains("shown as written") == false)
    }

    /// pretalx's demo writes `time_zone_name: UTC` and dates at +01:00: the offsets are what was published.
    @Test func aUTCZoneThatTheOffsetsContradictGivesWayToTheOffsets() throws {
        let text = #"{"schedule": {"conference": {"title": "Demo", "acronym": "demo", "time_zone_name": "UTC", "days": [{"#
            + #""index": 1, "date": "2020-12-14", "rooms": {"Gray Room": [{"id": 25, "title": "Hardware", "#
            + #""date": "2020-12-14T09:00:00+01:00", "start": "09:00", "duration": "00:30", "persons": []}]}}]}}}"#
        let d = try DirectoryLoader.load(bytes: Array(text.utf8), name: "demo.json")
        #expect(d.events[0].sessions[0].start.description == "2020-12-14T09:00:00+01:00")
        #expect(d.notice?.contains("UTC") == true)
        // With --time-zone the user decides.
        let utc = try DirectoryLoader.load(bytes: Array(text.utf8), name: "demo.json", options: PublishedReadOptions(timeZone: "UTC"))
        #expect(utc.events[0].sessions[0].start.description == "2020-12-14T08:00:00+00:00")
    }

    @Test func aHostCountryFromTheUserCompletesTheCityTheFileNames() throws {
        let d = try Self.load("fosdem-style.xml", PublishedReadOptions(hostCountry: "Belgium"))
        #expect(d.countries.map(\.code) == ["BE"])
        #expect(d.cities.map(\.name) == ["Brussels"])
        #expect(d.cities.first?.country == "BE")
        #expect(d.events[0].city == d.cities.first?.id)
        // Speakers' places stay not recorded.
        #expect(d.delegates.allSatisfy { $0.city == nil && $0.country == nil })
    }

    @Test func anUnknownHostCountryIsRefusedInWords() throws {
        #expect(throws: LoadError.self) {
            _ = try Self.load("fosdem-style.xml", PublishedReadOptions(hostCountry: "Atlantis"))
        }
    }

    @Test func anICalendarFeedIsAtItsPublishedLocalTime() throws {
        let d = try Self.load("linuxconf-style.ics")
        let e = d.events[0]
        #expect(e.timeZone == "Australia/Sydney")
        let keynote = try #require(e.sessions.first { $0.title.hasPrefix("Keynote") })
        #expect(keynote.start.description == "2032-01-19T09:30:00+11:00")
        #expect(keynote.room == "Room 101")
        #expect(keynote.url == "https://example.org/talk/1")
        #expect(keynote.description?.hasPrefix("First line of an invented description.\nSecond line; with a") == true)
    }

    /// A calendar with no name is called after its file's name, not the whole path it was opened by.
    @Test func aNamelessCalendarIsCalledAfterItsFileName() throws {
        let d = try Self.load("shared-mailbox.ics")
        #expect(d.title == "shared-mailbox.ics")
        #expect(d.events[0].id == "shared-mailbox-ics")
    }

    @Test func brokenXMLKeepsTheReadersPlaceAndExit65() throws {
        let bytes = Array("<schedule><conference><title>x</title></conference><day index='1' date='2031-02-31'></day></schedule>".utf8)
        do {
            _ = try DirectoryLoader.load(bytes: bytes, name: "broken.xml")
            Issue.record("loaded a broken schedule")
        } catch {
            #expect(error.exitCode == 65)
            guard case .published(let inner) = error else { Issue.record("\(error)"); return }
            #expect(error.description.hasPrefix("broken.xml:1: schedule/day"), "\(error)")
            #expect(inner.file == "broken.xml")
        }
    }

    @Test func aFileNoReaderRecognisesIsRefusedNamingWhatConveneReads() {
        #expect(throws: LoadError.notJSON(file: "notes.txt", detail: "it starts with 'h'; Convene reads JSON files with "
                                          + "\"format\": \"convene/1\", schedule.xml, iCalendar and schedule.json")) {
            try DirectoryLoader.load(bytes: Array("hello".utf8), name: "notes.txt")
        }
    }
}

/// Delegate ids from the ids a source gives: valid, distinct and the same every time.
@Suite struct PersonIDTests {
    static func persons(_ codes: [String]) -> [PublishedPerson] {
        codes.map { PublishedPerson(key: .code($0), ids: PublishedIDs(code: $0), name: "Same Name") }
    }

    @Test func codesInOtherScriptsAndNearDuplicatesGetDistinctValidIDs() {
        let codes = ["ZÖP1", "ZOP1", "ДЖ1", "張三", "張四", "abc", "ABC", "a-b-c", "NQTF8Y"]
        let mapping = PersonIDs(Self.persons(codes))
        let ids = codes.map { mapping.id(for: .code($0)) ?? "" }
        #expect(ids.allSatisfy(RecordID.isValid), "\(ids)")
        #expect(Set(ids).count == codes.count, "\(ids)")
        // Readable where the code is already an id and no other code folds onto it.
        #expect(mapping.id(for: .code("a-b-c")) == "a-b-c")
        #expect(mapping.id(for: .code("NQTF8Y")) == "nqtf8y")
        // Deterministic: the same file gives the same ids.
        let again = PersonIDs(Self.persons(codes))
        #expect(codes.map { again.id(for: .code($0)) ?? "" } == ids)
    }

    @Test func frabNumbersAndGuidsStayReadable() {
        let persons = [PublishedPerson(key: .id("7"), ids: PublishedIDs(id: "7"), name: "A"),
                       PublishedPerson(key: .guid("p0000000-0000-4000-8000-000000000001"),
                                       ids: PublishedIDs(guid: "p0000000-0000-4000-8000-000000000001"), name: "B")]
        let mapping = PersonIDs(persons)
        #expect(mapping.id(for: .id("7")) == "person-7")
        #expect(mapping.id(for: persons[1].key) == "p0000000-0000-4000-8000-000000000001")
    }
}
