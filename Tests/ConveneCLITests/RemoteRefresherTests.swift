import ConveneApp
import ConveneModel
import ConveneRemote
import Foundation
import Testing
@testable import convene

/// The browser's refresh of a URL source, driven as the browse loop drives it (`poll` every
/// few milliseconds), against the loopback server.
@Suite struct RemoteRefresherTests {
    final class Setup {
        let server: LoopbackHTTPServer
        let cacheHome: TemporaryDirectory
        let url: RemoteURL
        let remote: RemoteSettings

        init(path: String = "/etag/s.json") throws {
            server = try LoopbackHTTPServer()
            cacheHome = try TemporaryDirectory(prefix: "convene-cache")
            try server.serve("s.json", Data(contentsOf: Paths.sample))
            url = try #require(RemoteURL(server.url(path)))
            remote = RemoteSettings(timeout: 30, cache: RemoteCache(directory: cacheHome.url.path + "/convene"))
        }

        /// The first load, as the browser does it.
        func state() throws -> AppState {
            let loaded = try DataOptions.loadSource(.remote(url), options: PublishedReadOptions(), remote: remote, progress: nil)
            return AppState(index: loaded.index, width: 80, height: 24)
        }

        func retitle(_ title: String, _ state: AppState) throws {
            var directory = state.index.directory
            directory.title = title
            try server.serve("s.json", Data(DirectoryEncoder.encode(directory).utf8))
        }
    }

    static func poll(_ refresher: inout RemoteRefresher, _ state: inout AppState, seconds: Double = 60,
                     until done: (AppState) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            _ = refresher.poll(&state)
            if done(state) { return true }
            usleep(5_000)
        }
        return false
    }

    @Test func aChangedScheduleArrivesByItselfAtTheNextInterval() throws {
        let s = try Setup()
        var state = try s.state()
        var refresher = RemoteRefresher(url: s.url, interval: 0.2, options: PublishedReadOptions(), remote: s.remote)
        try s.retitle("Moved rooms", state)
        #expect(Self.poll(&refresher, &state) { $0.index.directory.title == "Moved rooms" },
                "never refreshed: \(state.message ?? "nil")")
        #expect(state.message == "Refreshed from \(s.url.shown)")
        #expect(state.index.directory.delegates.count == 120)
    }

    @Test func rOnAnUnchangedScheduleSaysSoAndSendsTheETag() throws {
        let s = try Setup()
        var state = try s.state()
        var refresher = RemoteRefresher(url: s.url, interval: nil, options: PublishedReadOptions(), remote: s.remote)
        let started = refresher.refreshNow(&state)
        #expect(started)
        #expect(state.message == "Refreshing from \(s.url.shown)…")
        #expect(Self.poll(&refresher, &state) { $0.message == "Up to date: \(s.url.shown) has not changed" },
                "\(state.message ?? "nil")")
        #expect(s.server.requests.count == 2)
        #expect(s.server.requests.last?.contains("| \"") == true, "conditional: \(s.server.requests)")
    }

    @Test func withNoIntervalNothingIsFetchedUntilR() throws {
        let s = try Setup()
        var state = try s.state()
        var refresher = RemoteRefresher(url: s.url, interval: nil, options: PublishedReadOptions(), remote: s.remote)
        try s.retitle("Not yet", state)
        _ = Self.poll(&refresher, &state, seconds: 1) { _ in false }
        #expect(s.server.requests.count == 1)
        #expect(state.index.directory.title != "Not yet")
    }

    @Test func withTheServerGoneTheScreenKeepsItsDataAndSaysHowOld() throws {
        let s = try Setup()
        var state = try s.state()
        let title = state.index.directory.title
        var refresher = RemoteRefresher(url: s.url, interval: nil, options: PublishedReadOptions(), remote: s.remote)
        s.server.stop()
        _ = refresher.refreshNow(&state)
        let notice = "offline: schedule as fetched less than a minute ago (\(s.url.shown): connection refused)"
        #expect(Self.poll(&refresher, &state) { $0.message == notice }, "\(state.message ?? "nil")")
        #expect(state.index.directory.title == title)
    }

    @Test func aBackgroundRefreshAfterBeingOfflineSaysTheServerIsBack() throws {
        let s = try Setup()
        var state = try s.state()
        var refresher = RemoteRefresher(url: s.url, interval: 0.2, options: PublishedReadOptions(), remote: s.remote)
        refresher.offline = true
        state.message = "offline: schedule as fetched 3 h ago"
        #expect(Self.poll(&refresher, &state) { $0.message == "Up to date: \(s.url.shown) has not changed" },
                "\(state.message ?? "nil")")
    }

    @Test func aSlowServerNeverHoldsUpTheLoop() throws {
        let s = try Setup(path: "/slow/20/s.json")
        // The first load is from a quick URL's copy; the refresh goes to the slow one.
        let loaded = try DataOptions.loadSource(.file(Paths.sample.path), options: PublishedReadOptions(), remote: s.remote,
                                                progress: nil)
        var state = AppState(index: loaded.index, width: 80, height: 24)
        var refresher = RemoteRefresher(url: s.url, interval: nil, options: PublishedReadOptions(), remote: s.remote)
        _ = refresher.refreshNow(&state)
        // Each poll returns at once while the server is still sleeping: the fetch is on its own thread.
        for _ in 0..<20 {
            let changed = refresher.poll(&state)
            #expect(!changed)
            usleep(5_000)
        }
        #expect(state.message == "Refreshing from \(s.url.shown)…")
        #expect(s.server.requests.count <= 1)
    }

    @Test(arguments: [("0", TimeInterval?.none), ("30s", 30), ("5m", 300), ("1.5h", 5400)] as [(String, TimeInterval?)])
    func refreshIntervalsAreZeroOrANumberWithAUnit(text: String, seconds: TimeInterval?) {
        #expect(RemoteRefresher.interval(text) == .some(seconds))
    }

    @Test(arguments: ["5", "-1m", "m", "5 min", "1d", ""])
    func otherRefreshIntervalsAreRefused(text: String) {
        #expect(RemoteRefresher.interval(text) == nil)
    }

    @Test func aBadRefreshIsAUsageErrorBeforeAnyTerminalIsNeeded() throws {
        let run = try Convene.run(["browse", "--refresh", "5"])
        #expect(run.status == 64)
        #expect(run.err.contains("--refresh takes 0 (never) or a number with a unit"), "\(run.err)")
    }
}
