import Foundation
import Testing

/// The outcome of one run of `convene` as a subprocess.
struct RunResult: Sendable {
    var status: Int32
    var stdout: Data
    var stderr: Data
    /// The child's peak resident memory (`ru_maxrss`), in KiB.
    var maxResidentKiB: Int = 0

    var out: String { String(decoding: stdout, as: UTF8.self) }
    var err: String { String(decoding: stderr, as: UTF8.self) }
}

/// Runs the built binary the way a script would: no terminal, a fixed environment.
enum Convene {
    /// The environment every plain run gets: a UTF-8 locale and nothing that
    /// could change what convene reads (no `CONVENE_DATA`, no `TERM`, and a
    /// HOME with no saved state in it).
    /// Sanitizer settings pass through, so that `scripts/asan` (which turns leak
    /// reports off) checks the same exit codes as a normal run.
    static let environment: [String: String] = {
        var env = [
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "SWIFT_BACKTRACE": "enable=no",
            "HOME": "/nonexistent",
        ]
        for key in ["ASAN_OPTIONS", "LSAN_OPTIONS"] {
            if let value = getenv(key) { env[key] = String(cString: value) }
        }
        return env
    }()

    /// Runs `convene arguments…` with stdin from /dev/null and stdout and
    /// stderr captured. Fails the test when the binary is missing or runs
    /// longer than `timeout`.
    static func run(
        _ arguments: [String],
        environment extra: [String: String] = [:],
        timeout: Duration = .seconds(20),
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> RunResult {
        let binary = try #require(Paths.convene, "convene was not built next to the test bundle; set CONVENE_BINARY",
                                  sourceLocation: sourceLocation)
        let result = try Subprocess.run(binary, arguments, environment: environment.merging(extra) { $1 },
                                        timeout: timeout)
        if result.timedOut {
            Issue.record("convene \(arguments.joined(separator: " ")) ran longer than \(timeout)",
                         sourceLocation: sourceLocation)
        }
        return result.result
    }
}

/// Runs a program and collects what it wrote.
///
/// This uses `posix_spawn` and `waitpid` rather than Foundation's `Process`:
/// `Process` learns that a child has exited when a socket the child inherited
/// closes, so a child that leaves a daemon behind (`tmux new-session -d`
/// starts the tmux server) never "exits" and `waitUntilExit` hangs.
enum Subprocess {
    /// Runs `executable arguments…` with stdin from /dev/null
    /// and stdout and stderr in temporary files (a daemon holding a pipe open
    /// cannot block us, nor can a full pipe). A run longer than `timeout` is killed.
    static func run(_ executable: URL, _ arguments: [String], environment: [String: String],
                    timeout: Duration = .seconds(20)) throws -> (result: RunResult, timedOut: Bool) {
        let scratch = try TemporaryDirectory()
        let outPath = scratch.file("stdout").path
        let errPath = scratch.file("stderr").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // Nothing else of the test runner's leaks into the child (or into a daemon it starts).
        spawnAddCloseFrom(&actions, 3)

        // The child starts with no signal blocked and every signal at its default.
        // The test runner's worker threads block most signals, and a spawned
        // process inherits that mask: a tmux server started that way never sees
        // the SIGTERM with which `kill-server` ends it, and a convene would not
        // see the signals the tests send it.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        startWithCleanSignals(&attributes)

        let argv = [executable.path] + arguments
        let envp = environment.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let spawned = withCStrings(argv) { cArgv in
            withCStrings(envp) { cEnvp in
                posix_spawn(&pid, executable.path, &actions, &attributes, cArgv, cEnvp)
            }
        }
        guard spawned == 0 else {
            throw SubprocessError("cannot run \(executable.path): \(String(cString: strerror(spawned)))")
        }

        let deadline = ContinuousClock.now + timeout
        var status: Int32 = 0
        var timedOut = false
        var usage = rusage()
        while true {
            let done = wait4(pid, &status, WNOHANG, &usage)
            if done == pid { break }
            if done < 0 && errno != EINTR { throw SubprocessError("waitpid failed: \(errno)") }
            if ContinuousClock.now >= deadline {
                timedOut = true
                kill(pid, SIGKILL)
                _ = wait4(pid, &status, 0, &usage)
                break
            }
            usleep(1_000)
        }
        // Exit code, or 128 + the signal as a shell reports it.
        let exited = status & 0x7F == 0
        let code = exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let result = RunResult(status: code,
                               stdout: try Data(contentsOf: URL(fileURLWithPath: outPath)),
                               stderr: try Data(contentsOf: URL(fileURLWithPath: errPath)),
                               maxResidentKiB: usage.ru_maxrss)
        return (result, timedOut)
    }

    /// Calls `body` with a NULL-terminated array of C strings.
    private static func withCStrings<R>(_ strings: [String],
                                        _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return body(pointers)
    }
}

/// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), which the Glibc
/// module does not export because it needs `_GNU_SOURCE`.
@_silgen_name("posix_spawn_file_actions_addclosefrom_np")
@discardableResult
func spawnAddCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ from: Int32) -> Int32

/// Sets `attributes` so the child starts with no signal blocked and every signal at its default
/// (the test runner's threads block most signals, and a spawned process inherits the mask).
func startWithCleanSignals(_ attributes: inout posix_spawnattr_t) {
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
}

struct SubprocessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A fresh directory under the system's temporary directory, removed on deinit.
final class TemporaryDirectory {
    let url: URL

    init(base: URL = FileManager.default.temporaryDirectory, prefix: String = "convene-tests") throws {
        let template = base.appendingPathComponent("\(prefix).XXXXXX").path
        var bytes = Array(template.utf8CString)
        guard let made = mkdtemp(&bytes) else { throw CocoaError(.fileWriteUnknown) }
        url = URL(fileURLWithPath: String(cString: made))
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }
}
