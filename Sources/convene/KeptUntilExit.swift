import Synchronization

/// The loaded directory of a one-shot command, kept alive until the process ends.
///
/// `convene summary` and the other commands that load a directory, print and
/// exit used to free the whole model on the way out: when `run()` returned, the
/// last reference to a million `Delegate`s and their strings went away and each
/// was destroyed, about 5% of the run (~90 ms at 1M delegates) spent on memory
/// the kernel takes back at `exit` anyway. Every loader a one-shot command uses
/// hands its result to ``keep(_:as:)``, so the reference held here outlives
/// `run()`, and ``Convene/main()`` ends the process with `exit` right after:
/// no deinitialiser of the model runs.
///
/// Nothing is skipped that matters: ``Output`` writes with `write(2)` and keeps
/// no buffer, durable writes fsync before they return, and `exit` still runs
/// the C library's flushing. The browser does not load through here (it
/// reloads, and must free the model it replaces).
enum KeptUntilExit {
    private static let held = Mutex<[String: any Sendable]>([:])

    /// Holds `value` until the process ends, in place of what was held under `key`
    /// (so `validate a.json b.json …` holds one file's model at a time, as before).
    @discardableResult
    static func keep<Value: Sendable>(_ value: Value, as key: String = "directory") -> Value {
        held.withLock { $0[key] = value }
        return value
    }
}
