/// Reads a `convene/1` document straight from its bytes into a validated ``Directory``.
///
/// The general path (``JSONParser`` → ``JSONValue`` tree → ``DirectoryDecoder`` →
/// ``Validator``) builds a tree node, a key string and a member array for every
/// field of every delegate, then walks it again; on a million delegates that is
/// seconds and gigabytes. This decoder reads the `delegates` array with the
/// parser's own lexer (``JSONByteReader``: the same string, number, literal,
/// UTF-8 and limit checks) straight into the columns of a ``DelegateList``
/// (``CompactDelegates``: no `Delegate` or `String` per record), turning its
/// references into symbols (``ByteInterner``) that are checked with array reads.
/// The events and their sessions are read directly too (``eventArray()``); the small
/// arrays — countries, cities, organizations — are parsed into trees with the same
/// parser and decoded by ``DirectoryDecoder``'s own functions.
///
/// It only ever answers for documents the general path accepts, with the same
/// directory: anything unusual (a syntax error, a wrong type, an unknown or
/// duplicate key, a `null` where a value is required, a dangling reference, a
/// schedule.json) makes it decline, and the caller runs the general path, which
/// produces the exact message. A valid file is therefore read once; an invalid
/// one is read twice, and its errors are word for word those of the general path.
enum DirectDecoder {
    /// What a direct load produces: the directory and what the index would otherwise recompute.
    struct Result {
        var directory: Directory
        /// Per delegate, the index of its city and country in the directory, when the
        /// symbols were exact (all ids ASCII); nil otherwise.
        var facts: DelegateFacts?
        /// The document's `$schema` pointer, when it is a string: a writer keeps it.
        var schema: String?
        /// Where a second thread took over the delegates array, when it did.
        var splitAt: Int? = nil
    }

    /// Decodes and validates `file`; nil when the general path must decide.
    ///
    /// `split` says when a second thread reads part of the delegates array
    /// (``SplitPolicy``); the outcome is the same either way.
    static func load(_ file: [UInt8], limits: JSONLimits = .default, progress: LoadProgress? = nil,
                     split: SplitPolicy = .automatic, releasing: ReleasedPrefix? = nil) -> Result? {
        // Depths below are fixed by the format (a delegate's events array is level 4).
        guard file.count <= limits.maxDocumentBytes, limits.maxDepth >= 4 else { return nil }
        return file.withUnsafeBufferPointer { bytes -> Result? in
            var decoder = DirectReader(bytes: bytes, limits: limits)
            decoder.progress = progress
            decoder.file = file
            decoder.splitPolicy = split
            decoder.release = releasing
            progress?.begin(total: bytes.count, stage: "reading")
            do {
                return try decoder.decodeDocument()
            } catch {
                return nil
            }
        }
    }
}

/// Per-delegate numbers the loader already knows, handed to ``DirectoryIndex``.
struct DelegateFacts: Sendable {
    /// Index into `directory.cities` for each delegate; -1 when not recorded.
    var city: [Int32]
    /// Index into `directory.countries` for each delegate; -1 when not recorded.
    var country: [Int32]
    /// For each event, the delegates who list it (as ``DirectoryIndex/attendees``).
    var attendees: [[Int]]
}

/// The decoder's state: the shared lexer, the symbols, and what each delegate referred to.
struct DirectReader {
    var reader: JSONByteReader

    let cityIDs = ByteInterner()
    let countryCodes = ByteInterner()
    let organizationIDs = ByteInterner()
    let eventIDs = ByteInterner()
    /// Each delegate id's hash and place, checked for duplicates after the scan.
    var delegateIDs: DelegateIDs
    /// Long role texts ("Chief Executive Officer") repeat; each is stored once.
    let roles = ByteInterner()

    /// Per delegate: city and country symbols, ``notRecorded`` where the field is absent or null.
    var delegateCity: [Int32] = []
    var delegateCountry: [Int32] = []
    /// Event symbols of all delegates, flattened; `eventStarts[i]..<eventStarts[i + 1]` are delegate i's.
    var eventSymbols: [Int32] = []
    var eventStarts: [Int32] = [0]

    /// Where to report the byte offset reached, for a progress bar.
    var progress: LoadProgress?

    /// The file again, as a value a second thread may hold (the read never writes it); nil for a second reader.
    var file: [UInt8]?
    /// When the delegates array is read by two threads.
    var splitPolicy = SplitPolicy.never
    /// Where the second thread's half was joined, once it was.
    var splitAt: Int?
    /// Gives the file's pages behind the cursor back as the delegates are read; nil to keep them.
    var release: ReleasedPrefix?

    /// The symbol of a city or country that is not recorded; also its index in ``DelegateFacts``.
    static let notRecorded: Int32 = -1

