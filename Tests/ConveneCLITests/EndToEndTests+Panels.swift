import Foundation
import Testing

/// A panel that scrolls, in a real terminal (issue 15): a session of the congress at 80×16.
extension EndToEndTests {
    @Test func aSessionPanelScrollsWithPageDownEndAndHome() async throws {
        let data = Fixtures.path("published/timetable-congress.xml")
        let session = try TmuxSession(width: 80, height: 16, PaneCommand(["--data", data]))
        defer { session.end() }
        try await session.waitFor("Invented Timetable Congress")
        try session.send("2")
        try await session.waitFor("444 sessions")
        try session.send("Enter")
        // The panel's frame runs from row 2 to row 13; its marks sit on those edges.
        let top = try await session.waitUntil("the session panel opens with more below") { screen in
            TmuxSession.row(2, of: screen).contains("Session · ") && TmuxSession.row(13, of: screen).contains("↓ more")
        }
        #expect(!TmuxSession.row(2, of: top).contains("↑ more"))
        #expect(top.contains("When: "), "the session's own facts come first")

        try session.send("NPage")
        try await session.waitUntil("PgDn scrolls: more above") { TmuxSession.row(2, of: $0).contains("↑ more") }

        try session.send("End")
        let end = try await session.waitUntil("End shows the last line: nothing more below") { screen in
            !TmuxSession.row(13, of: screen).contains("↓ more") && TmuxSession.row(2, of: screen).contains("↑ more")
        }
        #expect(end.range(of: #"and \d+ more"#, options: .regularExpression) != nil, "the slot is cut: \"and N more\"")

        try session.send("Home")
        try await session.waitUntil("Home goes back to the top") { screen in
            !TmuxSession.row(2, of: screen).contains("↑ more") && screen.contains("When: ")
        }
        try session.send("Escape")
        try await session.waitUntil("the panel closes") { !$0.contains("Session · ") }
        try session.send("q")
        #expect(try await session.waitForExit().status == 0)
    }
}
