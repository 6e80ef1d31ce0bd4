import Foundation
import Testing

/// How the command line is read: shared options in either place, repeated
/// countries, and the exit codes `--help` promises.
@Suite struct CommandLineTests {
    /// A generated directory, so that a run on the bundled sample cannot pass by accident.
    private func smallDirectory(_ scratch: TemporaryDirectory) throws -> String {
        let path = scratch.file("small.json").path
        let run = try Convene.run(["generate", "--delegates", "50", "-o", path])
        try #require(run.status == 0, "generate failed: \(run.err)")
        return path
    }

    private func delegates(inSummary run: RunResult) throws -> Int {
        let root = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any], "stdout: \(run.out)")
        let totals = try #require(root["totals"] as? [String: Any])
        return try #require(totals["delegates"] as? Int)
    }

    @Test(arguments: [
        ["--data", "FILE", "summary", "--format", "json"],
        ["--data=FILE", "summary", "--format", "json"],
        ["summary", "--data", "FILE", "--format", "json"],
        ["summary", "--format", "json", "--data", "FILE"],
    ])
    func dataWorksBeforeOrAfterTheSubcommand(arguments: [String]) throws {
        let scratch = try TemporaryDirectory()
        let file = try smallDirectory(scratch)
        let run = try Convene.run(arguments.map { $0.replacingOccurrences(of: "FILE", with: file) })
        #expect(run.status == 0, "stderr: \(run.err)")
        #expect(try delegates(inSummary: run) == 50, "the generated file was read, not the sample")
    }

    @Test func nowWorksBeforeTheSubcommand() throws {
        let before = try Convene.run(["--now", "2023-11-18T10:00+07:00", "agenda", "--format", "json"])
        let after = try Convene.run(["agenda", "--format", "json", "--now", "2023-11-18T10:00+07:00"])
        #expect(before.status == 0, "stderr: \(before.err)")
        #expect(before.out.contains(#""status""#), "--now added the status column: \(before.out.prefix(200))")
        #expect(before.stdout == after.stdout)
    }

    /// A shared option before something that is not a subcommand is left for the parser to judge.
    @Test func aSharedOptionBeforeAnUnknownWordIsStillAUsageError() throws {
        let run = try Convene.run(["--data", Paths.sample.path, "summarise"])
        #expect(run.status == 64)
        #expect(run.err.contains("summarise"), "stderr: \(run.err)")
    }

    /// 10,000 repetitions of one country filter as one does (they used to take 10.5 s to parse).
    @Test func tenThousandRepeatedCountriesFilterLikeOne() throws {
        let once = try Convene.run(["summary", "--format", "json", "--country", "VN"])
        #expect(once.status == 0)
        let spellings = ["VN", "vn", "Viet Nam", "--country=vietnam"]
        var arguments = ["summary", "--format", "json"]
        for i in 0..<10_000 {
            let spelling = spellings[i % spellings.count]
            arguments += spelling.hasPrefix("--") ? [spelling] : ["--country", spelling]
        }
        let repeated = try Convene.run(arguments, timeout: .seconds(60))
        #expect(repeated.status == 0, "stderr: \(repeated.err)")
        #expect(repeated.stdout == once.stdout)
        #expect(try delegates(inSummary: repeated) == 100)
    }

    /// Repeated distinct countries still add up: dropping repetitions keeps the first of each.
    @Test func distinctCountriesAreAllKept() throws {
        let both = try Convene.run(["summary", "--format", "json", "--country", "VN", "--country", "TH", "--country", "vn"])
        let vn = try Convene.run(["summary", "--format", "json", "--country", "VN"])
        let th = try Convene.run(["summary", "--format", "json", "--country", "TH"])
        #expect(try delegates(inSummary: both) == (try delegates(inSummary: vn)) + (try delegates(inSummary: th)))
    }

    /// Every exit code the sources use is listed by `convene --help`, and the README's table lists the same.
    @Test func helpAndReadmeListEveryExitCodeInUse() throws {
        let help = try Convene.run(["--help"])
        #expect(help.status == 0)
        var used: Set<Int> = [0, 1, 64, 141]   // success, ArgumentParser's failure and usage, SIGPIPE
        let sources = Paths.repository.appendingPathComponent("Sources")
        let enumerator = try #require(FileManager.default.enumerator(atPath: sources.path))
        let literal = try Regex(#"ExitCode\((\d+)\)"#)
        let named = try Regex(#"case \w+ = (\d+)"#)
        for case let file as String in enumerator where file.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            var matches = text.matches(of: literal)
            if file.hasSuffix("CLIError.swift") { matches += text.matches(of: named) }
            for match in matches {
                if let digits = match.output[1].substring, let code = Int(digits) { used.insert(code) }
            }
        }
        #expect(used.isSuperset(of: [65, 66, 69, 73, 74, 78]), "the scan found the codes: \(used.sorted())")
        let readme = try String(contentsOf: Paths.repository.appendingPathComponent("README.md"), encoding: .utf8)
        for code in used.sorted() {
            #expect(help.out.contains("\n  \(code) "), "convene --help does not list exit code \(code)")
            #expect(readme.contains("\n| \(code) |"), "README's exit-code table does not list \(code)")
        }
        for code in [129, 130, 143] { #expect(help.out.contains("\(code)")) }
    }
}