    /// Thrown to decline: the general path will decide, and word the message.
    static let decline = JSONSyntaxError(line: 0, column: 0, offset: -1, message: "declined by the direct decoder")

    /// A reader of `bytes`; `expectedDelegates` sizes the tables once instead of growing them.
    init(bytes: UnsafeBufferPointer<UInt8>, limits: JSONLimits, expectedDelegates: Int? = nil) {
        reader = JSONByteReader(bytes: bytes, limits: limits)
        // Roughly one delegate per 150 bytes.
        let estimate = max(16, expectedDelegates ?? bytes.count / 150)
        delegateIDs = DelegateIDs(expectedCount: estimate)
        delegateCity.reserveCapacity(estimate)
        delegateCountry.reserveCapacity(estimate)
        eventSymbols.reserveCapacity(estimate)
        eventStarts.reserveCapacity(estimate + 1)
    }

    // MARK: Tokens

    @inline(__always)
    var byte: UInt8 { reader.index < reader.end ? reader.bytes[reader.index] : 0 }

    /// Skips whitespace and consumes `expected`, or declines.
    @inline(__always)
    mutating func expect(_ expected: UInt8) throws(JSONSyntaxError) {
        reader.skipWhitespace()
        guard reader.index < reader.end, reader.bytes[reader.index] == expected else { throw DirectReader.decline }
        reader.index &+= 1
    }

    /// After a member or element: true for `,` (another follows), false for `closer`; declines otherwise.
    @inline(__always)
    mutating func another(_ closer: UInt8) throws(JSONSyntaxError) -> Bool {
        reader.skipWhitespace()
        guard reader.index < reader.end else { throw DirectReader.decline }
        let next = reader.bytes[reader.index]
        reader.index &+= 1
        if next == UInt8(ascii: ",") { return true }
        if next == closer { return false }
        throw DirectReader.decline
    }

    /// True (and consumed) when an empty container closes right away.
    @inline(__always)
    mutating func closesAtOnce(_ closer: UInt8) -> Bool {
        reader.skipWhitespace()
        if byte == closer {
            reader.index &+= 1
            return true
        }
        return false
    }

    /// Consumes `[` and returns true, or consumes `null` (an absent list) and returns false;
    /// anything else declines. The cursor is at the value (``readKey(_:)`` skipped the whitespace).
    @inline(__always)
    mutating func opensArray() throws(JSONSyntaxError) -> Bool {
        switch byte {
        case UInt8(ascii: "n"):
            try reader.readLiteral("null", context: .afterColon)
            return false
        case UInt8(ascii: "["):
            reader.index &+= 1
            return true
        default:
            throw DirectReader.decline
        }
    }

    /// `true`, `false`, or nil for `null` (as ``ObjectReader/optionalBool(_:)`` reads it); anything else declines.
    @inline(__always)
    mutating func optionalFlag() throws(JSONSyntaxError) -> Bool? {
        switch byte {
        case UInt8(ascii: "t"):
            try reader.readLiteral("true", context: .afterColon)
            return true
        case UInt8(ascii: "f"):
            try reader.readLiteral("false", context: .afterColon)
            return false
        case UInt8(ascii: "n"):
            try reader.readLiteral("null", context: .afterColon)
            return nil
        default:
            throw DirectReader.decline
        }
    }

