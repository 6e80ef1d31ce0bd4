import Foundation
import Testing

/// libcurl (and the ~50 libraries behind it) is loaded only by a fetch of a URL: a command on a
/// local file, or `--version`, must not pay for it at start (issue 13; Benchmarks/RESULTS.md).
///
/// The dynamic loader says what it loads when `LD_DEBUG=libs` is set (on stderr), so the
/// built binary is asked directly rather than its link line.
@Suite struct LazyNetworkingTests {
    /// The shared objects the loader initialised during a run, by file name: its
    /// "calling init: /lib/x86_64-linux-gnu/libcurl.so.4" lines.
    private static func loaded(_ run: RunResult) -> [String] {
        run.err.split(separator: "\n").compactMap { line in
            guard let range = line.range(of: "calling init: ") else { return nil }
            return line[range.upperBound...].split(separator: "/").last.map(String.init)
        }
    }

    @Test(arguments: [["--version"], ["summary"], ["summary", "--data", "valid/minimal.json"]])
    func aRunThatFetchesNoURLDoesNotLoadLibcurl(arguments: [String]) throws {
        let resolved = arguments.map { $0.hasSuffix(".json") ? Fixtures.path($0) : $0 }
        let run = try Convene.run(resolved, environment: ["LD_DEBUG": "libs"])
        #expect(run.status == 0, "\(run.err.suffix(500))")
        let libraries = Self.loaded(run)
        #expect(libraries.contains { $0.hasPrefix("libswiftCore") }, "LD_DEBUG reported the loading: \(libraries)")
        #expect(!libraries.contains { $0.contains("libcurl") || $0.contains("FoundationNetworking") }, "\(libraries)")
    }

    /// The other side: a URL does load libcurl, so the check above can tell.
    @Test func aURLFetchLoadsLibcurl() throws {
        let server = try LoopbackHTTPServer()
        try server.serve("s.json", Data(contentsOf: Fixtures.url("valid/minimal.json")))
        let cache = try TemporaryDirectory(prefix: "convene-cache")
        let run = try Convene.run(["summary", "--data", server.url("/etag/s.json")],
                                  environment: ["LD_DEBUG": "libs", "XDG_CACHE_HOME": cache.url.path], timeout: .seconds(90))
        #expect(run.status == 0, "\(run.err.suffix(500))")
        #expect(Self.loaded(run).contains("libcurl.so.4"), "\(Self.loaded(run))")
    }
}
