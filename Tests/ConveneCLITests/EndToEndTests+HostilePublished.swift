import Foundation
import Testing

extension EndToEndTests {
    /// A hostile published schedule opened in the browser (issue 13): Agenda and an opened
    /// session show the tampering as pictures and never act on it; the pane title stays.
    ///
    /// schedule.xml cannot carry ESC or BS (XML 1.0 refuses them; see the hostile corpus),
    /// so its attack is what XML allows: a CR (`&#13;`), C1 controls, bidi overrides,
    /// zero-width characters and 500 combining marks. The iCalendar file carries the rest:
    /// CSI, OSC title change and BS.
    @Test(arguments: [
        ("xml-controls-allowed.xml", "Opening ␍FAKE\u{FFFD}\u{FFFD}31meviliso"),
        ("ics-controls-everywhere.ics", "Opening ␛[2J␛[H␛]0;pwned␇␍FAKE␈\u{FFFD}31meviliso"),
    ])
    func aHostilePublishedScheduleIsShownNeutralised(file: String, shownTitle: String) async throws {
        let data = Fixtures.path("hostile/published/" + file)
        let title = "convene-e2e-title"
        let command = PaneCommand(["--data", data], preamble: "printf '\\033]2;\(title)\\007'")
        let session = try TmuxSession(width: 160, height: 40, command)
        defer { session.end() }
        try await session.waitFor("Convene")

        try session.send("2")
        let agenda = try await session.waitFor(shownTitle)
        #expect(agenda.contains("Hall ␍FAKE") || agenda.contains("Hall ␛[2J"), "the room, neutralised")
        #expect(!agenda.split(separator: "\n").contains { $0.hasPrefix("FAKE") }, "the CR did not return the cursor")

        try session.send("Enter")
        let opened = try await session.waitFor("closes")
        #expect(opened.contains("Abstract ␍FAKE") || opened.contains("Abstract ␛[2J␛[H␛]0;pwned␇␍FAKE␈"), "\(opened)")
        for screen in [agenda, opened] {
            #expect(!screen.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) },
                    "bidi controls are removed")
            #expect(!screen.unicodeScalars.contains { (0x200B...0x200D).contains($0.value) || $0.value == 0xFEFF })
            #expect(!screen.contains(String(repeating: "\u{301}", count: 5)), "500 combining marks shrink to a few")
        }

        #expect(try session.display("#{pane_title}") == title, "the title is unchanged")
        #expect(try session.display("#{alternate_on} #{cursor_flag}") == "1 0")
        try session.send("q")  // closes the session panel
        try await session.waitUntil("the session panel is closed") { !$0.contains("closes") }
        try session.send("q")
        let exit = try await session.waitForExit()
        #expect(exit.status == 0)
        try expectTerminalRestored(session, exit)
        #expect(try session.display("#{pane_title}") == title, "the title is unchanged after quitting")
    }
}
