import Testing
@testable import ConveneModel

@Suite struct SourceCombineTests {
    private func minimal() throws -> Directory { try DirectoryLoader.load(path: Fixtures.path("valid/minimal.json")) }

    private func parts(_ a: Directory, _ b: Directory) -> [SourcePart] {
        [SourcePart(tag: "main", name: "main.json", directory: a), SourcePart(tag: "side", name: "side.json", directory: b)]
    }

    @Test func oneSourceIsShownExactlyAsItIs() throws {
        let d = try minimal()
        #expect(SourceCombine.combine([SourcePart(tag: "main", name: "main.json", directory: d)]) == d)
    }

    @Test func collidingEventsSessionsAndDelegatesAreKeptApartAndRenamedWithTheLaterSourcesTag() throws {
        let a = try minimal()
        var b = a
        b.events[0].title = "Side event"
        b.delegates[0].name = "Someone Else"
        let combined = SourceCombine.combine(parts(a, b))
        #expect(combined.events.map(\.id) == ["conf", "side.conf"])
        #expect(combined.events.map(\.title) == ["Conference", "Side event"])
        #expect(combined.events.flatMap(\.sessions).map(\.id) == ["s1", "side.s1"])
        #expect(combined.delegates.map(\.id) == ["d1", "d2", "d3", "side.d1", "side.d2", "side.d3"])
        // References inside the later source follow its renaming: never to the first source's records.
        #expect(combined.events[1].sessions[0].speakers == ["side.d1"])
        #expect(combined.delegates[3].events == ["side.conf"])
        #expect(combined.delegates[3].name == "Someone Else")
        #expect(Validator.validate(combined).problems == [])
    }

    @Test func identicalReferenceRecordsAreSharedAndDifferentOnesKeptApart() throws {
        let a = try minimal()
        var b = a
        b.cities[1].name = "Kanazawa-shi"   // same id, other content: kept apart
        let combined = SourceCombine.combine(parts(a, b))
        #expect(combined.countries.map(\.code) == ["VN", "JP"])
        #expect(combined.cities.map(\.id) == ["hanoi", "kanazawa", "side.kanazawa"])
        // hanoi is the same record in both, so the shared organisation based there is one too.
        #expect(combined.organizations.map(\.id) == ["unesco-hanoi"])
        #expect(combined.delegates.first { $0.id == "side.d3" }?.city == "side.kanazawa")
        #expect(combined.events[1].city == "hanoi")
        #expect(combined.notice == nil)
        #expect(Validator.validate(combined).problems == [])
    }

    @Test func anOrganisationInARenamedCityIsNotTheSameOrganisation() throws {
        let a = try minimal()
        var b = a
        b.cities[0].name = "Ha Noi"
        let combined = SourceCombine.combine(parts(a, b))
        #expect(combined.cities.map(\.id) == ["hanoi", "kanazawa", "side.hanoi"])
        #expect(combined.organizations.map(\.id) == ["unesco-hanoi", "side.unesco-hanoi"])
        #expect(combined.organizations[1].city == "side.hanoi")
        #expect(combined.events[1].organizers == ["side.unesco-hanoi"])
        #expect(Validator.validate(combined).problems == [])
    }

    @Test func aCountryNamedDifferentlyIsSharedAndTheNoticeSaysSo() throws {
        let a = try minimal()
        var b = a
        b.countries[0].name = "Vietnam"
        b.notice = "Invented side events."
        let combined = SourceCombine.combine(parts(a, b))
        #expect(combined.countries.map(\.name) == ["Viet Nam", "Japan"])
        let notice = try #require(combined.notice)
        #expect(notice.contains("side: Invented side events."))
        #expect(notice.contains("side: country VN is \"Vietnam\" there; shown as \"Viet Nam\""))
    }

    @Test func everyEventSaysWhichSourceItCameFromWithItsOwnIds() throws {
        let a = try minimal()
        let combined = SourceCombine.combine(parts(a, a))
        #expect(combined.title == "Minimal directory + Minimal directory")
        #expect(combined.events.map { $0.source?.tag } == ["main", "side"])
        #expect(combined.events.map { $0.source?.name } == ["main.json", "side.json"])
        #expect(combined.events[1].source?.originalID == "conf")
        #expect(combined.events[1].source?.originalSessionID("side.s1") == "s1")
    }

    @Test func aRenamedIdThatIsTakenTooGetsANumber() throws {
        let a = try minimal()
        var b = a
        var extra = b.events[0]
        extra.id = "side.conf"
        extra.sessions = []
        b.events.append(extra)
        var c = a
        c.events[0].sessions = []
        let combined = SourceCombine.combine([SourcePart(tag: "side", name: "x", directory: b),
                                              SourcePart(tag: "side", name: "y", directory: c)])
        #expect(combined.events.map(\.id) == ["conf", "side.conf", "side.conf-2"])
    }

    @Test func sessionKeysAreTheSourcesOwnSoARenamingCausedByAnotherSourceMarksNothing() throws {
        let a = try minimal()
        var b = a
        b.events[0].id = "side-conf"
        b.events[0].sessions[0].id = "other"
        let before = SourceCombine.combine(parts(a, b))
        // The first source now also uses the id "other": the later source's session is renamed.
        var a2 = a
        a2.events[0].sessions[0].id = "other"
        let after = SourceCombine.combine(parts(a2, b))
        #expect(after.events[1].sessions[0].id == "side.other")
        let changes = ScheduleChanges.compare(old: before, new: after)
        #expect(changes.map(\.kind) == [.new, .cancelled])
        #expect(changes.allSatisfy { $0.key.hasPrefix("main|") })
        #expect(ScheduleChanges.sessionKeys(of: after) == [["main|id:other"], ["side|id:other"]])
    }

    @Test(arguments: [
        (["main.json", "side-events.xml"], ["main", "side-events"]),
        (["a/schedule.xml", "b/schedule.xml", "schedule"], ["schedule", "schedule-2", "schedule-3"]),
        (["https://www.fosdem.org/2026/schedule/xml", "http://127.0.0.1:8080/x.json"], ["fosdem", "127-0-0-1-8080"]),
        (["https://user:secret@events.example.org/feed.ics", "/tmp/.hidden", "Ω.json"], ["events", "hidden", "source"]),
    ])
    func tagsAreShortUniqueIds(names: [String], expected: [String]) {
        #expect(SourceCombine.tags(for: names) == expected)
    }
}
