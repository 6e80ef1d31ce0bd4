import ArgumentParser
import Testing
@testable import convene

/// `summary --data FILE` built without a parse (QuickParse.swift): the same command, field by
/// field, as the root's parse gives, and nothing but that line is taken.
@Suite struct QuickParseTests {
    private typealias Root = convene.Convene

    private static func contents(_ command: ParsableCommand) -> String {
        var text = ""
        dump(command, to: &text)
        return text
    }

    @Test(arguments: [
        ["summary"],
        ["summary", "--data", "congress.xml"],
        ["summary", "--data=mid.json"],
        ["summary", "--data", "a.json", "--data=b.xml", "--data", "https://example.org/schedule.json"],
        ["summary", "--data", "summary"],
        ["summary", "--data", "name with spaces and = sign.json"],
    ])
    func theSummaryOfFilesIsTheCommandTheRootParses(arguments: [String]) throws {
        let quick = try #require(QuickParse.command(arguments), "QuickParse refused \(arguments)")
        let root = try Root.parseAsRoot(arguments)
        #expect(ObjectIdentifier(type(of: quick)) == ObjectIdentifier(type(of: root)))
        #expect(Self.contents(quick) == Self.contents(root))
        // The start uses it: DirectParse gives the same.
        let direct = try #require(DirectParse.command(arguments))
        #expect(Self.contents(direct) == Self.contents(root))
    }

    /// The comparison sees every field: a summary of another file, or in JSON, reads differently.
    @Test func theContentsShowTheFiles() throws {
        let a = Self.contents(try #require(QuickParse.command(["summary", "--data", "a.json"])))
        let b = Self.contents(try #require(QuickParse.command(["summary", "--data", "b.json"])))
        let json = Self.contents(try Root.parseAsRoot(["summary", "--data", "a.json", "--format", "json"]))
        #expect(a != b && a != json)
        #expect(a.contains("a.json"), "\(a)")
    }

    /// Anything but `--data VALUE` after `summary` is left to ArgumentParser, which words every
    /// message and help text.
    @Test(arguments: [
        [], ["--data", "x.json"], ["events", "--data", "x.json"], ["summary", "--format", "json"],
        ["summary", "--data"], ["summary", "--data", "x", "--data"], ["summary", "--data", "--help"],
        ["summary", "--data", "-"], ["summary", "--data="], ["summary", "--data", ""], ["summary", "--data", "x", "--help"],
        ["summary", "--help"], ["summary", "-h"], ["summary", "--generate-completion-script", "zsh"],
        ["summary", "---completion"], ["summary", "extra"], ["summary", "--", "--data"], ["summary", "--data", "x", "--"],
        ["summary", "--datas", "x"], ["summary", "--data", "x", "--by", "city"], ["summary", "--experimental-dump-help"],
    ])
    func everyOtherLineIsLeftToTheParser(arguments: [String]) {
        #expect(QuickParse.command(arguments) == nil, "QuickParse took \(arguments)")
    }
}
