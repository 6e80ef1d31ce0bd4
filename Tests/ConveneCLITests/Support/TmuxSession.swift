import Foundation
import Testing

/// A detached tmux server of its own, running `convene` in one pane of a fixed size.
///
/// Every session has a private socket in a fresh scratch directory, so tests
/// never touch the user's tmux or each other, and `end()` (also run on deinit)
/// kills the whole server. Nothing waits a fixed time: ``waitFor(_:timeout:)``
/// polls `capture-pane` every 50 ms until the screen says what is expected.
final class TmuxSession {
    /// The tmux executable on `PATH`, or nil.
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin"] {
            let candidate = "\(directory)/tmux"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    static var isAvailable: Bool { executable != nil && Paths.convene != nil }

    /// Why the end-to-end tests are skipped, for the trait's comment.
    static var unavailableReason: Comment {
        if executable == nil { return "tmux is not installed (apt-get install tmux): end-to-end tests skipped" }
        return "convene was not built next to the test bundle (set CONVENE_BINARY): end-to-end tests skipped"
    }

    let scratch: TemporaryDirectory
    let socket: String
    private var ended = false
    /// False until a wait has succeeded: the first one also covers convene's cold start.
    private var warmedUp = false

    /// The timeout of a wait that does not name one: ``patience``, or
    /// ``startPatience`` for the first wait of the session.
    private var defaultTimeout: Duration { warmedUp ? Self.patience : Self.startPatience }

    /// Starts a server and a session of `width`×`height` running `command`.
    init(width: Int = 120, height: Int = 40, _ command: PaneCommand = PaneCommand(),
         sourceLocation: SourceLocation = #_sourceLocation) throws {
        let binary = try #require(Paths.convene, "convene was not built", sourceLocation: sourceLocation)
        // /tmp rather than $TMPDIR: a Unix socket path must stay under 108 bytes.
        scratch = try TemporaryDirectory(base: URL(fileURLWithPath: "/tmp"), prefix: "convene-e2e")
        socket = scratch.file("tmux.sock").path
        let config = scratch.file("tmux.conf")
        // No status line, so the pane is the whole window.
        try """
        set -g status off
        set -g history-limit 100

        """.write(to: config, atomically: true, encoding: .utf8)
        let script = scratch.file("pane.sh")
        try command.script(binary: binary.path, directory: scratch.url.path)
            .write(to: script, atomically: true, encoding: .utf8)
        try tmux(["-f", config.path, "new-session", "-d", "-s", "e2e", "-x", "\(width)", "-y", "\(height)",
                  "sh", script.path])
    }

    deinit { end() }

    /// Kills the server and everything in it. Safe to call twice.
    func end() {
        guard !ended else { return }
        ended = true
        _ = try? tmux(["kill-server"], check: false)
    }

    /// Whether the server still answers; after `end()` it must not.
    var isServerRunning: Bool { (try? tmux(["has-session"])) != nil }

    // MARK: Driving

    /// Runs `tmux -S socket arguments…` and returns its stdout.
    @discardableResult
    func tmux(_ arguments: [String], check: Bool = true) throws -> String {
        guard let executable = Self.executable else { throw TmuxError("tmux is not installed") }
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil
        environment["TMUX_PANE"] = nil
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = nil
        let (run, timedOut) = try Subprocess.run(URL(fileURLWithPath: executable), ["-S", socket] + arguments,
                                                 environment: environment, timeout: max(.seconds(10), Self.patience))
        if timedOut { throw TmuxError("tmux \(arguments.joined(separator: " ")) did not finish") }
        if check && run.status != 0 {
            throw TmuxError("tmux \(arguments.joined(separator: " ")) failed (\(run.status)): \(run.err)")
        }
        return run.out
    }

