import Foundation
import Testing

extension EndToEndTests {
    /// Issue 14's "several sources at once": two `--data` files shown together; rewriting one
    /// marks only its changes, keeps the other on screen, and a later rewrite of the other adds
    /// its change to the marks already there. Each source keeps its own copy as last seen.
    @Test func twoSourcesShowTogetherAndARewriteOfOneMarksOnlyItsChanges() async throws {
        let scratch = try TemporaryDirectory(base: URL(fileURLWithPath: "/tmp"), prefix: "convene-e2e-sources")
        let congress = scratch.file("congress.xml")
        let side = scratch.file("side.json")
        let original = try String(contentsOf: Fixtures.url("published/frab-congress.xml"), encoding: .utf8)
        let sideText = try String(contentsOf: Fixtures.url("valid/minimal.json"), encoding: .utf8)
        try Data(original.utf8).write(to: congress)
        try Data(sideText.utf8).write(to: side)
        let stateHome = scratch.file("state")
        func rewrite(_ file: URL, _ text: String, _ edits: [(String, String)]) throws {
            var text = text
            for (from, to) in edits {
                let range = try #require(text.range(of: from), "the fixture has \(from)")
                text.replaceSubrange(range, with: to)
            }
            let temporary = scratch.file(file.lastPathComponent + ".new")
            try Data(text.utf8).write(to: temporary)
            #expect(rename(temporary.path, file.path) == 0)
        }

        var command = PaneCommand(["--data", congress.path, "--data", side.path])
        command.environment = ["XDG_STATE_HOME": stateHome.path]
        let session = try TmuxSession(width: 120, height: 40, command)
        defer { session.end() }
        let events = try await session.waitFor("Invented Chaos Congress")
        #expect(events.contains("Source"), "the Events table has a source column: \(events)")
        #expect(events.contains("Conference"), "the other source's event is listed too")
        try session.send("2")
        try await session.waitFor("Opening (invent")

        try rewrite(congress, original, [("<title>Opening (invented)</title>", "<title>Opening, renamed (invented)</title>"),
                                         ("<room>Saal GLITCH</room>", "<room>Saal 2</room>")])
        let marked = try await session.waitFor("Δ Opening, rena")
        #expect(marked.contains("Reloaded \(congress.path)"), "the status line names the source: \(marked)")
        #expect(marked.contains("2 sessions changed · C lists them"), "\(marked)")
        #expect(!marked.contains("Δ Opening "), "the other source's Opening is not marked")
        try session.send("1")
        let listed = try await session.waitFor("Invented Chaos Congress")
        #expect(listed.contains("Conference"), "the other source stays on screen: \(listed)")

        // Now the other source changes: its change joins the two not yet seen.
        try rewrite(side, sideText, [("\"title\": \"Opening\"", "\"title\": \"Opening, moved\"")])
        let both = try await session.waitFor("3 sessions changed")
        #expect(both.contains("Reloaded \(side.path)"), "\(both)")
        try session.send("C")
        let panel = try await session.waitFor("3 sessions changed since you last looked")
        #expect(panel.contains("Opening → Opening, moved"), "\(panel)")
        #expect(panel.contains("Saal GLITCH → Saal 2"), "\(panel)")
        try session.send("Escape")
        try await session.waitUntil("the panel closes") { !$0.contains("since you last looked") }
        try session.send("q")
        #expect(try await session.waitForExit().status == 0)
        let copies = try FileManager.default.contentsOfDirectory(atPath: stateHome.path + "/convene")
            .filter { $0.hasPrefix("seen-") }
        #expect(copies.count == 2, "one copy as last seen per source: \(copies)")
        session.end()

        // Closed: only the side source moves its session an hour later. The next start marks it
        // (from that source's own copy), and the congress's two changes, never seen, are still marked.
        try rewrite(side, sideText, [("\"title\": \"Opening\"", "\"title\": \"Opening, moved\""),
                                     ("\"start\": \"2023-11-18T08:30:00+07:00\", \"end\": \"2023-11-18T09:00:00+07:00\"",
                                      "\"start\": \"2023-11-18T09:30:00+07:00\", \"end\": \"2023-11-18T10:00:00+07:00\"")])
        let next = try TmuxSession(width: 120, height: 40, command)
        defer { next.end() }
        let reopened = try await next.waitFor("Since you last looked")
        #expect(reopened.contains("3 sessions changed"), "\(reopened)")
        try next.send("C")
        let again = try await next.waitFor("since you last looked")
        #expect(again.contains("moved (time)"), "\(again)")
        #expect(again.contains("08:30–09:00 → 2023-11-18 09:30–10:00"), "\(again)")
        try next.send("q")
        try next.send("q")
        #expect(try await next.waitForExit().status == 0)
    }
}

extension EndToEndTests {
    /// One of several sources cannot be read: the browser opens the others, the status line
    /// names the one left out and why, and it joins once it can be read.
    @Test func aSourceThatCannotBeReadIsLeftOutWithANoticeAndJoinsWhenItAppears() async throws {
        let scratch = try TemporaryDirectory(base: URL(fileURLWithPath: "/tmp"), prefix: "convene-e2e-sources")
        let later = scratch.file("later.xml")
        var command = PaneCommand(["--data", later.path, "--data", Fixtures.path("valid/minimal.json")])
        command.environment = ["XDG_STATE_HOME": scratch.file("state").path]
        let session = try TmuxSession(width: 120, height: 40, command)
        defer { session.end() }
        let opened = try await session.waitFor("Not loaded: \(later.path): cannot read")
        #expect(opened.contains("Conference"), "the other source is shown: \(opened)")
        try FileManager.default.copyItem(at: Fixtures.url("published/frab-congress.xml"), to: later)
        let joined = try await session.waitFor("Invented Chaos Congress")
        #expect(joined.contains("Loaded \(later.path)"), "\(joined)")
        #expect(!joined.contains("changed"), "a source that joins late is not a change: \(joined)")
        #expect(joined.contains("Conference"))
        try session.send("q")
        #expect(try await session.waitForExit().status == 0)
    }
}
