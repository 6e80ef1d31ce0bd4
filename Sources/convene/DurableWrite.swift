import ConveneModel
import ConveneStore

/// How the commands write files: through ``DurableFile``, with failures as messages in words.
///
/// Every failure is a ``CLIError``: one line naming the file and what went wrong, and
/// exit 73 (``ExitStatus/cantCreate``): a target that is not a regular file, a full or
/// read-only disk, a missing directory. The file is then as it was.
enum DurableWrite {
    /// Replaces `path` with `bytes`; returns the backup's path when `backup` made one.
    @discardableResult
    static func replace(_ path: String, with bytes: [UInt8], backup: Bool) throws -> String? {
        do {
            return try DurableFile.replace(path: path, bytes: bytes, backup: backup)
        } catch {
            throw CLIError(error.description, status: .cantCreate)
        }
    }

    /// Runs `body` holding the lock of the file `path` will be written to (`TARGET.lock` beside it),
    /// so that writers reading and rewriting one file run one after the other and lose nothing.
    ///
    /// A target that is not a regular file is refused first, so no lock file appears in `/dev`.
    static func locked<T>(_ path: String, _ body: () throws -> T) throws -> T {
        let lock: FileLock
        do throws(StoreError) {
            let target = try DurableFile.resolve(path)
            if let status = SystemFileSystem().status(target), status.kind != .regular {
                throw StoreError(.notRegular, path: target == path ? path : "\(path) (a link to \(target))", kind: status.kind)
            }
            lock = try FileLock.acquire(target + ".lock")
        } catch {
            throw CLIError(error.description, status: .cantCreate)
        }
        defer { lock.release() }
        return try body()
    }

    /// Checks bytes about to be written with the loader's own rules and limits:
    /// a writer never writes a file Convene would then refuse to read.
    static func checkLoadable(_ bytes: [UInt8], as path: String) throws {
        do {
            _ = try DirectoryLoader.load(bytes: bytes, name: path)
        } catch {
            throw CLIError("\(path): not written, because Convene could not read the result back: \(error)",
                           status: .dataError)
        }
    }
}
