import Foundation
import Testing

/// One `OutputOptions` group gives every command that prints data its own formats,
/// `--bom` where CSV is one of them, and `-o` where it can write a file, and nothing else.
@Suite struct OutputOptionsTests {
    /// Each command's `--format` takes exactly its own formats: a wrong one is refused with the list.
    @Test(arguments: [
        (["events"], "'table', 'json' or 'csv'"),
        (["delegates"], "'table', 'json' or 'csv'"),
        (["cities"], "'table', 'json' or 'csv'"),
        (["summary"], "'table', 'json' or 'csv'"),
        (["agenda"], "'table', 'json', 'csv' or 'ics'"),
        (["export"], "'schedule-json', 'ics' or 'convene'"),
    ])
    func eachCommandTakesItsOwnFormats(command: [String], allowed: String) throws {
        let run = try Convene.run(command + ["--format", "xml"])
        #expect(run.status == 64)
        #expect(run.err.contains("The value 'xml' is invalid for '--format <format>'. Please provide one of \(allowed)."),
                "stderr: \(run.err)")
    }

    /// A part of the group that a command does not have is no flag of it at all.
    @Test(arguments: [
        (["events", "-o", "x"], "-o"),
        (["summary", "--output", "x"], "--output"),
        (["agenda", "-o", "x"], "-o"),
        (["export", "--format", "ics", "--bom"], "--bom"),
        (["generate", "--format", "json"], "--format"),
        (["generate", "--bom"], "--bom"),
        (["merge", "a", "b", "-o", "x", "--format", "convene"], "--format"),
    ])
    func aFlagACommandDoesNotHaveIsUnknown(arguments: [String], flag: String) throws {
        let run = try Convene.run(arguments)
        #expect(run.status == 64)
        #expect(run.err.hasPrefix("Error: Unknown option '\(flag)'"), "stderr: \(run.err)")
    }

    /// Usage lines show each command's own output flags: required ones without brackets.
    @Test func usageShowsEachCommandsOwnOutputFlags() throws {
        let expected = [
            "events": "[--format <format>] [--bom]",
            "agenda": "[--format <format>] [--bom]",
            "export": "--format <format> [--output <file>]",
            "merge": "--output <out.json>",
            "generate": "[--output <path>]",
        ]
        for (command, flags) in expected {
            let help = try Convene.run([command, "--help"])
            #expect(help.status == 0)
            let usage = try #require(help.out.split(separator: "\n").first { $0.hasPrefix("USAGE:") })
            #expect(usage.contains(flags), "\(command): \(usage)")
            #expect(!help.out.contains("--bom") || command == "events" || command == "agenda", "\(command) lists --bom")
        }
        let merge = try Convene.run(["merge", "--help"])
        #expect(merge.out.contains("-o, --output <out.json>"))
        #expect(!merge.out.contains("(default: -)"), "standard output is not shown as a default")
    }

    /// `-o -` is standard output for every command with `-o`, generate included.
    @Test func dashIsStandardOutputForGenerateMergeAndExport() throws {
        let generated = try Convene.run(["generate", "--delegates", "3", "-o", "-"])
        #expect(generated.status == 0, "stderr: \(generated.err)")
        let plain = try Convene.run(["generate", "--delegates", "3"])
        #expect(generated.stdout == plain.stdout)
        #expect(generated.out.hasPrefix("{"))
        let sample = Paths.sample.path
        let merged = try Convene.run(["merge", sample, sample, "-o", "-"])
        #expect(merged.status == 0, "stderr: \(merged.err)")
        let exported = try Convene.run(["export", "--data", sample, "--format", "convene", "--keep-unlisted", "-o", "-"])
        #expect(merged.stdout == exported.stdout, "merging the sample with itself is the sample")
    }

    /// `--bom` starts CSV with the byte-order mark, in the agenda as in the listings.
    @Test(arguments: ["events", "agenda", "summary"])
    func bomStartsCSVWithTheByteOrderMark(command: String) throws {
        let run = try Convene.run([command, "--format", "csv", "--bom"])
        #expect(run.status == 0)
        #expect(Array(run.stdout.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let plain = try Convene.run([command, "--format", "csv"])
        #expect(run.stdout.dropFirst(3) == plain.stdout)
    }
}
