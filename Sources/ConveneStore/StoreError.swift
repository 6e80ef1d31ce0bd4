#if canImport(Glibc)
import Glibc
#endif

/// Why the state file could not be read or written, in words a status line can show.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The step that failed.
    public enum Operation: String, Sendable {
        case open, read, write, fsync, chmod, lock, rename, readLink = "read link", makeDirectory = "create directory"
        /// The file holds a newer format this version will not overwrite.
        case newerFormat = "understand"
    }

    public var operation: Operation
    public var path: String
    /// The `errno`, or 0 for failures that are not system calls.
    public var code: Int32

    public init(_ operation: Operation, path: String, errno code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    /// "cannot write ~/.local/state/convene/x.json: No space left on device".
    public var description: String {
        if operation == .newerFormat {
            return "cannot save stars: \(path) was written by a newer Convene; it is left as it is"
        }
        let reason = code == 0 ? "failed" : String(cString: strerror(code))
        return "cannot \(operation.rawValue) \(path): \(reason)"
    }
}
