import Foundation
import Testing

/// Shell completion: the generated scripts call `convene ---completion SUBCOMMAND -- --OPTION
/// INDEX CURSOR WORD…`, and convene answers with ids from the directory the words name.
@Suite struct CompletionTests {
    /// Asks for completions of `option` the way the generated scripts do; `words` are the shell
    /// words through the one being completed, the binary's name first.
    private func complete(_ subcommand: String, _ option: String, words: [String],
                          environment: [String: String] = [:]) throws -> RunResult {
        let last = words.last ?? ""
        return try Convene.run(["---completion", subcommand, "--", option, "\(words.count - 1)", "\(last.utf8.count)"] + words,
                               environment: environment.merging(Self.patience) { $1 })
    }

    /// Correctness, not speed, is tested here: a loaded machine may take longer than a Tab's 1 s.
    private static let patience = ["CONVENE_COMPLETION_PATIENCE": "15"]

    private func lines(_ run: RunResult) -> [String] {
        run.out.split(separator: "\n").map(String.init)
    }

    /// The ids a directory file lists under `key` (`events`, `cities`), read with Foundation.
    private func ids(_ key: String, in path: String, field: String = "id") throws -> [String] {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let records = try #require(root[key] as? [[String: Any]])
        return records.compactMap { $0[field] as? String }
    }

    @Test func countryCompletesVNForVOnTheSample() throws {
        let run = try complete("delegates", "--country", words: ["convene", "delegates", "--country", "V"])
        #expect(run.status == 0)
        #expect(run.err.isEmpty)
        #expect(lines(run).contains("VN"), "stdout: \(run.out)")
        #expect(lines(run).allSatisfy { $0.hasPrefix("V") }, "stdout: \(run.out)")
        let all = try ids("countries", in: Paths.sample.path, field: "code")
        #expect(lines(run) == all.filter { $0.hasPrefix("V") }.sorted())
    }

    /// `none` asks for records whose place is not recorded; it is offered beside the codes and ids.
    @Test func countryAndCityOfferNoneForNotRecorded() throws {
        let country = try complete("delegates", "--country", words: ["convene", "delegates", "--country", "n"])
        #expect(lines(country) == ["none"], "stdout: \(country.out)")
        let city = try complete("delegates", "--city", words: ["convene", "delegates", "--city", "no"])
        #expect(lines(city).contains("none"), "stdout: \(city.out)")
        #expect(lines(city).allSatisfy { $0.hasPrefix("no") })
    }

    /// The session filters offer the values the named file's sessions have (issue 15).
    @Test func sessionFiltersOfferTheValuesOfTheSessions() throws {
        let congress = Fixtures.path("published/frab-congress.xml")
        let room = try complete("agenda", "--room", words: ["convene", "agenda", "--data", congress, "--room", "saal"])
        #expect(lines(room) == ["Saal 1", "Saal GLITCH"], "stdout: \(room.out)")
        let day = try complete("agenda", "--day", words: ["convene", "agenda", "--data", congress, "--day", ""])
        #expect(lines(day) == ["2025-12-27", "2025-12-28"], "stdout: \(day.out)")
        let language = try complete("summary", "--language", words: ["convene", "summary", "--data", congress, "--language", "d"])
        #expect(lines(language) == ["de"], "stdout: \(language.out)")
    }

    /// Event ids come from the file `--data` names, before or after the subcommand, or from CONVENE_DATA.
    @Test func eventCompletesTheIdsOfTheNamedFile() throws {
        let scratch = try TemporaryDirectory()
        let file = scratch.file("small.json").path
        let made = try Convene.run(["generate", "--delegates", "40", "--events", "4", "-o", file])
        try #require(made.status == 0, "generate: \(made.err)")
        let expected = try ids("events", in: file).sorted()
        try #require(expected.count == 4)

        let after = try complete("agenda", "--event", words: ["convene", "agenda", "--data", file, "--event", ""])
        #expect(lines(after) == expected, "stdout: \(after.out) stderr: \(after.err)")
        let before = try complete("agenda", "--event", words: ["convene", "--data=\(file)", "agenda", "--event", ""])
        #expect(lines(before) == expected)
        let fromEnvironment = try complete("export", "--event", words: ["convene", "export", "--event", ""],
                                           environment: ["CONVENE_DATA": file])
        #expect(lines(fromEnvironment) == expected)
        let fixture = Paths.fixtures.appendingPathComponent("valid/minimal.json").path
        let city = try complete("cities", "--city", words: ["convene", "cities", "--data", fixture, "--city", "k"])
        #expect(lines(city) == (try ids("cities", in: fixture)).filter { $0.hasPrefix("k") })
        #expect(!lines(city).isEmpty)
    }

    /// A file that cannot be loaded at once offers nothing, and says nothing: not even a FIFO hangs it.
    @Test func aFileThatDoesNotLoadOffersNothingQuietly() throws {
        let scratch = try TemporaryDirectory()
        let fifo = scratch.file("pipe.json").path
        try #require(mkfifo(fifo, 0o600) == 0)
        let broken = scratch.file("broken.json")
        try Data("{\"format\": \"convene/1\",".utf8).write(to: broken)
        for path in ["/nonexistent/x.json", fifo, broken.path, scratch.url.path] {
            let run = try complete("delegates", "--country", words: ["convene", "delegates", "--data", path, "--country", ""])
            #expect(run.status == 0, "\(path): \(run.err)")
            #expect(run.out.isEmpty && run.err.isEmpty, "\(path): stdout \(run.out) stderr \(run.err)")
        }
    }

    /// The bash script itself: completing `--country V` runs convene and offers VN;
    /// `--data` completes the files Convene reads (JSON, schedule.xml, iCalendar).
    @Test func theGeneratedBashScriptCompletesCountriesAndDataFiles() throws {
        let binary = try #require(Paths.convene)
        let script = try Convene.run(["--generate-completion-script", "bash"])
        #expect(script.status == 0)
        #expect(script.out.contains("'--data')\n        __convene_add_completions -o plusdirs -fX '!*.@(json|xml|ics)'"),
                "--data completes .json, .xml and .ics files")
        guard FileManager.default.isExecutableFile(atPath: "/bin/bash") else { return }
        let scratch = try TemporaryDirectory()
        let scriptFile = scratch.file("convene.bash")
        try script.stdout.write(to: scriptFile)
        let line = "\(binary.path) delegates --country V"
        let program = """
            source '\(scriptFile.path)'
            COMP_WORDS=(\(binary.path) delegates --country V); COMP_CWORD=3
            COMP_LINE='\(line)'; COMP_POINT=\(line.utf8.count)
            _convene '\(binary.path)' V --country
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let run = try Subprocess.run(URL(fileURLWithPath: "/bin/bash"), ["-c", program],
                                     environment: Convene.environment.merging(Self.patience) { $1 }).result
        #expect(run.status == 0, "stderr: \(run.err)")
        #expect(run.out == "VN\n", "stdout: \(run.out) stderr: \(run.err)")
    }
}
