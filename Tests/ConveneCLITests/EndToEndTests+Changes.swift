import Foundation
import Testing

extension EndToEndTests {
    /// Issue 14's "what changed": a schedule rewritten under the open browser is marked in
    /// Agenda and listed by the Changes panel; one rewritten while Convene was closed is
    /// marked at the next start, from the copy kept in the state directory.
    @Test func aRewrittenScheduleIsMarkedAndListedAndChangesWhileClosedShowAtTheNextStart() async throws {
        let scratch = try TemporaryDirectory(base: URL(fileURLWithPath: "/tmp"), prefix: "convene-e2e-changes")
        let file = scratch.file("schedule.xml")
        let original = try String(contentsOf: Fixtures.url("published/frab-congress.xml"), encoding: .utf8)
        try Data(original.utf8).write(to: file)
        let state = ["XDG_STATE_HOME": scratch.file("state").path]
        func rewrite(_ edits: [(String, String)]) throws {
            var text = original
            for (from, to) in edits {
                let range = try #require(text.range(of: from), "the fixture has \(from)")
                text.replaceSubrange(range, with: to)
            }
            // As an editor saves: a new file renamed over the old one.
            let temporary = scratch.file("schedule.xml.new")
            try Data(text.utf8).write(to: temporary)
            #expect(rename(temporary.path, file.path) == 0)
        }

        var command = PaneCommand(["--data", file.path])
        command.environment = state
        let session = try TmuxSession(width: 120, height: 40, command)
        defer { session.end() }
        try await session.waitFor("Invented Chaos Congress")
        try session.send("2")
        try await session.waitFor("Opening (invented)")

        try rewrite([("<title>Opening (invented)</title>", "<title>Opening, renamed (invented)</title>"),
                     ("<room>Saal GLITCH</room>", "<room>Saal 2</room>")])
        let marked = try await session.waitFor("Δ Opening, rena")
        #expect(marked.contains("2 sessions changed · C lists them"), "\(marked)")
        #expect(marked.contains("Δ Codes in othe"))
        #expect(marked.contains("Δ retitled: Opening (invented) → Opening,"), "the detail says what changed")

        try session.send("C")
        let panel = try await session.waitFor("2 sessions changed since you last looked")
        #expect(panel.contains("retitled"), "\(panel)")
        #expect(panel.contains("moved (room)"))
        #expect(panel.contains("Saal GLITCH → Saal 2"))
        try session.send("Escape")
        try await session.waitUntil("the panel closes") { !$0.contains("since you last looked") }
        try session.send("q")
        #expect(try await session.waitForExit().status == 0)
        session.end()

        // Closed: the opening moves an hour later. The next start marks it; "Saal 2" was never
        // seen either (no key was pressed on it), so it is still marked too.
        try rewrite([("<title>Opening (invented)</title>", "<title>Opening, renamed (invented)</title>"),
                     ("<room>Saal GLITCH</room>", "<room>Saal 2</room>"),
                     ("<date>2025-12-27T10:30:00+01:00</date>\n        <start>10:30</start>",
                      "<date>2025-12-27T11:30:00+01:00</date>\n        <start>11:30</start>")])
        let next = try TmuxSession(width: 120, height: 40, command)
        defer { next.end() }
        let reopened = try await next.waitFor("Since you last looked")
        #expect(reopened.contains("2 sessions changed"), "\(reopened)")
        try next.send("C")
        let listed = try await next.waitFor("since you last looked")
        #expect(listed.contains("moved (time)"), "\(listed)")
        #expect(listed.contains("2025-12-27 10:30–11:00 → 2025-12-27 11:30–12:00"), "\(listed)")
        try next.send("q")
        try next.send("q")
        #expect(try await next.waitForExit().status == 0)
    }
}

extension EndToEndTests {
    /// Reminders: starring a session that starts five minutes after `--now` puts what starts
    /// where and when on the status line, and rings the bell once (tmux flags the window).
    @Test(arguments: [false, true])
    func starringASessionAboutToStartRemindsOfIt(quiet: Bool) async throws {
        let arguments = ["--now", "2023-11-18T08:25+07:00"] + (quiet ? ["--quiet"] : [])
        let session = try TmuxSession(width: 120, height: 40, PaneCommand(arguments))
        defer { session.end() }
        try await session.waitFor(Self.sampleStatus["1"]!)
        try session.send("2")
        try await session.waitFor(Self.sampleStatus["2"]!)
        // The first row is s01 (08:00, over); the next is the opening speech at 08:30.
        try session.send("j")
        try await session.waitFor("Opening speech")
        try session.send("Space")
        let screen = try await session.waitFor("Reminder: Opening speech at 08:30 in Main hall (in 5 min)")
        #expect(TmuxSession.rows(of: screen).last?.contains("Reminder:") == true)
        #expect(try session.display("#{window_bell_flag}") == (quiet ? "0" : "1"), "the bell rang unless --quiet")
        try session.send("q")
        #expect(try await session.waitForExit().status == 0)
    }
}
