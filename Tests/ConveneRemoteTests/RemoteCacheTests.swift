import ConveneRemote
import Foundation
import Testing

/// The cache and the URL's shown form, without a network: names, metadata, damage, clearing.
@Suite struct RemoteCacheTests {
    static func scratch() throws -> String {
        let path = NSTemporaryDirectory() + "convene-remote-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test(arguments: [
        ("https://alice:hunter2@example.org/s.xml?token=abc123&day=1", "https://example.org/s.xml?token=***&day=1"),
        ("http://example.org/s.json?api_key=k1&API_SECRET=s2#frag", "http://example.org/s.json?api_key=***&API_SECRET=***"),
        ("HTTPS://example.org:8443/a/b.ics", "HTTPS://example.org:8443/a/b.ics"),
    ])
    func theShownURLHasNoUserInfoSecretOrFragment(given: String, shown: String) throws {
        let url = try #require(RemoteURL(given))
        #expect(url.shown == shown)
        #expect(!url.shown.contains("hunter2") && !url.shown.contains("abc123") && !url.shown.contains("k1"))
    }

    @Test(arguments: ["ftp://example.org/s.xml", "file:///etc/passwd", "https://", "schedule.json", "http:/x"])
    func onlyHTTPAndHTTPSURLsWithAHostAreRemote(text: String) {
        #expect(RemoteURL(text) == nil)
    }

    @Test func anEntryIsNamedByTheURLWithoutCredentialsAndReadBack() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cache = RemoteCache(directory: directory + "/nested/convene")
        let url = try #require(RemoteURL("https://bob:pa55word@example.org/s.json?token=T0KEN"))
        try cache.store(Array("{}".utf8), for: url, etag: "\"v1\"", lastModified: "Mon, 30 Nov 2026 10:00:00 GMT",
                        fetchedAt: 1_000)
        let copy = try #require(cache.copy(for: url))
        #expect(copy.bytes == Array("{}".utf8))
        #expect(copy.metadata.url == url.shown && copy.metadata.etag == "\"v1\"" && copy.metadata.size == 2
                && copy.metadata.lastModified == "Mon, 30 Nov 2026 10:00:00 GMT" && copy.metadata.fetchedAt == 1_000)
        let names = try FileManager.default.contentsOfDirectory(atPath: cache.directory).sorted()
        #expect(names == [RemoteCache.name(for: url) + ".body", RemoteCache.name(for: url) + ".meta"])
        for name in names {
            let text = String(decoding: try #require(FileManager.default.contents(atPath: cache.directory + "/" + name)),
                              as: UTF8.self)
            #expect(!text.contains("pa55word") && !text.contains("T0KEN") && !name.contains("T0KEN"))
        }
        #expect(cache.list().map(\.url) == [url.shown])
    }

    @Test func aBodyOfAnotherSizeThanItsMetadataSaysIsNoCopy() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cache = RemoteCache(directory: directory)
        let url = try #require(RemoteURL("http://example.org/s.json"))
        try cache.store(Array("{\"a\":1}".utf8), for: url, etag: nil, lastModified: nil, fetchedAt: 5)
        try Data("{}".utf8).write(to: URL(fileURLWithPath: directory + "/" + RemoteCache.name(for: url) + ".body"))
        #expect(cache.copy(for: url) == nil)
    }

    @Test func aBodyOfTheRightSizeButOtherBytesIsNoCopy() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cache = RemoteCache(directory: directory)
        let url = try #require(RemoteURL("http://example.org/s.json"))
        try cache.store(Array("{\"a\":1}".utf8), for: url, etag: "\"1\"", lastModified: nil, fetchedAt: 5)
        #expect(cache.copy(for: url) != nil)
        try Data("{\"a\":2}".utf8).write(to: URL(fileURLWithPath: directory + "/" + RemoteCache.name(for: url) + ".body"))
        #expect(cache.copy(for: url) == nil, "another write's body under this ETag would be served for a 304")
    }

    @Test func clearRemovesEntriesAndNothingElse() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cache = RemoteCache(directory: directory)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: directory + "/notes.txt"))
        for n in 1...3 {
            try cache.store([UInt8(n)], for: try #require(RemoteURL("http://example.org/\(n).json")), etag: nil,
                            lastModified: nil, fetchedAt: Int64(n))
        }
        #expect(cache.list().map(\.url) == ["http://example.org/3.json", "http://example.org/2.json", "http://example.org/1.json"])
        #expect(try cache.clear() == 3)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["notes.txt"])
        #expect(cache.list().isEmpty)
    }

    @Test(arguments: [
        (["XDG_CACHE_HOME": "/x/cache/", "HOME": "/home/a"], "/x/cache/convene"),
        (["XDG_CACHE_HOME": "relative", "HOME": "/home/a"], "/home/a/.cache/convene"),
        (["HOME": "/home/a"], "/home/a/.cache/convene"),
    ])
    func theCacheLivesUnderXDGCacheHomeElseHome(environment: [String: String], directory: String) {
        #expect(RemoteCache(environment: environment)?.directory == directory)
    }

    @Test func withNeitherVariableThereIsNoCache() {
        #expect(RemoteCache(environment: ["HOME": "relative"]) == nil)
    }

    @Test(arguments: [(Int64(5), "less than a minute ago"), (Int64(600), "10 min ago"), (Int64(3 * 3600 + 59), "3 h ago"),
                      (Int64(72 * 3600), "3 days ago")] as [(Int64, String)])
    func theAgeOfACopyIsSaidInRoundUnits(seconds: Int64, words: String) {
        #expect(RemoteFetch.age(seconds: seconds) == words)
    }
}
