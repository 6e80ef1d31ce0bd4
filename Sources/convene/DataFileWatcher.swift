import ConveneApp
import ConveneModel
import Foundation

/// Notices when the data file changes on disk and reloads it in the background.
///
/// With several `--data` sources each file has its own watcher, and a reload replaces
/// only that file's part of what is on screen (``SourceSet``).
///
/// Once a second it compares the file's inode, size and modification time with
/// what was loaded (an editor that saves by renaming changes the inode). A
/// changed file is loaded on a thread of its own; a clean load replaces the
/// directory on screen, keeping view, filters and selection where they still
/// exist, and a load that fails keeps the old data and says why.
///
/// Two outcomes are not the file's fault, and the watcher keeps trying:
/// - the file changed while it was being read (another program was still writing
///   it): it is read again at the next check;
/// - the file was deleted: the status line says so once, the last loaded copy stays
///   on screen, and the file is loaded again when it reappears.
struct DataFileWatcher {
    let path: String
    /// How long between two looks at the file.
    let interval: TimeInterval
    private var seen: FileIdentity?
    private var lastCheck = Date()
    private var loading: BackgroundLoad?
    /// True once a missing file has been reported, so that it is reported once.
    private var reportedMissing = false

    /// What `--time-zone` and the host-place options say, applied to every reload.
    let options: PublishedReadOptions
    /// With several `--data` sources: the set this file is source `slot` of (nil: the only source).
    let sources: SourceSet?
    let slot: Int

    init(path: String, interval: TimeInterval = 1, options: PublishedReadOptions = PublishedReadOptions(),
         sources: SourceSet? = nil, slot: Int = 0) {
        self.path = path
        self.interval = interval
        self.options = options
        self.sources = sources
        self.slot = slot
        seen = FileIdentity(path: path)
        // One of several sources that was missing at start: the notice said so; it loads when it appears.
        reportedMissing = seen == nil
    }

    /// Checks the file and any load in flight; true when the state changed.
    mutating func poll(_ state: inout AppState) -> Bool {
        if let load = loading, let outcome = load.outcome {
            loading = nil
            switch outcome {
            case .success(let loaded):
                if let index = sources.reload(&state, slot: slot, with: loaded.index) {
                    Thread.detachNewThread { index.prepareSearch() }
                    Thread.detachNewThread { index.prepareSorting(); index.prepareDetails() }
                }
            case .failure(let error):
                // Caught mid-write: forget what was seen, so the next check reads the file again.
                if case .changedWhileReading = error { seen = nil }
                state.reloadFailed(error)
            }
            return true
        }
        guard loading == nil, Date().timeIntervalSince(lastCheck) >= interval else { return false }
        lastCheck = Date()
        guard let now = FileIdentity(path: path) else {
            // Only a file that is gone is reported; a passing error (EACCES, EIO) is looked at again later.
            guard errno == ENOENT || errno == ENOTDIR else { return false }
            seen = nil
            guard !reportedMissing else { return false }
            reportedMissing = true
            state.dataFileDeleted(path)
            return true
        }
        reportedMissing = false
        guard now != seen else { return false }
        seen = now
        loading = BackgroundLoad(source: .file(path), options: options)
        return false
    }
}

/// What tells one version of a file from the next without reading it.
struct FileIdentity: Equatable {
    var inode: UInt64
    var size: Int64
    var modified: timespec

    /// The file's identity, or nil when it does not exist (or cannot be looked at).
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
