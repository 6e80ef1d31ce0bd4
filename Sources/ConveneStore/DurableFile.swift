import Glibc

/// The one way Convene replaces a file: every command that writes one (import,
/// merge, export, generate, the browser's `e`, the stars) goes through here.
///
/// **Atomic and durable.** The bytes go to a temporary file in the target's own
/// directory (`.NAME.tmp-PID-RANDOM`), which is written, `fsync`ed and renamed over
/// the target; then the directory is `fsync`ed so the rename itself survives a
/// power cut (only `EINVAL`, "this file system cannot sync a directory", is
/// ignored). Any failure before the rename removes the temporary file and leaves
/// the target byte for byte as it was; a process killed mid-write leaves the old
/// or the new file plus perhaps a stray temporary file. A `write()` that returns
/// 0 is `EIO`, never a loop.
///
/// **Only regular files.** A target that is a device, FIFO, directory or socket
/// is refused (``StoreError/Operation/notRegular``) before anything is created:
/// renaming over `/dev/full` as root would replace the device node.
///
/// **Mode.** An existing file keeps its permission bits. A new file gets
/// `newFileMode` less the umask (the kernel applies it at `open`): 0644 by
/// default, like any file a shell redirection makes; the stars pass 0600.
///
/// **Symbolic links** are followed, up to 40 deep: the final target is replaced in
/// its own directory and the link stays a link. A dangling link's target is
/// created (so a link into a synced folder works before the first save); if the
/// target's directory does not exist, the write fails and nothing is created.
///
/// **Backup.** With `backup`, an existing file's old content is kept as
/// `TARGET.bak` (a hard link, so it costs no copy; a copy where links are refused),
/// replaced atomically too.
public enum DurableFile {
    /// Permission bits for a file that did not exist, before the umask.
    public static let defaultNewFileMode: mode_t = 0o644

    /// Replaces the file at `path` with `bytes`. Returns the backup's path when one was made.
    @discardableResult
    public static func replace(path: String, bytes: [UInt8], backup: Bool = false,
                               newFileMode: mode_t = defaultNewFileMode,
                               fileSystem: any FileSystem = SystemFileSystem()) throws(StoreError) -> String? {
        let target = try resolve(path, fileSystem: fileSystem)
        // Errors name the file the user knows, and the link's target when they differ.
        let shown = target == path ? path : "\(path) (a link to \(target))"
        func named(_ error: StoreError) -> StoreError {
            StoreError(error.operation, path: shown, errno: error.code, detail: error.detail)
        }
        let existing = fileSystem.status(target)
        if let existing, existing.kind != .regular { throw StoreError(.notRegular, path: shown, kind: existing.kind) }

        let directory = directoryName(target)
        var random = SystemRandomNumberGenerator()
        let temporary = directory + "/" + temporaryPrefix(of: target) + "\(getpid())-"
            + String(random.next() as UInt32, radix: 16)
        let fd: Int32
        do {
            fd = try fileSystem.open(temporary, flags: O_WRONLY | O_CREAT | O_EXCL, mode: newFileMode)
        } catch {
            throw named(error)
        }
        do {
            if let existing { try fileSystem.fchmod(fd, mode: existing.permissions, path: temporary) }
            try fileSystem.write(fd, bytes, path: temporary)
            try fileSystem.fsync(fd, path: temporary)
        } catch {
            fileSystem.close(fd)
            fileSystem.unlink(temporary)
            throw named(error)
        }
        fileSystem.close(fd)

        var backupPath: String?
        if backup, existing != nil {
            do {
                backupPath = try keepBackup(of: target, temporary: temporary + ".bak", fileSystem: fileSystem)
            } catch {
                fileSystem.unlink(temporary)
                throw named(error)
            }
        }
        do {
            try fileSystem.rename(temporary, target)
        } catch {
            fileSystem.unlink(temporary)
            throw named(StoreError(.rename, path: target, errno: error.code))
        }
        try syncDirectory(directory, of: shown, fileSystem: fileSystem)
        return backupPath
    }

    /// The path to write: `path`, or what its symlinks finally point at.
    public static func resolve(_ path: String, fileSystem: any FileSystem = SystemFileSystem()) throws(StoreError) -> String {
        var p = path
        for _ in 0..<40 {
            guard let st = fileSystem.status(p), st.isSymbolicLink else { return p }
            let link = try fileSystem.readLink(p)
            p = link.hasPrefix("/") ? link : directoryName(p) + "/" + link
        }
        throw StoreError(.readLink, path: path, errno: ELOOP)
    }

