import ConveneApp
import ConveneModel
import ConveneScreen
import Testing

@Suite struct ChangesTests {
    /// The sample as a later version: s01 moved to another room, s04 (starred in the tests)
    /// retitled, s12 cancelled, and a new session at the end of the day.
    static func later() throws -> Directory {
        var d = Sample.index.directory
        let e = try #require(d.events.firstIndex { $0.id == "hanoi-2023" })
        func at(_ id: String) throws -> Int { try #require(d.events[e].sessions.firstIndex { $0.id == id }) }
        d.events[e].sessions[try at("hanoi-2023-s01")].room = "Atrium"
        d.events[e].sessions[try at("hanoi-2023-s04")].title = "Panel: Urban regeneration (moved up)"
        var fresh = d.events[e].sessions[try at("hanoi-2023-s12")]
        d.events[e].sessions.remove(at: try at("hanoi-2023-s12"))
        fresh.id = "hanoi-2023-s13"
        fresh.title = "Farewell drinks"
        d.events[e].sessions.append(fresh)
        return d
    }

    /// Sets one session's room, found by id.
    static func setRoom(_ d: inout Directory, _ id: String, _ room: String) throws {
        let e = try #require(d.events.firstIndex { $0.sessions.contains { $0.id == id } })
        let i = try #require(d.events[e].sessions.firstIndex { $0.id == id })
        d.events[e].sessions[i].room = room
    }

    static func reloaded(width: Int = 80, height: Int = 24) throws -> AppState {
        var s = Sample.state(width: width, height: height)
        s.loadStars(["hanoi-2023-s04"])
        s.reload(with: DirectoryIndex(try later()))
        return s
    }

    /// The Agenda row of a session, by id.
    static func row(_ s: AppState, _ id: String) -> Int? {
        s.rows.firstIndex { row in
            if case let .session(e, i) = row { return s.index.directory.events[e].sessions[i].id == id }
            return false
        }
    }

    @Test func aReloadMarksEachChangedSessionAndSaysHowManyStarredChanged() throws {
        let s = try Self.reloaded()
        #expect(s.changeMarks.unseen == ["id:hanoi-2023-s01", "id:hanoi-2023-s04", "id:hanoi-2023-s12", "id:hanoi-2023-s13"])
        #expect(s.message == "Reloaded: the data file changed on disk · 1 of your starred talks changed (4 sessions in all) · C lists them")
    }

    @Test func theChangesPanelListsStarredChangesFirstThenTheRestInTimeOrder() throws {
        let s = try Self.reloaded()
        #expect(s.changesPanelEntries.map { "\($0.kind.rawValue) \($0.session)" } == [
            "retitled hanoi-2023-s04",
            "moved-room hanoi-2023-s01", "cancelled hanoi-2023-s12", "new hanoi-2023-s13",
        ])
    }

    @Test func changedSessionsCarryAMarkInAgendaUntilSelected() throws {
        var s = try Self.reloaded(width: 120, height: 40)
        s.type("2")
        func line(_ title: String) -> String { ScreenRenderer.render(s).lines.first { $0.contains(title) } ?? "" }
        // s13 is new and not selected (the first row, s01, is).
        let target = try #require(Self.row(s, "hanoi-2023-s13"))
        #expect(s.position.selected != target)
        #expect(line("Farewell drin").contains("Δ Farewell drin"))
        #expect(line("Opening speech").contains("Opening speech") && !line("Opening speech").contains("Δ"), "unchanged: no mark")
        while s.position.selected < target { s.press(.down) }
        #expect(s.position.selected == target)
        #expect(!s.changeMarks.unseen.contains("id:hanoi-2023-s13"), "selected: seen")
        #expect(line("Farewell drin").contains("Farewell drin") && !line("Farewell drin").contains("Δ"))
        // Every row the selection landed on is seen: s01 when Agenda opened on it, s04 on the way
        // down (one key at a time). The cancelled s12 has no row: only the Changes panel clears it.
        #expect(s.changeMarks.unseen == ["id:hanoi-2023-s12"])
    }

    @Test func theDetailOfASessionChangedWhileSelectedSaysWhatChanged() throws {
        var s = Sample.state(width: 120, height: 40)
        s.type("2")
        guard case let .session(e, i)? = s.selectedRow else {
            Issue.record("no session selected")
            return
        }
        #expect(s.index.directory.events[e].sessions[i].id == "hanoi-2023-s01")
        s.reload(with: DirectoryIndex(try Self.later()))
        let text = ScreenRenderer.render(s).lines.joined(separator: "\n")
        #expect(text.contains("Δ Registration"))
        #expect(text.contains("Δ moved (room): Lobby → Atrium"), "\(text)")
    }

    @Test func enterInThePanelShowsTheSessionInAgendaAndMarksItSeen() throws {
        var s = try Self.reloaded()
        s.type("3C")
        #expect(s.mode == .changesPanel)
        s.press(.enter)
        #expect(s.overlay == nil)
        #expect(s.view == .agenda)
        guard case let .session(e, i)? = s.selectedRow else {
            Issue.record("no session selected")
            return
        }
        #expect(s.index.directory.events[e].sessions[i].id == "hanoi-2023-s04")
        #expect(!s.changeMarks.unseen.contains("id:hanoi-2023-s04"))
        #expect(s.changeMarks.unseen.count == 3)
    }

    @Test func aCancelledSessionIsMarkedSeenInThePanel() throws {
        var s = try Self.reloaded()
        s.type("C")
        s.press(.down, .down)
        s.press(.enter)
        #expect(s.overlay == .changes(selected: 2))
        #expect(s.message == "Seen: Closing and summary (cancelled)")
        #expect(s.changesPanelEntries.map(\.session) == ["hanoi-2023-s04", "hanoi-2023-s01", "hanoi-2023-s13"])
        s.type("C")
        #expect(s.overlay == nil)
    }

    @Test func anOpenChangesPanelStaysOpenAcrossAReloadWithItsEntriesUpdated() throws {
        var s = try Self.reloaded()
        s.type("C")
        s.press(.end, .down, .down, .down)
        #expect(s.overlay == .changes(selected: 3))
        var back = try Self.later()
        try Self.setRoom(&back, "hanoi-2023-s01", "Lobby")
        s.reload(with: DirectoryIndex(back))
        #expect(s.overlay == .changes(selected: 2), "open, the selection within the three entries left")
        #expect(s.changesPanelEntries.count == 3)
    }

    @Test func aSessionThatChangesBackIsNoLongerMarked() throws {
        var s = try Self.reloaded()
        var back = try Self.later()
        try Self.setRoom(&back, "hanoi-2023-s01", "Lobby")
        s.reload(with: DirectoryIndex(back))
        #expect(!s.changeMarks.unseen.contains("id:hanoi-2023-s01"))
        #expect(s.changeMarks.unseen.contains("id:hanoi-2023-s04"))
    }

    @Test func aSecondChangeIsComparedWithTheVersionTheUserSaw() throws {
        var s = try Self.reloaded()
        var again = try Self.later()
        try Self.setRoom(&again, "hanoi-2023-s01", "Garden")
        s.reload(with: DirectoryIndex(again))
        let change = s.changeMarks.changes.first { $0.session == "hanoi-2023-s01" }
        #expect(change?.before == "Lobby")
        #expect(change?.after == "Garden")
    }

    @Test func changesMadeWhileClosedAreMarkedAtStartFromTheCopyLastSeen() throws {
        let before = ScheduleChanges.snapshots(of: Sample.index.directory)
        var s = AppState(index: DirectoryIndex(try Self.later()), width: 80, height: 24)
        #expect(s.changeMarks.unseen.isEmpty, "nothing is marked before the copy is known")
        s.loadStars(["hanoi-2023-s04"])
        s.startChanges(lastSeen: before)
        #expect(s.changeMarks.unseen.count == 4)
        #expect(s.message == "Since you last looked: 1 of your starred talks changed (4 sessions in all) · C lists them")
        // What is kept for next time is what the user saw: the unseen changes are still the old versions.
        #expect(ScheduleChanges.compare(s.lastSeenSessions, before).isEmpty)
        s.type("C")
        s.press(.enter)
        #expect(ScheduleChanges.compare(s.lastSeenSessions, before).map(\.session) == ["hanoi-2023-s04"])
    }

    @Test func withoutACopyNothingIsMarkedAtStart() throws {
        var s = Sample.state()
        s.startChanges(lastSeen: nil)
        #expect(s.changeMarks.unseen.isEmpty)
        #expect(s.message == nil)
        s.type("C")
        #expect(s.mode == .changesPanel)
        #expect(s.message == "No changes since you last looked")
    }

    @Test func theStatusLineOfAgendaCountsStarredChanges() throws {
        var s = try Self.reloaded(width: 120, height: 40)
        s.type("2")
        s.message = nil
        let status = ScreenRenderer.render(s).lines.last ?? ""
        #expect(status.contains("1 of your starred talks changed"))
    }

    @Test func theChangesPanelSnapshot() throws {
        var s = try Self.reloaded(width: 80, height: 24)
        s.type("C")
        Snapshot.assert(ScreenRenderer.render(s), named: "changes-panel-80x24")
    }

    @Test func theChangesPanelSurvivesSmallSizes() throws {
        for w in stride(from: 0, through: 60, by: 7) {
            for h in stride(from: 0, through: 20, by: 3) {
                var s = try Self.reloaded(width: w, height: h)
                s.type("C")
                #expect(ScreenRenderer.render(s).cells.count == w * h)
            }
        }
    }
}
