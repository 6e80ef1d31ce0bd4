import ConveneModel
import Foundation
import Testing

/// The browser on a URL: background refresh, `r`, and opening offline from the cache.
extension EndToEndTests {
    @Test func aURLRefreshesInTheBackgroundAndOpensFromTheCacheWhenTheServerIsGone() async throws {
        let server = try LoopbackHTTPServer()
        let cacheHome = try TemporaryDirectory(prefix: "convene-cache")
        try server.serve("s.json", Data(contentsOf: Paths.sample))
        let url = server.url("/etag/s.json")
        var command = PaneCommand(["--data", url, "--refresh", "1s"])
        command.environment = ["XDG_CACHE_HOME": cacheHome.url.path]
        let session = try TmuxSession(width: 120, height: 40, command)
        defer { session.end() }
        try await session.waitFor(Self.sampleStatus["1"]!)

        // The schedule changes behind the server: the next background refresh shows it.
        var directory = try DirectoryLoader.load(path: Paths.sample.path)
        directory.title = "Moved Rooms Edition"
        try server.serve("s.json", Data(DirectoryEncoder.encode(directory).utf8))
        try await session.waitFor("Convene · Moved Rooms Edition")
        try await session.waitFor("Refreshed from http://127.0.0.1")

        // The server goes away: r keeps the screen and says how old the copy is.
        server.stop()
        try session.send("r")
        try await session.waitFor("offline: schedule as fetched")
        #expect(try session.capture().contains("Convene · Moved Rooms Edition"))
        try session.send("q")
        #expect(try await session.waitForExit().status == 0)
        session.end()

        // A new start with the server still gone opens the cached copy, with the notice.
        let again = try TmuxSession(width: 120, height: 40, command)
        defer { again.end() }
        try await again.waitFor("offline: schedule as fetched")
        #expect(try again.capture().contains("Convene · Moved Rooms Edition"))
        try again.send("q")
        #expect(try await again.waitForExit().status == 0)
    }
}
