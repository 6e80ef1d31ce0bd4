import Foundation
import Testing

/// Commands end with one error type: a `CLIError` carrying its message and a
/// named `ExitStatus`, printed and turned into an exit code in `Convene.main` only.
@Suite struct ErrorPathTests {
    /// The Swift files of the executable, with their text.
    private func executableSources() throws -> [(name: String, text: String)] {
        let folder = Paths.repository.appendingPathComponent("Sources/convene")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .filter { $0.hasSuffix(".swift") }
            .map { ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) }
    }

    /// No `Output.error(…)` then `throw ExitCode(n)` pair, no literal exit number: every failure is a
    /// `CLIError` with a named status. The browser's 128 + signal is the one computed `ExitCode`.
    @Test func commandsThrowCLIErrorWithNamedStatusesNotExitCodes() throws {
        let exitCode = try Regex(#"ExitCode\(([^)]*)\)"#)
        for (name, text) in try executableSources() {
            for match in text.matches(of: exitCode) {
                let argument = String(text[match.range]).dropFirst("ExitCode(".count).dropLast()
                #expect(argument.hasPrefix("128 + "), "\(name): \(text[match.range]) is not a CLIError with a named status")
            }
            #expect(!text.contains("Int32 = 7"), "\(name) keeps an exit number of its own")
        }
    }

    /// Exit 78 (EX_CONFIG): no place for the stars file, said in words.
    @Test func starsWithNoHomeAndNoStateDirectoryExit78() throws {
        let run = try Convene.run(["agenda", "--starred"], environment: ["HOME": ""])
        #expect(run.status == 78, "stderr: \(run.err)")
        #expect(run.err == "convene: cannot find a place for the stars file: set HOME or XDG_STATE_HOME\n")
    }

    /// An unknown session: 64, with a hint where to find ids, and nothing on stdout.
    @Test func unstarWithAnUnknownSessionIsAUsageError() throws {
        let state = try TemporaryDirectory()
        let run = try Convene.run(["unstar", "no-such-session"], environment: ["XDG_STATE_HOME": state.url.path])
        #expect(run.status == 64)
        #expect(run.err.hasPrefix("convene: unknown session 'no-such-session'"), "stderr: \(run.err)")
        #expect(run.out.isEmpty)
    }
}
