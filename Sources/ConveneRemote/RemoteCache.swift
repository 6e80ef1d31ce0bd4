import ConveneStore
import Foundation

/// What the cache knows about one URL's copy, kept beside it as `NAME.meta`.
public struct CacheMetadata: Sendable, Equatable {
    /// The URL without credentials (``RemoteURL/shown``).
    public var url: String
    public var etag: String?
    public var lastModified: String?
    /// When the server last gave this copy or confirmed it (a 304), in seconds since 1970.
    public var fetchedAt: Int64
    /// The copy's size in bytes: a body file of another size is not this copy.
    public var size: Int
    /// FNV-1a of the body, in hex: a body of the right size from another write (two processes
    /// storing the same URL at once) or a damaged one is not this copy either.
    public var checksum: String

    public init(url: String, etag: String?, lastModified: String?, fetchedAt: Int64, size: Int, checksum: String) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.fetchedAt = fetchedAt
        self.size = size
        self.checksum = checksum
    }

    /// `key: value` lines; values never hold a line break (headers cannot, and they are stripped anyway).
    var text: String {
        var lines = ["url: \(url)", "fetched-at: \(fetchedAt)", "size: \(size)", "checksum: \(checksum)"]
        if let etag { lines.append("etag: \(etag)") }
        if let lastModified { lines.append("last-modified: \(lastModified)") }
        return lines.map { $0.filter { $0 != "\n" && $0 != "\r" } }.joined(separator: "\n") + "\n"
    }

    /// Reads ``text`` back; nil when a required line is missing or malformed.
    init?(text: String) {
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = line[line.index(after: colon)...].drop { $0 == " " }
            fields[String(line[..<colon])] = String(value)
        }
        guard let url = fields["url"], let fetched = fields["fetched-at"].flatMap({ Int64($0) }),
              let size = fields["size"].flatMap({ Int($0) }), size >= 0, let checksum = fields["checksum"] else { return nil }
        self.init(url: url, etag: fields["etag"], lastModified: fields["last-modified"], fetchedAt: fetched, size: size,
                  checksum: checksum)
    }
}

/// A cached copy: its bytes and what is known about them.
public struct CachedCopy: Sendable, Equatable {
    public var metadata: CacheMetadata
    public var bytes: [UInt8]
}

/// The cache of fetched schedules: `$XDG_CACHE_HOME/convene/` (default `~/.cache/convene/`).
///
/// One entry per URL, named by a hash of the URL without credentials
/// (``RemoteURL/shown``), so no secret reaches a file name: `NAME.body` holds the
/// schedule as the server sent it, `NAME.meta` its URL, validators and fetch time.
/// Both are written with ``DurableFile/replace(path:bytes:backup:newFileMode:fileSystem:)``
/// (mode 0600: a schedule behind a token is private), the body first; a body whose
/// size differs from its metadata's (a crash between the two writes) is no copy at all.
public struct RemoteCache: Sendable {
    /// The cache directory.
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The cache for an environment, or nil when neither `XDG_CACHE_HOME` nor `HOME` is an absolute path.
    public init?(environment: [String: String]) {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            self.init(directory: Self.trimmed(xdg) + "/convene")
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            self.init(directory: Self.trimmed(home) + "/.cache/convene")
        } else {
            return nil
        }
    }

    /// The entry's file name stem for a URL: 16 hex digits of FNV-1a over the shown URL.
    public static func name(for url: RemoteURL) -> String {
        fnv1a(url.shown.utf8)
    }

    /// 64-bit FNV-1a as 16 hex digits: a cheap fingerprint, not a defence against an attacker.
    static func fnv1a<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The copy for `url`, or nil when there is none (or only a damaged one).
    public func copy(for url: RemoteURL) -> CachedCopy? {
        let stem = directory + "/" + Self.name(for: url)
        guard let meta = metadata(at: stem + ".meta"), meta.url == url.shown,
              let bytes = FileManager.default.contents(atPath: stem + ".body").map(Array.init),
              bytes.count == meta.size, Self.fnv1a(bytes) == meta.checksum else { return nil }
        return CachedCopy(metadata: meta, bytes: bytes)
    }

    /// Stores `bytes` as the copy for `url`, replacing any earlier one; creates the directory (0700) first.
    public func store(_ bytes: [UInt8], for url: RemoteURL, etag: String?, lastModified: String?,
                      fetchedAt: Int64) throws(StoreError) {
        try makeDirectory()
        let stem = directory + "/" + Self.name(for: url)
        let meta = CacheMetadata(url: url.shown, etag: etag, lastModified: lastModified, fetchedAt: fetchedAt,
                                 size: bytes.count, checksum: Self.fnv1a(bytes))
        try DurableFile.replace(path: stem + ".body", bytes: bytes, newFileMode: 0o600)
        try DurableFile.replace(path: stem + ".meta", bytes: Array(meta.text.utf8), newFileMode: 0o600)
    }

    /// Records that the server confirmed the copy (a 304): only its fetch time changes.
    public func confirm(_ copy: CachedCopy, for url: RemoteURL, at time: Int64) throws(StoreError) {
        var meta = copy.metadata
        meta.fetchedAt = time
        let stem = directory + "/" + Self.name(for: url)
        try DurableFile.replace(path: stem + ".meta", bytes: Array(meta.text.utf8), newFileMode: 0o600)
    }

    /// Every entry's metadata, newest first (damaged entries are left out).
    public func list() -> [CacheMetadata] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".meta") }
            .compactMap { metadata(at: directory + "/" + $0) }
            .sorted { ($0.fetchedAt, $1.url) > ($1.fetchedAt, $0.url) }
    }

    /// Removes every entry's files (and nothing else); returns how many entries there were.
    ///
    /// Only files named like entries (16 hex digits and `.body` or `.meta`, or a
    /// temporary file of one) are removed, so a cache directory set to a wrong place
    /// loses nothing else. Throws the first removal that fails, naming the file.
    @discardableResult
    public func clear() throws(StoreError) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var entries = 0
        for name in names where Self.isEntryFile(name) {
            if name.hasSuffix(".meta") { entries += 1 }
            if unlink(directory + "/" + name) != 0, errno != ENOENT {
                throw StoreError(.write, path: directory + "/" + name, errno: errno)
            }
        }
        return entries
    }

    static func isEntryFile(_ name: String) -> Bool {
        // DurableFile's temporary files start with "." and contain the target's name.
        let bare = name.hasPrefix(".") ? String(name.dropFirst()) : name
        let stem = bare.prefix(16)
        guard stem.count == 16, stem.allSatisfy(\.isHexDigit) else { return false }
        let rest = bare.dropFirst(16)
        return rest.hasPrefix(".body") || rest.hasPrefix(".meta")
    }

    private func metadata(at path: String) -> CacheMetadata? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return CacheMetadata(text: String(decoding: data, as: UTF8.self))
    }

    private func makeDirectory() throws(StoreError) {
        var path = ""
        for part in directory.split(separator: "/") {
            path += "/" + part
            if mkdir(path, 0o700) != 0, errno != EEXIST {
                throw StoreError(.makeDirectory, path: path, errno: errno)
            }
        }
    }

    private static func trimmed(_ path: String) -> String {
        var p = path
        while p.count > 1, p.hasSuffix("/") { p.removeLast() }
        return p == "/" ? "" : p
    }
}
