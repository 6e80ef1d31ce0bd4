import ConveneApp
import ConveneModel
import ConveneRemote
import ConveneScreen
import Foundation
import Synchronization

/// Issue 14's target: a refresh never stalls the screen — keystrokes stay under one frame
/// (16 ms) while a 3 MB schedule is fetched and parsed.
///
/// `ConveneBench --refresh [--xml congress.xml] [--runs N]` serves the file with the tests'
/// loopback server (`Tests/Fixtures/http/serve.py`, python3), then, N times: starts a fetch
/// and parse on a thread of its own as the browser's `RemoteRefresher` does (`RemoteFetch`,
/// then `DirectoryLoader.loadIndex(bytes:)`), and meanwhile presses `j` and renders a
/// 120×40 frame in a loop on the main thread, timing each; then times the main thread's
/// share of the finish, `AppState.reload(with:)` and one frame.
enum RefreshBench {
    static func run(_ options: Options) -> Int32 {
        guard let bytes = PublishedBench.readFile(options.xml) else {
            FileHandle.standardError.write(Data("cannot read \(options.xml)\n".utf8))
            return 66
        }
        let root = NSTemporaryDirectory() + "convene-refresh-bench-\(getpid())"
        try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        FileManager.default.createFile(atPath: root + "/s.xml", contents: Data(bytes))
        guard let server = Server(root: root) else {
            FileHandle.standardError.write(Data("cannot start python3 serve.py\n".utf8))
            return 69
        }
        defer { server.stop() }
        guard let url = RemoteURL("http://127.0.0.1:\(server.port)/etag/s.xml"),
              let first = try? DirectoryLoader.loadIndex(bytes: bytes, name: "s.xml") else { return 65 }
        var state = AppState(index: first, width: 120, height: 40)
        _ = state.handle(.key(.character("2")))  // Agenda: the sessions of the schedule
        var keys: [Double] = []
        var finishes: [Double] = []
        var fetchParse: [Double] = []
        for _ in 0..<max(1, options.runs) {
            let result = Mutex<DirectoryIndex?>(nil)
            let started = now()
            Thread.detachNewThread {
                let fetched = try? RemoteFetch.fetch(url, cache: nil, timeout: 60, maxBytes: DirectoryLoader.defaultMaxBytes)
                let index = fetched.flatMap { try? DirectoryLoader.loadIndex(bytes: $0.bytes, name: url.shown) }
                result.withLock { $0 = index }
            }
            var done: DirectoryIndex?
            while done == nil {
                keys.append(time {
                    _ = state.handle(.key(.character("j")))
                    _ = ScreenRenderer.render(state)
                })
                done = result.withLock { $0 }
                usleep(1_000)
            }
            fetchParse.append(now() - started)
            guard let index = done else { continue }
            finishes.append(time {
                state.reload(with: index)
                _ = ScreenRenderer.render(state)
            })
        }
        let sessions = first.directory.events.reduce(0) { $0 + $1.sessions.count }
        print(String(format: "refresh of %@ (%d bytes, %d sessions), %d runs", (options.xml as NSString).lastPathComponent,
                     bytes.count, sessions, finishes.count))
        for (label, samples) in [("fetch + parse, on its own thread", fetchParse),
                                 ("keystroke + frame while it runs", keys),
                                 ("reload + frame when it lands (main thread)", finishes)] {
            let sorted = samples.sorted()
            print(String(format: "  %@: median %.2f ms, worst %.2f ms (%d samples)", label, median(samples),
                         sorted.last ?? .nan, samples.count))
        }
        return 0
    }

    /// `python3 Tests/Fixtures/http/serve.py ROOT`, found from this file's path.
    final class Server {
        let port: Int
        private let process: Process

        init?(root: String) {
            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/http/serve.py")
            process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script.path, root]
            let out = Pipe()
            process.standardOutput = out
            guard (try? process.run()) != nil else { return nil }
            var line = Data()
            while !line.contains(0x0A) {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                line.append(chunk)
            }
            guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
                process.terminate()
                return nil
            }
            self.port = port
        }

        func stop() { process.terminate(); process.waitUntilExit() }
    }
}
