import Foundation
import Testing

/// Resizing, leaving (by key and by signal), and running where there is no usable terminal.
extension EndToEndTests {
    @Test func resizingRelaysOutAndRecoversFromTooSmall() async throws {
        let session = try TmuxSession(width: 120, height: 40)
        defer { session.end() }
        try await session.waitFor(Self.sampleStatus["1"]!)

        try session.resize(width: 160, height: 50)
        let large = try await session.waitUntil("the 160×50 layout") {
            let lines = TmuxSession.rows(of: $0)
            return lines.count == 50 && lines[49].contains(Self.sampleStatus["1"]!)
        }
        let largeLines = TmuxSession.rows(of: large)
        try #require(largeLines.count == 50)
        #expect(DisplayColumns.columns(of: "┐", in: largeLines[2]).last == 159, "the detail pane reaches the right edge")
        #expect(largeLines[48].contains("└"), "the detail pane's bottom border is on the last row above the status")
        #expect(largeLines.allSatisfy { DisplayColumns.width($0) <= 160 })

        try session.resize(width: 30, height: 8)
        let small = try await session.waitFor("Terminal too small")
        #expect(small.contains("30×8"), "it says how small")
        #expect(!small.contains("Events"), "nothing else is drawn")

        try session.resize(width: 100, height: 30)
        let back = try await session.waitUntil("the 100×30 layout") {
            let lines = TmuxSession.rows(of: $0)
            return lines.count == 30 && lines[29].contains(Self.sampleStatus["1"]!)
        }
        #expect(!back.contains("Terminal too small"))
        let lines = TmuxSession.rows(of: back)
        try #require(lines.count == 30)
        #expect(lines[1].hasPrefix(" 1 Events │ 2 Agenda"))
        #expect(lines.contains { $0.hasPrefix("┌─ Details") }, "below 110 columns the detail pane goes under the list")
        #expect(lines.allSatisfy { DisplayColumns.width($0) <= 100 })

        // Still responsive after all that.
        try session.send("3")
        try await session.waitFor(Self.sampleStatus["3"]!)
        try session.send("q")
        try expectTerminalRestored(session, try await session.waitForExit())
    }

    enum Leaving: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case quitKey, controlC, sigterm, sighup

        var testDescription: String {
            switch self {
            case .quitKey: "q"
            case .controlC: "Ctrl-C (SIGINT from the terminal)"
            case .sigterm: "SIGTERM"
            case .sighup: "SIGHUP"
            }
        }

