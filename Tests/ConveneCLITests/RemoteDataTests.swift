import Foundation
import Testing

/// `--data URL` against a real HTTP server on loopback (``LoopbackHTTPServer``):
/// fetching, the cache, conditional requests, redirects, timeouts, failures and
/// the offline copy, through the built binary as a user runs it.
@Suite struct RemoteDataTests {
    /// A cache directory of the test's own, and the environment that points convene at it.
    final class Setup {
        let server: LoopbackHTTPServer
        let cacheHome: TemporaryDirectory
        var environment: [String: String] { ["XDG_CACHE_HOME": cacheHome.url.path] }
        var cacheDirectory: String { cacheHome.url.path + "/convene" }

        init() throws {
            server = try LoopbackHTTPServer()
            cacheHome = try TemporaryDirectory(prefix: "convene-cache")
            try server.serve("s.json", Data(contentsOf: Fixtures.url("valid/minimal.json")))
        }

        func run(_ arguments: [String], extra: [String: String] = [:],
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> RunResult {
            try Convene.run(arguments, environment: environment.merging(extra) { $1 }, timeout: .seconds(90),
                            sourceLocation: sourceLocation)
        }

        /// `summary --format json` of `url`.
        func summary(_ url: String, _ more: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws -> RunResult {
            try run(["summary", "--data", url, "--format", "json"] + more, sourceLocation: sourceLocation)
        }

        /// The files in the cache directory and their contents.
        func cacheFiles() -> [String: Data] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: cacheDirectory)) ?? []
            var files: [String: Data] = [:]
            for name in names { files[name] = FileManager.default.contents(atPath: cacheDirectory + "/" + name) }
            return files
        }
    }

    static func delegates(_ run: RunResult) -> Int? {
        let root = try? JSONSerialization.jsonObject(with: run.stdout) as? [String: Any]
        return (root?["totals"] as? [String: Any])?["delegates"] as? Int
    }

    @Test func aURLLoadsLikeAFileAndTheSecondRunAsksWithTheETagAndGetsA304() throws {
        let s = try Setup()
        let file = try Convene.run(["summary", "--data", Fixtures.path("valid/minimal.json"), "--format", "json"])
        let first = try s.summary(s.server.url("/etag/s.json"))
        #expect(first.status == 0, "\(first.err)")
        #expect(first.err.isEmpty)
        #expect(first.out == file.out)
        let second = try s.summary(s.server.url("/etag/s.json"))
        #expect(second.status == 0 && second.out == file.out && second.err.isEmpty, "\(second.err)")
        let requests = s.server.requests
        #expect(requests.count == 2)
        #expect(requests.first?.hasSuffix("| - | -") == true)
        #expect(requests.last?.contains("| \"") == true, "the second request carries If-None-Match: \(requests)")
    }

    @Test func lastModifiedGoesBackAsIfModifiedSince() throws {
        let s = try Setup()
        let first = try s.summary(s.server.url("/lm/s.json"))
        #expect(first.status == 0, "\(first.err)")
        let second = try s.summary(s.server.url("/lm/s.json"))
        #expect(second.status == 0 && second.out == first.out, "\(second.err)")
        let last = try #require(s.server.requests.last)
        #expect(last.hasSuffix(" GMT"), "If-Modified-Since sent: \(last)")
    }

    @Test func aChangedScheduleBehindTheURLIsFetchedAgain() throws {
        let s = try Setup()
        #expect(Self.delegates(try s.summary(s.server.url("/etag/s.json"))) == 3)
        var text = try String(contentsOf: Fixtures.url("valid/minimal.json"), encoding: .utf8)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        var delegates = try #require(root["delegates"] as? [[String: Any]])
        delegates.removeLast()
        var changed = root
        changed["delegates"] = delegates
        text = String(decoding: try JSONSerialization.data(withJSONObject: changed), as: UTF8.self)
        try s.server.serve("s.json", Data(text.utf8))
        let again = try s.summary(s.server.url("/etag/s.json"))
        #expect(again.status == 0, "\(again.err)")
        #expect(Self.delegates(again) == 2)
    }

    @Test func aPublishedScheduleXMLLoadsFromAURLAndThroughCONVENEDATA() throws {
        let s = try Setup()
        let name = "fosdem-style.xml"
        try s.server.serve(name, Data(contentsOf: Fixtures.url("published/" + name)))
        let file = try Convene.run(["agenda", "--data", Fixtures.path("published/" + name), "--format", "csv"])
        #expect(file.status == 0, "\(file.err)")
        let remote = try s.run(["agenda", "--format", "csv"], extra: ["CONVENE_DATA": s.server.url("/etag/" + name)])
        #expect(remote.status == 0, "\(remote.err)")
        #expect(remote.out == file.out)
    }

    @Test(arguments: [(404, "HTTP 404 Not Found"), (500, "HTTP 500 Internal Server Error")])
    func anHTTPErrorWithNoCacheExits66NamingTheStatusAndURL(code: Int, words: String) throws {
        let s = try Setup()
        let url = s.server.url("/status/\(code)")
        let run = try s.summary(url)
        #expect(run.status == 66)
        #expect(run.out.isEmpty)
        #expect(run.err == "convene: \(url): cannot read: \(words)\n")
    }

    @Test func fiveRedirectsAreFollowedAndASixthIsRefused() throws {
        let s = try Setup()
        let five = try s.summary(s.server.url("/redirect/5/s.json"))
        #expect(five.status == 0, "\(five.err)")
        #expect(Self.delegates(five) == 3)
        let six = try s.summary(s.server.url("/redirect/6/s.json"))
        #expect(six.status == 66)
        #expect(six.err.contains("cannot read: more than 5 redirects"), "\(six.err)")
    }

    @Test func aRedirectToAFileURLIsRefusedAndNothingIsFetchedFromIt() throws {
        let s = try Setup()
        let run = try s.summary(s.server.url("/redirect-file"))
        #expect(run.status == 66)
        #expect(run.err.contains("a redirect to file:///etc/passwd was refused: only http and https are followed"), "\(run.err)")
        #expect(s.server.requests.count == 1, "no second request: \(s.server.requests)")
    }

    @Test func aServerSlowerThanTheTimeoutFailsInTime() throws {
        let s = try Setup()
        let started = ContinuousClock.now
        let run = try s.summary(s.server.url("/slow/30/s.json"), ["--timeout", "1"])
        #expect(run.status == 66)
        #expect(run.err.contains("cannot read: timed out after 1 s"), "\(run.err)")
        #expect(ContinuousClock.now - started < .seconds(25), "gave up long before the server's 30 s")
        // --timeout, like --data, may come before the subcommand.
        let before = try s.run(["--timeout", "1", "--data", s.server.url("/slow/30/s.json"), "summary"])
        #expect(before.status == 66)
        #expect(before.err.contains("cannot read: timed out after 1 s"), "\(before.err)")
    }

    @Test func aBodyCutShortIsAnErrorAndNeverReplacesTheCachedCopy() throws {
        let s = try Setup()
        let good = try s.summary(s.server.url("/live/s.json"))
        #expect(good.status == 0, "\(good.err)")
        let cached = s.cacheFiles()
        #expect(cached.count == 2)
        try s.server.serve("behaviour", Data("short".utf8))
        let short = try s.summary(s.server.url("/live/s.json"))
        #expect(short.status == 0, "the cached copy serves: \(short.err)")
        #expect(short.out == good.out)
        #expect(short.err.contains("not updated: schedule as fetched less than a minute ago"), "\(short.err)")
        #expect(short.err.contains("the body was cut short: 819 of the 1639 bytes announced arrived"), "\(short.err)")
        #expect(s.cacheFiles() == cached)
        // With no cache the same answer is an error.
        let alone = try s.summary(s.server.url("/short/s.json"))
        #expect(alone.status == 66)
        #expect(alone.err.contains("the body was cut short"), "\(alone.err)")
    }

    @Test func aNewBodyThatDoesNotLoadKeepsTheGoodCopy() throws {
        let s = try Setup()
        let good = try s.summary(s.server.url("/etag/s.json"))
        #expect(good.status == 0, "\(good.err)")
        let cached = s.cacheFiles()
        try s.server.serve("s.json", Data("{\"format\": \"convene/1\", ".utf8))
        let broken = try s.summary(s.server.url("/etag/s.json"))
        #expect(broken.status == 0, "\(broken.err)")
        #expect(broken.out == good.out)
        #expect(broken.err.contains("the new copy does not load"), "\(broken.err)")
        #expect(s.cacheFiles() == cached)
    }

    @Test func withTheServerGoneTheCachedCopyServesWithItsAge() throws {
        let s = try Setup()
        let url = s.server.url("/etag/s.json")
        let online = try s.summary(url)
        #expect(online.status == 0, "\(online.err)")
        s.server.stop()
        let offline = try s.summary(url)
        #expect(offline.status == 0, "\(offline.err)")
        #expect(offline.out == online.out)
        #expect(offline.err == "convene: offline: schedule as fetched less than a minute ago (\(url): connection refused)\n")
        // A URL never fetched has no copy: exit 66, naming the failure.
        let never = try s.summary(s.server.url("/etag/other.json"))
        #expect(never.status == 66)
        #expect(never.err == "convene: \(s.server.url("/etag/other.json")): cannot read: connection refused\n")
    }

    @Test func anHTTPSURLToAPlainServerIsATLSFailure() throws {
        let s = try Setup()
        let url = "https://127.0.0.1:\(s.server.port)/etag/s.json"
        let run = try s.summary(url)
        #expect(run.status == 66)
        #expect(run.err.hasPrefix("convene: \(url): cannot read: the TLS (https) handshake failed"), "\(run.err)")
    }

    @Test func otherSchemesAreRefusedWithoutShowingCredentials() throws {
        let s = try Setup()
        let run = try s.summary("ftp://ann:pw123@127.0.0.1/s.json")
        #expect(run.status == 66)
        #expect(run.err.contains("unsupported scheme 'ftp'"), "\(run.err)")
        #expect(!run.err.contains("pw123") && !run.err.contains("ann:"))
    }

    @Test func credentialsAreSentButNeverPrintedNorStored() throws {
        let s = try Setup()
        let secretURL = "http://ann:pw123@127.0.0.1:\(s.server.port)/etag/s.json?token=tok456&day=1"
        let shown = "http://127.0.0.1:\(s.server.port)/etag/s.json?token=***&day=1"
        let ok = try s.summary(secretURL)
        #expect(ok.status == 0, "\(ok.err)")
        #expect(s.server.requests.first?.contains("token=tok456") == true, "the server got the token")
        let list = try s.run(["cache", "list", "--format", "csv"])
        #expect(list.status == 0)
        #expect(list.out.contains(shown), "\(list.out)")
        s.server.stop()
        let offline = try s.summary(secretURL)
        #expect(offline.status == 0)
        #expect(offline.err.contains(shown))
        let missing = try s.summary("http://ann:pw123@127.0.0.1:\(s.server.port)/status/404?api_key=tok456")
        #expect(missing.status == 66)
        for text in [ok.out, ok.err, list.out, list.err, offline.out, offline.err, missing.out, missing.err]
            + s.cacheFiles().map({ $0.key + String(decoding: $0.value, as: UTF8.self) }) {
            #expect(!text.contains("pw123") && !text.contains("tok456") && !text.contains("ann:"), "\(text.prefix(300))")
        }
    }

    @Test func cacheListShowsEachEntryAndClearEmptiesIt() throws {
        let s = try Setup()
        for path in ["/etag/s.json", "/lm/s.json"] {
            #expect(try s.summary(s.server.url(path)).status == 0)
        }
        let list = try s.run(["cache", "list", "--format", "json"])
        #expect(list.status == 0, "\(list.err)")
        let rows = try #require(try JSONSerialization.jsonObject(with: list.stdout) as? [[String: Any]])
        #expect(Set(rows.compactMap { $0["url"] as? String }) == [s.server.url("/etag/s.json"), s.server.url("/lm/s.json")])
        #expect(rows.allSatisfy { $0["bytes"] as? Int == 1639 && $0["age"] as? String == "less than a minute ago" })
        #expect(rows.contains { ($0["etag"] as? String)?.hasPrefix("\"") == true })
        #expect(rows.contains { $0["etag"] is NSNull })
        let table = try s.run(["cache"])
        #expect(table.status == 0 && table.out.contains("Fetched (UTC)") && table.out.contains(s.server.url("/lm/s.json")))
        let cleared = try s.run(["cache", "clear"])
        #expect(cleared.status == 0, "\(cleared.err)")
        #expect(cleared.out == "Removed 2 cached schedules from \(s.cacheDirectory)\n")
        #expect(s.cacheFiles().isEmpty)
        let empty = try s.run(["cache", "list", "--format", "json"])
        #expect(empty.out.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
    }

    @Test func validateChecksAURLAndNamesItWithoutCredentials() throws {
        let s = try Setup()
        try s.server.serve("bad.json", Data("{\"format\": \"convene/1\",".utf8))
        let run = try s.run(["validate", "http://ann:pw123@127.0.0.1:\(s.server.port)/etag/s.json", s.server.url("/etag/bad.json"),
                             Fixtures.path("valid/minimal.json")])
        #expect(run.status == 65)
        #expect(run.out == s.server.url("/etag/s.json") + ": valid (1 events, 3 delegates, 2 cities)\n"
                + Fixtures.path("valid/minimal.json") + ": valid (1 events, 3 delegates, 2 cities)\n")
        #expect(run.err.hasPrefix("convene: " + s.server.url("/etag/bad.json") + ": "), "\(run.err)")
        #expect(!run.err.contains("pw123") && !run.out.contains("pw123"))
        let gone = try s.run(["validate", s.server.url("/status/404")])
        #expect(gone.status == 66)
    }

    @Test func aCacheThatCannotBeWrittenIsAWarningNotAFailure() throws {
        let s = try Setup()
        let blocker = s.cacheHome.file("not-a-directory").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        let run = try s.run(["summary", "--data", s.server.url("/etag/s.json"), "--format", "json"],
                            extra: ["XDG_CACHE_HOME": blocker])
        #expect(run.status == 0, "\(run.err)")
        #expect(Self.delegates(run) == 3)
        #expect(run.err == "convene: the cache was not updated: \(blocker)/convene: could not create the directory: "
                + "not a directory; nothing was changed\n")
    }

    @Test func withNoPlaceForTheCacheAURLStillLoads() throws {
        let s = try Setup()
        let run = try Convene.run(["summary", "--data", s.server.url("/etag/s.json"), "--format", "json"],
                                  environment: ["HOME": "relative"], timeout: .seconds(90))
        #expect(run.status == 0, "\(run.err)")
        let cache = try Convene.run(["cache", "list"], environment: ["HOME": "relative"])
        #expect(cache.status == 78)
        #expect(cache.err == "convene: cannot find the cache: set HOME or XDG_CACHE_HOME\n")
    }
}
