import Foundation
import Testing

/// Nothing from a data file or from the command line reaches a terminal raw:
/// the notice `summary` prints, and every argument echoed in a message.
@Suite struct SanitisedMessagesTests {
    /// An OSC title set, colours and a right-to-left override.
    static let hostile = #"\u001b]0;pwned\u0007 \u001b[31mred\u001b[0m \u202eevil"#

    /// The sample with `hostile` at the start of its notice.
    private func hostileSample(_ scratch: TemporaryDirectory) throws -> String {
        let text = try String(contentsOf: Paths.sample, encoding: .utf8)
        let marked = text.replacingOccurrences(of: #""notice": ""#, with: #""notice": ""# + Self.hostile)
        try #require(marked != text, "the sample has a notice to make hostile")
        let path = scratch.file("hostile.json").path
        try marked.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// What `convene arguments…` shows on a real terminal: run inside `script`, which gives it a pty.
    private func onATerminal(_ arguments: [String]) throws -> RunResult {
        let binary = try #require(Paths.convene)
        let command = ([binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            .joined(separator: " ")
        let script = URL(fileURLWithPath: "/usr/bin/script")
        try #require(FileManager.default.isExecutableFile(atPath: script.path), "util-linux script is needed")
        let run = try Subprocess.run(script, ["-qec", command, "/dev/null"],
                                     environment: Convene.environment.merging(["TERM": "xterm"]) { $1 },
                                     timeout: .seconds(60))
        #expect(!run.timedOut)
        return run.result
    }

    @Test func summaryOnATerminalShowsAHostileNoticeAsText() throws {
        let scratch = try TemporaryDirectory()
        let data = try hostileSample(scratch)
        let run = try onATerminal(["summary", "--data", data])
        #expect(run.status == 0, "output: \(run.out)")
        let shown = run.out
        #expect(shown.contains("Totals"), "the summary ran on the terminal: \(shown)")
        #expect(!run.stdout.contains(0x1B), "no ESC reaches the terminal")
        #expect(!run.stdout.contains(0x07), "no BEL reaches the terminal")
        #expect(!shown.unicodeScalars.contains("\u{202E}"), "no bidi override reaches the terminal")
        #expect(shown.contains("Note: ␛]0;pwned␇ ␛[31mred␛[0m evil"), "the notice shows as visible text: \(shown)")
    }

    /// The same file as JSON through a pipe keeps the notice exactly: sanitising is for terminals only.
    @Test func summaryJSONThroughAPipeIsExact() throws {
        let scratch = try TemporaryDirectory()
        let data = try hostileSample(scratch)
        let run = try Convene.run(["summary", "--data", data, "--format", "json"])
        #expect(run.status == 0)
        #expect(run.err.isEmpty)
    }

    /// A value with a newline and ESC in it, in ArgumentParser's own error and in convene's.
    static let typed = "a\nb\u{1B}[31m"

    @Test(arguments: [
        ["delegates", "--format", typed],            // ArgumentParser: not a format
        ["delegates", typed],                        // ArgumentParser: unexpected argument
        ["delegates", "--country", typed],           // convene: unknown country
        ["summary", "--data", typed],                // the loader: cannot read
        ["summary", "--data=" + typed],
        ["validate", typed],
    ])
    func anArgumentEchoedInAnErrorIsSanitised(arguments: [String]) throws {
        let run = try Convene.run(arguments)
        #expect(run.status != 0)
        #expect(!run.err.isEmpty)
        #expect(!run.stderr.contains(0x1B), "no ESC on stderr: \(run.err)")
        #expect(!run.err.contains("a\nb"), "the typed newline does not break the message: \(run.err)")
        #expect(run.err.contains("a␊b␛[31m"), "the value shows as one line: \(run.err)")
    }

    /// `merge … -o PATH` echoes the path it wrote; a path with ESC in it shows as text.
    @Test func mergeEchoesItsOutputPathSanitised() throws {
        let scratch = try TemporaryDirectory()
        let out = scratch.file("out\u{1B}]0;x\u{07}.json").path
        let run = try Convene.run(["merge", Paths.sample.path, Paths.sample.path, "-o", out])
        #expect(run.status == 0, "stderr: \(run.err)")
        #expect(run.out.hasPrefix("Wrote "), "stdout: \(run.out)")
        #expect(!run.stdout.contains(0x1B) && !run.stdout.contains(0x07), "stdout: \(run.out)")
        #expect(run.out.contains("out␛]0;x␇.json"))
    }
}