    /// Removes temporary files a killed writer left beside `target`. Call only under the
    /// target's lock (``FileLock``), when no other writer can be using them.
    public static func removeLeftoverTemporaryFiles(of target: String, fileSystem: any FileSystem = SystemFileSystem()) {
        let directory = directoryName(target)
        let prefix = temporaryPrefix(of: target)
        for name in fileSystem.names(in: directory) where name.hasPrefix(prefix) {
            fileSystem.unlink(directory + "/" + name)
        }
    }

    /// A hard link to the old file under a temporary name, renamed to `.bak` (replacing an older backup atomically).
    private static func keepBackup(of target: String, temporary: String, fileSystem: any FileSystem) throws(StoreError) -> String {
        let bak = target + ".bak"
        fileSystem.unlink(temporary)
        do {
            try fileSystem.link(target, temporary)
        } catch {
            // Some file systems refuse hard links: copy the old content instead.
            guard let old = try fileSystem.read(target, limit: Int.max) else { throw StoreError(.link, path: target, errno: ENOENT) }
            let fd = try fileSystem.open(temporary, flags: O_WRONLY | O_CREAT | O_EXCL, mode: 0o600)
            do {
                try fileSystem.write(fd, old, path: temporary)
                try fileSystem.fsync(fd, path: temporary)
            } catch {
                fileSystem.close(fd)
                fileSystem.unlink(temporary)
                throw StoreError(.link, path: target, errno: error.code)
            }
            fileSystem.close(fd)
        }
        do {
            try fileSystem.rename(temporary, bak)
        } catch {
            fileSystem.unlink(temporary)
            throw StoreError(.link, path: target, errno: error.code)
        }
        return bak
    }

    /// `fsync` on the directory, so a rename in it survives a power cut.
    static func syncDirectory(_ directory: String, of shown: String, fileSystem: any FileSystem) throws(StoreError) {
        let fd: Int32
        do {
            fd = try fileSystem.open(directory, flags: O_RDONLY | O_DIRECTORY, mode: 0)
        } catch {
            throw StoreError(.syncDirectory, path: shown, errno: error.code)
        }
        defer { fileSystem.close(fd) }
        do {
            try fileSystem.fsync(fd, path: directory)
        } catch where error.code == EINVAL {
            // Some file systems cannot sync a directory; the rename is as durable as they allow.
        } catch {
            throw StoreError(.syncDirectory, path: shown, errno: error.code)
        }
    }

    static func temporaryPrefix(of target: String) -> String {
        "." + (target.split(separator: "/").last.map(String.init) ?? "file") + ".tmp-"
    }

    static func directoryName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}

/// An exclusive `flock` on a sidecar lock file (`TARGET.lock`), held until ``release()``.
///
/// Writers that read a file, change it and write it back (the stars, `import`)
/// hold it across the whole read-change-write, so two of them never lose each
/// other's changes. The lock file is left in place: removing it would let a
/// third writer lock a new inode while the second still holds the old one.
public struct FileLock: Sendable {
    let fd: Int32
    let fileSystem: any FileSystem

    /// Waits for the lock on `lockPath`, creating the lock file (`mode` less the umask) if needed.
    public static func acquire(_ lockPath: String, mode: mode_t = 0o644,
                               fileSystem: any FileSystem = SystemFileSystem()) throws(StoreError) -> FileLock {
        let fd = try fileSystem.open(lockPath, flags: O_RDWR | O_CREAT | O_NONBLOCK | O_NOCTTY, mode: mode)
        var st = stat()
        if fstat(fd, &st) == 0, FileStatus.Kind(mode: st.st_mode) != .regular {
            fileSystem.close(fd)
            throw StoreError(.notRegular, path: lockPath, kind: FileStatus.Kind(mode: st.st_mode))
        }
        do {
            try fileSystem.lock(fd, exclusive: true, path: lockPath)
        } catch {
            fileSystem.close(fd)
            throw error
        }
        return FileLock(fd: fd, fileSystem: fileSystem)
    }

    /// Closing the descriptor releases the lock.
    public func release() { fileSystem.close(fd) }
}
