import ConveneApp
import ConveneModel
import ConveneScreen
import Testing

/// The personal agenda: stars, clashes, now/next and the time zone shown. The sample's
/// Hanoi agenda has two pairs of parallel sessions (s08/s09 at 13:30, s10/s11 at 15:00).
@Suite struct StarTests {
    static let tenAM = Timestamp(iso8601: "2023-11-18T10:00+07:00") ?? .unknown

    func agendaState(width: Int = 80, height: Int = 24) -> AppState {
        var s = Sample.state(width: width, height: height)
        s.setNow(Self.tenAM)
        s.agenda.localZone = "Europe/Paris"
        s.apply(.showView(.agenda))
        return s
    }

    func selectedID(_ s: AppState) -> String? {
        guard case let .session(e, i)? = s.selectedRow else { return nil }
        return s.index.directory.events[e].sessions[i].id
    }

    /// Moves the selection to a session by id.
    func select(_ id: String, in s: inout AppState) {
        s.apply(.top)
        while selectedID(s) != id, s.position.selected < s.rows.count - 1 { s.apply(.moveDown) }
    }

    @Test func spaceAndStarBothToggleAStarAndRecordTheChangeForSaving() {
        var s = agendaState()
        #expect(selectedID(s) == "hanoi-2023-s01")
        s.press(.character(" "))
        #expect(s.agenda.stars == ["hanoi-2023-s01"])
        #expect(s.agenda.unsaved == ["hanoi-2023-s01": true])
        #expect(s.wantsSave)
        s.type("*")
        #expect(s.agenda.stars.isEmpty)
        #expect(s.agenda.unsaved == ["hanoi-2023-s01": false], "the last toggle of an id wins")
    }

    @Test func starringOutsideTheAgendaSaysWhereToGo() {
        var s = Sample.state()
        s.press(.character(" "))
        #expect(s.agenda.stars.isEmpty)
        #expect(s.message?.contains("Agenda") == true)
    }

    @Test func overlappingStarsAreMarkedAsClashesOnBoth() {
        var s = agendaState(width: 120, height: 40)
        select("hanoi-2023-s08", in: &s)
        s.type("*")
        #expect(s.agenda.clashes.isEmpty)
        s.apply(.moveDown)
        #expect(selectedID(s) == "hanoi-2023-s09")
        s.type("*")
        #expect(s.agenda.clashes.count == 2)
        #expect(s.message?.contains("clashes with 1 starred") == true)
        // The detail of a clashing session lists what it clashes with.
        let grid = ScreenRenderer.render(s)
        #expect(grid.lines.joined().contains("Clashes with"))
        #expect(grid.lines.contains { $0.contains("★!") })
        s.type("*")
        #expect(s.agenda.clashes.isEmpty, "unstarring one ends the clash on both")
    }

    @Test func starredOnlyShowsMyAgendaAndUnstarringThereDropsTheRow() {
        var s = agendaState()
        select("hanoi-2023-s04", in: &s)
        s.type("*")
        select("hanoi-2023-s10", in: &s)
        s.type("*")
        s.type("m")
        #expect(s.rows.count == 2)
        s.apply(.top)
        s.type("*")
        #expect(s.rows.count == 1)
        #expect(selectedID(s) == "hanoi-2023-s10")
        s.type("m")
        #expect(s.rows.count == 12)
        #expect(selectedID(s) == "hanoi-2023-s10", "the selection stays on its session")
        s.type("*m")   // unstar the last star, then show my (now empty) agenda
        #expect(s.rows.isEmpty)
        #expect(ScreenRenderer.render(s).lines.joined().contains("No starred sessions here"))
    }

    @Test func dotJumpsToTheSessionOnNowThenToTheNextOne() {
        var s = agendaState()
        s.type(".")
        #expect(selectedID(s) == "hanoi-2023-s04", "09:10–10:30 is on at 10:00")
        #expect(s.message == "Now: Panel: Urban regeneration and sustainable development (until 10:30)")
        s.setNow(Timestamp(iso8601: "2023-11-18T14:50+07:00") ?? .unknown)
        s.type(".")
        #expect(selectedID(s) == "hanoi-2023-s10", "nothing on at 14:50; the next starts at 15:00")
        #expect(s.message?.hasPrefix("Next: ") == true)
        #expect(s.message?.contains("in 10 min") == true)
        s.setNow(Timestamp(iso8601: "2023-11-19T09:00+07:00") ?? .unknown)
        s.type(".")
        #expect(s.message == "Nothing is on now or later")
    }

