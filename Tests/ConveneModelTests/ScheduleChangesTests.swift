import Testing
@testable import ConveneModel

@Suite struct ScheduleChangesTests {
    static func t(_ hm: String, _ day: String = "18") -> Timestamp {
        Timestamp(iso8601: "2023-11-\(day)T\(hm):00+07:00") ?? .unknown
    }

    static func directory(_ sessions: [Session], delegates: [Delegate] = []) -> Directory {
        let event = Event(id: "conf", title: "Conf", kind: "conference", city: nil, venue: nil,
                          start: t("00:00"), end: t("23:59", "19"), timeZone: "Asia/Ho_Chi_Minh", sessions: sessions)
        return Directory(title: "Conf", events: [event], delegates: DelegateList(delegates))
    }

    static let people = [
        Delegate(id: "p1", name: "An", city: nil, country: nil), Delegate(id: "p2", name: "Binh", city: nil, country: nil),
        Delegate(id: "p3", name: "Chi", city: nil, country: nil),
    ]

    static func s(_ id: String, _ title: String, _ a: String, _ b: String, room: String? = "Hall A",
                  speakers: [String] = [], guid: String? = nil) -> Session {
        Session(id: id, title: title, start: t(a), end: t(b), room: room, speakers: speakers, guid: guid)
    }

    @Test func sameScheduleHasNoChanges() {
        let d = Self.directory([Self.s("a", "A", "09:00", "10:00", speakers: ["p1"])], delegates: Self.people)
        #expect(ScheduleChanges.compare(old: d, new: d).isEmpty)
    }

