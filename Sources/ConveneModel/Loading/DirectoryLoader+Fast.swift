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
    public static func loadIndex(path: String, maxBytes: Int = defaultMaxBytes,
                                 options: PublishedReadOptions = PublishedReadOptions()) throws(LoadError) -> DirectoryIndex {
        try loadFast(bytes: read(path: path, maxBytes: maxBytes, judgingHead: true), name: path, options: options).makeIndex()
    }

    /// Loads and indexes a directory from bytes; `name` is used in messages.
    public static func loadIndex(bytes: [UInt8], name: String,
                                 options: PublishedReadOptions = PublishedReadOptions()) throws(LoadError) -> DirectoryIndex {
        try loadFast(bytes: bytes, name: name, options: options).makeIndex()
    }

    /// Decodes and validates bytes, straight into the model when the document allows it.
    ///
    /// A valid `convene/1` document is read once by ``DirectDecoder``, with no
    /// intermediate JSON tree for its delegates. Otherwise the format is told from the
    /// content: a file one of ``PublishedFormats/all`` recognises (schedule.xml,
    /// iCalendar, schedule.json) goes through that reader and ``PublishedMapping``
    /// (`options` supply what such a file may not say); anything else — a file with a
    /// syntax or model error, an unusual shape — goes through ``parse(bytes:name:)``
    /// and ``decodeAndValidate(_:name:)``, so the outcome and every message are
    /// exactly those of the general path.
    ///
    /// `progress`, when given, hears how far the direct read has got, and when the
    /// general path takes over ("checking").
    public static func loadFast(bytes: [UInt8], name: String, options: PublishedReadOptions = PublishedReadOptions(),
                                progress: LoadProgress? = nil) throws(LoadError) -> LoadedDirectory {
        try loadFast(bytes: bytes, name: name, options: options, progress: progress, split: .automatic)
    }

    /// ``loadFast(bytes:name:options:progress:)`` with a chosen ``SplitPolicy``: tests split small files.
    /// A published schedule's directory goes through the ``Validator`` only with `validatingPublished`, or
    /// when ``PublishedMapping`` cannot vouch for it (``loadPublished(_:bytes:name:options:validating:)``).
    static func loadFast(bytes: [UInt8], name: String, options: PublishedReadOptions = PublishedReadOptions(),
                         progress: LoadProgress? = nil, split: SplitPolicy,
                         validatingPublished: Bool = false) throws(LoadError) -> LoadedDirectory {
        if let direct = DirectDecoder.load(bytes, progress: progress, split: split) {
            return LoadedDirectory(directory: direct.directory, facts: direct.facts, wasDirect: true, schema: direct.schema)
        }
        progress?.enter("checking")
        if let reader = PublishedFormats.reader(for: bytes) {
            let directory = try loadPublished(reader, bytes: bytes, name: name, options: options,
                                              validating: validatingPublished)
            return LoadedDirectory(directory: directory, facts: nil, wasDirect: false, schema: nil, format: reader.name)
        }
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
    /// The published format the file was read as (`schedule.xml`), or nil for convene/1.
    public var format: String? = nil

    /// The directory's index; reuses the loader's work, so it costs little even at a million delegates.
    public func makeIndex() -> DirectoryIndex {
        if let facts { return DirectoryIndex(directory, facts: facts) }
        return DirectoryIndex(directory)
    }
}