        /// 0 for `q`; 128 + the signal number otherwise, as a shell reports a death by signal.
        var expectedStatus: Int32 {
            switch self {
            case .quitKey: 0
            case .controlC: 128 + SIGINT
            case .sigterm: 128 + SIGTERM
            case .sighup: 128 + SIGHUP
            }
        }
    }

    @Test(arguments: Leaving.allCases)
    func leavingRestoresTheTerminal(_ way: Leaving) async throws {
        let session = try TmuxSession(width: 120, height: 40)
        defer { session.end() }
        // Leave from a view with an overlay open, the state most likely to be missed.
        try await session.waitFor(Self.sampleStatus["1"]!)
        try session.send("3")
        try await session.waitFor(Self.sampleStatus["3"]!)
        try session.type("/hu")
        try await session.waitFor("Search Delegates: hu")
        #expect(try session.display("#{alternate_on} #{cursor_flag}") == "1 0", "running: alternate screen, no cursor")

        switch way {
        case .quitKey:
            try session.send("Escape")  // out of the search prompt first: there q is text
            try await session.waitUntil("the search prompt closes") { !$0.contains("Search Delegates:") }
            try session.send("q")
        case .controlC:
            try session.send("C-c")
        case .sigterm:
            #expect(kill(try await session.convenePID(), SIGTERM) == 0)
        case .sighup:
            #expect(kill(try await session.convenePID(), SIGHUP) == 0)
        }
        let exit = try await session.waitForExit()
        #expect(exit.status == way.expectedStatus)
        try expectTerminalRestored(session, exit)
        let screen = try session.capture()
        #expect(!screen.contains("Search Delegates"), "the normal screen is back, not the browser's")
    }

    /// Signals outside the promised list whose default action ends the process.
    @Test(arguments: [SIGUSR1, SIGALRM, SIGPIPE])
    func everyEndingSignalRestoresTheTerminal(_ signal: Int32) async throws {
        let session = try TmuxSession(width: 120, height: 40)
        defer { session.end() }
        try await session.waitFor(Self.sampleStatus["1"]!)
        try session.send("3")
        try await session.waitFor(Self.sampleStatus["3"]!)
        let mouse = "#{mouse_standard_flag}#{mouse_button_flag}#{mouse_any_flag}"
        #expect(try session.display("#{alternate_on} #{cursor_flag}") == "1 0", "running: alternate screen, no cursor")
        #expect(try session.display(mouse) != "000", "running: mouse reporting is on")
        #expect(kill(try await session.convenePID(), signal) == 0)
        let exit = try await session.waitForExit()
        #expect(exit.status == 128 + signal)
        try expectTerminalRestored(session, exit)
        #expect(try session.display(mouse) == "000", "mouse reporting is still on")
    }

    /// Waiting for a key costs next to no CPU (input is read with a timeout, not polled in a loop).
    @Test func theBrowserIdlesWithoutSpinning() async throws {
        let session = try TmuxSession(width: 120, height: 40)
        defer { session.end() }
        try await session.waitFor(Self.sampleStatus["1"]!)
        let pid = try await session.convenePID()
        func cpuTicks() throws -> Int {
            // utime and stime: fields 14 and 15 of /proc/PID/stat, after the ")" that ends the name.
            let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
            guard let name = stat.range(of: ")", options: .backwards) else { throw TmuxError("odd stat: \(stat)") }
            let fields = stat[name.upperBound...].split(separator: " ")
            guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else {
                throw TmuxError("odd stat: \(stat)")
            }
            return user + system
        }
        let before = try cpuTicks()
        try await Task.sleep(for: .seconds(1))  // a measuring window, not a wait for the screen
        let used = try cpuTicks() - before
        #expect(used < 20, "convene used \(used) of 100 clock ticks while idle for a second")
        try session.send("q")
        #expect(try await session.waitForExit().status == 0)
    }

    /// The checks above can fail: a program that leaves the alternate screen on,
    /// the cursor hidden and the tty raw is caught by each of them.
    @Test func theHarnessNoticesATerminalLeftInABadState() async throws {
        var command = PaneCommand()
        command.program = ["sh", "-c", "printf '\\033[?1049h\\033[?25l'; stty raw -echo"]
        let session = try TmuxSession(width: 100, height: 20, command)
        defer { session.end() }
        let exit = try await session.waitForExit()
        #expect(exit.status == 0)
        #expect(try session.display("#{alternate_on} #{cursor_flag}") == "1 0")
        #expect(!exit.sttyBefore.isEmpty)
        #expect(exit.sttyAfter != exit.sttyBefore)
    }

    enum Redirection: String, CaseIterable, Sendable {
        case stdoutToFile, stdoutToPipe, stdinFromDevNull, stdinFromPipe

        var command: PaneCommand {
            switch self {
            case .stdoutToFile: PaneCommand(stdout: .file, stderrToFile: true)
            case .stdoutToPipe: PaneCommand(stdout: .pipe, stderrToFile: true)
            case .stdinFromDevNull: PaneCommand(stdin: .devNull, stderrToFile: true)
            case .stdinFromPipe: PaneCommand(stdin: .pipe, stderrToFile: true)
            }
        }

        var message: String {
            switch self {
            case .stdoutToFile, .stdoutToPipe: "convene: stdout is not a terminal"
            case .stdinFromDevNull, .stdinFromPipe: "convene: stdin is not a terminal"
            }
        }
    }

    /// In a real terminal but with a stream redirected: one line on stderr, exit
    /// 69, nothing in the file or pipe and nothing drawn, and no spinning.
    @Test(arguments: Redirection.allCases)
    func aRedirectedStreamExits69WithAMessage(_ redirection: Redirection) async throws {
        let session = try TmuxSession(width: 100, height: 20, redirection.command)
        defer { session.end() }
        let exit = try await session.waitForExit()
        #expect(exit.status == 69)
        #expect(exit.stderr.hasPrefix(redirection.message), "stderr: \(exit.stderr)")
        #expect(!exit.stderr.contains("\n"), "one line")
        #expect(exit.stdout.isEmpty, "no bytes, let alone escape codes, in the file or pipe")
        #expect(exit.elapsedMilliseconds < 3000, "it exits promptly instead of spinning (\(exit.elapsedMilliseconds) ms)")
        #expect(try session.capture().trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                "nothing was drawn in the terminal")
        try expectTerminalRestored(session, exit)
    }

    /// TERM unset, unknown or dumb: convene's own message and 69, never ncurses'
    /// "Error opening terminal" (which would exit 1 from inside the library).
    @Test(arguments: [nil, "nonsense", "dumb"] as [String?])
    func anUnusableTermExits69WithAClearMessage(term: String?) async throws {
        let session = try TmuxSession(width: 100, height: 20, PaneCommand(term: term, stderrToFile: true))
        defer { session.end() }
        let exit = try await session.waitForExit()
        #expect(exit.status == 69)
        #expect(exit.stderr.hasPrefix("convene: TERM"), "stderr: \(exit.stderr)")
        if let term { #expect(exit.stderr.contains("'\(term)'"), "the message names TERM's value") }
        #expect(!exit.stderr.contains("Error opening terminal"))
        #expect(!exit.stderr.contains("\n"), "one line")
        #expect(exit.elapsedMilliseconds < 3000)
        #expect(try session.capture().trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                "nothing was drawn in the terminal")
        try expectTerminalRestored(session, exit)
    }
}
