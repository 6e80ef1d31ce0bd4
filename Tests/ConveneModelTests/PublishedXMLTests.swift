import Foundation
import Testing
@testable import ConveneModel

/// Reads a fixture under `Tests/Fixtures/published` through the format registry, as the loader will.
func readPublished(_ name: String) throws -> PublishedSchedule {
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.path("published/" + name))))
    return try PublishedFormats.read(bytes: bytes, name: name)
}

/// Reads text given inline, as a file called `name`.
func readPublished(text: String, name: String) throws(PublishedReadError) -> PublishedSchedule {
    try PublishedFormats.read(bytes: Array(text.utf8), name: name)
}

/// The error reading `text` gives, as the loader would print it.
func publishedError(_ text: String, name: String) -> String? {
    do {
        _ = try readPublished(text: text, name: name)
        return nil
    } catch {
        return error.description
    }
}

@Suite struct PublishedXMLTests {
    @Test func frabCongressKeepsEverySessionAtItsPublishedLocalTime() throws {
        let s = try readPublished("frab-congress.xml")
        #expect(s.format == "schedule.xml")
        #expect(s.sessions.count == 4)
        #expect(s.conference.title == "Invented Chaos Congress (test fixture)")
        #expect(s.conference.timeZone == "Europe/Berlin")
        #expect(s.conference.city == nil)
        #expect(s.conference.rooms == ["Saal 1", "Saal GLITCH"])
        #expect(s.conference.tracks == ["CCC", "Science", "Security"])
        #expect(s.conference.days.map(\.index) == [1, 2])
        let opening = s.sessions[0]
        #expect(opening.start == .instant(try #require(Timestamp(iso8601: "2025-12-27T10:30:00+01:00"))))
        #expect(opening.start.local.time == "10:30")
        #expect(opening.ids == PublishedIDs(guid: "a0000000-0000-4000-8000-000000000001", code: "OPEN01", id: "101"))
        #expect(opening.durationSeconds == 30 * 60)
        #expect(opening.recordingOptOut == false)
        #expect(opening.links == [PublishedLink(url: "https://example.org/slides/101.pdf", title: "Slides")])
        #expect(opening.url == "https://example.org/inv42c3/talk/OPEN01/")
    }

    @Test func abstractAndDescriptionAreBothKept() throws {
        let s = try readPublished("frab-congress.xml")
        #expect(s.sessions[0].abstract == "A short invented abstract.")
        #expect(s.sessions[0].description == "A longer invented description, kept beside the abstract.")
        #expect(s.sessions[0].subtitle == "Welcome to a congress that does not exist")
        #expect(s.sessions[2].abstract == "Abstract of 103.")
        #expect(s.sessions[2].description == "Description with <b>HTML</b> kept as written.")
        #expect(s.sessions[2].descriptionPlain == "Description with HTML kept as written.")
        #expect(s.sessions[0].abstractPlain == "A short invented abstract.")
    }

    @Test func speakersAreToldApartByIdNeverByName() throws {
        let s = try readPublished("frab-congress.xml")
        #expect(s.persons.count == 3)
        let daniels = s.persons.filter { $0.name == "Daniel" }
        #expect(daniels.count == 2)
        let zoep = try #require(s.persons.first { $0.ids.code == "ZÖP1" })
        #expect(zoep.key == .guid("p0000000-0000-4000-8000-000000000001"))
        // The same Daniel (guid …01) speaks at talks 101 and 103; the other Daniel (…03) at 102 only.
        #expect(s.sessions[0].persons.contains(zoep.key))
        #expect(s.sessions[2].persons == [zoep.key])
        #expect(s.sessions[1].persons == [.guid("p0000000-0000-4000-8000-000000000003")])
        #expect(s.person(.code("ABCD2"))?.name == "Mira Testfall")
        #expect(s.sessions[3].persons == [.code("ABCD2")])
    }

