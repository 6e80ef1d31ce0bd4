import ConveneApp
import ConveneModel
import Foundation
import Testing
@testable import convene

/// The browser's live reload, driven as the browse loop drives it: `poll` until something happens.
@Suite struct DataFileWatcherTests {
    /// Polls until `done` holds, as the browse loop does every 100 ms, for at most `seconds`.
    static func poll(_ watcher: inout DataFileWatcher, _ state: inout AppState, seconds: Double = 20,
                     until done: (AppState) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            _ = watcher.poll(&state)
            if done(state) { return true }
            usleep(5_000)
        }
        return false
    }

    @Test func aDeletedFileIsReportedOnceAndLoadedAgainWhenItReappears() throws {
        let scratch = try TemporaryDirectory()
        let path = scratch.file("live.json").path
        try FileManager.default.copyItem(atPath: Paths.sample.path, toPath: path)
        var state = AppState(index: try DirectoryLoader.loadIndex(path: path), width: 80, height: 24)
        var watcher = DataFileWatcher(path: path)

        #expect(unlink(path) == 0)
        let deleted = "\(path) was deleted; showing the last loaded copy"
        #expect(Self.poll(&watcher, &state) { $0.message == deleted }, "the deletion was never reported: \(state.message ?? "nil")")
        #expect(state.index.directory.delegates.count == 120, "the last loaded copy stays")

        // Reported once: a key clears the message, and later checks do not bring it back.
        state.message = nil
        _ = Self.poll(&watcher, &state, seconds: 2.5) { $0.message != nil }  // two checks, one a second
        #expect(state.message == nil)

        // The file comes back under a new title: it is loaded.
        var directory = state.index.directory
        directory.title = "Back again"
        try Data(DirectoryEncoder.encode(directory).utf8).write(to: URL(fileURLWithPath: path))
        #expect(Self.poll(&watcher, &state) { $0.message == "Reloaded: the data file changed on disk" },
                "the file was not loaded again: \(state.message ?? "nil")")
        #expect(state.index.directory.title == "Back again")
    }

    @Test func aFileThatFailsToLoadKeepsTheOldDataAndSaysWhy() throws {
        let scratch = try TemporaryDirectory()
        let path = scratch.file("live.json").path
        try FileManager.default.copyItem(atPath: Paths.sample.path, toPath: path)
        var state = AppState(index: try DirectoryLoader.loadIndex(path: path), width: 80, height: 24)
        var watcher = DataFileWatcher(path: path)
        try Data("{\"format\": \"convene/1\",".utf8).write(to: URL(fileURLWithPath: path))
        #expect(Self.poll(&watcher, &state) { $0.message?.hasPrefix("Not reloaded, showing the previous data: ") == true })
        #expect(state.index.directory.delegates.count == 120)
    }
}
