import ConveneApp
import ConveneModel
import ConveneScreen
import Foundation
import Testing

/// Whole-screen snapshot files beside the tests, re-recorded with `CONVENE_RECORD_SNAPSHOTS=1`.
///
/// A snapshot is the grid's text, one line per row, framed by `|` so trailing
/// spaces are visible in a diff. Recording writes the file and fails the test,
/// so a recorded run is never mistaken for a passing one.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static func text(_ grid: Grid) -> String {
        grid.lines.map { "|" + $0 + "|" }.joined(separator: "\n") + "\n"
    }

    static func assert(_ grid: Grid, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name + ".txt")
        let actual = text(grid)
        if ProcessInfo.processInfo.environment["CONVENE_RECORD_SNAPSHOTS"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded snapshot \(name); run again without CONVENE_RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing snapshot \(name).txt: run with CONVENE_RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record("snapshot \(name) differs:\n--- expected\n\(expected)--- actual\n\(actual)", sourceLocation: sourceLocation)
        }
    }
}

/// The bundled sample, loaded once for all app tests.
enum Sample {
    static var index: DirectoryIndex { BundledSample.index }

    static func state(width: Int = 80, height: Int = 24) -> AppState {
        AppState(index: index, width: width, height: height)
    }
}

extension AppState {
    /// Sends keys as a user would type them: a string of characters, each one key.
    /// Returns the effects they asked for, in order.
    @discardableResult
    mutating func type(_ text: String) -> [Effect] {
        text.flatMap { handle(.key(.character($0))) }
    }

    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        keys.flatMap { handle(.key($0)) }
    }
}
