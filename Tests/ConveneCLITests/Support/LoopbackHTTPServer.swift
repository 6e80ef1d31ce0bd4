import Foundation
import Testing

/// A real HTTP server on 127.0.0.1, started by a test: `Tests/Fixtures/http/serve.py` under python3.
///
/// It binds a free port and prints it; files are served from ``root``, read at
/// each request, so a test changes the schedule behind the server by rewriting
/// a file there, and reads `requests.log` to see what convene asked for. The
/// server is killed by ``stop()`` (and on deinit), so a test can also make it go away.
final class LoopbackHTTPServer {
    let root: TemporaryDirectory
    let port: Int
    private var pid: pid_t

    /// Starts the server and waits (polling, up to a minute on a busy machine) until it says its port.
    init(sourceLocation: SourceLocation = #_sourceLocation) throws {
        root = try TemporaryDirectory(prefix: "convene-http")
        let portFile = root.file("port").path
        let script = Fixtures.path("http/serve.py")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, portFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, root.file("server.err").path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        spawnAddCloseFrom(&actions, 3)
        var child: pid_t = 0
        let arguments = ["python3", script, root.url.path]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let spawned = posix_spawnp(&child, "python3", &actions, nil, argv, environ)
        guard spawned == 0 else { throw SubprocessError("cannot start python3: error \(spawned)") }
        pid = child
        let deadline = ContinuousClock.now + .seconds(60)
        var found: Int?
        while found == nil, ContinuousClock.now < deadline {
            let text = (try? String(contentsOfFile: portFile, encoding: .utf8)) ?? ""
            if text.hasSuffix("\n") { found = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) }
            if found == nil { usleep(10_000) }
        }
        guard let found else {
            kill(child, SIGKILL)
            _ = waitpid(child, nil, 0)
            let err = (try? String(contentsOfFile: root.file("server.err").path, encoding: .utf8)) ?? ""
            throw SubprocessError("the test HTTP server did not start: \(err)")
        }
        port = found
    }

    deinit { stop() }

    /// `http://127.0.0.1:PORT` + `path`.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Writes a file the server serves.
    func serve(_ name: String, _ bytes: Data) throws {
        try bytes.write(to: root.file(name), options: .atomic)
    }

    /// Every request so far, one line each: `GET PATH | If-None-Match | If-Modified-Since`.
    var requests: [String] {
        ((try? String(contentsOfFile: root.file("requests.log").path, encoding: .utf8)) ?? "")
            .split(separator: "\n").map(String.init)
    }

    /// Kills the server and waits for it: the port refuses connections afterwards.
    func stop() {
        guard pid > 0 else { return }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        pid = 0
    }
}
