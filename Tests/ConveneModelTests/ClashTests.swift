import Testing
@testable import ConveneModel

@Suite struct ClashTests {
    /// Two events in different offsets; times are "HH:MM" on 2023-11-18.
    static func index() -> DirectoryIndex {
        func t(_ hm: String, _ offset: String = "+07:00") -> Timestamp {
            Timestamp(iso8601: "2023-11-18T\(hm):00\(offset)") ?? .unknown
        }
        func s(_ id: String, _ a: String, _ b: String, _ offset: String = "+07:00") -> Session {
            Session(id: id, title: id, start: t(a, offset), end: t(b, offset))
        }
        let hanoi = Event(id: "hanoi", title: "Hanoi", kind: "conference", city: "hanoi", venue: "V",
                          start: t("00:00"), end: t("23:59"), timeZone: "Asia/Ho_Chi_Minh",
                          sessions: [s("a", "09:00", "10:00"), s("b", "09:30", "10:30"), s("c", "10:00", "11:00"),
                                     s("d", "10:00", "10:15"), s("e", "12:00", "13:00")])
        // 11:30+09:00 is 09:30+07:00: overlaps a and b across events and offsets.
        let tokyo = Event(id: "tokyo", title: "Tokyo", kind: "forum", city: "tokyo", venue: "W",
                          start: t("00:00", "+09:00"), end: t("23:59", "+09:00"), timeZone: "Asia/Tokyo",
                          sessions: [s("f", "11:30", "11:45", "+09:00")])
        return DirectoryIndex(Directory(title: "Clash test", events: [hanoi, tokyo]))
    }

    let ix = ClashTests.index()

    func ids(_ refs: [SessionRef]?) -> [String] { (refs ?? []).map { ix.session($0).id } }
    func ref(_ id: String) -> SessionRef { ix.sessionRef(id: id) ?? SessionRef(event: -1, session: -1) }

    @Test func sessionsThatTouchEndToStartDoNotClash() {
        #expect(!ix.overlaps(ref("a"), ref("c")))
        #expect(ix.clashes(amongStarred: ["a", "c"]).isEmpty)
    }

    @Test func overlappingStarredSessionsAreMarkedOnBoth() {
        let c = ix.clashes(amongStarred: ["a", "b"])
        #expect(ids(c[ref("a")]) == ["b"])
        #expect(ids(c[ref("b")]) == ["a"])
    }

    @Test func onlyStarredSessionsCount() {
        let c = ix.clashes(amongStarred: ["a", "e"])
        #expect(c.isEmpty, "b overlaps a but is not starred")
    }

    @Test func aLongSessionClashesWithSeveralShortOnes() {
        let c = ix.clashes(amongStarred: ["b", "c", "d"])
        #expect(Set(ids(c[ref("b")])) == ["c", "d"])
        #expect(Set(ids(c[ref("c")])) == ["b", "d"])
        #expect(Set(ids(c[ref("d")])) == ["b", "c"])
    }

    @Test func instantsAreComparedAcrossEventsAndOffsets() {
        let c = ix.clashes(amongStarred: ["a", "f", "e"])
        #expect(ids(c[ref("f")]) == ["a"])
        #expect(ids(c[ref("a")]) == ["f"])
        #expect(c[ref("e")] == nil)
    }

    @Test func unknownStarsAreIgnored() {
        #expect(ix.clashes(amongStarred: ["gone", "a"]).isEmpty)
    }

    @Test func theSameSlotListsEveryOverlappingSessionInStartOrder() {
        #expect(ids(ix.sessionsOverlapping(ref("b"))) == ["a", "f", "c", "d"])
        #expect(ids(ix.sessionsOverlapping(ref("e"))).isEmpty)
    }

    @Test(arguments: [["a", "b", "c", "d", "e", "f"], ["f", "e", "d", "c", "b", "a"]])
    func sweepAgreesWithComparingEveryPair(stars: [String]) {
        let c = ix.clashes(amongStarred: Set(stars))
        for x in stars {
            let expected = Set(stars.filter { $0 != x && ix.overlaps(ref(x), ref($0)) })
            #expect(Set(ids(c[ref(x)])) == expected, "clashes of \(x)")
        }
    }
}
