import ArgumentParser
import Testing
@testable import convene

/// The start's shortcut (DirectParse.swift): a command line parsed with the command it names
/// gives exactly the command the root's parse gives, and every line the shortcut cannot answer
/// for is left to the root.
@Suite struct DirectParseTests {
    /// The executable's root command (`Convene` alone is the tests' helper that runs the binary).
    private typealias Root = convene.Convene

    /// What a parsed command holds, field by field (property wrappers and their values).
    private static func contents(_ command: ParsableCommand) -> String {
        var text = ""
        dump(command, to: &text)
        return text
    }

    /// Command lines the shortcut takes, as users and the tests write them.
    @Test(arguments: [
        [],
        ["--data", "x.json"],
        ["--data=x.json", "--quiet", "--remind", "1h", "--refresh", "0"],
        ["--data", "summary", "--now", "2023-11-18T10:00+07:00"],
        ["summary"],
        ["summary", "--data", "a.json", "--data", "b.json", "--format", "json"],
        ["summary", "--by", "organization", "--country", "VN", "--country", "!FR", "--event", "e1"],
        ["summary", "--format", "csv", "--bom", "--time-zone", "Europe/Brussels", "--host-country", "BE"],
        ["events", "--city", "none", "--field", "Design"],
        ["agenda", "--format", "ics", "--alarm", "10m", "--starred", "--now", "2023-11-18T10:00+07:00"],
        ["agenda", "--day", "day 2", "--track", "!Keynote", "--room", "Hall A"],
        ["delegates", "--search=--help"],
        ["cities", "--format=json"],
        ["validate", "x.json"],
        ["export", "--format", "ics", "-o", "out.ics"],
        ["generate", "--delegates", "50", "-o", "g.json"],
        ["merge", "a.json", "b.json", "-o", "-"],
        ["diff", "a.json", "b.json"],
        ["star", "s1"],
        ["report", "-o", "report.html"],
    ])
    func theNamedCommandAloneParsesAsTheRootDoes(arguments: [String]) throws {
        let direct = try #require(DirectParse.command(arguments), "the shortcut refused \(arguments)")
        let root = try Root.parseAsRoot(arguments)
        #expect(ObjectIdentifier(type(of: direct)) == ObjectIdentifier(type(of: root)))
        #expect(Self.contents(direct) == Self.contents(root))
    }

    /// The comparison above sees the parsed values, not only the types.
    @Test func theContentsShowEveryValue() throws {
        let json = Self.contents(try #require(DirectParse.command(["summary", "--format", "json", "--by", "role"])))
        let csv = Self.contents(try #require(DirectParse.command(["summary", "--format", "csv", "--by", "role"])))
        #expect(json != csv)
        #expect(json.contains("role") && json.contains("json"), "\(json)")
    }

    /// Help, version, completion, the `help` command, commands with subcommands and mistakes:
    /// the root parses these, so their text and exit codes are the root's.
    @Test(arguments: [
        ["--version"], ["--help"], ["-h"], ["--help-hidden"], ["-help"], ["--version=1"],
        ["summary", "--help"], ["summary", "-h"], ["summary", "--version"], ["--data", "x", "--version"],
        ["help"], ["help", "summary"], ["cache"], ["cache", "list"],
        ["--generate-completion-script", "bash"], ["summary", "--generate-completion-script", "zsh"],
        ["---completion", "summary", "--", "--country", "0", "0"], ["summary", "---completion"],
        ["summary", "--format", "ics"], ["summary", "--bogus"], ["summary", "extra"], ["events", "--country"],
        ["agenda", "--alarm", "10m"], ["generate", "--delegates", "-1"], ["--refresh", "soon"],
        ["--experimental-dump-help"], ["summary", "--experimental-dump-help"],
        ["agenda", "--", "--room"], ["delegates", "--search", "--help=x"], ["report"],
    ])
    func everythingElseIsLeftToTheRoot(arguments: [String]) {
        #expect(DirectParse.command(arguments) == nil, "the shortcut answered \(arguments)")
    }

    /// The shortcut picks the command the root would: the one named first, else the default.
    @Test func theTargetIsTheNamedCommandOrTheDefault() throws {
        let named = try #require(DirectParse.target(["summary", "--format", "json"], root: Root.self))
        #expect(ObjectIdentifier(named.0) == ObjectIdentifier(SummaryCommand.self))
        #expect(named.1 == ["--format", "json"])
        let fallback = try #require(DirectParse.target(["--data", "summary"], root: Root.self))
        #expect(ObjectIdentifier(fallback.0) == ObjectIdentifier(Browse.self))
        #expect(fallback.1 == ["--data", "summary"])
        #expect(DirectParse.target(["cache", "list"], root: Root.self) == nil)
    }
}
