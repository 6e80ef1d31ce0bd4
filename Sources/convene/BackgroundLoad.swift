import ConveneModel
import Foundation
import Synchronization

/// Loads a directory on a thread of its own, so the browser can show progress and still quit.
///
/// The same thread does a URL's fetch, so a slow server never stalls the screen.
final class BackgroundLoad: Sendable {
    let progress = LoadProgress()
    private let result = Mutex<Result<LoadedSource, LoadError>?>(nil)

    init(source: DataSource, options: PublishedReadOptions = PublishedReadOptions(), remote: RemoteSettings = RemoteSettings()) {
        let progress = self.progress
        Thread.detachNewThread { [self] in
            let outcome: Result<LoadedSource, LoadError>
            do throws(LoadError) {
                outcome = .success(try DataOptions.loadSource(source, options: options, remote: remote, progress: progress))
            } catch {
                outcome = .failure(error)
            }
            result.withLock { $0 = outcome }
        }
    }

    /// The load's result, or nil while it runs.
    var outcome: Result<LoadedSource, LoadError>? { result.withLock { $0 } }

    /// Waits for the result, at most `seconds`.
    func wait(upTo seconds: Double) {
        let deadline = Date().addingTimeInterval(seconds)
        while outcome == nil, Date() < deadline { usleep(2_000) }
    }
}
