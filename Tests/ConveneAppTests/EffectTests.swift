import ConveneApp
import ConveneModel
import ConveneScreen
import Testing

/// The reducer returns the work it asks for as values; the browse loop carries it out.
@Suite struct EffectTests {
    @Test func starringAndUnstarringASessionAskForASave() {
        var s = Sample.state()
        #expect(s.type("2") == [])
        #expect(s.type(" ") == [.save])
        #expect(s.type("*") == [.save], "unstarring is saved too")
        #expect(s.wantsSave, "the change waits in agenda.unsaved for the save")
    }

    @Test func aStarOutsideTheAgendaAsksForNothing() {
        var s = Sample.state()
        #expect(s.type(" ") == [])
        #expect(!s.wantsSave)
        #expect(s.message == "Stars are for sessions: press 2 for the Agenda")
    }

    @Test func exportInTheAgendaAsksToWriteTheListedSessions() {
        var s = Sample.state()
        s.type("2")
        let effects = s.type("e")
        guard effects.count == 1, case .export(let request) = effects[0] else {
            Issue.record("e asks for one export, not \(effects)")
            return
        }
        let listed = s.rows.compactMap { row -> SessionRef? in
            if case let .session(e, i) = row { return SessionRef(event: e, session: i) }
            return nil
        }
        #expect(request.sessions == listed)
        #expect(request.fileName == "convene-agenda.ics")
        #expect(s.message == nil, "nothing is said until the loop reports back")
    }

    @Test func qAsksToQuitAndKeysAfterItInTheSameBatchDoNothing() {
        var s = Sample.state()
        s.type("2")
        let effects = s.handle([.key(.character("q")), .key(.character(" ")), .key(.character("e"))])
        #expect(effects == [.quit])
        #expect(s.agenda.stars.isEmpty, "the star typed after q was not handled")
    }

    @Test func controlLAsksForARedrawInEveryMode() {
        var s = Sample.state()
        #expect(s.press(.control("l")) == [.redraw], "list")
        s.type("/hu")
        #expect(s.press(.control("l")) == [.redraw], "search prompt")
        #expect(s.search == "hu", "Ctrl-L is not typed")
        s.press(.escape)
        s.type("c")
        #expect(s.press(.control("l")) == [.redraw], "country picker")
        s.press(.escape)
        s.type("?")
        #expect(s.press(.control("l")) == [.redraw], "help")
        #expect(s.overlay != nil, "Ctrl-L keeps the help open")
    }

    @Test func rAsksForARefreshInTheListAndIsTypedInASearch() {
        var s = Sample.state()
        #expect(s.press(.character("r")) == [.refresh])
        s.type("/")
        #expect(s.press(.character("r")) == [])
        #expect(s.search == "r", "in a prompt r is text")
    }

    @Test func effectsOfABatchComeInTheOrderTheyWereAskedFor() {
        var s = Sample.state()
        s.type("2")
        let effects = s.handle([.key(.character(" ")), .key(.control("l")), .key(.character("q"))])
        #expect(effects == [.save, .redraw, .quit])
    }

    @Test func movingAndSearchingAskForNothing() {
        var s = Sample.state()
        #expect(s.type("jjk3/huong") == [])
        #expect(s.press(.enter, .escape, .down) == [])
    }
}
