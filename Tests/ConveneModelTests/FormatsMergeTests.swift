import Testing
@testable import ConveneModel

@Suite struct FormatsMergeTests {
    private func minimal() throws -> Directory { try DirectoryLoader.load(path: Fixtures.path("valid/minimal.json")) }

    @Test func mergingADirectoryWithItselfChangesNothing() throws {
        let d = try minimal()
        #expect(try DirectoryMerge.merge(d, d) == d)
    }

    @Test func disjointRecordsAreCombined() throws {
        let a = try minimal()
        let b = try DirectoryLoader.load(path: Fixtures.path("formats/schedule-frab.json"))
        let merged = try DirectoryMerge.merge(a, b)
        #expect(merged.title == a.title)
        #expect(merged.events.map(\.id) == ["conf", "democamp23"])
        // The schedule records no country (none is taken from its time zone), so it adds none.
        #expect(merged.countries.map(\.code) == ["VN", "JP"])
        #expect(merged.delegates.count == a.delegates.count + b.delegates.count)
        #expect(merged.notice == b.notice)
    }

    @Test func aDelegateAtMoreEventsIsJoinedNotAConflict() throws {
        var a = try minimal()
        var b = a
        var second = a.events[0]
        second.id = "conf2"
        second.sessions = []
        b.events.append(second)
        b.delegates[2].events = ["conf2"]
        a.delegates[2].events = ["conf"]
        let merged = try DirectoryMerge.merge(a, b)
        #expect(merged.delegates[2].events == ["conf", "conf2"])
    }

    @Test func conflictingRecordsAreAllReportedAndNothingIsChosen() throws {
        let a = try minimal()
        var b = a
        b.delegates[0].name = "Someone Else"
        b.cities[1].timeZone = "Asia/Seoul"
        b.events[0].sessions[0].title = "Closing"
        do {
            _ = try DirectoryMerge.merge(a, b)
            Issue.record("merged conflicting directories")
        } catch {
            guard case .conflicts(let list) = error else { Issue.record("\(error)"); return }
            #expect(list.map(\.description) == [
                "city 'kanazawa' differs: timeZone: \"Asia/Tokyo\" ≠ \"Asia/Seoul\"",
                "event 'conf' differs: sessions[s1].title: \"Opening\" ≠ \"Closing\"",
                "delegate 'd1' differs: name: \"Phạm Thị Thanh Hương\" ≠ \"Someone Else\"",
            ])
        }
    }

    @Test func aMergeThatBreaksAReferenceRuleIsRefused() throws {
        let a = try minimal()
        var b = Directory(title: "B", countries: a.countries, cities: a.cities)
        var other = a.events[0]
        other.id = "other"
        b.events = [other]   // same session id "s1" in a different event
        b.organizations = a.organizations
        b.delegates = a.delegates
        #expect(throws: DirectoryMerge.Failure.self) { try DirectoryMerge.merge(a, b) }
    }
}
