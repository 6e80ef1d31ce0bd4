import Foundation
import Testing

/// The Timetable in a real terminal, on the invented congress (scripts/congress-fixture).
extension EndToEndTests {
    @Test func theTimetableMovesBetweenRoomsAndDaysAndOpensASession() async throws {
        let data = Fixtures.path("published/timetable-congress.xml")
        let session = try TmuxSession(width: 120, height: 40, PaneCommand(["--data", data, "--now", "2023-12-27T09:00+01:00"]))
        defer { session.end() }
        try await session.waitFor("Invented Timetable Congress")
        try session.send("6")
        let first = try await session.waitFor("Day 1 of 3 · 148 sessions · 20 rooms")
        #expect(first.contains("Day 1 · Wed 27 Dec 2023"))
        #expect(first.contains("│Saal 1 "), "rooms are columns, in source order")
        #expect(first.contains("10:30–11:00 Practical Firmware for Everyone · Saal 1"), "the first block is selected")

        // → the nearest block in the next room; ↓ the next in that room.
        try session.send("Right")
        try await session.waitFor("│ 10:45–11:25 Forgotten Voting Machines Revisited · Saal GLITCH")
        try session.send("Down")
        try await session.waitUntil("the next block in Saal GLITCH is selected") { screen in
            let header = TmuxSession.row(2, of: screen)
            return header.contains("│ 11:40–") && header.contains("Practical Satellites Revisited · Saal GLITCH")
        }
        try session.send("l")
        try await session.waitFor("│ 11:00–12:00 Hướng dẫn bảo mật cho người mới")

        // ] the next day, [ back.
        try session.send("]")
        try await session.waitFor("Day 2 · Thu 28 Dec 2023")
        try session.send("[")
        try await session.waitFor("Day 1 · Wed 27 Dec 2023 ›")

        // Enter opens the session panel, as in the Agenda; Esc closes it.
        try session.send("Enter")
        try await session.waitFor("Session · ")
        try session.send("Escape")
        try await session.waitUntil("the panel closes") { !$0.contains("Session · ") && $0.contains("Day 1 of 3") }

        try session.send("q")
        #expect(try await session.waitForExit().status == 0)
    }
}