    @Test func everyKindOfChangeIsListedInStartOrderWithItsBeforeAndAfter() {
        let old = Self.directory([
            Self.s("opening", "Opening", "09:00", "09:30", speakers: ["p1"]),
            Self.s("panel", "Panel", "10:00", "11:00", room: "Hall B", speakers: ["p1", "p2"]),
            Self.s("gone", "Gone talk", "11:00", "11:30"),
            Self.s("late", "Late", "15:00", "16:00", room: nil),
        ], delegates: Self.people)
        let new = Self.directory([
            Self.s("opening", "Opening", "09:00", "09:30", speakers: ["p1"]),
            // Moved an hour later and to another room, retitled, one speaker swapped.
            Self.s("panel", "Panel: cities", "12:00", "13:00", room: "Hall C", speakers: ["p3", "p1"]),
            Self.s("late", "Late", "15:00", "16:00", room: "Hall A"),
            Self.s("fresh", "Fresh", "08:00", "08:30"),
        ], delegates: Self.people)
        let changes = ScheduleChanges.compare(old: old, new: new)
        let rows = changes.map { [$0.kind.rawValue, $0.session, $0.title, $0.before ?? "-", $0.after ?? "-"] }
        #expect(rows == [
            ["new", "fresh", "Fresh", "-", "2023-11-18 08:00–08:30, Hall A"],
            ["cancelled", "gone", "Gone talk", "2023-11-18 11:00–11:30, Hall A", "-"],
            ["moved-time", "panel", "Panel: cities", "2023-11-18 10:00–11:00", "2023-11-18 12:00–13:00"],
            ["moved-room", "panel", "Panel: cities", "Hall B", "Hall C"],
            ["retitled", "panel", "Panel: cities", "Panel", "Panel: cities"],
            ["speakers", "panel", "Panel: cities", "An; Binh", "Chi; An"],
            ["moved-room", "late", "Late", "-", "Hall A"],
        ])
        #expect(changes.allSatisfy { $0.event == "conf" })
        #expect(changes.map(\.key).first == "id:fresh")
    }

    @Test func speakersInAnotherOrderAreNoChange() {
        let old = Self.directory([Self.s("a", "A", "09:00", "10:00", speakers: ["p1", "p2"])], delegates: Self.people)
        let new = Self.directory([Self.s("a", "A", "09:00", "10:00", speakers: ["p2", "p1"])], delegates: Self.people)
        #expect(ScheduleChanges.compare(old: old, new: new).isEmpty)
    }

    @Test func speakersAreComparedByNameNotByDelegateID() {
        // A published schedule's delegate ids can be re-derived between versions; the names stay.
        let old = Self.directory([Self.s("a", "A", "09:00", "10:00", speakers: ["p1"])],
                                 delegates: [Delegate(id: "p1", name: "An", city: nil, country: nil)])
        let new = Self.directory([Self.s("a", "A", "09:00", "10:00", speakers: ["an-2"])],
                                 delegates: [Delegate(id: "an-2", name: "An", city: nil, country: nil)])
        #expect(ScheduleChanges.compare(old: old, new: new).isEmpty)
    }

    @Test func theSameInstantWrittenAtAnotherOffsetIsNoMove() {
        var moved = Self.s("a", "A", "09:00", "10:00")
        moved.start = Timestamp(iso8601: "2023-11-18T03:00:00+01:00") ?? .unknown
        moved.end = Timestamp(iso8601: "2023-11-18T04:00:00+01:00") ?? .unknown
        let changes = ScheduleChanges.compare(old: Self.directory([Self.s("a", "A", "09:00", "10:00")]),
                                              new: Self.directory([moved]))
        #expect(changes.isEmpty)
    }

    @Test func aGuidKeepsASessionWhoseIDChanged() {
        // The slug-derived id changed with the title; the guid says it is the same talk.
        let old = Self.directory([Self.s("conf-old-title", "Old title", "09:00", "10:00", guid: "0d5e")])
        let new = Self.directory([Self.s("conf-new-title", "New title", "09:00", "10:00", guid: "0d5e")])
        let changes = ScheduleChanges.compare(old: old, new: new)
        #expect(changes.map { [$0.kind.rawValue, $0.key, $0.session, $0.before ?? "", $0.after ?? ""] }
                == [["retitled", "guid:0d5e", "conf-new-title", "Old title", "New title"]])
    }

    @Test func withoutAGuidAChangedIDIsOneCancelledAndOneNew() {
        let old = Self.directory([Self.s("x1", "Talk", "09:00", "10:00")])
        let new = Self.directory([Self.s("x2", "Talk", "09:00", "10:00")])
        #expect(ScheduleChanges.compare(old: old, new: new).map { "\($0.kind.rawValue) \($0.session)" }
                == ["cancelled x1", "new x2"])
    }

    @Test func aGuidGivenTwiceKeepsBothSessionsApart() {
        let d = Self.directory([Self.s("a", "A", "09:00", "10:00", guid: "dup"), Self.s("b", "B", "11:00", "12:00", guid: "dup")])
        #expect(ScheduleChanges.sessionKeys(of: d) == [["guid:dup", "guid:dup#2"]])
        var later = d
        later.events[0].sessions[1].room = "Hall Z"
        #expect(ScheduleChanges.compare(old: d, new: later).map { "\($0.kind.rawValue) \($0.session)" } == ["moved-room b"])
    }

    @Test func aMoveAcrossMidnightWritesTheEndDate() {
        let s = SessionSnapshot(key: "id:a", event: "e", id: "a", title: "A", start: Self.t("23:30"), end: Self.t("00:30", "19"))
        #expect(ScheduleChanges.when(s) == "2023-11-18 23:30–2023-11-19 00:30")
    }

    @Test func theOrderIsTheSameWhateverTheInputOrder() {
        let a = Self.s("a", "A", "09:00", "10:00"), b = Self.s("b", "B", "09:00", "10:00"), c = Self.s("c", "C", "08:00", "09:00")
        let one = ScheduleChanges.compare(old: Self.directory([]), new: Self.directory([a, b, c]))
        let two = ScheduleChanges.compare(old: Self.directory([]), new: Self.directory([b, c, a]))
        #expect(one == two)
        #expect(one.map(\.session) == ["c", "a", "b"])
    }

    @Test func aPublishedScheduleKeepsItsGuidsThroughConvene1() throws {
        let xml = """
        <?xml version="1.0"?>
        <schedule><conference><title>Guid Conf</title><acronym>gc</acronym></conference>
        <day index="1" date="2024-02-03">
        <room name="H.1"><event guid="6b1c0f4e-1111-4222-8333-944455556666" id="42">
        <date>2024-02-03T10:00:00+01:00</date><start>10:00</start><duration>00:30</duration>
        <room>H.1</room><slug>talk</slug><title>Talk</title><persons><person id="7">An</person></persons>
        </event></room></day></schedule>
        """
        let loaded = try DirectoryLoader.loadFast(bytes: Array(xml.utf8), name: "s.xml")
        #expect(loaded.directory.events.first?.sessions.first?.guid == "6b1c0f4e-1111-4222-8333-944455556666")
        let json = DirectoryEncoder.encode(loaded.directory)
        let direct = try DirectoryLoader.loadFast(bytes: Array(json.utf8), name: "d.json")
        let general = try DirectoryLoader.decodeAndValidate(DirectoryLoader.parse(bytes: Array(json.utf8), name: "d.json"), name: "d.json")
        #expect(direct.wasDirect)
        #expect(direct.directory == loaded.directory)
        #expect(general == loaded.directory)
    }
}
