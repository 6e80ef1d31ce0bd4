import Foundation

/// Where the tests find the built `convene`, the repository and its fixtures.
///
/// The binary is a product of the same build as the test bundle (`ConveneCLITests`
/// depends on the `convene` target), so it sits in the products directory beside
/// the `.xctest` bundle. `CONVENE_BINARY` overrides that, e.g. to test a release build.
enum Paths {
    /// The repository root, found from this file's own path.
    static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // ConveneCLITests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static let fixtures = repository.appendingPathComponent("Tests/Fixtures")
    static let invalidFixtures = fixtures.appendingPathComponent("invalid")
    static let e2eFixtures = fixtures.appendingPathComponent("e2e")
    /// The sample as a file; the binary embeds the same document.
    static let sample = repository.appendingPathComponent("data/sample.json")

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

    static func invalidFixture(_ name: String) -> URL { invalidFixtures.appendingPathComponent(name) }
    static func e2eFixture(_ name: String) -> URL { e2eFixtures.appendingPathComponent(name) }
}
