import Foundation
import Testing

/// `convene star`, `convene unstar` and `convene agenda --starred` end to end, each test with a
/// private state directory (`XDG_STATE_HOME`), on the bundled sample. Its sessions
/// hanoi-2023-s08 and s09 run at the same time (13:30–14:45); s04 clashes with neither.
@Suite struct StarCLITests {
    static let s04 = "★ hanoi-2023-s04  2023-11-18 09:10–10:30  Panel: Urban regeneration and sustainable development"
    static let s08 = "hanoi-2023-s08  2023-11-18 13:30–14:45  Panel: ASEAN Plus 3 cities facing rapid urbanisation and climate change"
    static let s09 = "hanoi-2023-s09  2023-11-18 13:30–14:45  Workshop: City-level cooperation between creative cities"

    /// Runs convene with `state` as XDG_STATE_HOME.
    private func run(_ arguments: [String], _ state: TemporaryDirectory) throws -> RunResult {
        try Convene.run(arguments, environment: ["XDG_STATE_HOME": state.url.path])
    }

    /// The output's last line, "N starred · PATH", split; checks PATH is a private file under the state directory.
    private func footer(_ run: RunResult, _ state: TemporaryDirectory,
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let last = try #require(run.out.split(separator: "\n").last.map(String.init), sourceLocation: sourceLocation)
        let parts = last.components(separatedBy: " · ")
        try #require(parts.count == 2, "\(last)", sourceLocation: sourceLocation)
        let path = parts[1]
        #expect(path.hasPrefix(state.url.path + "/convene/") && path.hasSuffix(".json"), "\(path)", sourceLocation: sourceLocation)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600, "the stars file is private", sourceLocation: sourceLocation)
        return parts[0]
    }

    /// The output's lines before the footer.
    private func body(_ run: RunResult) -> [String] { run.out.split(separator: "\n").dropLast().map(String.init) }

    /// `agenda --starred --format json` as (id, clashesWith) pairs.
    private func starredAgenda(_ state: TemporaryDirectory) throws -> [String] {
        let agenda = try run(["agenda", "--starred", "--format", "json"], state)
        #expect(agenda.status == 0, "\(agenda.err)")
        let rows = try #require(try JSONSerialization.jsonObject(with: agenda.stdout) as? [[String: Any]])
        return rows.map { "\($0["id"] as? String ?? "?") clashes with [\(($0["clashesWith"] as? [String] ?? ["?"]).joined(separator: ","))]" }
    }

    @Test func starPrintsTheSessionsAndTheClashesAndTheAgendaListsThem() throws {
        let state = try TemporaryDirectory()
        let first = try run(["star", "hanoi-2023-s08", "hanoi-2023-s04"], state)
        #expect(first.status == 0, "\(first.err)")
        #expect(first.err.isEmpty, "\(first.err)")
        #expect(body(first) == ["★ " + Self.s08, Self.s04])
        #expect(try footer(first, state) == "2 starred")

        let second = try run(["star", "hanoi-2023-s09"], state)
        #expect(second.status == 0, "\(second.err)")
        #expect(body(second) == ["★ " + Self.s09, "  ! clashes with " + Self.s08])
        #expect(try footer(second, state) == "3 starred")

        #expect(try starredAgenda(state) == [
            "hanoi-2023-s04 clashes with []",
            "hanoi-2023-s08 clashes with [hanoi-2023-s09]",
            "hanoi-2023-s09 clashes with [hanoi-2023-s08]",
        ])
        // CSV carries the same column, strictly quoted, one record per starred session.
        let csv = try StrictCSV.records(try run(["agenda", "--starred", "--format", "csv"], state).out)
        #expect(csv.first?.last == "clashesWith")
        #expect(csv.dropFirst().map { [$0[1], $0.last ?? ""] }
                == [["hanoi-2023-s04", ""], ["hanoi-2023-s08", "hanoi-2023-s09"], ["hanoi-2023-s09", "hanoi-2023-s08"]])
    }

    @Test func unstarRemovesTheSessionAndItsClash() throws {
        let state = try TemporaryDirectory()
        #expect(try run(["star", "hanoi-2023-s08", "hanoi-2023-s09", "hanoi-2023-s04"], state).status == 0)
        let unstar = try run(["unstar", "hanoi-2023-s08"], state)
        #expect(unstar.status == 0, "\(unstar.err)")
        #expect(body(unstar) == ["  " + Self.s08])
        #expect(try footer(unstar, state) == "2 starred")
        #expect(try starredAgenda(state) == ["hanoi-2023-s04 clashes with []", "hanoi-2023-s09 clashes with []"])
    }

    @Test func withNoStarsTheStarredAgendaIsEmpty() throws {
        let state = try TemporaryDirectory()
        #expect(try starredAgenda(state) == [])
    }

    @Test(arguments: [("star", "hanoi-2023-s8", " (did you mean 'hanoi-2023-s08'?)"),
                      ("unstar", "hanoi-2023-s12x", " (did you mean 'hanoi-2023-s12'?)"),
                      ("star", "zzzzzzzzzzzz", "")])
    func anUnknownSessionExits64WithASuggestionAndChangesNothing(command: String, id: String, hint: String) throws {
        let state = try TemporaryDirectory()
        #expect(try run(["star", "hanoi-2023-s04"], state).status == 0)
        let run = try run([command, id], state)
        #expect(run.status == 64)
        #expect(run.err == "convene: unknown session '\(id)'\(hint); `convene agenda` lists session ids\n")
        #expect(run.out.isEmpty)
        #expect(try starredAgenda(state) == ["hanoi-2023-s04 clashes with []"])
    }

    @Test func starsAreKeptPerStateDirectory() throws {
        let mine = try TemporaryDirectory(), theirs = try TemporaryDirectory()
        #expect(try run(["star", "hanoi-2023-s04"], mine).status == 0)
        #expect(try starredAgenda(theirs) == [])
        #expect(try starredAgenda(mine) == ["hanoi-2023-s04 clashes with []"])
    }
}
