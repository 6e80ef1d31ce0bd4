import Glibc

/// What ``DurableFile`` and ``StarStore`` need from the file system, as a seam for injecting faults.
///
/// Every call that can fail throws a ``StoreError`` naming the operation, the
/// path and the `errno`. ``SystemFileSystem`` is the real thing; tests wrap it to
/// fail one operation (a full disk on `write`, a read-only file system on
/// `open`, an I/O error on `rename`) and check that nothing on disk was lost.
public protocol FileSystem: Sendable {
    /// `open(2)`; returns the descriptor.
    func open(_ path: String, flags: Int32, mode: mode_t) throws(StoreError) -> Int32
    /// Writes all of `bytes`, retrying short writes and `EINTR`.
    func write(_ fd: Int32, _ bytes: [UInt8], path: String) throws(StoreError)
    func fsync(_ fd: Int32, path: String) throws(StoreError)
    func fchmod(_ fd: Int32, mode: mode_t, path: String) throws(StoreError)
    /// `flock(2)`, waiting for the lock.
    func lock(_ fd: Int32, exclusive: Bool, path: String) throws(StoreError)
    func close(_ fd: Int32)
    func rename(_ from: String, _ to: String) throws(StoreError)
    /// `link(2)`: a second name for the same file (for backups that cost no copy).
    func link(_ from: String, _ to: String) throws(StoreError)
    /// Removes a file; a missing file is not an error.
    func unlink(_ path: String)
    /// `lstat(2)`: nil when nothing is there.
    func status(_ path: String) -> FileStatus?
    /// The target of a symbolic link as written in the link.
    func readLink(_ path: String) throws(StoreError) -> String
    /// The whole file, or nil when it does not exist.
    ///
    /// Opens without blocking (`O_NONBLOCK`, so a FIFO cannot hang the caller) and
    /// throws ``StoreError/Operation/notRegular`` for anything but a regular file.
    /// Reads at most `limit` bytes plus one, so an absurd file cannot fill memory.
    func read(_ path: String, limit: Int) throws(StoreError) -> [UInt8]?
    /// Creates the directory and its parents with `mode`; an existing directory is fine.
    func makeDirectories(_ path: String, mode: mode_t) throws(StoreError)
    /// Names in a directory (without `.` and `..`); empty when it cannot be read.
    func names(in directory: String) -> [String]
}

/// What `lstat` says about a path.
public struct FileStatus: Sendable, Equatable {
    /// The file types `lstat` tells apart, named as a message says them.
    public enum Kind: String, Sendable, Equatable {
        case regular = "regular file", directory, symbolicLink = "symbolic link", fifo = "FIFO (named pipe)"
        case characterDevice = "character device", blockDevice = "block device", socket, other = "special file"

        init(mode: mode_t) {
            switch mode & S_IFMT {
            case S_IFREG: self = .regular
            case S_IFDIR: self = .directory
            case S_IFLNK: self = .symbolicLink
            case S_IFIFO: self = .fifo
            case S_IFCHR: self = .characterDevice
            case S_IFBLK: self = .blockDevice
            case S_IFSOCK: self = .socket
            default: self = .other
            }
        }
    }

    /// Permission bits (`st_mode & 0o7777`).
    public var permissions: mode_t
    public var kind: Kind
    public var size: Int

    public init(permissions: mode_t, kind: Kind, size: Int) {
        self.permissions = permissions
        self.kind = kind
        self.size = size
    }

    public var isSymbolicLink: Bool { kind == .symbolicLink }
    public var isDirectory: Bool { kind == .directory }
}

/// The real file system, through Glibc.
public struct SystemFileSystem: FileSystem {
    public init() {}

    public func open(_ path: String, flags: Int32, mode: mode_t) throws(StoreError) -> Int32 {
        while true {
            let fd = Glibc.open(path, flags | O_CLOEXEC, mode)
            if fd >= 0 { return fd }
            if errno == EINTR { continue }
            throw StoreError(.open, path: path, errno: errno)
        }
    }

    public func write(_ fd: Int32, _ bytes: [UInt8], path: String) throws(StoreError) {
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if n == 0 {
                    failure = EIO
                    return
                }
                offset += n
            }
        }
        if failure != 0 { throw StoreError(.write, path: path, errno: failure) }
    }

    public func fsync(_ fd: Int32, path: String) throws(StoreError) {
        if Glibc.fsync(fd) != 0 { throw StoreError(.fsync, path: path, errno: errno) }
    }

    public func fchmod(_ fd: Int32, mode: mode_t, path: String) throws(StoreError) {
        if Glibc.fchmod(fd, mode) != 0 { throw StoreError(.chmod, path: path, errno: errno) }
    }

    public func lock(_ fd: Int32, exclusive: Bool, path: String) throws(StoreError) {
        while systemFlock(fd, exclusive ? LOCK_EX : LOCK_SH) != 0 {
            if errno == EINTR { continue }
            throw StoreError(.lock, path: path, errno: errno)
        }
    }

    public func close(_ fd: Int32) { _ = Glibc.close(fd) }

    public func rename(_ from: String, _ to: String) throws(StoreError) {
        if Glibc.rename(from, to) != 0 { throw StoreError(.rename, path: to, errno: errno) }
    }

    public func link(_ from: String, _ to: String) throws(StoreError) {
        if Glibc.link(from, to) != 0 { throw StoreError(.link, path: to, errno: errno) }
    }

    public func unlink(_ path: String) { _ = Glibc.unlink(path) }

    public func status(_ path: String) -> FileStatus? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        return FileStatus(permissions: st.st_mode & 0o7777, kind: FileStatus.Kind(mode: st.st_mode), size: Int(st.st_size))
    }

    public func readLink(_ path: String) throws(StoreError) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = Glibc.readlink(path, &buffer, buffer.count - 1)
        guard n >= 0 else { throw StoreError(.readLink, path: path, errno: errno) }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public func read(_ path: String, limit: Int) throws(StoreError) -> [UInt8]? {
        let fd: Int32
        do {
            // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
            // O_NOCTTY: a terminal device never becomes this process's controlling terminal.
            fd = try open(path, flags: O_RDONLY | O_NONBLOCK | O_NOCTTY, mode: 0)
        } catch {
            if error.code == ENOENT { return nil }
            throw StoreError(.read, path: path, errno: error.code)
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw StoreError(.read, path: path, errno: errno) }
        let kind = FileStatus.Kind(mode: st.st_mode)
        guard kind == .regular else { throw StoreError(.notRegular, path: path, kind: kind) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw StoreError(.read, path: path, errno: errno)
            }
            if n == 0 { return out }
            out += chunk[0..<n]
            if out.count > limit { return out }
        }
    }

    public func makeDirectories(_ path: String, mode: mode_t) throws(StoreError) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            prefix += "/" + part
            if Glibc.mkdir(prefix, mode) != 0, errno != EEXIST {
                throw StoreError(.makeDirectory, path: prefix, errno: errno)
            }
        }
    }

    public func names(in directory: String) -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var out: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { out.append(name) }
        }
        return out
    }
}

/// `flock(2)`. Glibc's module names a struct `flock` too, and Swift resolves the
/// plain name to the struct's initialiser, so the function is bound by symbol.
@_silgen_name("flock")
private func systemFlock(_ fd: Int32, _ operation: Int32) -> Int32