    @Test func aSessionAfterMidnightStaysOnTheDayItIsListedUnder() throws {
        let late = try readPublished("frab-congress.xml").sessions[1]
        #expect(late.day == 1)
        #expect(late.start.local == LocalDateTime(date: LocalDate(year: 2025, month: 12, day: 28), secondOfDay: 15 * 60))
        #expect(late.durationSeconds == 40 * 60 + 30)  // HH:MM:SS
        #expect(late.recordingOptOut == true)
        #expect(late.title == "After Midnight & Beyond (invented)")
    }

    @Test func fosdemStyleWithoutAZoneStaysFloatingAndTurnsOverAtDayChange() throws {
        let s = try readPublished("fosdem-style.xml")
        #expect(s.sessions.count == 3)
        #expect(s.conference.timeZone == nil)
        #expect(s.conference.city == "Brussels")
        #expect(s.conference.venue == "Invented University Campus")
        #expect(s.conference.tracks == ["Main track", "Lightning talks"])
        #expect(s.sessions[0].start == .floating(LocalDateTime(date: LocalDate(year: 2031, month: 2, day: 1), secondOfDay: 9 * 3600 + 1800)))
        // 01:30 is before the 09:00 day change: the night after 1 February, listed under day 1.
        #expect(s.sessions[1].start == .floating(LocalDateTime(date: LocalDate(year: 2031, month: 2, day: 2), secondOfDay: 5400)))
        #expect(s.sessions[1].day == 1)
        #expect(s.sessions[0].abstract == "<p>Welcome, in escaped HTML.</p>")
        #expect(s.sessions[0].abstractPlain == "Welcome, in escaped HTML.")
        // Two people called Bo Example with two ids stay two; Ana in two talks stays one.
        #expect(s.persons.map(\.key) == [.id("701"), .id("702"), .id("703")])
        #expect(s.sessions[2].persons == [.id("701")])
    }

    @Test func waferWhitespaceAroundValuesIsTrimmed() throws {
        let s = try readPublished("wafer-style.xml")
        #expect(s.conference.acronym == "invdc31")
        #expect(s.conference.title == "InventedConf 31")
        #expect(s.conference.timeZone == "America/Sao_Paulo")
        let talk = try #require(s.sessions.first)
        #expect(s.sessions.count == 1)
        #expect(talk.title == "Keysigning party (invented)")
        #expect(talk.slug == "keysigning")
        #expect(talk.track == nil)
        #expect(talk.type == "BoF")
        #expect(talk.description == nil)
        #expect(talk.abstract?.hasPrefix("Bring your fingerprints.\n\n") == true)
        #expect(talk.abstract?.hasSuffix("Second paragraph.") == true)
        #expect(talk.start == .instant(try #require(Timestamp(iso8601: "2031-07-14T10:00:00-03:00"))))
        #expect(s.persons.map(\.name) == ["Cam Invented"])
    }

    @Test func mergedCongressKeepsRepeatedIdsAcrossRooms() throws {
        let s = try readPublished("merged-congress.xml")
        #expect(s.sessions.count == 3)
        #expect(s.sessions.map(\.ids.id) == ["1", "1", "1"])
        #expect(s.sessions.map(\.room) == ["Stage A", "Stage B", "Stage B"])
        #expect(s.persons.map(\.key) == [.guid("pa-1"), .guid("pb-1")])
        // No <date>: the zone gives the offset; 02:30 is before the day's 11:00 start, so the next morning.
        #expect(s.sessions[2].start == .instant(try #require(Timestamp(iso8601: "2025-12-28T02:30:00+01:00"))))
        #expect(s.sessions[2].day == 1)
    }

