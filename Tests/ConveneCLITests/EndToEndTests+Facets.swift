import Foundation
import Testing

/// The filter picker on session facets, in a real terminal (issue 15), on the invented congress.
extension EndToEndTests {
    @Test func thePickerExcludesARoomAndTicksALanguageAndTheTitleBarSaysSo() async throws {
        let session = try TmuxSession(width: 80, height: 24, PaneCommand(["--data", Fixtures.path("published/frab-congress.xml")]))
        defer { session.end() }
        try await session.waitFor("1 event")
        try session.send("2")
        try await session.waitFor("Day two keynote")

        try session.send("f")
        try await session.waitFor("Filter · Day")
        try session.send("Tab")
        try session.send("Tab")
        try await session.waitFor("Filter · Room")
        try session.type("glitch")
        try await session.waitFor("Room: glitch")
        try session.type("!")
        let excluded = try await session.waitFor("[✕] ✕ Saal GLITCH")
        #expect(!excluded.contains("[ ] Saal 1"), "typing narrows the values")
        try session.send("Tab")
        try session.send("Tab")
        try await session.waitFor("Filter · Language")
        try session.type("en ")
        try await session.waitFor("[x] en")
        try session.send("Enter")

        let filtered = try await session.waitFor("Room: ✕ Saal GLITCH · Language: en")
        #expect(filtered.contains("Opening (invented)"))
        #expect(filtered.contains("Day two keynote"))
        #expect(!filtered.contains("Codes in other scripts"), "the excluded room's talk is gone")
        #expect(!filtered.contains("After Midnight"), "the German talk is gone")
        let title = TmuxSession.rows(of: filtered).first ?? ""
        #expect(title.hasSuffix("Room: ✕ Saal GLITCH · Language: en"), "\(title)")

        try session.send("x")
        try await session.waitFor("Filters, focus and searches cleared")
        try session.send("q")
        try expectTerminalRestored(session, try await session.waitForExit())
    }
}
