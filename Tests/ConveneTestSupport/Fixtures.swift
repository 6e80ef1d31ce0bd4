import Foundation

/// Where every test finds the repository's files: the fixtures in `Tests/Fixtures` and
/// the sample's source, `data/sample.json`.
///
/// Worked out once, from this file's own path (`Tests/ConveneTestSupport/` → the
/// repository root), so that a test run from any directory, by `swift test` or by an
/// editor, finds the same files. Fixtures are read from the source tree, never copied
/// as resources, so editing one needs no rebuild.
public enum Fixtures {
    /// The repository root.
    public static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ConveneTestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `Tests/Fixtures`.
    public static let root: URL = repository.appendingPathComponent("Tests/Fixtures")

    /// `data/sample.json`, the file the bundled sample is generated from (see ``BundledSample``).
    public static let sampleFile: URL = repository.appendingPathComponent("data/sample.json")

    /// A fixture by its path under `Tests/Fixtures`, e.g. `valid/minimal.json`.
    public static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// The same as ``url(_:)``, as a file system path.
    public static func path(_ relative: String) -> String { url(relative).path }
}
