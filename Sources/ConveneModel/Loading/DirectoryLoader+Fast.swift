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
        try loadFast(bytes: read(path: path, maxBytes: maxBytes, judgingHead: true), name: path).makeIndex()
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
    ///
    /// `progress`, when given, hears how far the direct read has got, and when the
    /// general path takes over ("checking").
    public static func loadFast(bytes: [UInt8], name: String, progress: LoadProgress? = nil) throws(LoadError) -> LoadedDirectory {
        if let direct = bytes.withUnsafeBufferPointer({ DirectDecoder.load($0, progress: progress) }) {
            return LoadedDirectory(directory: direct.directory, facts: direct.facts, wasDirect: true, schema: direct.schema)
        }
        progress?.enter("checking")
        let document = try parse(bytes: bytes, name: name)
        var schema: String?
        if case .string(let text)? = document["$schema"] { schema = text }
        return LoadedDirectory(directory: try decodeAndValidate(document, name: name), facts: nil, wasDirect: false,
                               schema: schema)
    }
}

/// A loaded, validated directory, with what the loader learned that the index can reuse.
public struct LoadedDirectory: Sendable {
    public let directory: Directory
    /// Per-delegate city and country indices and event attendees, when the direct decoder had them.
    let facts: DelegateFacts?
    /// True when the document was read by the direct decoder rather than through a JSON tree.
    public let wasDirect: Bool
    /// The document's `$schema` pointer when it is a string, so that a command rewriting the file keeps it.
    public let schema: String?

    /// The directory's index; reuses the loader's work, so it costs little even at a million delegates.
    public func makeIndex() -> DirectoryIndex {
        if let facts { return DirectoryIndex(directory, facts: facts) }
        return DirectoryIndex(directory)
    }
}
