import Foundation
import Testing

extension EndToEndTests {
    /// Names with escape sequences (OSC title, CSI clear, alternate-screen off,
    /// cursor hide), a carriage return, a C1 CSI and bidi overrides are shown as
    /// harmless pictures; the terminal's title and modes stay as they were.
    @Test func hostileNamesAreShownNeutralisedAndTheTerminalIsUntouched() async throws {
        let data = Paths.e2eFixture("hostile-names.json").path
        // Title the pane first, to see that titles can change here and that convene does not change them.
        let title = "convene-e2e-title"
        let command = PaneCommand(["--data", data], preamble: "printf '\\033]2;\(title)\\007'")
        let session = try TmuxSession(width: 120, height: 30, command)
        defer { session.end() }

        let events = try await session.waitFor("Keynote␍FAKE")
        #expect(events.split(separator: "\n").first!.hasPrefix(" Convene · Hostile names ␛]0;pwned␇ test"))
        #expect(!events.split(separator: "\n").contains { $0.hasPrefix("FAKE") }, "the CR did not return the cursor")

        try session.send("3")
        let delegates = try await session.waitFor("Carriage␍Return")
        #expect(delegates.contains("Mallory ␛]0;pwned␇Tit…"))
        #expect(delegates.contains("Bidi evil name"), "the bidi override and pop are removed")
        #expect(delegates.contains("UNESCO �31m Of…"), "a C1 CSI shows as a replacement character")
        #expect(delegates.contains("From: Kanazawa␛[2J, Japan"))
        #expect(!delegates.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) })

        try session.send("2")
        let agenda = try await session.waitFor("Opening ␛[?1049l")
        #expect(agenda.contains("Event: Keynote␍FAKE"))
        #expect(agenda.contains("Welcome.␛]2;pwned-too␇"), "the description's OSC title shows as text")

        #expect(try session.display("#{pane_title}") == title, "the title is unchanged")
        #expect(try session.display("#{alternate_on} #{cursor_flag}") == "1 0",
                "the alternate screen stayed on and the cursor hidden, whatever the names said")
        try session.send("q")
        let exit = try await session.waitForExit()
        #expect(exit.status == 0)
        try expectTerminalRestored(session, exit)
        #expect(try session.display("#{pane_title}") == title, "the title is unchanged after quitting")
    }
}
