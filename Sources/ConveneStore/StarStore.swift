#if canImport(Glibc)
import Glibc
#endif

/// Loads and saves the starred sessions of one directory, without ever losing a star.
///
/// **Where.** `<state directory>/<DirectoryIdentity.fileName>`, with a lock file
/// beside it (`….json.lock`). See ``StateLocation`` and ``DirectoryIdentity``.
///
/// **Changes, not sets.** A caller saves the *changes* the user made since its last
/// successful save (`[sessionID: starred]`, the last toggle of each id winning),
/// not its whole set. Under an exclusive `flock` on the lock file, the store reads
/// what is on disk now, applies those changes and writes the result. So two
/// instances open on the same directory merge: each one's stars are added, and a
/// star is only removed where a user explicitly unstarred it. A star added by the
/// other instance is never dropped because this one did not know of it. The
/// result is returned so the caller can show the merged set. Where both instances
/// touched the same id, the later save wins for that id.
///
/// **Atomic and durable.** The new content goes to a temporary file in the same
/// directory, which gets the old file's permission bits (0600 for a new file),
/// is written, `fsync`ed and renamed over the file; then the directory is
/// `fsync`ed so the rename itself survives a power cut. A save that fails at any
/// step (read-only or full file system, I/O error) removes its temporary file,
/// leaves the previous file exactly as it was and throws; the caller keeps its
/// changes and retries. A process killed mid-save leaves the old or the new file,
/// both loadable, plus perhaps a stray temporary file, which the next save removes
/// (under the lock, no other writer can be using it).
///
/// **Symbolic links.** If the state file is a symlink (say, into a synced
/// folder), the link is followed and its *target* is replaced, in the target's
/// directory; the link itself stays. `Data.write(options: .atomic)` would instead
/// replace the link with a regular file. A dangling link's target is created.
///
/// **Corrupt files.** A file that is not a valid state file is renamed to
/// `….json.corrupt-<UTC time>` and a note says so; it is never silently
/// discarded. A file of a *newer* format (`convene-state/2`) is left alone, and
/// saving refuses to overwrite it.
public struct StarStore: Sendable {
    /// What a load or save found: the stars, and things the user should be told.
    public struct Outcome: Sendable, Equatable {
        public var stars: Set<String>
        /// E.g. that a corrupt file was moved aside. Empty when all went quietly.
        public var notes: [String]

        public init(stars: Set<String>, notes: [String] = []) {
            self.stars = stars
            self.notes = notes
        }
    }

    /// The directory that holds state files.
    public let stateDirectory: String
    public let identity: DirectoryIdentity
    let fileSystem: any FileSystem

    public init(stateDirectory: String, identity: DirectoryIdentity, fileSystem: any FileSystem = SystemFileSystem()) {
        self.stateDirectory = stateDirectory
        self.identity = identity
        self.fileSystem = fileSystem
    }

    /// The state file's path (possibly a symlink).
    public var path: String { stateDirectory + "/" + identity.fileName }
    var lockPath: String { path + ".lock" }

    /// Reads the stars; no file yet means no stars. A corrupt file is moved aside (see the type's notes).
    public func load() throws(StoreError) -> Outcome {
        guard fileSystem.status(stateDirectory) != nil else { return Outcome(stars: [], notes: []) }
        return try withLock(creating: false) { () throws(StoreError) -> Outcome in
            let target = try resolvedTarget()
            let (stars, notes) = try readCurrent(target)
            return Outcome(stars: stars ?? [], notes: notes)
        }
    }

    /// Applies `changes` (session id → starred) to what is on disk, under the lock, and writes the result.
    ///
    /// Returns the merged stars. Throws, with the file untouched, when the write fails.
    @discardableResult
    public func save(_ changes: [String: Bool]) throws(StoreError) -> Outcome {
        try fileSystem.makeDirectories(stateDirectory, mode: 0o700)
        return try withLock(creating: true) { () throws(StoreError) -> Outcome in
            let target = try resolvedTarget()
            let (disk, notes) = try readCurrent(target)
            var merged = disk ?? []
            for (id, starred) in changes {
                if starred { merged.insert(id) } else { merged.remove(id) }
            }
            removeLeftoverTemporaryFiles(of: target)
            if merged != disk ?? [] || (disk == nil && !merged.isEmpty) {
                let file = StarFile(directoryTitle: identity.title, identity: identity.hash, stars: merged)
                try replaceAtomically(target, with: file.encoded())
            }
            return Outcome(stars: merged, notes: notes)
        }
    }

    // MARK: Steps

