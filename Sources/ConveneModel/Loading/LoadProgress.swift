import Synchronization

/// How far a load has got, readable from another thread while the load runs.
///
/// The loader stores the byte offset it has reached every few thousand
/// records; a progress bar (the browser's, or the one on stderr for commands)
/// reads it. Only loads over about a quarter of a second show one, so the
/// small sample never flashes a bar.
public final class LoadProgress: Sendable {
    private let done = Atomic<Int>(0)
    private let total = Atomic<Int>(0)
    private let stage = Mutex<String>("reading")

    public init() {}

    /// Fraction done, 0…1.
    public var fraction: Double {
        let t = total.load(ordering: .relaxed)
        guard t > 0 else { return 0 }
        return min(1, Double(done.load(ordering: .relaxed)) / Double(t))
    }

    /// What the loader is doing now: "reading", "checking", "indexing".
    public var currentStage: String { stage.withLock { $0 } }

    public func begin(total bytes: Int, stage name: String) {
        total.store(max(0, bytes), ordering: .relaxed)
        done.store(0, ordering: .relaxed)
        stage.withLock { $0 = name }
    }

    public func advance(to bytes: Int) { done.store(bytes, ordering: .relaxed) }

    public func enter(_ name: String) { stage.withLock { $0 = name } }
}
