import Foundation
import Testing

/// Pastes and typing ahead: input must stay text, cost no more than linear
/// time, and never reach the shell.
extension EndToEndTests {
    /// Opens the sample's Delegates view and its search prompt.
    func openDelegatesSearch(_ session: TmuxSession) async throws {
        try await session.waitFor(Self.sampleStatus["1"]!)
        try session.send("3")
        try await session.waitFor(Self.sampleStatus["3"]!)
        try session.type("/")
        try await session.waitFor("Search Delegates:")
    }

    /// Puts `text` in a tmux paste buffer (from a file: it may be large) and pastes it into the pane.
    func paste(_ text: String, into session: TmuxSession, bracketed: Bool) throws {
        let file = session.scratch.file("paste-buffer")
        try Data(text.utf8).write(to: file)
        try session.tmux(["load-buffer", "-b", "e2e-paste", file.path])
        try session.tmux(["paste-buffer", "-d", "-r", "-b", "e2e-paste", "-t", "e2e"] + (bracketed ? ["-p"] : []))
    }

    /// 100 KB pasted into the search as plain keys (no bracketed paste): once took hours, one search per key.
    @Test func aHundredKilobytePasteLeavesTheBrowserResponsive() async throws {
        let session = try TmuxSession(width: 120, height: 40)
        defer { session.end() }
        try await openDelegatesSearch(session)
        let text = String(String(repeating: "huong ", count: 20_000).prefix(100_000))
        try paste(text, into: session, bracketed: false)
        try await session.waitFor("Search cut at 256 characters")
        // Keys after the paste are read after all of it: once the prompt shows them, the paste is consumed.
        try session.send("C-u")
        try session.type("thanh")
        try await session.waitFor("Search Delegates: thanh▏")
        // Responsive: Esc drops the search and a view key answers within the usual patience.
        try session.send("Escape")
        try await session.waitUntil("the search prompt closes") { !$0.contains("Search Delegates:") }
        try session.send("1")
        try await session.waitFor(Self.sampleStatus["1"]!)
        try session.send("q")
        let exit = try await session.waitForExit()
        #expect(exit.status == 0)
        try expectTerminalRestored(session, exit)
    }

    /// `huong⏎qtouch FILE⏎` pasted into the search: text in the prompt, not Enter, `q` and a command for the shell.
    @Test func aBracketedPasteStaysTextAndNothingReachesTheShell() async throws {
        var command = PaneCommand()
        command.shellAfterwards = true
        let session = try TmuxSession(width: 120, height: 40, command)
        defer { session.end() }
        let marker = session.scratch.file("pasted-command-ran")
        try await openDelegatesSearch(session)
        try paste("huong\rqtouch \(marker.path)\r", into: session, bracketed: true)
        let kept = (try? await session.waitFor("Search Delegates: huong qtouch")) != nil
        #expect(kept, "the pasted text is in the search prompt and the browser is still open")
        if kept {
            try session.send("Escape")
            try await session.waitUntil("the search prompt closes") { !$0.contains("Search Delegates:") }
            try session.send("q")
        }
        let exit = try await session.waitForExit()
        #expect(exit.status == 0)
        try expectTerminalRestored(session, exit)
        try await expectNothingRanInTheShell(session, marker)
    }

    /// Keys typed after `q`, before convene has left, are not left for the shell.
    @Test func typedAheadInputIsDiscardedOnQuit() async throws {
        var command = PaneCommand()
        command.shellAfterwards = true
        let session = try TmuxSession(width: 120, height: 40, command)
        defer { session.end() }
        let marker = session.scratch.file("typed-command-ran")
        try await session.waitFor(Self.sampleStatus["1"]!)
        try session.type("qtouch \(marker.path)\r")   // one write: all of it arrives at once
        let exit = try await session.waitForExit()
        #expect(exit.status == 0)
        try expectTerminalRestored(session, exit)
        try await expectNothingRanInTheShell(session, marker)
    }

    /// Has the pane's shell run a command of our own, so it has read everything before it;
    /// then `marker`, which only a leftover command would create, must not exist.
    func expectNothingRanInTheShell(_ session: TmuxSession, _ marker: URL,
                                    sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try session.type("touch shell-has-read-its-input")
        try session.send("Enter")
        _ = try await session.waitForFile("shell-has-read-its-input")
        // A prefix, not the name: a shell that waits for LF runs the leftover joined to our command ("marker\rtouch").
        let files = try FileManager.default.contentsOfDirectory(atPath: session.scratch.url.path)
        let ran = files.filter { $0.hasPrefix(marker.lastPathComponent) }
        #expect(ran.isEmpty, "input convene left unread ran in the shell: \(ran)", sourceLocation: sourceLocation)
    }
}
