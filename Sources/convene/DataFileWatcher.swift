import ConveneApp
import ConveneModel
import Foundation

/// Notices when the data file changes on disk and reloads it in the background.
///
/// Once a second it compares the file's inode, size and modification time with
/// what was loaded (an editor that saves by renaming changes the inode). A
/// changed file is loaded on a thread of its own; a clean load replaces the
/// directory on screen, keeping view, filters and selection where they still
/// exist, and a load that fails keeps the old data and says why.
struct DataFileWatcher {
    let path: String
    private var seen: FileIdentity?
    private var lastCheck = Date()
    private var loading: BackgroundLoad?

    init(path: String) {
        self.path = path
        seen = FileIdentity(path: path)
    }

    /// Checks the file and any load in flight; true when the state changed.
    mutating func poll(_ state: inout AppState) -> Bool {
        if let load = loading, let outcome = load.outcome {
            loading = nil
            switch outcome {
            case .success(let index):
                state.reload(with: index)
                Thread.detachNewThread { index.prepareSearch() }
                Thread.detachNewThread { index.prepareSorting(); index.prepareDetails() }
            case .failure(let error):
                let first = error.description.split(separator: "\n").prefix(2).joined(separator: " ")
                state.message = "Not reloaded, showing the previous data: " + first
            }
            return true
        }
        guard loading == nil, Date().timeIntervalSince(lastCheck) >= 1 else { return false }
        lastCheck = Date()
        let now = FileIdentity(path: path)
        guard now != seen, now != nil else { return false }
        seen = now
        loading = BackgroundLoad(path: path)
        return false
    }
}

/// What tells one version of a file from the next without reading it.
struct FileIdentity: Equatable {
    var inode: UInt64
    var size: Int64
    var modified: timespec

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = info.st_mtim
    }

    static func == (a: FileIdentity, b: FileIdentity) -> Bool {
        a.inode == b.inode && a.size == b.size
            && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
    }
}