    @Test func dotFromAnotherViewOpensTheAgenda() {
        var s = Sample.state()
        s.setNow(Self.tenAM)
        s.type(".")
        #expect(s.view == .agenda)
        #expect(selectedID(s) == "hanoi-2023-s04")
    }

    @Test func pastSessionsAreDimmedAndClashesRed() {
        var s = agendaState()
        let past = s.rows.filter { if case let .session(e, i) = $0 { s.isPast(SessionRef(event: e, session: i)) } else { false } }
        #expect(past.count == 3, "08:00, 08:30 and 08:50 sessions have ended at 10:00")
        s.loadStars(["hanoi-2023-s08", "hanoi-2023-s09"])
        s.apply(.bottom)   // move the selection off the rows checked below
        let grid = ScreenRenderer.render(s)
        func style(row: Int) -> Style { grid.cells[row * grid.width + 20].style }
        #expect(style(row: 4).dim, "08:30 Opening speech has ended")
        #expect(!style(row: 7).dim, "09:10–10:30 is on now")
        #expect(style(row: 11).foreground == .red && style(row: 11).bold, "s08 clashes with s09")
    }

    @Test func tTogglesBetweenEventAndLocalTimeAndTheHeaderSaysWhich() {
        var s = agendaState()
        #expect(ScreenRenderer.render(s).lines[2].contains("Event time"))
        #expect(ScreenRenderer.render(s).lines[3].contains("08:00–08:30"))
        s.type("t")
        #expect(s.agenda.showsLocalTime)
        #expect(s.message == "Times in local time (Europe/Paris)")
        let lines = ScreenRenderer.render(s).lines
        #expect(lines[2].contains("Local time"))
        #expect(lines[3].contains("02:00–02:30"), "08:00+07:00 is 02:00 in Paris (UTC+01:00 in November)")
        #expect(lines.joined().contains("local: Europe/Paris, UTC+01:00"))
        s.type("t")
        #expect(!s.agenda.showsLocalTime)
    }

    @Test func aFailedSaveKeepsStarsAndChangesAndSaysSoUntilASaveSucceeds() {
        var s = agendaState()
        s.type("*")
        s.saveFailed("cannot write x: Read-only file system")
        #expect(s.agenda.stars == ["hanoi-2023-s01"])
        #expect(s.wantsSave)
        #expect(s.message?.contains("Read-only file system") == true)
        s.type("j")
        #expect(ScreenRenderer.render(s).lines.last?.contains("Stars not saved") == true, "the failure stays in the status line")
        s.saveSucceeded(stars: ["hanoi-2023-s01", "from-another-instance"])
        #expect(!s.wantsSave)
        #expect(s.agenda.saveError == nil)
        #expect(s.agenda.stars.contains("from-another-instance"), "a merged save adopts the other instance's stars")
    }

    @Test func theDelegateDetailMarksStarredTalks() {
        var s = agendaState(width: 120, height: 40)
        select("hanoi-2023-s04", in: &s)
        s.type("*")
        s.press(.enter, .enter)   // the session panel, then its first speaker
        guard case .delegate = s.overlay else {
            Issue.record("expected the delegate panel")
            return
        }
        let text = ScreenRenderer.render(s).lines.joined(separator: "\n")
        #expect(text.contains("★ 2023-11-18 09:10 Panel: Urban regeneration"))
    }

    // MARK: Snapshots

    func starredWithClash(width: Int, height: Int) -> AppState {
        var s = agendaState(width: width, height: height)
        s.loadStars(["hanoi-2023-s04", "hanoi-2023-s08", "hanoi-2023-s09", "hanoi-2023-s12"])
        select("hanoi-2023-s08", in: &s)
        return s
    }

    @Test func agendaWithStarsClashesAndPastSessionsSnapshot() {
        for (w, h) in [(80, 24), (120, 40), (50, 16)] {
            Snapshot.assert(ScreenRenderer.render(starredWithClash(width: w, height: h)), named: "agenda-starred-\(w)x\(h)")
        }
    }

    @Test func myAgendaOnlySnapshot() {
        var s = starredWithClash(width: 80, height: 24)
        s.type("m")
        Snapshot.assert(ScreenRenderer.render(s), named: "agenda-my-agenda-80x24")
    }

    @Test func localTimeSnapshot() {
        var s = starredWithClash(width: 120, height: 40)
        s.type("t")
        Snapshot.assert(ScreenRenderer.render(s), named: "agenda-local-time-120x40")
    }
}
