import ConveneFuzzCore
import Foundation
import Testing

/// Replays the seed corpus, every crash the fuzzer ever found and the hostile
/// fixtures through the fuzz harness, without libFuzzer.
///
/// The harness draws every loaded directory with `ScreenRenderer.render` and
/// `Grid.write` and stops the process when a cell holds a control, bidi or
/// zero-width character; the main package's model tests cannot depend on the
/// screen and app targets, so this is where the browser side of the hostile
/// corpus is checked. A file in `crashes/` stays there for good: it is the
/// regression test for the fix it led to.
///
/// Run: `swift test --package-path Fuzz --scratch-path Fuzz/.build-replay`.
@Suite struct ReplayTests {
    static let fuzzRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixtures = fuzzRoot.deletingLastPathComponent().appendingPathComponent("Tests/Fixtures")

    static func files(in folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        // Files only: `hostile/published` is a folder of its own, listed separately.
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".py") }.sorted().map { folder.appendingPathComponent($0).path }
            .filter { var isFolder: ObjCBool = false; return FileManager.default.fileExists(atPath: $0, isDirectory: &isFolder) && !isFolder.boolValue }
    }

    static let seeds = files(in: fuzzRoot.appendingPathComponent("corpus"))
    static let crashes = files(in: fuzzRoot.appendingPathComponent("crashes"))
    static let hostile = files(in: fixtures.appendingPathComponent("hostile"))
    static let hostilePublished = files(in: fixtures.appendingPathComponent("hostile/published"))

    @Test func seedCorpusHoldsTheSampleAndTheMinimalDirectory() {
        let names = Set(Self.seeds.map { URL(fileURLWithPath: $0).lastPathComponent })
        #expect(names.isSuperset(of: ["sample.json", "minimal.json"]))
    }

    @Test(arguments: seeds + crashes + hostile)
    func replays(path: String) throws {
        let data = try #require(FileManager.default.contents(atPath: path))
        FuzzHarness.run(Array(data))
    }

    /// The published readers' hostile corpus, through the readers' own path (selector 0x03).
    @Test(arguments: hostilePublished)
    func replaysPublished(path: String) throws {
        let data = try #require(FileManager.default.contents(atPath: path))
        FuzzHarness.run([PublishedFuzz.selector] + Array(data))
    }

    /// These load, so the harness draws every view of them and checks every cell.
    @Test(arguments: ["controls-everywhere.json", "combining-marks-10000.json", "nul-escaped.json", "bom-valid.json",
                      "published/xml-controls-allowed.xml", "published/ics-controls-everywhere.ics",
                      "published/v2-controls-everywhere.json", "published/v2-colliding-ids.json"])
    func hostileTextLoadsAndDrawsSafely(name: String) throws {
        let path = Self.fixtures.appendingPathComponent("hostile/" + name).path
        let data = try #require(FileManager.default.contents(atPath: path))
        #expect(FuzzHarness.run(Array(data)))
    }

    /// The import path's seeds (first byte 0x01) are planned, written and read back, not rejected early.
    @Test(arguments: seeds.filter { $0.hasSuffix(".csv.bin") })
    func importSeedsArePlannedAndLoadAgain(path: String) throws {
        let data = try #require(FileManager.default.contents(atPath: path))
        #expect(data.first == 0x01)
        #expect(FuzzHarness.run(Array(data)), "\(path) did not reach the import's write-and-reload check")
    }

    /// The renderer path draws directories with unlisted delegates (speakers among them) in every view.
    @Test(arguments: ["unlisted-speaker.json", "unlisted-everyone.json"])
    func unlistedSeedsLoadAndDraw(name: String) throws {
        let data = try #require(FileManager.default.contents(atPath: Self.fuzzRoot.appendingPathComponent("corpus/" + name).path))
        #expect(FuzzHarness.run(Array(data)))
    }

    @Test func theSampleLoadsAndDrawsSafely() throws {
        let data = try #require(FileManager.default.contents(atPath: Self.fuzzRoot.appendingPathComponent("corpus/sample.json").path))
        #expect(FuzzHarness.run(Array(data)))
    }
}
