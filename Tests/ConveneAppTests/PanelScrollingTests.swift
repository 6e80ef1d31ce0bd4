import ConveneApp
import ConveneModel
import ConveneScreen
import Testing

/// Every panel scrolls (↑↓, PgUp/PgDn, Home/End, the wheel) and says on its frame that there is
/// more; a session's own facts come before the sessions of its slot (issue 15).
@Suite struct PanelScrollingTests {
    /// The congress fixture's session with the most others in its slot (ties: the first in the Agenda).
    static func busiestSession(_ state: AppState) throws -> (row: Int, ref: SessionRef) {
        let ix = state.index
        let candidates = state.rows.enumerated().compactMap { i, row -> (Int, SessionRef, Int)? in
            guard case let .session(e, s) = row, !ix.directory.events[e].sessions[s].speakers.isEmpty else { return nil }
            let ref = SessionRef(event: e, session: s)
            return (i, ref, ix.sessionsOverlapping(ref).count)
        }
        let best = try #require(candidates.max { $0.2 != $1.2 ? $0.2 < $1.2 : $0.0 > $1.0 })
        return (best.0, best.1)
    }

    /// The Agenda of the congress with the busiest session's panel open.
    static func sessionPanel(width: Int = 80, height: Int = 24) throws -> AppState {
        var state = AppState(index: try #require(TimetableTests.congress), width: width, height: height)
        state.apply(.showView(.agenda))
        let (row, _) = try busiestSession(state)
        state.press(.home)
        for _ in 0..<row { state.press(.down) }
        state.press(.enter)
        return state
    }

    static func offset(_ state: AppState) -> Int? {
        switch state.overlay {
        case let .session(_, _, _, offset)?: offset
        case let .delegate(_, offset)?: offset
        case let .help(offset)?: offset
        default: nil
        }
    }

    static func lines(_ state: AppState) -> [String] { ScreenRenderer.render(state).lines }

    /// The rows of a panel's frame (it leaves a row of the screen behind it above and below),
    /// so a mark of the detail pane behind the panel does not count.
    static func panelLines(_ state: AppState) -> [String] {
        Array(lines(state)[2..<(state.height - 2)])
    }

    @Test func aLongSessionPanelShowsItsOwnFactsFirstAndCutsTheSlotAt80x24() throws {
        let state = try Self.sessionPanel()
        Snapshot.assert(ScreenRenderer.render(state), named: "session-panel-congress-80x24")
        let text = Self.lines(state)
        #expect(text.contains { $0.contains("When: ") }, "the session's time is on the first screen")
        #expect(text.contains { $0.contains("and 111 more") }, "the slot is cut to its five nearest")
        #expect(!Self.panelLines(state).contains { $0.contains(" ↓ more ") }, "it all fits at 80×24")
    }

    @Test func theSlotComesAfterTheSpeakersAndTheAbstractAndIsCutToTheNearest() throws {
        var state = try Self.sessionPanel(height: 16)
        guard case let .session(e, s, _, _)? = state.overlay else { throw PanelFailure("no session panel") }
        let others = state.index.sessionsOverlapping(SessionRef(event: e, session: s)).count
        #expect(others > 10, "the fixture's busiest slot is busy")
        state.press(.end)
        let text = Self.panelLines(state).joined(separator: "\n")
        #expect(text.contains("and \(others - 5) more"))
        #expect(text.contains(" ↑ more ") && !text.contains(" ↓ more "), "at the end: more above, none below")
        let all = state.overlay.map { _ in
            // The panel's lines in order, as words: Speakers and the abstract precede the slot.
            Self.detailWords(state, e, s)
        } ?? []
        let speakers = try #require(all.firstIndex(of: "Speakers"))
        let slot = try #require(all.firstIndex(of: "Also in this slot"))
        #expect(speakers < slot)
        #expect(all.filter { $0.hasPrefix("• ") && $0.contains("–") }.count <= 5, "at most five other sessions listed")
    }

    static func detailWords(_ state: AppState, _ e: Int, _ s: Int) -> [String] {
        // Scroll through the panel from the top, collecting each screen's inner lines.
        var copy = state
        copy.press(.home)
        var seen: [String] = []
        for _ in 0..<200 {
            for line in lines(copy).dropFirst(2).dropLast(2) {
                let inner = line.trimmingCharacters(in: .init(charactersIn: " │"))
                if seen.last != inner { seen.append(inner) }
            }
            let before = offset(copy)
            copy.press(.pageDown)
            if offset(copy) == before { break }
        }
        return seen
    }

    @Test func keysScrollTheSessionPanelAndClampAtBothEnds() throws {
        var state = try Self.sessionPanel(height: 14)
        #expect(Self.offset(state) == 0)
        #expect(Self.panelLines(state).last?.contains(" ↓ more ") == true)
        state.press(.pageDown)
        let page = try #require(Self.offset(state))
        #expect(page == 7, "a screenful less one line: the panel shows 8 lines at 80×14")
        #expect(Self.panelLines(state).first?.contains(" ↑ more ") == true)
        state.press(.pageUp)
        #expect(Self.offset(state) == 0)
        state.press(.end)
        let last = try #require(Self.offset(state))
        #expect(last > page)
        state.press(.pageDown, .down, .end)
        #expect(Self.offset(state) == last, "nothing past the end")
        state.press(.up)
        #expect(Self.offset(state) == last - 1, "one ↑ after End moves at once")
        state.press(.home)
        #expect(Self.offset(state) == 0)
        state.press(.pageUp, .character("k"))
        #expect(Self.offset(state) == 0, "nothing before the top")
    }

    @Test func arrowsMoveBetweenSpeakersThenScroll() throws {
        var state = try Self.sessionPanel(height: 16)
        guard case let .session(e, s, _, _)? = state.overlay else { throw PanelFailure("no session panel") }
        let speakers = state.index.directory.events[e].sessions[s].speakers.count
        for _ in 0..<speakers { state.press(.down) }
        guard case let .session(_, _, selected, offset)? = state.overlay else { throw PanelFailure("panel closed") }
        #expect(selected == speakers - 1, "↓ goes to the last speaker first")
        state.press(.down, .down)
        #expect(Self.offset(state) == offset + 2, "then ↓ scrolls")
    }

    @Test func theWheelScrollsAPanelThreeLinesAndAClickClosesIt() throws {
        var state = try Self.sessionPanel(height: 16)
        state.handle(.mouse(MouseEvent(kind: .wheelDown, row: 10, column: 10)))
        #expect(Self.offset(state) == 3)
        #expect(Self.panelLines(state).first?.contains(" ↑ more ") == true, "scrolled: the frame says there is more above")
        state.handle(.mouse(MouseEvent(kind: .wheelUp, row: 10, column: 10)))
        #expect(Self.offset(state) == 0)
        state.handle(.mouse(MouseEvent(kind: .click, row: 10, column: 10)))
        #expect(state.overlay == nil)
    }

    @Test func theHelpScrollsToItsEndAndBack() {
        var state = Sample.state()
        state.type("?")
        #expect(Self.panelLines(state).last?.contains(" ↓ more ") == true)
        state.press(.end)
        let last = Self.offset(state) ?? 0
        #expect(last > 0)
        #expect(Self.panelLines(state).first?.contains(" ↑ more ") == true)
        #expect(Self.panelLines(state).last?.contains(" ↓ more ") == false)
        state.press(.down)
        #expect(Self.offset(state) == last)
        state.press(.home)
        #expect(Self.offset(state) == 0)
    }

    @Test func theDelegatePanelScrollsWithTheKeys() throws {
        var state = AppState(index: try #require(TimetableTests.congress), width: 80, height: 12)
        state.apply(.showView(.delegates))
        state.press(.enter)
        #expect(Self.offset(state) == 0)
        state.press(.end)
        let last = try #require(Self.offset(state))
        #expect(last > 0, "a delegate's record is longer than six lines")
        state.press(.pageUp)
        #expect(Self.offset(state) == max(0, last - 5))
        state.press(.home)
        #expect(Self.offset(state) == 0)
    }

    @Test func theChangesPanelGoesToItsFirstAndLastChange() {
        var state = Sample.state()
        state.apply(.showChanges)
        state.press(.end)
        #expect(state.overlay == .changes(selected: 0), "no changes: End stays on the first")
    }

    @Test func theWheelOverTheDetailPaneScrollsItAndANewSelectionStartsAtTheTop() throws {
        var state = try Self.sessionPanel(width: 120, height: 20)
        state.press(.escape)
        let detail = Layout(width: 120, height: 20, view: .agenda).detail
        #expect(Self.lines(state).contains { $0.contains(" ↓ more ") }, "the pane says there is more")
        state.handle(.mouse(MouseEvent(kind: .wheelDown, row: detail.row + 2, column: detail.column + 2)))
        #expect(state.detailOffset == 3)
        #expect(state.position.selected == (try Self.busiestSession(state)).row, "the list did not move")
        state.press(.down)
        #expect(state.detailOffset == 0)
    }

    @Test func jAndKAreSafeAtEverySizeAndInEveryView() {
        for view in ViewID.allCases {
            for (w, h) in [(0, 0), (1, 1), (20, 5), (40, 10), (79, 8)] {
                var state = Sample.state(width: w, height: h)
                state.apply(.showView(view))
                state.type("JJKJ")
                #expect(state.detailOffset >= 0, "\(view) at \(w)×\(h)")
                _ = ScreenRenderer.render(state)
            }
        }
    }

    @Test func jAndKScrollTheDetailPaneAPageAtATimeWithoutMovingTheList() throws {
        var state = try Self.sessionPanel(width: 120, height: 16)
        state.press(.escape)
        let row = state.position.selected
        // A page is the pane's inner height less one line: the border takes two rows.
        let page = Layout(width: 120, height: 16, view: .agenda).detail.height - 3
        var atEnd = state
        for _ in 0..<200 { atEnd.type("J") }
        let end = atEnd.detailOffset
        #expect(end > page, "the busiest session's detail is longer than two pages at this height")
        state.type("J")
        #expect(state.detailOffset == page)
        #expect(state.position.selected == row, "the list did not move")
        #expect(Self.lines(state).contains { $0.contains(" ↑ more ") }, "the pane says there is more above")
        atEnd.type("J")
        #expect(atEnd.detailOffset == end, "J at the end stays")
        atEnd.type("K")
        #expect(atEnd.detailOffset == end - page)
        for _ in 0..<200 { atEnd.type("K") }
        #expect(atEnd.detailOffset == 0)
    }
}

struct PanelFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
