import Glibc

/// Loads a directory from a file or from bytes: read, parse, decode, validate.
///
/// The four steps are separate so each can be replaced or tested alone; this
/// type only sequences them and turns their outcomes into ``LoadError``s that
/// name the file.
public enum DirectoryLoader {
    /// The largest file accepted by default: 1 GiB, far above a million delegates (about 135 MB).
    public static let defaultMaxBytes = 1 << 30

    /// Reads and loads the file at `path`: convene/1, or a schedule one of ``PublishedFormats`` reads.
    public static func load(path: String, maxBytes: Int = defaultMaxBytes,
                            options: PublishedReadOptions = PublishedReadOptions()) throws(LoadError) -> Directory {
        try loadFast(path: path, maxBytes: maxBytes, options: options).directory
    }

    /// Loads a directory from bytes; `name` is used in messages.
    ///
    /// A valid `convene/1` document is read in one pass (``loadFast(bytes:name:options:progress:)``);
    /// a published schedule goes through its reader; anything else is parsed and decoded step by
    /// step, with the same messages.
    public static func load(bytes: [UInt8], name: String,
                            options: PublishedReadOptions = PublishedReadOptions()) throws(LoadError) -> Directory {
        try loadFast(bytes: bytes, name: name, options: options, split: .automatic, validatingPublished: true).directory
    }

    /// Parses bytes as JSON, naming the file in errors.
    public static func parse(bytes: [UInt8], name: String) throws(LoadError) -> JSONValue {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        guard let firstIndex = bytes[start...].firstIndex(where: { !isJSONSpace($0) }) else { throw .empty(file: name) }
        if !startsJSON(bytes[firstIndex...]) {
            throw .notJSON(file: name, detail: describeStart(Array(bytes[start..<min(bytes.count, start + 8)]),
                                                              first: bytes[firstIndex]))
        }
        do {
            return try JSONParser.parse(bytes)
        } catch {
            throw .syntax(file: name, line: error.line, column: error.column, message: error.message)
        }
    }

    /// Decodes and validates a parsed `convene/1` document; decoding and reference problems are reported together.
    public static func decodeAndValidate(_ document: JSONValue, name: String) throws(LoadError) -> Directory {
        let (directory, decodeProblems, decodeDropped) = DirectoryDecoder.decode(document)
        if case .object = document {} else {
            throw .invalid(file: name, problems: decodeProblems, dropped: decodeDropped)
        }
        let (checkProblems, checkDropped) = Validator.validate(directory)
        let all = decodeProblems + checkProblems
        if all.isEmpty { return directory }
        let kept = Array(all.prefix(ProblemList.cap))
        throw .invalid(file: name, problems: kept, dropped: decodeDropped + checkDropped + all.count - kept.count)
    }

    /// Reads a published schedule with `reader`, maps it onto the model and validates the result.
    ///
    /// The reader's errors keep their place: a JSON path or a syntax position for
    /// schedule.json (as convene/1's), an element path or a line for XML and iCalendar.
    ///
    /// With `validating` false the ``Validator`` runs only when the mapping cannot vouch for the
    /// directory (``PublishedMapping/mapped(_:file:options:)`` says why it can); `convene validate`
    /// and ``load(bytes:name:options:)`` always run it.
    public static func loadPublished(_ reader: any PublishedFormat, bytes: [UInt8], name: String,
                                     options: PublishedReadOptions = PublishedReadOptions(),
                                     validating: Bool = true) throws(LoadError) -> Directory {
        let schedule: PublishedSchedule
        do {
            schedule = try reader.read(bytes: bytes, name: name)
        } catch {
            throw LoadError(error, format: reader.name)
        }
        return try mapPublished(consume schedule, format: reader.name, name: name, options: options, validating: validating)
    }

    /// Maps a schedule `format` read onto the model and validates the result as
    /// ``loadPublished(_:bytes:name:options:validating:)`` does.
    static func mapPublished(_ schedule: consuming PublishedSchedule, format: String, name: String,
                             options: PublishedReadOptions, validating: Bool) throws(LoadError) -> Directory {
        let directory: Directory
        do {
            let mapped = try PublishedMapping.mapped(consume schedule, file: name, options: options)
            if !validating, mapped.validByConstruction { return mapped.directory }
            directory = mapped.directory
        } catch {
            throw LoadError(error, format: format)
        }
        try validate(directory, name: name)
        return directory
    }

    /// Runs the ``Validator`` over a directory already loaded; throws ``LoadError/invalid(file:problems:dropped:)``
    /// with its problems. `convene validate` uses it for a directory fetched from a URL.
    public static func validate(_ directory: Directory, name: String) throws(LoadError) {
        let (problems, dropped) = Validator.validate(directory)
        if problems.isEmpty { return }
        let kept = Array(problems.prefix(ProblemList.cap))
        throw .invalid(file: name, problems: kept, dropped: dropped + problems.count - kept.count)
    }

    /// Reads a whole file, naming it in errors: the first step of ``load(path:maxBytes:)``.
    ///
    /// With `judgingHead`, a file whose first 64 KiB already show it is not JSON is
    /// refused with ``parse(bytes:name:)``'s message before the rest is read.
    public static func read(path: String, maxBytes: Int = defaultMaxBytes, judgingHead: Bool = false) throws(LoadError) -> [UInt8] {
        try readFile(path, maxBytes: maxBytes, judgingHead: judgingHead)
    }

    static func isJSONSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    /// True when the text can begin a JSON value, so that a CSV file starting with "name," is
    /// called "not JSON" rather than given a syntax error at 1:2.
    static func startsJSON<C: Collection<UInt8>>(_ rest: C) -> Bool {
        guard let b = rest.first else { return false }
        switch b {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "-"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return ["true", "false", "null"].contains { word in
                rest.starts(with: word.utf8) || word.utf8.starts(with: rest)
            }
        }
    }

    /// What Convene reads, for a refusal: `JSON files with "format": "convene/1", schedule.xml, iCalendar and schedule.json`.
    static var readsInWords: String {
        "Convene reads JSON files with \"format\": \"convene/1\", " + PublishedFormats.namesInWords
    }

    /// Names what a file that is not JSON looks like, from its first bytes (after any BOM).
    static func describeStart(_ head: [UInt8], first: UInt8) -> String {
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "it looks like a PNG image" }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return "it looks like a ZIP archive (a spreadsheet?)" }
        if head.starts(with: [0x25, 0x50, 0x44, 0x46]) { return "it looks like a PDF document" }
        if first >= 0x20 && first < 0x7F {
            return "it starts with '\(Character(Unicode.Scalar(first)))'; \(readsInWords)"
        }
        let hex = String(first, radix: 16, uppercase: true)
        return "it starts with byte 0x\(first < 16 ? "0" : "")\(hex); \(readsInWords)"
    }
}
