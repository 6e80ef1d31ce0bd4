import ConveneModel
import Foundation
import Synchronization

/// Loads a directory on a thread of its own, so the browser can show progress and still quit.
final class BackgroundLoad: Sendable {
    let progress = LoadProgress()
    private let result = Mutex<Result<DirectoryIndex, LoadError>?>(nil)

    init(path: String?, options: PublishedReadOptions = PublishedReadOptions()) {
        let progress = self.progress
        Thread.detachNewThread { [self] in
            let outcome: Result<DirectoryIndex, LoadError>
            do throws(LoadError) {
                outcome = .success(try DataOptions.loadIndex(path: path, options: options, progress: progress))
            } catch {
                outcome = .failure(error)
            }
            result.withLock { $0 = outcome }
        }
    }

    /// The load's result, or nil while it runs.
    var outcome: Result<DirectoryIndex, LoadError>? { result.withLock { $0 } }

    /// Waits for the result, at most `seconds`.
    func wait(upTo seconds: Double) {
        let deadline = Date().addingTimeInterval(seconds)
        while outcome == nil, Date() < deadline { usleep(2_000) }
    }
}
