import Foundation
import Testing
@testable import ConveneModel

@Suite struct PublishedJSONTests {
    @Test func pretalxV1WithAUTCZoneIsRead() throws {
        let s = try readPublished("pretalx-v1.json")
        #expect(s.format == "schedule.json")
        #expect(s.conference.timeZone == "UTC")
        #expect(s.conference.url == "https://example.org/invcamp/schedule/")
        #expect(s.sessions.count == 2)
        let first = s.sessions[0]
        #expect(first.start.description == "2031-08-10T10:30:00+00:00")
        #expect(first.ids == PublishedIDs(guid: "c0000000-0000-4000-8000-000000000001", code: "TALK1", id: "1"))
        #expect(first.abstract == "Invented abstract one.")
        #expect(first.description == "Invented description one, longer.")
        #expect(first.recordingOptOut == false)
        #expect(first.links == [PublishedLink(url: "https://example.org/repo", title: "Repository")])
    }

    @Test func pretalxCodesInOtherScriptsKeepTwoDanielsApart() throws {
        let s = try readPublished("pretalx-v1.json")
        #expect(s.persons.map(\.key) == [.code("ZÖP1"), .code("ZOP1")])
        #expect(s.persons.map(\.name) == ["Daniel", "Daniel"])
        #expect(s.sessions[0].persons == [.code("ZÖP1"), .code("ZOP1")])
        #expect(s.sessions[1].persons == [.code("ZÖP1")])
    }

    @Test func aV1TalkAfterMidnightKeepsItsDay() throws {
        let late = try readPublished("pretalx-v1.json").sessions[1]
        #expect(late.day == 1)
        #expect(late.start.description == "2031-08-11T01:00:00+00:00")
        #expect(late.durationSeconds == 3600)
        #expect(late.abstract == nil)
        #expect(late.description == "Only a description.")
        #expect(late.recordingOptOut == true)
    }

    @Test func aV1FileWithoutAZoneTakesTheOffsetOfItsDays() throws {
        let s = try readPublished("frab-v1-no-zone.json")
        #expect(s.conference.timeZone == nil)
        #expect(s.sessions.map(\.start.description) == ["2030-03-30T09:15:00+02:00"])
        #expect(s.persons.map(\.key) == [.id("5"), .id("6")])
    }

    @Test func hubV2IsReadIntoTheSameShape() throws {
        let s = try readPublished("hub-v2.json")
        #expect(s.format == "schedule.json")
        #expect(s.conference.rooms == ["Saal 1", "Saal ZIGZAG"])
        #expect(s.conference.tracks == ["Art & Beauty", "Science"])
        #expect(s.conference.days.map(\.index) == [1, 2])
        #expect(s.sessions.count == 2)
        let opening = s.sessions[0]
        #expect(opening.start.description == "2026-12-27T10:30:00+01:00")
        #expect(opening.durationSeconds == 1800)
        #expect(opening.track == "Art & Beauty")
        #expect(opening.persons == [.guid("p-1"), .guid("p-2")])
        #expect(opening.abstract == "Invented abstract.")
        #expect(opening.description == "Invented description.")
        let late = s.sessions[1]
        #expect(late.room == "Saal ZIGZAG")  // by the room's guid
        #expect(late.track == "Science")     // by the track's slug
        #expect(late.day == 1)               // 00:15 on the 28th is within day 1's start–end
        #expect(late.persons == [.guid("p-1")])
        #expect(s.persons.map(\.name) == ["Daniel", "Daniel"])
    }

    @Test func brokenJSONIsReportedAtLineColumnOrPath() {
        #expect(publishedError("{\"schedule\": {\n  \"conference\": [1,]\n}}", name: "a.json")
                == "a.json:2:20: expected a value after ',', found ']' (trailing commas are not allowed)")
        let badDuration = """
            {"schedule": {"conference": {"title": "x", "days": [{"date": "2030-01-01", "rooms": {"Saal 1": [
              {"start": "10:00", "duration": "00:30", "title": "a"},
              {"start": "11:00", "duration": "half an hour", "title": "b"}]}}]}}}
            """
        #expect(publishedError(badDuration, name: "b.json")
                == "b.json:$.schedule.conference.days[0].rooms[\"Saal 1\"][1].duration: 'half an hour' is not a duration of the form HH:MM or HH:MM:SS")
        #expect(publishedError("{\"schedule\": {\"conference\": {\"title\": \"x\"}, \"events\": [{\"title\": \"t\", \"start\": \"2030-01-01T10:00:00Z\", \"end\": \"2030-01-01T09:00:00Z\"}]}}", name: "c.json")
                == "c.json:$.schedule.events[0].end: ends before it starts (2030-01-01T09:00:00+00:00 < 2030-01-01T10:00:00+00:00)")
        #expect(publishedError("{\"schedule\": {}}", name: "d.json") == "d.json:$.schedule.conference: missing required field 'conference'")
    }
}

@Suite struct PublishedFormatRegistryTests {
    @Test(arguments: [
        ("frab-congress.xml", "schedule.xml"), ("fosdem-style.xml", "schedule.xml"), ("wafer-style.xml", "schedule.xml"),
        ("linuxconf-style.ics", "iCalendar"), ("floating.ics", "iCalendar"),
        ("pretalx-v1.json", "schedule.json"), ("hub-v2.json", "schedule.json"),
    ])
    func eachFormatIsRecognisedFromItsContent(file: String, format: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.path("published/" + file))))
        #expect(PublishedFormats.reader(for: bytes)?.name == format)
        #expect(PublishedFormats.all.filter { $0.recognises(firstBytes: bytes.prefix(PublishedFormats.sniffLength)) }.count == 1)
    }

    @Test func convene1FilesAndOtherTextAreNotClaimed() throws {
        let sample = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.path("formats/schedule-frab.json"))))
        #expect(PublishedFormats.reader(for: sample)?.name == "schedule.json")
        for text in ["{\"format\": \"convene/1\", \"title\": \"schedule\", \"events\": []}", "title,start\n", ""] {
            #expect(PublishedFormats.reader(for: Array(text.utf8)) == nil, "\(text)")
        }
        #expect(publishedError("name,city\n", name: "people.csv")
                == "people.csv: not a schedule Convene reads; it reads schedule.xml, iCalendar and schedule.json")
    }
}
