import ConveneStore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A fresh directory under /tmp, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() {
        var template = Array("/tmp/convene-store-test-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let base = buffer.baseAddress, let p = mkdtemp(base) else { return nil }
            return String(cString: p)
        }
        path = made ?? "/tmp/convene-store-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        if made == nil { mkdir(path, 0o700) }
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }
}

enum Files {
    static func bytes(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { Array($0) }
    }

    /// Writes a fixture file; a failure fails the test at the call site instead of passing silently.
    static func write(_ path: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let written = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        #expect(written, "could not write the fixture \(path)", sourceLocation: sourceLocation)
    }

    static func mode(_ path: String) -> mode_t? {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_mode & 0o7777 : nil
    }

    static func isSymlink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFLNK
    }

    static func names(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }
}

/// A file system that fails one operation with one `errno`, for fault injection.
///
/// `write` failures write the first half of the bytes first, as a full disk does.
struct FaultyFileSystem: FileSystem {
    enum Step: Sendable { case openTemporary, write, fsyncFile, rename, fsyncDirectory, chmod, link, none }
    let base = SystemFileSystem()
    let failing: Step
    let code: Int32

    func open(_ path: String, flags: Int32, mode: mode_t) throws(StoreError) -> Int32 {
        if failing == .openTemporary, path.contains(".tmp-") { throw StoreError(.open, path: path, errno: code) }
        return try base.open(path, flags: flags, mode: mode)
    }
    func write(_ fd: Int32, _ bytes: [UInt8], path: String) throws(StoreError) {
        if failing == .write {
            try base.write(fd, Array(bytes.prefix(bytes.count / 2)), path: path)
            throw StoreError(.write, path: path, errno: code)
        }
        try base.write(fd, bytes, path: path)
    }
    func fsync(_ fd: Int32, path: String) throws(StoreError) {
        let isDirectory = base.status(path)?.isDirectory ?? false
        if failing == .fsyncFile && !isDirectory || failing == .fsyncDirectory && isDirectory {
            throw StoreError(.fsync, path: path, errno: code)
        }
        try base.fsync(fd, path: path)
    }
    func fchmod(_ fd: Int32, mode: mode_t, path: String) throws(StoreError) {
        if failing == .chmod { throw StoreError(.chmod, path: path, errno: code) }
        try base.fchmod(fd, mode: mode, path: path)
    }
    func lock(_ fd: Int32, exclusive: Bool, path: String) throws(StoreError) { try base.lock(fd, exclusive: exclusive, path: path) }
    func close(_ fd: Int32) { base.close(fd) }
    func rename(_ from: String, _ to: String) throws(StoreError) {
        if failing == .rename { throw StoreError(.rename, path: to, errno: code) }
        try base.rename(from, to)
    }
    func link(_ from: String, _ to: String) throws(StoreError) {
        if failing == .link { throw StoreError(.link, path: to, errno: code) }
        try base.link(from, to)
    }
    func unlink(_ path: String) { base.unlink(path) }
    func status(_ path: String) -> FileStatus? { base.status(path) }
    func readLink(_ path: String) throws(StoreError) -> String { try base.readLink(path) }
    func read(_ path: String, limit: Int) throws(StoreError) -> [UInt8]? { try base.read(path, limit: limit) }
    func makeDirectories(_ path: String, mode: mode_t) throws(StoreError) { try base.makeDirectories(path, mode: mode) }
    func names(in directory: String) -> [String] { base.names(in: directory) }
}

/// tmpfs mounts for the full-disk and read-only tests; these need root or CAP_SYS_ADMIN.
enum Mounts {
    /// Whether this process may mount a tmpfs, tried once.
    static let allowed: Bool = {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        guard mount("tmpfs", dir.path, "tmpfs", 0, "size=16k") == 0 else { return false }
        umount(dir.path)
        return true
    }()

    static let reason: Comment = "mounting a tmpfs needs root or CAP_SYS_ADMIN; skipped because mount(2) was refused here"

    /// Mounts a tmpfs of `size` on a new directory and returns it.
    static func tmpfs(size: String) -> TemporaryDirectory? {
        let dir = TemporaryDirectory()
        guard mount("tmpfs", dir.path, "tmpfs", 0, "size=\(size),mode=0700") == 0 else {
            dir.remove()
            return nil
        }
        return dir
    }

    static func remountReadOnly(_ dir: TemporaryDirectory) -> Bool {
        mount("tmpfs", dir.path, "tmpfs", UInt(MS_REMOUNT | MS_RDONLY), nil) == 0
    }

    static func unmount(_ dir: TemporaryDirectory) {
        umount2(dir.path, Int32(MNT_DETACH))
        dir.remove()
    }
}