    /// libxml2 reports the position just after the offending tag: `</titel>` ends at column 61.
    @Test func malformedXMLIsReportedAtItsLineAndColumn() {
        let text = "<schedule>\n<conference><title>x</title></conference>\n<day date=\"2025-01-01\"><room name=\"A\"><event><title>t</titel>\n</event></room></day></schedule>\n"
        #expect(publishedError(text, name: "broken.xml")
                == "broken.xml:3:62: not well-formed XML: an end tag does not match the element it closes")
    }

    @Test func aBadValueIsReportedAtItsElementPath() {
        let text = """
            <schedule><conference><title>x</title><time_zone_name>Europe/Berlin</time_zone_name></conference>
            <day date="2025-01-01"/>
            <day date="2025-01-02"><room name="Saal 1">
            <event><start>10:00</start><duration>00:30</duration><title>a</title></event>
            <event><start>11:00</start>
            <duration>1h</duration><title>b</title></event>
            </room></day></schedule>
            """
        #expect(publishedError(text, name: "f.xml")
                == "f.xml:6: schedule/day[2]/room[@name=\"Saal 1\"]/event[2]/duration: '1h' is not a duration of the form HH:MM or HH:MM:SS")
    }

    @Test func missingFieldsAndWrongRootsAreNamed() {
        #expect(publishedError("<rss><channel/></rss>", name: "feed.xml")
                == "feed.xml:1: rss: the root element is <rss>, not <schedule>")
        #expect(publishedError("<schedule><conference><title>x</title></conference><day date='2025-13-01'/></schedule>", name: "d.xml")
                == "d.xml:1: schedule/day/@date: '2025-13-01' is not a date of the form YYYY-MM-DD")
        #expect(publishedError("<schedule><conference><title>x</title><time_zone_name>Mars/Olympus</time_zone_name></conference></schedule>", name: "z.xml")
                == "z.xml:1: schedule/conference/time_zone_name: 'Mars/Olympus' is not an IANA time zone name")
    }

    @Test func externalEntitiesAndDTDsAreRefusedAndNeverFetched() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("convene-xxe-\(getpid()).txt")
        try "SECRET-CONTENT-42".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE schedule [<!ENTITY x SYSTEM "file://\(secret.path)">]>
            <schedule><conference><title>&x;</title></conference></schedule>
            """
        let message = try #require(publishedError(xxe, name: "xxe.xml"))
        #expect(message.hasPrefix("xxe.xml:2:1: the document declares a DTD or entities"))
        #expect(!message.contains("SECRET"))
        let external = "<?xml version=\"1.0\"?>\n<!DOCTYPE schedule SYSTEM \"file://\(secret.path)\">\n<schedule/>"
        #expect(publishedError(external, name: "dtd.xml")?.hasPrefix("dtd.xml:2:1: the document declares a DTD") == true)
        // Billion laughs: refused before libxml2 expands anything.
        let laughs = "<!DOCTYPE s [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><schedule>&b;</schedule>"
        #expect(publishedError(laughs, name: "lol.xml")?.hasPrefix("lol.xml:1:1: the document declares a DTD") == true)
        // A bare DOCTYPE declares nothing and is read.
        let bare = "<!DOCTYPE schedule>\n<schedule><conference><title>Plain</title></conference></schedule>"
        #expect(try readPublished(text: bare, name: "bare.xml").conference.title == "Plain")
    }

    @Test func deepNestingIsRefusedWithoutCrashing() {
        let deep = "<schedule>" + String(repeating: "<a>", count: 5000) + String(repeating: "</a>", count: 5000) + "</schedule>"
        let message = publishedError(deep, name: "deep.xml")
        #expect(message?.hasPrefix("deep.xml:1:") == true)
        #expect(message?.contains("nested more than 64 deep") == true)
    }
}

@Suite struct PublishedXMLVariantTests {
    /// FOSDEM 2010's shape: no <room> wrappers, each event names its room.
    @Test func eventsStraightUnderADayAreRead() throws {
        let text = """
            <schedule><conference><title>Invented 2010-style</title><day_change>09:00:00</day_change></conference>
            <day index="1" date="2010-02-06">
              <event id="20"><start>16:40</start><duration>00:15</duration><room>Ferrer</room><title>a (invented)</title>
                <persons><person id="201">Invented Person</person></persons></event>
              <event id="21"><start>15:40</start><duration>00:15</duration><room>Ferrer</room><title>b (invented)</title></event>
            </day></schedule>
            """
        let s = try readPublished(text: text, name: "old.xml")
        #expect(s.sessions.map(\.title) == ["a (invented)", "b (invented)"])
        #expect(s.sessions.map(\.room) == ["Ferrer", "Ferrer"])
        #expect(s.conference.rooms == ["Ferrer"])
        #expect(s.notes.isEmpty)
    }

    @Test func eventsInPlacesNoVariantUsesAreCountedNotDropped() throws {
        let text = """
            <schedule><conference><title>x</title></conference>
            <day date="2030-01-01"><track><event><start>10:00</start><duration>00:10</duration><title>hidden</title></event></track></day>
            </schedule>
            """
        let s = try readPublished(text: text, name: "odd.xml")
        #expect(s.sessions.isEmpty)
        #expect(s.notes == ["1 <event> element(s) outside schedule/day or schedule/day/room were not read"])
    }

    /// FOSDEM 2026's shape: `<person id="2"><name>…</name><slug>…</slug></person>`.
    @Test func aPersonsNameMayBeANestedElement() throws {
        let text = """
            <schedule><conference><title>x</title><time_zone_name>Europe/Brussels</time_zone_name></conference>
            <day index="1" date="2031-02-01"><room name="Janson"><event id="1"><date>2031-02-01T09:30:00+01:00</date>
            <duration>00:20</duration><title>t</title><persons>
              <person id="2">
                <name>Invented Staff</name>
                <slug>invented_staff</slug>
              </person>
            </persons></event></room></day></schedule>
            """
        let s = try readPublished(text: text, name: "new.xml")
        #expect(s.persons == [PublishedPerson(key: .id("2"), ids: PublishedIDs(id: "2"), name: "Invented Staff")])
    }

    /// FoundationXML traps on a comment holding invalid UTF-8 (found by the fuzzer): refused first, at the byte.
    @Test func invalidUTF8IsRefusedBeforeTheParserSeesIt() throws {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<schedule>\n<!-- ab".utf8)
        bytes += [0xE2, 0x28, 0xA1]
        bytes += Array(" -->\n</schedule>\n".utf8)
        #expect(throws: PublishedReadError(file: "bad.xml", place: .lineColumn(line: 3, column: 8),
                                           problem: "byte 0xE2 is not valid UTF-8, the document's encoding")) {
            try PublishedFormats.read(bytes: bytes, name: "bad.xml")
        }
        // An encoding name libxml2 does not know: it would read on as UTF-8, so the check applies (fuzzer find).
        var odd = Array("<?xml version=\"1.0\" encoding=\"UT\u{FEFF}F-8\"?>\n<schedule><!-- f".utf8)
        odd += [0x83]
        odd += Array(" --></schedule>".utf8)
        #expect(throws: PublishedReadError(file: "odd.xml", place: .lineColumn(line: 2, column: 17),
                                           problem: "byte 0x83 is not valid UTF-8, the document's encoding")) {
            try PublishedFormats.read(bytes: odd, name: "odd.xml")
        }
        // Declared Latin-1: the same byte is a character, and libxml2 transcodes it.
        let latin = Array("<?xml version='1.0' encoding='ISO-8859-1'?>\n<schedule><conference><title>caf".utf8) + [0xE9]
            + Array("</title></conference></schedule>".utf8)
        #expect(try PublishedFormats.read(bytes: latin, name: "latin.xml").conference.title == "café")
    }

    @Test func utf8CheckFindsTheFirstBadByte() {
        #expect(UTF8Check.firstInvalidOffset(Array("Hà Nội 東京".utf8)[...]) == nil)
        #expect(UTF8Check.firstInvalidOffset([0x61, 0xC0, 0x80][...]) == 1)        // overlong
        #expect(UTF8Check.firstInvalidOffset([0xED, 0xA0, 0x80][...]) == 0)        // surrogate
        #expect(UTF8Check.firstInvalidOffset([0xF4, 0x90, 0x80, 0x80][...]) == 0)  // above U+10FFFF
        #expect(UTF8Check.firstInvalidOffset([0x61, 0x62, 0xE2, 0x82][...]) == 2)  // truncated
    }
}
