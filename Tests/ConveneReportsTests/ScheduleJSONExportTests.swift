import Foundation
import Testing
@testable import ConveneModel
@testable import ConveneReports

@Suite struct ScheduleJSONExportTests {
    private func sample() throws -> DirectoryIndex { BundledSample.index }

    private static let fixture = Fixtures.path("formats/schedule-frab.json")

    /// import(export(x)) keeps every session: id, title, start and end (instant and offset), room, track and speakers.
    private func expectRoundTrip(_ ix: DirectoryIndex, event: Int) throws {
        let original = ix.directory.events[event]
        let json = ScheduleJSONExport.render(ix, event: event)
        let back = try DirectoryLoader.load(bytes: Array(json.utf8), name: "export.json")
        let e = try #require(back.events.first)
        #expect(e.title == original.title)
        #expect(e.timeZone == original.timeZone)
        #expect(e.sessions.count == original.sessions.count)
        let backIndex = DirectoryIndex(back)
        for s in original.sessions {
            let t = try #require(e.sessions.first { $0.id == s.id }, "session \(s.id) lost")
            #expect(t.title == s.title)
            #expect(t.start == s.start && t.start.offsetSeconds == s.start.offsetSeconds)
            #expect(t.end == s.end && t.end.offsetSeconds == s.end.offsetSeconds)
            #expect(t.room == s.room)
            #expect(t.track == s.track)
            #expect(t.description == s.description)
            #expect(t.abstract == s.abstract)
            #expect(t.speakers.map { backIndex.delegate($0)?.name } == s.speakers.map { ix.delegate($0)?.name })
        }
    }

    @Test func exportingTheSampleAgendaAndReadingItBackKeepsTheSessions() throws {
        let ix = try sample()
        try expectRoundTrip(ix, event: try #require(ix.eventByID["hanoi-2023"]))
    }

    @Test func aScheduleReadFromFrabSurvivesExportAndImport() throws {
        let ix = DirectoryIndex(try DirectoryLoader.load(path: Self.fixture))
        try expectRoundTrip(ix, event: 0)
        // Delegate ids derived from names come back the same too.
        let json = ScheduleJSONExport.render(ix, event: 0)
        let again = ScheduleJSONExport.render(DirectoryIndex(try DirectoryLoader.load(bytes: Array(json.utf8), name: "x")), event: 0)
        #expect(json.count > 0 && again.contains("\"slug\": \"democamp23-201-abschluss\""))
    }

    /// A talk past midnight is written under the day it is listed under, and read back with that day.
    @Test func aTalkAfterMidnightIsExportedUnderItsListedDay() throws {
        let ix = DirectoryIndex(try DirectoryLoader.load(path: Fixtures.path("published/frab-congress.xml")))
        let json = ScheduleJSONExport.render(ix, event: 0)
        let root = try JSONParser.parse(Array(json.utf8))
        guard case let .array(days)? = root["schedule"]?["conference"]?["days"] else { Issue.record("no days"); return }
        let dayOne = try #require(days.first { $0["date"] == .string("2025-12-27") })
        guard case let .object(rooms)? = dayOne["rooms"] else { Issue.record("no rooms"); return }
        let titles = rooms.flatMap { room -> [String] in
            guard case let .array(talks) = room.value else { return [] }
            return talks.compactMap { if case let .string(t)? = $0["title"] { t } else { nil } }
        }
        #expect(titles.contains("After Midnight & Beyond (invented)"), "\(titles)")
        let back = try DirectoryLoader.load(bytes: Array(json.utf8), name: "export.json")
        let late = try #require(back.events[0].sessions.first { $0.title.hasPrefix("After Midnight") })
        #expect(late.day == LocalDate("2025-12-27"))
        #expect(late.start.description == "2025-12-28T00:15:00+01:00")
    }

    @Test func exportIsStableAndHasTheFieldsTheSchemaRequires() throws {
        let ix = try sample()
        let i = try #require(ix.eventByID["hanoi-2023"])
        let json = ScheduleJSONExport.render(ix, event: i)
        #expect(json == ScheduleJSONExport.render(ix, event: i))
        let root = try JSONParser.parse(Array(json.utf8))
        let conference = try #require(root["schedule"]?["conference"])
        #expect(root["schedule"]?["version"] != nil)
        for key in ["title", "acronym", "days", "daysCount", "start", "end", "timeslot_duration", "time_zone_name", "rooms"] {
            #expect(conference[key] != nil, "conference.\(key)")
        }
        #expect(conference["acronym"] == .string("hanoi_2023"))
        #expect(conference["time_zone_name"] == .string("Asia/Ho_Chi_Minh"))
        guard case .array(let days)? = conference["days"], case .object(let rooms)? = days.first?["rooms"],
              case .array(let talks)? = rooms.first?.value, let talk = talks.first else {
            Issue.record("no talks exported"); return
        }
        for key in ["abstract", "date", "duration", "guid", "id", "language", "links", "persons", "room", "slug",
                    "start", "subtitle", "title", "track", "type", "url"] {
            #expect(talk[key] != nil, "event.\(key)")
        }
        #expect(talk["id"]?.integerValue ?? 0 >= 1)
        if case .string(let guid)? = talk["guid"] {
            #expect(guid.range(of: #"^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"#, options: .regularExpression) != nil)
        }
        if case .string(let slug)? = talk["slug"] {
            #expect(slug.range(of: #"^[a-z0-9_-]+[a-z0-9]$"#, options: .regularExpression) != nil)
        }
        if case .string(let duration)? = talk["duration"] {
            #expect(duration.range(of: #"^[0-9]+:[0-9]{2}$"#, options: .regularExpression) != nil)
        }
    }

    @Test(arguments: [("hanoi-2023", "hanoi_2023"), ("ab", "ab__"), ("-x.y", "-x_y"), ("36c3", "36c3")])
    func acronymsFitTheSchemaPattern(id: String, acronym: String) {
        #expect(ScheduleJSONExport.acronym(id) == acronym)
    }
}