    /// Reads `"key":` and hands the key's bytes to `body`.
    @inline(__always)
    mutating func readKey<T>(_ body: (UnsafeRawBufferPointer) -> T) throws(JSONSyntaxError) -> T {
        reader.skipWhitespace()
        // Most keys are short, plain and followed at once by the colon: read in two word loads.
        if let span = reader.scanPlainKeyAndColon() {
            let result = body(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(reader.bytes)[span]))
            reader.skipWhitespace()
            return result
        }
        guard byte == UInt8(ascii: "\"") else { throw DirectReader.decline }
        let span = try reader.scanString()
        let result = reader.withBytes(of: span, body)
        try expect(UInt8(ascii: ":"))
        reader.skipWhitespace()
        return result
    }

    /// True for `null` (consumed), false when a string follows; declines on anything else.
    @inline(__always)
    mutating func isNull(context: JSONByteReader.ValueContext = .afterColon) throws(JSONSyntaxError) -> Bool {
        switch byte {
        case UInt8(ascii: "\""): return false
        case UInt8(ascii: "n"):
            try reader.readLiteral("null", context: context)
            return true
        default: throw DirectReader.decline
        }
    }

    /// A required, non-blank string field.
    mutating func requiredString() throws(JSONSyntaxError) -> String {
        guard try !isNull() else { throw DirectReader.decline }
        let span = try reader.scanString()
        let text = reader.withBytes(of: span) { String(decoding: $0, as: UTF8.self) }
        try Self.requireNotBlank(text)
        return text
    }

    /// Declines for a string the general path calls empty: blank, or only whitespace.
    @inline(__always)
    static func requireNotBlank(_ text: String) throws(JSONSyntaxError) {
        // `Character.isWhitespace` is the White_Space property of the character's first
        // scalar, so a first scalar without it means the text is not blank.
        if let first = text.unicodeScalars.first, !isWhiteSpace(first.value) { return }
        if text.allSatisfy(\.isWhitespace) { throw DirectReader.decline }
    }

    /// Unicode's White_Space property, spelled out (tested against `Unicode.Scalar.Properties`).
    @inline(__always)
    static func isWhiteSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    // MARK: The document

    mutating func decodeDocument() throws(JSONSyntaxError) -> DirectDecoder.Result {
        let bytes = reader.bytes
        if reader.end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            reader.index = 3
            reader.textStart = 3
        }
        try expect(UInt8(ascii: "{"))
        if closesAtOnce(UInt8(ascii: "}")) { throw DirectReader.decline }

        let context = DecodeContext()
        var seen = Set<TopKey>()
        var format: String?, title: String?, notice: String?, schema: String?
        var countries: [Country] = [], cities: [City] = [], organizations: [Organization] = []
        var events: [Event] = [], delegates: DelegateList = []
        repeat {
            let key = try readKey { TopKey(bytes: $0) }
            guard let key, seen.insert(key).inserted else { throw DirectReader.decline }
            switch key {
            case .schema:
                if case .string(let text) = try reader.parseValue(baseDepth: 1) { schema = text }
            case .format:
                format = try requiredString()
            case .title:
                title = try requiredString()
            case .notice:
                if try !isNull() { notice = try reader.readString() }
            case .countries:
                countries = try smallArray(.countries, context) { DirectoryDecoder.country($0, $1, $2) }
            case .cities:
                cities = try smallArray(.cities, context) { DirectoryDecoder.city($0, $1, $2) }
            case .organizations:
                organizations = try smallArray(.organizations, context) { DirectoryDecoder.organization($0, $1, $2) }
            case .events:
                // Read directly (DirectReader+Events.swift); through a tree only under a tighter depth limit.
                events = reader.limits.maxDepth >= Self.eventsDepth
                    ? try eventArray()
                    : try smallArray(.events, context) { DirectoryDecoder.event($0, $1, $2) }
            case .delegates:
                delegates = try delegateArray()
            }
        } while try another(UInt8(ascii: "}"))
        reader.skipWhitespace()
        guard reader.index == reader.end, context.problems.isEmpty,
              let format, format == Directory.formatTag, let title else { throw DirectReader.decline }

        let directory = Directory(format: format, title: title, notice: notice, countries: countries, cities: cities,
                                  organizations: organizations, events: events, delegates: delegates)
        let facts = try check(directory)
        return DirectDecoder.Result(directory: directory, facts: facts, schema: schema, splitAt: splitAt)
    }

    /// The members a `convene/1` document may have.
    enum TopKey: Hashable {
        case schema, format, title, notice, countries, cities, organizations, events, delegates

        init?(bytes: UnsafeRawBufferPointer) {
            switch String(decoding: bytes, as: UTF8.self) {
            case "$schema" where bytes.count == 7: self = .schema
            case "format" where bytes.count == 6: self = .format
            case "title" where bytes.count == 5: self = .title
            case "notice" where bytes.count == 6: self = .notice
            case "countries" where bytes.count == 9: self = .countries
            case "cities" where bytes.count == 6: self = .cities
            case "organizations" where bytes.count == 13: self = .organizations
            case "events" where bytes.count == 6: self = .events
            case "delegates" where bytes.count == 9: self = .delegates
            default: return nil
            }
        }

        var name: String {
            switch self {
            case .schema: return "$schema"
            case .format: return "format"
            case .title: return "title"
            case .notice: return "notice"
            case .countries: return "countries"
            case .cities: return "cities"
            case .organizations: return "organizations"
            case .events: return "events"
            case .delegates: return "delegates"
            }
        }
    }

    /// One of the small top-level arrays, parsed into a tree and decoded by ``DirectoryDecoder``.
    mutating func smallArray<T>(_ key: TopKey, _ context: DecodeContext,
                                _ decode: (JSONValue, JSONPath, DecodeContext) -> T?) throws(JSONSyntaxError) -> [T] {
        let value = try reader.parseValue(baseDepth: 1)
        switch value {
        case .null: return []
        case .array(let items):
            let base = JSONPath.root.key(key.name)
            var out: [T] = []
            out.reserveCapacity(items.count)
            for (i, item) in items.enumerated() {
                if let decoded = decode(item, base.index(i), context) { out.append(decoded) }
            }
            return out
        default:
            throw DirectReader.decline
        }
    }
}
