import ConveneApp
import ConveneModel
import ConveneScreen
import Testing

/// Issue 15's "small things a user meets": `e` says what it exported and offers the other
/// choice, and a count opened from Summary starts its list at the top.
@Suite struct PanelsAndSmallThingsTests {
    static func exported(_ state: inout AppState) -> String? {
        guard case .export(let request)? = state.type("e").first else { return nil }
        state.exportFinished(request, error: nil)
        return state.message
    }

    @Test func exportWithStarsButAllSessionsListedOffersMyAgenda() throws {
        var s = Sample.state()
        s.type("2")
        s.press(.down, .character(" "), .down, .character(" "))
        #expect(s.agenda.stars.count == 2)
        #expect(Self.exported(&s) == "Exported 12 sessions to convene-agenda.ics — m then e exports your 2 starred")
    }

    @Test func exportOfMyAgendaOffersEverySession() throws {
        var s = Sample.state()
        s.type("2")
        s.press(.down, .character(" "), .down, .character(" "))
        s.type("m")
        #expect(Self.exported(&s) == "Exported your 2 starred sessions to convene-my-agenda.ics — m then e exports all 12")
    }

    @Test func exportWithoutStarsOffersNothingElse() throws {
        var s = Sample.state()
        s.type("2")
        #expect(Self.exported(&s) == "Exported 12 sessions to convene-agenda.ics")
    }

    @Test func openingACountFromSummaryStartsItsListAtTheTop() throws {
        var s = Sample.state()
        s.type("3")
        s.press(.end)
        #expect(s.position.selected > 20, "the Delegates cursor is far down the list")
        s.type("5")
        s.press(.home, .enter)
        #expect(s.view == .delegates)
        #expect(s.position.selected == 0)
        #expect(s.position.offset == 0)
        s.type("5")
        s.press(.down, .down, .enter)
        #expect(s.position.selected == 0, "a second count starts at the top too")
    }
}

/// Summary for a conference whose delegates' countries are not known (issue 15).
@Suite struct ConferenceSummaryTests {
    static func congress(width: Int = 80, height: Int = 24) throws -> AppState {
        var state = AppState(index: try #require(TimetableTests.congress), width: width, height: height)
        state.apply(.showView(.summary))
        return state
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func theCongressSummaryCountsSessions(width: Int, height: Int) throws {
        let state = try Self.congress(width: width, height: height)
        Snapshot.assert(ScreenRenderer.render(state), named: "summary-congress-\(width)x\(height)")
    }
}

extension ConferenceSummaryTests {
    @Test func theCongressSummaryHasSessionBarsAndNoDelegateBars() throws {
        let state = try Self.congress()
        let headings = state.rows.compactMap { if case .heading(let t) = $0 { t } else { nil } }
        #expect(headings == ["Sessions by day", "Sessions by track", "Sessions by room", "Sessions by type",
                             "Sessions by language", "Speakers by track", "Per event: listed / reported"])
        #expect(state.selectedRow == .bar(.sessionDay, key: "2023-12-27"))
        #expect(ScreenRenderer.render(state).lines.last?.hasPrefix(" 444 sessions · 211 speakers · 1 event") == true)
    }

    @Test func enterOnATrackBarOpensItsSessionsInTheAgendaAtTheTop() throws {
        var state = try Self.congress()
        state.apply(.showView(.agenda))
        state.press(.end)
        state.type("m")
        state.type("5")
        let track = try #require(state.rows.firstIndex(of: .bar(.sessionTrack, key: "Security")))
        while state.position.selected < track { state.press(.down) }
        state.press(.enter)
        #expect(state.view == .agenda)
        #expect(!state.agenda.starredOnly, "a count of sessions opens all of them")
        #expect(state.filter[.track] == FacetChoice(included: ["Security"]))
        let count = try #require(state.sessionSummary.byTrack.first { $0.key == "Security" }?.count)
        #expect(state.rows.count == count)
        #expect(state.rows.allSatisfy { if case let .session(e, s) = $0 { state.index.directory.events[e].sessions[s].track == "Security" } else { false } })
        #expect(state.position.selected == 0)
        #expect(state.message == "Showing the \(count) sessions of track Security; Esc clears it")
        #expect(ScreenRenderer.render(state).lines[0].contains("Track: Security"))
        state.press(.escape)
        #expect(!state.filter.narrowsSessions)
        #expect(state.rows.count == 444)
    }

    @Test func enterOnADayBarOpensThatDay() throws {
        var state = try Self.congress()
        let days = state.sessionSummary.byDay
        try #require(days.count == 3)
        state.press(.down, .enter)
        #expect(state.filter[.day] == FacetChoice(included: ["2023-12-28"]))
        #expect(state.rows.count == days[1].count)
        #expect(state.sessionSummary.byDay.map(\.key) == ["2023-12-28"], "every count follows the filter")
        #expect(ScreenRenderer.render(state).lines[0].contains("Day: 2023-12-28"))
    }

    @Test func theSampleSummaryStillCountsDelegates() {
        let state = { var s = Sample.state(); s.apply(.showView(.summary)); return s }()
        #expect(state.rows.first == .heading("By country"))
        #expect(!state.rows.contains { if case .bar(.sessionDay, _) = $0 { true } else { false } })
    }
}
