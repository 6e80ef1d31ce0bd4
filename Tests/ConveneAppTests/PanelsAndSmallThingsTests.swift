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
