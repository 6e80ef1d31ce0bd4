import ConveneApp
import ConveneModel
import ConveneScreen
import Foundation

/// Issue 15's target: a frame of the Timetable at 200×60 on an 895-session congress costs no more
/// than a frame of the Delegates list.
///
/// `ConveneBench --timetable [--congress congress.xml] [--runs N]` measures frames as the browser
/// makes them (the key through the reducer, the pure render, the diff against the last frame) in
/// the Timetable, moving between blocks and rooms, and in the Delegates list of the same congress,
/// moving down; the main suite adds the Delegates frame at a million delegates beside them. The
/// congress comes from `scripts/congress-fixture --rooms 58 --days 4 --sessions 895 -o FILE`
/// (invented; scripts/bench makes it).
enum TimetableBench {
    /// Frames in the Timetable: right, then down, then left, across the rooms and back.
    static func timetableFrames(_ index: DirectoryIndex, count: Int) -> [Double] {
        frames(index, in: .timetable, count: count, keys: Array(repeating: .moveRight, count: 12) + [.moveDown, .moveDown]
               + Array(repeating: .moveLeft, count: 12) + [.moveDown])
    }

    /// Frames in the Delegates list, one row down each (30 down, then 30 up).
    static func delegateFrames(_ index: DirectoryIndex, count: Int) -> [Double] {
        frames(index, in: .delegates, count: count,
               keys: Array(repeating: .moveDown, count: 30) + Array(repeating: .moveUp, count: 30))
    }

    /// `count` frames of `view` at 200×60 as the browser makes them: the next of `keys` (cycled)
    /// through the reducer, the pure render, the diff against the previous frame.
    static func frames(_ index: DirectoryIndex, in view: ViewID, count: Int, keys: [Action]) -> [Double] {
        var state = AppState(index: index, width: 200, height: 60)
        state.apply(.showView(view))
        var previous: Grid? = ScreenRenderer.render(state)
        return (0..<count).map { i in
            time {
                state.apply(keys[i % keys.count])
                let grid = ScreenRenderer.render(state)
                _ = grid.changedRuns(since: previous)
                previous = grid
            }
        }
    }

    /// Measures both on the congress and records them; false when the congress cannot be loaded.
    @MainActor static func run(_ options: Options) -> Bool {
        guard let index = try? DirectoryLoader.loadIndex(path: options.congress) else {
            FileHandle.standardError.write(Data("cannot load \(options.congress): make it with scripts/congress-fixture\n".utf8))
            return false
        }
        let sessions = index.directory.events.reduce(0) { $0 + $1.sessions.count }
        let rooms = Set(index.directory.events.flatMap { $0.sessions.compactMap(\.room) }).count
        FileHandle.standardError.write(Data("timetable: \(sessions) sessions in \(rooms) rooms\n".utf8))
        let runs = max(200, options.runs * 40)
        _ = timetableFrames(index, count: 20)   // warm-up
        let delegates = delegateFrames(index, count: runs)
        let timetable = timetableFrames(index, count: runs)
        // The same frame in a plain Delegates list (the suite's "scroll step, 100 delegates"), under the same load.
        if let plain = try? DirectoryLoader.loadIndex(bytes: Array(SyntheticDirectory(delegates: 100).json().utf8), name: "100") {
            record("frame at 200×60: key → grid → changed cells (Delegates, 100 generated)", target: "—",
                   delegateFrames(plain, count: runs), limit: nil)
        }
        record("frame at 200×60: key → grid → changed cells (Delegates, congress of \(sessions))", target: "—",
               delegates, limit: nil)
        record("frame at 200×60: key → grid → changed cells (Timetable, \(sessions) sessions, \(rooms) rooms)",
               target: "≤ the Delegates frame above", timetable, limit: median(delegates))
        return true
    }
}
