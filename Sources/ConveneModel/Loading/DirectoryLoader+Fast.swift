#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Loading in one pass: bytes straight to a validated directory and its index.
extension DirectoryLoader {
    /// Loads the file at `path` and indexes it, reading a `convene/1` file in one pass.
    ///
    /// The same result, errors included, as ``load(path:maxBytes:)`` followed by
    /// `DirectoryIndex(_:)`, several times faster on large files: see ``loadFast(bytes:name:)``.
    ///
    /// ```swift
    /// let index = try DirectoryLoader.loadIndex(path: "big.json")
    /// print(index.summary(Filter()).delegates)
    /// ```
    public static func loadIndex(path: String, maxBytes: Int = defaultMaxBytes) throws(LoadError) -> DirectoryIndex {
        let file = try mapFile(path: path, maxBytes: maxBytes)
        return try loadFast(file: file, name: path).makeIndex()
    }

    /// Maps a regular file into memory (reads anything else), with ``read(path:maxBytes:)``'s errors.
    ///
    /// Mapping skips copying 150 MB from the page cache into a fresh array; the
    /// pages are loaded up front (`MAP_POPULATE`) so the decoder does not stop at
    /// every page boundary. Free the result as soon as the load is done.
    public static func mapFile(path: String, maxBytes: Int = defaultMaxBytes) throws(LoadError) -> FileBytes {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return FileBytes(bytes: try readFile(path, maxBytes: maxBytes)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0, Int(info.st_size) <= maxBytes else {
            // Not a plain regular file within the limit: let the reader find the right words for it.
            return FileBytes(bytes: try readFile(path, maxBytes: maxBytes))
        }
        let size = Int(info.st_size)
        #if canImport(Glibc)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let address = mmap(nil, size, PROT_READ, flags, fd, 0), address != MAP_FAILED else {
            return FileBytes(bytes: try readFile(path, maxBytes: maxBytes))
        }
        return FileBytes(mapped: UnsafeRawBufferPointer(start: address, count: size))
    }

    /// Like ``loadFast(bytes:name:)``, for a file from ``mapFile(path:maxBytes:)``.
    public static func loadFast(file: FileBytes, name: String, progress: LoadProgress? = nil) throws(LoadError) -> LoadedDirectory {
        let direct = file.withBytes { DirectDecoder.load($0, progress: progress) }
        if let direct {
            return LoadedDirectory(directory: direct.directory, facts: direct.facts, wasDirect: true)
        }
        progress?.enter("checking")
        return try loadFast(bytes: file.withBytes { Array($0) }, name: name, tryDirect: false)
    }

    /// Loads and indexes a directory from bytes; `name` is used in messages.
    public static func loadIndex(bytes: [UInt8], name: String) throws(LoadError) -> DirectoryIndex {
        try loadFast(bytes: bytes, name: name).makeIndex()
    }

    /// Decodes and validates bytes, straight into the model when the document allows it.
    ///
    /// A valid `convene/1` document is read once by ``DirectDecoder``, with no
    /// intermediate JSON tree for its delegates. Anything else — a schedule.json, a
    /// file with a syntax or model error, an unusual shape — goes through
    /// ``parse(bytes:name:)`` and ``decodeAndValidate(_:name:)``, so the outcome and
    /// every message are exactly those of the general path.
    public static func loadFast(bytes: [UInt8], name: String) throws(LoadError) -> LoadedDirectory {
        try loadFast(bytes: bytes, name: name, tryDirect: true)
    }

    private static func loadFast(bytes: [UInt8], name: String, tryDirect: Bool) throws(LoadError) -> LoadedDirectory {
        let direct = tryDirect ? bytes.withUnsafeBufferPointer { DirectDecoder.load($0) } : nil
        if let direct {
            return LoadedDirectory(directory: direct.directory, facts: direct.facts, wasDirect: true)
        }
        let document = try parse(bytes: bytes, name: name)
        return LoadedDirectory(directory: try decodeAndValidate(document, name: name), facts: nil, wasDirect: false)
    }
}

/// A loaded, validated directory, with what the loader learned that the index can reuse.
public struct LoadedDirectory: Sendable {
    public let directory: Directory
    /// Per-delegate city and country indices and event attendees, when the direct decoder had them.
    let facts: DelegateFacts?
    /// True when the document was read by the direct decoder rather than through a JSON tree.
    public let wasDirect: Bool

    /// The directory's index; reuses the loader's work, so it costs little even at a million delegates.
    public func makeIndex() -> DirectoryIndex {
        if let facts { return DirectoryIndex(directory, facts: facts) }
        return DirectoryIndex(directory)
    }
}

/// A file's bytes: mapped into memory, or read into an array when it cannot be mapped.
public final class FileBytes: @unchecked Sendable {
    // Immutable after init; the mapping is read-only and private to this object.
    private let mapped: UnsafeRawBufferPointer?
    private let bytes: [UInt8]

    init(mapped: UnsafeRawBufferPointer) {
        self.mapped = mapped
        bytes = []
    }

    public init(bytes: [UInt8]) {
        mapped = nil
        self.bytes = bytes
    }

    deinit {
        if let mapped, let base = mapped.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), mapped.count) }
    }

    /// The number of bytes.
    public var count: Int { mapped?.count ?? bytes.count }

    /// Calls `body` with the bytes, valid only inside it.
    public func withBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        if let mapped { return try body(mapped.assumingMemoryBound(to: UInt8.self)) }
        return try bytes.withUnsafeBufferPointer(body)
    }
}