    /// Runs `body` holding an exclusive `flock` on the lock file.
    ///
    /// Loading from a directory where the lock file cannot be created (read-only)
    /// goes ahead unlocked: nobody can write there either. Saving needs the lock.
    private func withLock<T>(creating: Bool, _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        var fd: Int32 = -1
        do {
            fd = try fileSystem.open(lockPath, flags: O_RDWR | O_CREAT, mode: 0o600)
        } catch {
            if let readOnly = try? fileSystem.open(lockPath, flags: O_RDONLY, mode: 0) {
                fd = readOnly
            } else if creating {
                throw error
            }
        }
        defer { if fd >= 0 { fileSystem.close(fd) } }   // closing releases the lock
        if fd >= 0 { try fileSystem.lock(fd, exclusive: true, path: lockPath) }
        return try body()
    }

    /// The path to write: the state file, or what its symlinks finally point at.
    func resolvedTarget() throws(StoreError) -> String {
        var p = path
        for _ in 0..<40 {
            guard let st = fileSystem.status(p), st.isSymbolicLink else { return p }
            let link = try fileSystem.readLink(p)
            p = link.hasPrefix("/") ? link : Self.directoryName(p) + "/" + link
        }
        throw StoreError(.readLink, path: path, errno: ELOOP)
    }

    /// The stars on disk (nil when there is no file), moving a corrupt file aside.
    private func readCurrent(_ target: String) throws(StoreError) -> (Set<String>?, [String]) {
        guard let bytes = try fileSystem.read(target) else { return (nil, []) }
        switch StarFile.decode(bytes) {
        case .file(let file):
            return (file.stars, [])
        case .newer:
            throw StoreError(.newerFormat, path: target, errno: 0)
        case .corrupt(let reason):
            let aside = try moveAside(target)
            return (nil, ["The stars file was damaged (\(reason)); it was moved to \(aside) and stars start empty"])
        }
    }

    private func moveAside(_ target: String) throws(StoreError) -> String {
        var t = time(nil)
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let stamp = "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))Z"
        var aside = target + ".corrupt-" + stamp
        var n = 2
        while fileSystem.status(aside) != nil {
            aside = target + ".corrupt-" + stamp + "-\(n)"
            n += 1
        }
        try fileSystem.rename(target, aside)
        try syncDirectory(Self.directoryName(target))
        return aside
    }

    /// Temporary file, same directory, same mode, write, fsync, rename, fsync the directory.
    func replaceAtomically(_ target: String, with bytes: [UInt8]) throws(StoreError) {
        let directory = Self.directoryName(target)
        let mode = fileSystem.status(target).map(\.permissions) ?? 0o600
        var random = SystemRandomNumberGenerator()
        let temporary = directory + "/" + Self.temporaryPrefix(of: target) + "\(getpid())-" + String(random.next() as UInt32, radix: 16)
        // Errors name the state file, not the temporary one: that is the file the user knows.
        func named(_ error: StoreError) -> StoreError { StoreError(error.operation, path: target, errno: error.code) }
        let fd: Int32
        do {
            fd = try fileSystem.open(temporary, flags: O_WRONLY | O_CREAT | O_EXCL, mode: 0o600)
        } catch {
            throw named(error)
        }
        do {
            try fileSystem.fchmod(fd, mode: mode, path: temporary)
            try fileSystem.write(fd, bytes, path: temporary)
            try fileSystem.fsync(fd, path: temporary)
        } catch {
            fileSystem.close(fd)
            fileSystem.unlink(temporary)
            throw named(error)
        }
        fileSystem.close(fd)
        do {
            try fileSystem.rename(temporary, target)
        } catch {
            fileSystem.unlink(temporary)
            throw error
        }
        try syncDirectory(directory)
    }

    private func syncDirectory(_ directory: String) throws(StoreError) {
        let fd = try fileSystem.open(directory, flags: O_RDONLY | O_DIRECTORY, mode: 0)
        defer { fileSystem.close(fd) }
        do {
            try fileSystem.fsync(fd, path: directory)
        } catch where error.code == EINVAL {
            // Some file systems cannot sync a directory; the rename is as durable as they allow.
        }
    }

    private func removeLeftoverTemporaryFiles(of target: String) {
        let directory = Self.directoryName(target)
        let prefix = Self.temporaryPrefix(of: target)
        for name in fileSystem.names(in: directory) where name.hasPrefix(prefix) {
            fileSystem.unlink(directory + "/" + name)
        }
    }

    static func temporaryPrefix(of target: String) -> String {
        "." + (target.split(separator: "/").last.map(String.init) ?? "state") + ".tmp-"
    }

    static func directoryName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
