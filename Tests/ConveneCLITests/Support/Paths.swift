@_exported import ConveneTestSupport
import Foundation

/// Where the tests find the built `convene`, and (from ``Fixtures``, for every file of this
/// target) the repository and its fixtures.
///
/// The binary is a product of the same build as the test bundle (`ConveneCLITests`
/// depends on the `convene` target), so it sits in the products directory beside
/// the `.xctest` bundle. `CONVENE_BINARY` overrides that, e.g. to test a release build.
enum Paths {
    static var repository: URL { Fixtures.repository }
    static var fixtures: URL { Fixtures.root }
    static var invalidFixtures: URL { Fixtures.url("invalid") }
    static var e2eFixtures: URL { Fixtures.url("e2e") }
    /// The sample as a file; the binary embeds the same document.
    static var sample: URL { Fixtures.sampleFile }

    /// The `convene` executable under test, or nil when it cannot be found.
    static let convene: URL? = {
        if let override = ProcessInfo.processInfo.environment["CONVENE_BINARY"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        var candidates: [URL] = []
        // The test runner: ConvenePackageTests.xctest, an executable on Linux, in the products directory.
        if let runner = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: runner).deletingLastPathComponent())
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent())
        }
        candidates.append(Bundle.main.bundleURL)
        for directory in candidates {
            let binary = directory.appendingPathComponent("convene")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        return nil
    }()

    static func invalidFixture(_ name: String) -> URL { Fixtures.url("invalid/" + name) }
    static func e2eFixture(_ name: String) -> URL { Fixtures.url("e2e/" + name) }
}
