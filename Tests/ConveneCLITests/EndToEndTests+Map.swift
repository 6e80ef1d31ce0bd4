import Foundation
import Testing

/// The Map in a real terminal without colour (NO_COLOR), on the bundled sample.
extension EndToEndTests {
    @Test func theMapMovesBetweenCitiesZoomsAndOpensACitysDelegatesWithoutColour() async throws {
        var command = PaneCommand()
        command.environment["NO_COLOR"] = "1"
        let session = try TmuxSession(width: 80, height: 24, command)
        defer { session.end() }
        try await session.waitFor(Self.sampleStatus["1"]!)
        try session.send("7")
        let map = try await session.waitFor("83 cities on the map · 1 not on the map")
        #expect(map.contains("◉ Hanoi · Viet Nam · 84 delegates"), "the city with the most delegates is selected")
        #expect(map.contains("Not on the map (1)") && map.contains("Enghien-les-Bains"))
        #expect(map.contains("⣿"), "the land is drawn in Braille")
        // Without colour: no SGR colour codes at all, the selection still reversed (7).
        let escapes = try session.capture(escapes: true)
        let parameters = Self.sgrParameters(escapes)
        #expect(!parameters.contains { (30...38).contains($0) || (40...48).contains($0) || (90...107).contains($0) },
                "no colour under NO_COLOR")
        #expect(parameters.contains(7), "the selection is reversed")

        // Enter lists Hanoi's delegates, as the Cities view does.
        try session.send("Enter")
        try await session.waitFor("Delegates from Hanoi")
        try await session.waitFor("City: Hanoi")
        try session.send("x")
        try session.send("7")
        try await session.waitFor("◉ Hanoi · Viet Nam · 84 delegates")

        // → the nearest city to the east; + zooms in on it.
        try session.send("Right")
        try await session.waitFor("Macao · Macao")
        try session.send("+")
        try await session.waitFor("zoom ×2")
        try session.send("-")
        try await session.waitUntil("the zoom is back to the region") { !$0.contains("zoom ×2") && $0.contains("Macao · Macao") }

        try session.send("q")
        #expect(try await session.waitForExit().status == 0)
    }

    /// Every parameter of every SGR sequence (`ESC [ … m`) in a capture with escapes.
    static func sgrParameters(_ text: String) -> [Int] {
        var out: [Int] = []
        var rest = Substring(text)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(where: { !($0.isNumber || $0 == ";") }) else { break }
            if rest[end] == "m" { out += rest[..<end].split(separator: ";").compactMap { Int($0) } }
            rest = rest[end...]
        }
        return out
    }
}
