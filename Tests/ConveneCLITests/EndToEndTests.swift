import Foundation
import Testing

/// The real binary in a real terminal: tmux, with a private socket, at a fixed size.
///
/// Scenarios run one at a time (each starts its own tmux server and convene,
/// and timing-sensitive keys such as Esc must not compete for the CPU), and
/// every one ends the server it started. The extensions in
/// `EndToEndTests+*.swift` add the other scenarios to this suite.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, TmuxSession.unavailableReason))
struct EndToEndTests {
    /// The status line's counts on each view of the unfiltered sample.
    static let sampleStatus = [
        "1": "15 events · 120 delegates",
        "2": "12 sessions · 1 event",
        "3": "120 delegates · 8 countries",
        "4": "84 cities · 17 countries",
        "5": "120 delegates · 8 countries · 22 cities",
    ]

    /// Text each view shows; the first item of each only that view shows.
    static let viewContent = [
        "1": ["Listed/Rep.", "UNESCO ASEAN Creative", "│ Title"],
        "2": ["│ Room ", "Registration and", "│ Speakers"],
        "3": ["│ Organisation", "Name", "│ Role", "Anucha Thongdee"],
        "4": ["│ Creative field", "City", "│ Since", "Bandung"],
        "5": [" By country", " By city", " By creative field"],
    ]

    @Test func theSampleOpensOnEventsAndEveryViewShowsItsOwnContent() async throws {
        let session = try TmuxSession(width: 120, height: 40)
        defer { session.end() }
        try await session.waitFor(Self.sampleStatus["1"]!)
        #expect(try session.display("#{pane_width}x#{pane_height}") == "120x40")
        #expect(try session.display("#{alternate_on}") == "1", "the browser uses the alternate screen")

        let first = try session.lines()
        try #require(first.count == 40)
        #expect(first[0].hasPrefix(" Convene · UNESCO Creative Cities — ASEAN+3 directory (sample)"))
        #expect(first[0].contains("Sample data."), "the sample's notice is in the title bar")
        #expect(first[1].hasPrefix(" 1 Events │ 2 Agenda │ 3 Delegates │ 4 Cities │ 5 Summary"))

        // In an order that leaves every view and comes back to the first.
        for key in ["2", "3", "4", "5", "1", "5", "3"] {
            try session.send(key)
            let others = Self.viewContent.filter { $0.key != key }.values.map { $0[0] }
            let screen = try await session.waitUntil("view \(key) shows") { screen in
                let lines = TmuxSession.rows(of: screen)
                return lines.count >= 40 && lines[39].contains(Self.sampleStatus[key]!)
                    && Self.viewContent[key]!.allSatisfy(screen.contains)
            }
            for other in others {
                #expect(!screen.contains(other), "view \(key) still shows '\(other)' from another view")
            }
        }

        try session.send("q")
        let exit = try await session.waitForExit()
        #expect(exit.status == 0)
        try expectTerminalRestored(session, exit)
        session.end()
        #expect(!session.isServerRunning, "ending the session kills its tmux server")
    }

    @Test func tabAndShiftTabCycleTheViews() async throws {
        let session = try TmuxSession(width: 120, height: 40)
        defer { session.end() }
        try await session.waitFor(Self.sampleStatus["1"]!)
        try session.send("Tab")
        try await session.waitFor(Self.sampleStatus["2"]!)
        try session.send("BTab")
        try await session.waitFor(Self.sampleStatus["1"]!)
        try session.send("BTab")
        try await session.waitFor("83 cities on the map")   // the last view: 7 Map
        try session.send("BTab")
        try await session.waitFor("Day 1 of 1 · 12 sessions · 4 rooms")
        try session.send("BTab")
        try await session.waitFor(Self.sampleStatus["5"]!)
        try session.send("q")
        #expect(try await session.waitForExit().status == 0)
    }

    @Test func helpListsTheKeysAndEscClosesIt() async throws {
        // Tall enough for the whole help, so that "q Quit" at its end is on the first screen.
        let session = try TmuxSession(width: 120, height: 60)
        defer { session.end() }
        try await session.waitFor(Self.sampleStatus["1"]!)
        try session.send("?")
        let help = try await session.waitFor("Help · ↑↓ scroll · Esc closes")
        for line in ["q           Quit", "c           Filter by country", "/           Search this view"] {
            #expect(help.contains(line), "help lacks '\(line)'")
        }
        try session.send("Escape")
        try await session.waitUntil("help closes") { !$0.contains("Help · ↑↓ scroll · Esc closes") }
        try session.send("q")
        #expect(try await session.waitForExit().status == 0)
    }
}

/// After convene has gone: the alternate screen is off, the cursor shows and
/// the tty modes are what they were before it started.
func expectTerminalRestored(_ session: TmuxSession, _ exit: PaneExit,
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
    #expect(try session.display("#{alternate_on}") == "0", "still in the alternate screen",
            sourceLocation: sourceLocation)
    #expect(try session.display("#{cursor_flag}") == "1", "the cursor is still hidden", sourceLocation: sourceLocation)
    #expect(!exit.sttyBefore.isEmpty, "stty -g recorded nothing", sourceLocation: sourceLocation)
    #expect(exit.sttyAfter == exit.sttyBefore, "tty modes changed", sourceLocation: sourceLocation)
}
