#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file's content so that a crash, a full disk or a power cut leaves
/// either the old content or the new, never a mix.
///
/// The steps: write a temporary file in the same directory, `fsync` it, give it
/// the old file's permission bits, keep the old content as `NAME.bak` (a hard
/// link, so it costs no copy), `rename` the temporary file over the target, and
/// `fsync` the directory so the rename itself survives a power cut.
/// `Data.write(options: .atomic)` skips the last step, resets a 0600 file to
/// 0644 and replaces a symlink with a file; this keeps the mode and writes
/// through a symlink to the file it points at. Any failure before the rename
/// removes the temporary file and leaves the original byte for byte as it was.
enum AtomicFile {
    struct Failure: Error, CustomStringConvertible {
        var path: String
        var step: String
        var reason: String
        var description: String { "\(path): could not \(step): \(reason); the file was not changed" }
    }

    /// Writes `bytes` to `path`; with `backup`, an existing file's old content is kept at `path.bak`.
    /// Returns the backup's path when one was made.
    @discardableResult
    static func write(_ bytes: [UInt8], to path: String, backup: Bool = true) throws(Failure) -> String? {
        let target = resolvedPath(path)
        let (directory, name) = split(target)
        var info = stat()
        let exists = stat(target, &info) == 0
        if exists, info.st_mode & S_IFMT != S_IFREG {
            throw Failure(path: path, step: "write", reason: "it is not a regular file")
        }
        let mode = exists ? info.st_mode & 0o7777 : 0o644

        var template = Array((directory + "/." + name + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { throw Failure(path: path, step: "create a temporary file in \(directory)", reason: errnoText()) }
        let temp = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var renamed = false
        defer { if !renamed { unlink(temp) } }

        var ok = true
        var offset = 0
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            while offset < raw.count {
                let n = Glibc.write(fd, base + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    ok = false
                    return
                }
                offset += n
            }
        }
        if !ok { let reason = errnoText(); close(fd); throw Failure(path: path, step: "write", reason: reason) }
        // mkstemp creates 0600; give the new file the old one's mode (or the usual 0644, less the umask).
        let wanted = exists ? mode : mode & ~currentUmask()
        if fchmod(fd, wanted) != 0 { let reason = errnoText(); close(fd); throw Failure(path: path, step: "set permissions", reason: reason) }
        if fsync(fd) != 0 { let reason = errnoText(); close(fd); throw Failure(path: path, step: "flush to disk", reason: reason) }
        if close(fd) != 0 { throw Failure(path: path, step: "close the temporary file", reason: errnoText()) }

        var backupPath: String?
        if backup, exists {
            let bak = target + ".bak"
            let bakTemp = temp + ".bak"
            unlink(bakTemp)
            // A hard link keeps the old inode alive under the backup's name; renaming it into place
            // replaces an older backup atomically. Where hard links are not allowed, copy instead.
            if link(target, bakTemp) != 0 {
                guard let old = try? readAll(target) else {
                    throw Failure(path: path, step: "read the old content for the backup", reason: errnoText())
                }
                do { try writePlain(old, to: bakTemp, mode: mode) } catch {
                    unlink(bakTemp)
                    throw Failure(path: path, step: "write the backup \(bak)", reason: error.reason)
                }
            }
            if rename(bakTemp, bak) != 0 {
                let reason = errnoText()
                unlink(bakTemp)
                throw Failure(path: path, step: "make the backup \(bak)", reason: reason)
            }
            backupPath = bak
        }

        if rename(temp, target) != 0 { throw Failure(path: path, step: "replace the file", reason: errnoText()) }
        renamed = true
        // The rename is done; a failed directory sync only weakens durability, so it is not an error.
        let dfd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            _ = fsync(dfd)
            close(dfd)
        }
        return backupPath
    }

    /// The file a symlink points at (so the link is kept), or the path itself.
    private static func resolvedPath(_ path: String) -> String {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK, let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    private static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let dir = String(path[..<slash])
        return (dir.isEmpty ? "/" : dir, String(path[path.index(after: slash)...]))
    }

    private static func currentUmask() -> mode_t {
        let old = umask(0o022)
        umask(old)
        return old
    }

    private static func errnoText() -> String { String(cString: strerror(errno)).lowercased() }

    struct IOError: Error { var reason: String }

    /// Reads a whole file; the error gives the system's reason.
    static func readAll(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw IOError(reason: errnoText()) }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; throw IOError(reason: errnoText()) }
            if n == 0 { return out }
            out += chunk[0..<n]
        }
    }

    private static func writePlain(_ bytes: [UInt8], to path: String, mode: mode_t) throws(IOError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw IOError(reason: errnoText()) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; throw IOError(reason: errnoText()) }
            offset += n
        }
        if fsync(fd) != 0 { throw IOError(reason: errnoText()) }
    }
}
