import Glibc

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
/// **Atomic and durable.** The result is written with ``DurableFile/replace(path:bytes:backup:newFileMode:fileSystem:)``
/// (temporary file, `fsync`, rename, directory `fsync`; a new file is 0600, an
/// existing one keeps its mode). A save that fails at any step (read-only or full
/// file system, I/O error) leaves the previous file exactly as it was and throws;
/// the caller keeps its changes and retries. A process killed mid-save leaves the
/// old or the new file, plus perhaps a stray temporary file, which the next save
/// removes (under the lock, no other writer can be using it).
///
/// **Symbolic links.** If the state file is a symlink (say, into a synced
/// folder), the link is followed and its *target* is replaced, in the target's
/// directory; the link itself stays. A dangling link's target is created.
///
/// **Not a regular file.** A state file that is (or links to) a device, FIFO,
/// directory or socket is never read, moved or replaced: it is opened with
/// `O_NONBLOCK` (so a FIFO cannot block), checked with `fstat`, and refused with
/// ``StoreError/Operation/notRegular``.
///
/// **Corrupt files.** A regular file that is not a valid state file is renamed to
/// `….json.corrupt-<UTC time>` and a note says so; it is never silently
/// discarded. A file of a *newer* format (`convene-state/2`) is left alone: loading
/// throws ``StoreError/Operation/newerFormat`` (nothing can be read from it) and
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
            DurableFile.removeLeftoverTemporaryFiles(of: target, fileSystem: fileSystem)
            if merged != disk ?? [] || (disk == nil && !merged.isEmpty) {
                let file = StarFile(directoryTitle: identity.title, identity: identity.hash, stars: merged)
                try DurableFile.replace(path: target, bytes: file.encoded(), newFileMode: 0o600, fileSystem: fileSystem)
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
            fd = try fileSystem.open(lockPath, flags: O_RDWR | O_CREAT | O_NONBLOCK | O_NOCTTY, mode: 0o600)
        } catch {
            if let readOnly = try? fileSystem.open(lockPath, flags: O_RDONLY | O_NONBLOCK | O_NOCTTY, mode: 0) {
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
        try DurableFile.resolve(path, fileSystem: fileSystem)
    }

    /// The stars on disk (nil when there is no file), moving a corrupt regular file aside.
    private func readCurrent(_ target: String) throws(StoreError) -> (Set<String>?, [String]) {
        guard let bytes = try fileSystem.read(target, limit: StarFile.maximumSize) else { return (nil, []) }
        switch StarFile.decode(bytes) {
        case .file(let file):
            return (file.stars, [])
        case .newer(let format):
            throw StoreError(.newerFormat, path: target, errno: 0, detail: format)
        case .corrupt(let reason):
            let aside = try moveAside(target)
            return (nil, ["The stars file was damaged (\(reason)); it was moved to \(aside) and stars start empty"])
        }
    }

    /// Renames a damaged state file out of the way; only ever a regular file (the read checked, this checks again).
    private func moveAside(_ target: String) throws(StoreError) -> String {
        if let st = fileSystem.status(target), st.kind != .regular { throw StoreError(.notRegular, path: target, kind: st.kind) }
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
        try DurableFile.syncDirectory(DurableFile.directoryName(target), of: target, fileSystem: fileSystem)
        return aside
    }
}
