import Glibc

/// Why a file could not be read or written, in words a status line or a terminal can show.
///
/// The one error type of ``DurableFile`` and ``StarStore``: it names the file the
/// user knows (never a temporary file), the step in words, the system's reason in
/// lower case, and whether the file was changed:
/// `d.json: could not write: no space left on device; the file was not changed`.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The step that failed.
    public enum Operation: String, Sendable {
        case open = "create", read, write, fsync = "flush to disk", chmod = "set the permissions of", lock
        case rename = "replace", link = "make the backup of", readLink = "follow the symbolic link"
        case makeDirectory = "create the directory"
        /// The directory's `fsync` after the rename: the new content is in place, its durability unconfirmed.
        case syncDirectory = "flush the directory of"
        /// The file holds a newer format this version can neither read nor overwrite.
        case newerFormat = "understand"
        /// The target is a device, FIFO, directory or socket: never replaced, never moved.
        case notRegular = "use"
    }

    public var operation: Operation
    public var path: String
    /// The `errno`, or 0 for failures that are not system calls.
    public var code: Int32
    /// For ``Operation/notRegular``, what the path is; for ``Operation/newerFormat``, the format found.
    public var detail: String

    public init(_ operation: Operation, path: String, errno code: Int32, detail: String = "") {
        self.operation = operation
        self.path = path
        self.code = code
        self.detail = detail
    }

    /// A path that is not a regular file.
    public init(_ operation: Operation, path: String, kind: FileStatus.Kind) {
        self.init(operation, path: path, errno: 0, detail: kind.rawValue)
    }

    /// True when the failure happened before anything on disk was replaced.
    public var fileUnchanged: Bool { operation != .syncDirectory }

    /// "d.json: could not write: no space left on device; the file was not changed".
    public var description: String {
        switch operation {
        case .newerFormat:
            let format = detail.isEmpty ? "" : " (\(detail))"
            return "\(path): written by a newer Convene\(format); this version can read nothing from it "
                + "and leaves it as it is"
        case .notRegular:
            let what = detail.isEmpty ? "not a regular file" : "a \(detail), not a regular file"
            return "\(path): is \(what); Convene only reads and replaces regular files, so it was left as it is"
        case .syncDirectory:
            return "\(path): was replaced, but could not flush its directory to disk: \(reason); "
                + "the new content may not survive a power cut"
        case .read, .readLink:
            return "\(path): could not \(operation.rawValue): \(reason)"
        case .makeDirectory, .lock:
            return "\(path): could not \(operation.rawValue): \(reason); nothing was changed"
        default:
            return "\(path): could not \(operation.rawValue): \(reason); the file was not changed"
        }
    }

    /// The system's reason, lower case: "no space left on device".
    public var reason: String {
        guard code != 0 else { return "failed" }
        let text = String(cString: strerror(code))
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
