import Foundation
import Testing

/// `--data` given more than once: files and URLs shown together, colliding ids kept apart,
/// each event's source named, and a source that fails named in the message.
@Suite struct SeveralSourcesTests {
    static let minimal = Fixtures.path("valid/minimal.json")
    static let published = Fixtures.path("published/fosdem-style.xml")

    static func json(_ run: RunResult) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [[String: Any]], "\(run.err)")
    }

    @Test func aFileAndAPublishedScheduleAreListedTogetherEachWithItsSource() throws {
        let run = try Convene.run(["events", "--data", Self.minimal, "--data", Self.published, "--format", "json"])
        #expect(run.status == 0, "\(run.err)")
        let events = try Self.json(run)
        #expect(events.map { $0["id"] as? String } == ["conf", "invented-open-source-meeting-2031"])
        #expect(events.map { $0["source"] as? String } == ["minimal", "fosdem-style"])
        let agenda = try Convene.run(["agenda", "--data", Self.minimal, "--data", Self.published, "--format", "json"])
        let alone = try Convene.run(["agenda", "--data", Self.published, "--format", "json"])
        #expect(try Self.json(agenda).count == 1 + Self.json(alone).count)
    }

    @Test func oneSourceAloneHasNoSourceColumn() throws {
        let run = try Convene.run(["events", "--data", Self.minimal, "--format", "csv"])
        #expect(run.status == 0)
        #expect(run.out.components(separatedBy: "\r\n").first?.hasSuffix(",reported") == true)
    }

    @Test func theSameFileTwiceKeepsEveryCollidingIdApartInCSVAndTable() throws {
        let dir = try TemporaryDirectory()
        let copy = dir.file("side.json")
        try FileManager.default.copyItem(atPath: Self.minimal, toPath: copy.path)
        let csv = try Convene.run(["events", "--data", Self.minimal, "--data", copy.path, "--format", "csv"])
        #expect(csv.status == 0, "\(csv.err)")
        let lines = csv.out.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first?.hasSuffix(",source") == true)
        #expect(lines.dropFirst().map { $0.split(separator: ",").first.map(String.init) } == ["conf", "side.conf"])
        #expect(lines.dropFirst().map { $0.split(separator: ",").last.map(String.init) } == ["minimal", "side"])
        let delegates = try Convene.run(["delegates", "--data", Self.minimal, "--data", copy.path, "--format", "json"])
        let ids = try Self.json(delegates).compactMap { $0["id"] as? String }.sorted()
        #expect(ids == ["d1", "d2", "d3", "side.d1", "side.d2", "side.d3"])
        // The renamed event is one of the later source only.
        let focused = try Convene.run(["delegates", "--data", Self.minimal, "--data", copy.path, "--event", "side.conf",
                                       "--format", "json"])
        #expect(try Self.json(focused).compactMap { $0["id"] as? String }.sorted() == ["side.d1", "side.d2", "side.d3"])
    }

    @Test func theSameSourceNamedTwiceIsAUsageError() throws {
        let run = try Convene.run(["events", "--data", Self.minimal, "--data", Self.minimal])
        #expect(run.status == 64)
        #expect(run.err.contains("names the same source twice"))
    }

    @Test func aSourceThatCannotBeReadFailsTheCommandAndIsNamed() throws {
        let dir = try TemporaryDirectory()
        let missing = dir.file("gone.json").path
        let run = try Convene.run(["events", "--data", Self.minimal, "--data", missing])
        #expect(run.status == 66)
        #expect(run.err.contains(missing), "\(run.err)")
        let bad = dir.file("bad.json")
        try Data("{\"format\": \"convene/1\",\n  \"title\": }".utf8).write(to: bad)
        let invalid = try Convene.run(["events", "--data", bad.path, "--data", Self.minimal])
        #expect(invalid.status == 65)
        #expect(invalid.err.contains(bad.path + ": not valid JSON at 2:12"), "\(invalid.err)")
    }

    @Test func aFileAndAURLFromTheLoopbackServerAreShownTogether() throws {
        let server = try LoopbackHTTPServer()
        try server.serve("fosdem.xml", Data(contentsOf: URL(fileURLWithPath: Self.published)))
        let cache = try TemporaryDirectory(prefix: "convene-cache")
        let env = ["XDG_CACHE_HOME": cache.url.path]
        let url = server.url("/etag/fosdem.xml")
        let run = try Convene.run(["events", "--data", Self.minimal, "--data", url, "--format", "json"], environment: env, timeout: .seconds(90))
        #expect(run.status == 0, "\(run.err)")
        #expect(try Self.json(run).map { $0["source"] as? String } == ["minimal", "127-0-0-1-\(server.port)"])
        // The URL keeps its cache entry: with the server gone the copy is used, and stderr says so.
        server.stop()
        let offline = try Convene.run(["events", "--data", Self.minimal, "--data", url, "--format", "json"], environment: env, timeout: .seconds(90))
        #expect(offline.status == 0, "\(offline.err)")
        #expect(try Self.json(offline).count == 2)
        #expect(offline.err.contains("offline: schedule as fetched"))
        // A URL with no copy names what failed, with the URL, and exits 66.
        let other = try Convene.run(["events", "--data", Self.minimal, "--data", server.url("/etag/none.xml")], environment: env, timeout: .seconds(90))
        #expect(other.status == 66)
        #expect(other.err.contains("/etag/none.xml"), "\(other.err)")
    }
}
