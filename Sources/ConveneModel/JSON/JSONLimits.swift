/// Bounds that keep parsing a hostile document cheap and predictable.
///
/// Every limit turns into a ``JSONSyntaxError`` that names the limit, so a file
/// that is merely large gets a message saying what to raise rather than a crash,
/// a hang or an unbounded allocation. The defaults suit an event directory: a
/// real one nests a handful of levels, and no name or description comes near
/// a mebibyte.
public struct JSONLimits: Sendable, Equatable {
    /// The deepest nesting of arrays and objects allowed; the top-level container is level 1.
    ///
    /// Checked before a container is opened. The parser keeps its own stack on the
    /// heap, so no limit can make parsing overflow the thread's stack; but freeing a
    /// ``JSONValue``, or any recursive walk over one, recurses once per level, so
    /// keep the limit in the hundreds rather than the hundreds of thousands.
    public var maxDepth: Int
    /// The longest string (key or value) allowed, in bytes of decoded UTF-8.
    public var maxStringBytes: Int
    /// The largest document accepted, in bytes, byte-order mark included.
    public var maxDocumentBytes: Int
    /// The longest number literal allowed, in characters.
    ///
    /// Numbers are kept as text, so without a bound one literal could be the whole file.
    public var maxNumberLength: Int

    public init(
        maxDepth: Int = 64,
        maxStringBytes: Int = 1 << 20,
        maxDocumentBytes: Int = 1 << 30,
        maxNumberLength: Int = 1000
    ) {
        self.maxDepth = maxDepth
        self.maxStringBytes = maxStringBytes
        self.maxDocumentBytes = maxDocumentBytes
        self.maxNumberLength = maxNumberLength
    }

    /// Depth 64, strings up to 1 MiB, documents up to 1 GiB, numbers up to 1000 characters.
    public static let `default` = JSONLimits()
}
