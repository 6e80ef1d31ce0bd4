import Foundation
import Testing
@testable import ConveneModel

/// Reads every file in `$CONVENE_PUBLISHED_DIR` (real published schedules kept outside the
/// repository, since their words are not ours to commit) and prints what each gave.
/// Skipped when the variable is not set.
@Suite struct PublishedRealFilesTests {
    static let directory = ProcessInfo.processInfo.environment["CONVENE_PUBLISHED_DIR"]

    @Test(.enabled(if: directory != nil))
    func everyRealFileOpens() throws {
        let dir = try #require(Self.directory)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted().filter { !$0.hasPrefix(".") }
        for name in names {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dir).appendingPathComponent(name)))
            do {
                let s = try PublishedFormats.read(bytes: bytes, name: name)
                let speakers = Set(s.sessions.flatMap(\.persons)).count
                let unnamed = s.persons.filter { $0.name.isEmpty }.count
                let first = s.sessions.first.map { "\($0.title.prefix(30)) @ \($0.start) [\($0.room ?? "-")]" } ?? "-"
                print("REAL \(name): \(s.format), \(s.sessions.count) sessions, \(s.persons.count) persons "
                      + "(\(speakers) speaking, \(unnamed) unnamed), \(s.notes.count) notes; first: \(first)")
                #expect(!s.sessions.isEmpty, "\(name)")
                #expect(unnamed == 0, "\(name)")
                for note in s.notes { print("  note: \(note)") }
                // And through the loader, as `--data` opens it: every session and every person kept.
                let d = try DirectoryLoader.load(bytes: bytes, name: name)
                print("  loaded: \(d.events.first?.sessions.count ?? 0) sessions, \(d.delegates.count) delegates, "
                      + "zone \(d.events.first?.timeZone ?? "-")")
                #expect(d.events.first?.sessions.count == s.sessions.count, "\(name)")
                #expect(d.delegates.count == s.persons.count, "\(name)")
            } catch {
                Issue.record("\(error)")
            }
        }
    }
}
