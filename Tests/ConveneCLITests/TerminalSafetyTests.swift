import Foundation
import Testing

/// Text from data files and from the command line never reaches a terminal raw.
@Suite struct TerminalSafetyTests {
    /// ESC, and CSI as a C1 control in UTF-8 (C2 9B), and BEL.
    static func controlBytes(in data: Data) -> [UInt8] {
        var found: [UInt8] = []
        var previous: UInt8 = 0
        for byte in data {
            if byte == 0x1B || byte == 0x07 || (previous == 0xC2 && (0x80...0x9F).contains(byte)) { found.append(byte) }
            previous = byte
        }
        return found
    }

    @Test func anEscapeInADataFileIsShownAsAPictureInValidationErrors() throws {
        let run = try Convene.run(["validate", Paths.e2eFixture("escape-in-error.json").path])
        #expect(run.status == 65)
        #expect(Self.controlBytes(in: run.stderr).isEmpty, "raw control bytes on stderr: \(run.err.debugDescription)")
        #expect(run.err.contains("$.delegates[1].city"))
        #expect(run.err.contains("unknown city 'hanoi␛]0;pwned␇'"))
    }

    @Test(arguments: [["delegates", "--city", "\u{1b}]0;pwned\u{7}"],
                      ["delegates", "--country", "\u{1b}[31mVN"],
                      ["agenda", "--event", "x\u{9b}2J"],
                      ["cities", "--field", "\u{1b}]2;pwned\u{7}"],
                      ["validate", "/nonexistent/\u{1b}]0;pwned\u{7}.json"]])
    func anEscapeInAnArgumentIsNeutralisedInTheErrorMessage(arguments: [String]) throws {
        let run = try Convene.run(arguments)
        #expect(run.status == 64 || run.status == 66)
        #expect(!run.stderr.isEmpty)
        #expect(Self.controlBytes(in: run.stderr).isEmpty, "raw control bytes on stderr: \(run.err.debugDescription)")
    }

    @Test func hostileNamesAreNeutralisedInTables() throws {
        let data = Paths.e2eFixture("hostile-names.json").path
        for command in ["events", "agenda", "delegates", "cities", "summary"] {
            let run = try Convene.run([command, "--data", data])
            #expect(run.status == 0, "\(command): \(run.err)")
            #expect(Self.controlBytes(in: run.stdout).isEmpty, "\(command) printed raw controls: \(run.out.debugDescription)")
            #expect(!run.out.contains("\r"))
            #expect(!run.out.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) }, "\(command) kept a bidi override")
        }
        let delegates = try Convene.run(["delegates", "--data", data]).out
        #expect(delegates.contains("Mallory ␛]0;pwned␇Title"))
        #expect(delegates.contains("Carriage␍Return"))
    }

    @Test func jsonOutputEscapesControlsAndKeepsTheData() throws {
        let data = Paths.e2eFixture("hostile-names.json").path
        let run = try Convene.run(["delegates", "--data", data, "--format", "json"])
        #expect(run.status == 0)
        #expect(Self.controlBytes(in: run.stdout).isEmpty, "JSON escapes controls as \\u001b")
        let rows = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [[String: Any]])
        #expect(rows.contains { $0["name"] as? String == "Mallory \u{1b}]0;pwned\u{7}Title" }, "the data round-trips")
    }

    /// Without a terminal the browser says so on one line and exits 69 (EX_UNAVAILABLE),
    /// writing nothing to stdout.
    @Test(arguments: [[], ["browse"], ["browse", "--data", Paths.fixtures.appendingPathComponent("valid/minimal.json").path]])
    func browsingWithoutATerminalExits69WithOneLine(arguments: [String]) throws {
        let start = ContinuousClock.now
        let run = try Convene.run(arguments, environment: ["TERM": "xterm-256color"])
        #expect(run.status == 69)
        #expect(run.stdout.isEmpty, "nothing, and no escape codes, on stdout")
        #expect(run.err.hasPrefix("convene: stdout is not a terminal"))
        #expect(run.err.split(separator: "\n").count == 1)
        #expect(ContinuousClock.now - start < .seconds(5), "exits promptly")
    }
}
