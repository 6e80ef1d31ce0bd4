import Foundation
import Testing

/// Runs `convene` with a standard output chosen by the test: a device, a closed
/// descriptor, or one end of a pipe the test reads itself.
///
/// ``Subprocess`` always gives the child a file for stdout, which cannot fail;
/// the write-error tests need the other cases. Stdin is /dev/null and stderr a
/// file, as there; every signal starts at its default, so SIGPIPE is the
/// child's own.
enum ChildProcess {
    /// What the child gets as file descriptor 1.
    enum Stdout {
        /// `open(path, flags)`, e.g. /dev/full.
        case open(String, flags: Int32)
        /// No descriptor 1 at all, as after `>&-` in a shell.
        case closed
        /// A copy of one of the test's own descriptors (a pipe's write end).
        case descriptor(Int32)
    }

    /// A started child: its pid and where its stderr goes.
    struct Started {
        let pid: pid_t
        let stderrPath: String
        let scratch: TemporaryDirectory

        /// Waits for the exit (polling, so a busy machine only makes it slower) and
        /// returns the shell-style status (128 + signal) and stderr; kills the
        /// child and records an issue after `timeout`.
        func wait(timeout: Duration = .seconds(60), sourceLocation: SourceLocation = #_sourceLocation) throws
            -> (status: Int32, stderr: String) {
            let deadline = ContinuousClock.now + timeout
            var status: Int32 = 0
            while true {
                let done = waitpid(pid, &status, WNOHANG)
                if done == pid { break }
                if done < 0 && errno != EINTR { throw SubprocessError("waitpid failed: \(errno)") }
                if ContinuousClock.now >= deadline {
                    kill(pid, SIGKILL)
                    _ = waitpid(pid, &status, 0)
                    Issue.record("convene ran longer than \(timeout)", sourceLocation: sourceLocation)
                    break
                }
                usleep(2_000)
            }
            let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            let err = try String(decoding: Data(contentsOf: URL(fileURLWithPath: stderrPath)), as: UTF8.self)
            return (code, err)
        }
    }

    /// Starts `convene arguments…` with `stdout` as its standard output.
    ///
    /// With `ignoringSIGPIPE`, a shell sets SIGPIPE to ignored and execs convene,
    /// as a parent that ignores it would (the disposition survives exec).
    static func start(_ arguments: [String], stdout: Stdout, ignoringSIGPIPE: Bool = false,
                      sourceLocation: SourceLocation = #_sourceLocation) throws -> Started {
        let binary = try #require(Paths.convene, "convene was not built next to the test bundle; set CONVENE_BINARY",
                                  sourceLocation: sourceLocation)
        let scratch = try TemporaryDirectory()
        let errPath = scratch.file("stderr").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        switch stdout {
        case .open(let path, let flags): posix_spawn_file_actions_addopen(&actions, 1, path, flags, 0o600)
        case .closed: posix_spawn_file_actions_addclose(&actions, 1)
        case .descriptor(let fd): posix_spawn_file_actions_adddup2(&actions, fd, 1)
        }
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        spawnAddCloseFrom(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        startWithCleanSignals(&attributes)

        let program = ignoringSIGPIPE ? "/bin/sh" : binary.path
        let prefix = ignoringSIGPIPE ? ["/bin/sh", "-c", #"trap "" PIPE; exec "$0" "$@""#] : []
        let argv = (prefix + [binary.path] + arguments).map { strdup($0) } + [nil]
        let envp = Convene.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw SubprocessError("cannot run \(program): \(String(cString: strerror(spawned)))")
        }
        return Started(pid: pid, stderrPath: errPath, scratch: scratch)
    }
}