    /// Sends keys by tmux name: "3", "Enter", "Down", "Escape", "C-c".
    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "e2e"] + keys)
    }

    /// Types text literally, one key per character.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "e2e", "-l", text])
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "e2e", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The visible screen, one string per row; with `escapes`, with SGR attributes.
    func capture(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", "e2e"] + (escapes ? ["-e"] : []))
    }

    /// The visible screen as rows (the capture's final newline does not make an extra row).
    func lines(escapes: Bool = false) throws -> [String] {
        Self.rows(of: try capture(escapes: escapes))
    }

    /// Row `index` of a captured screen, or "" when the screen has fewer rows.
    static func row(_ index: Int, of screen: String) -> String {
        let rows = rows(of: screen)
        return rows.indices.contains(index) ? rows[index] : ""
    }

    /// A captured screen split into rows: one per terminal row.
    static func rows(of screen: String) -> [String] {
        var rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if rows.last == "" { rows.removeLast() }
        return rows
    }

    /// A tmux format for the pane, e.g. `#{alternate_on}`.
    func display(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "e2e", format])
            .trimmingCharacters(in: .newlines)
    }

    // MARK: Waiting

    /// Polls the screen every 50 ms until it contains `text`; returns that screen.
    @discardableResult
    func waitFor(_ text: String, timeout: Duration? = nil,
                 sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        try await waitUntil("the screen shows \"\(text)\"", timeout: timeout, sourceLocation: sourceLocation) {
            $0.contains(text)
        }
    }

    /// Polls the screen every 50 ms until `condition` holds and the screen has
    /// settled (two captures 50 ms apart are the same, so a frame that tmux has
    /// only half received is never checked); returns that screen.
    @discardableResult
    func waitUntil(_ what: String, timeout: Duration? = nil,
                   sourceLocation: SourceLocation = #_sourceLocation,
                   _ condition: (String) -> Bool) async throws -> String {
        let timeout = timeout ?? defaultTimeout
        let deadline = ContinuousClock.now + timeout
        var screen = ""
        var candidate: String?
        while true {
            screen = try capture()
            if condition(screen) {
                if screen == candidate {
                    warmedUp = true
                    return screen
                }
                candidate = screen
            } else {
                candidate = nil
            }
            // At the deadline, a screen that matched gets its one confirming capture still.
            if ContinuousClock.now >= deadline && candidate == nil { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TmuxError("timed out after \(timeout) waiting until \(what); the screen was:\n\(screen)")
    }

    /// Polls every 50 ms until the scratch file `name` exists; returns its contents.
    func waitForFile(_ name: String, timeout: Duration? = nil) async throws -> String {
        let timeout = timeout ?? defaultTimeout
        let url = scratch.file(name)
        let deadline = ContinuousClock.now + timeout
        while true {
            if let text = try? String(contentsOf: url, encoding: .utf8) {
                warmedUp = true
                return text
            }
            if ContinuousClock.now >= deadline { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TmuxError("timed out after \(timeout) waiting for \(name); the screen was:\n\((try? capture()) ?? "")")
    }

    /// convene's process id, as the pane script recorded it.
    func convenePID() async throws -> pid_t {
        let text = try await waitForFile("pid")
        guard let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw TmuxError("the pid file holds '\(text)'")
        }
        return pid
    }

    /// Waits for convene and the pane script to finish and reads what the script recorded.
    func waitForExit(timeout: Duration? = nil) async throws -> PaneExit {
        let status = try await waitForFile("status", timeout: timeout)
        func read(_ name: String) -> String {
            ((try? String(contentsOf: scratch.file(name), encoding: .utf8)) ?? "")
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return PaneExit(status: Int32(status.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1,
                        sttyBefore: read("stty-before"), sttyAfter: read("stty-after"),
                        elapsedMilliseconds: Int(read("elapsed-ms")) ?? -1,
                        stdout: (try? Data(contentsOf: scratch.file("stdout"))) ?? Data(),
                        stderr: read("stderr"))
    }
}

/// What the pane script recorded about one run of convene.
struct PaneExit {
    var status: Int32
    var sttyBefore: String
    var sttyAfter: String
    var elapsedMilliseconds: Int
    /// The bytes convene wrote when stdout was a file or a pipe.
    var stdout: Data
    /// What convene wrote to stderr when it went to a file.
    var stderr: String
}

struct TmuxError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension TmuxSession {
    /// How long a wait lasts: 10 s, or `CONVENE_E2E_PATIENCE` seconds for slow builds
    /// (scripts/asan sets 60, since an AddressSanitizer binary starts several times slower).
    static let patience: Duration = {
        if let text = getenv("CONVENE_E2E_PATIENCE").map({ String(cString: $0) }), let seconds = Int(text), seconds > 0 {
            return .seconds(seconds)
        }
        return .seconds(10)
    }()

    /// How long the first wait of a session lasts: six times ``patience`` (60 s by default).
    ///
    /// The first screen comes after a cold start of tmux and convene, while the
    /// other suites keep both cores busy: a first wait once timed out at 10 s
    /// (issue 12), and at 30 s with a busy loop on one core as well, although
    /// every later wait takes a fraction of a second. A long limit costs nothing
    /// when the screen comes: the wait polls.
    static var startPatience: Duration { patience * 6 }
}
