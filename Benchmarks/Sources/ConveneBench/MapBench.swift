import ConveneApp
import ConveneModel
import ConveneSample
import ConveneScreen
import Foundation

/// Issue 16's target: a frame of the Map at 200×60 costs no more than a frame of the Delegates list.
///
/// `ConveneBench --map [--runs N]` measures frames as the browser makes them (the key through the
/// reducer, the pure render, the diff against the last frame) in the Map of the bundled sample
/// (83 cities placed, 96,000 land dots per frame), moving between cities and zooming in and out,
/// and in the Delegates list of the same sample and of 100 generated delegates, moving down.
enum MapBench {
    /// Frames in the Map: east, south, west, then in and out.
    static func mapFrames(_ index: DirectoryIndex, count: Int) -> [Double] {
        TimetableBench.frames(index, in: .map, count: count, keys: Array(repeating: .moveRight, count: 6)
                              + [.moveDown, .moveDown] + Array(repeating: .moveLeft, count: 6)
                              + [.zoomIn, .zoomIn, .zoomOut, .zoomOut, .zoomOut, .zoomIn])
    }

    @MainActor static func run(_ options: Options) -> Bool {
        guard let sample = try? DirectoryLoader.loadIndex(bytes: Array(SampleData.json.utf8), name: SampleData.displayName) else {
            FileHandle.standardError.write(Data("cannot load the bundled sample\n".utf8))
            return false
        }
        let runs = max(200, options.runs * 40)
        _ = mapFrames(sample, count: 20)   // warm-up: the land mask is decoded on first use
        let delegates = TimetableBench.delegateFrames(sample, count: runs)
        let map = mapFrames(sample, count: runs)
        if let plain = try? DirectoryLoader.loadIndex(bytes: Array(SyntheticDirectory(delegates: 100).json().utf8), name: "100") {
            record("frame at 200×60: key → grid → changed cells (Delegates, 100 generated)", target: "—",
                   TimetableBench.delegateFrames(plain, count: runs), limit: nil)
        }
        record("frame at 200×60: key → grid → changed cells (Delegates, the sample's 120)", target: "—", delegates, limit: nil)
        record("frame at 200×60: key → grid → changed cells (Map, the sample's 83 cities)",
               target: "≤ the Delegates frame above", map, limit: median(delegates))
        return true
    }
}
