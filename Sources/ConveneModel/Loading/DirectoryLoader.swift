#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Loads a directory from a file or from bytes: read, parse, decode, validate.
///
/// The four steps are separate so each can be replaced or tested alone; this
/// type only sequences them and turns their outcomes into ``LoadError``s that
/// name the file.
public enum DirectoryLoader {
    /// The largest file accepted by default: 1 GiB, far above a million delegates (about 135 MB).
    public static let defaultMaxBytes = 1 << 30

    /// Reads and loads the file at `path`.
    public static func load(path: String, maxBytes: Int = defaultMaxBytes) throws(LoadError) -> Directory {
        let bytes = try readFile(path, maxBytes: maxBytes)
        return try load(bytes: bytes, name: path)
    }

    /// Loads a directory from bytes; `name` is used in messages.
    ///
    /// A valid `convene/1` document is read in one pass (``loadFast(bytes:name:)``);
    /// anything else is parsed and decoded step by step, with the same messages.
    public static func load(bytes: [UInt8], name: String) throws(LoadError) -> Directory {
        try loadFast(bytes: bytes, name: name).directory
    }

    /// Parses bytes as JSON, naming the file in errors.
    public static func parse(bytes: [UInt8], name: String) throws(LoadError) -> JSONValue {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        guard let firstIndex = bytes[start...].firstIndex(where: { !isJSONSpace($0) }) else { throw .empty(file: name) }
        if !startsJSON(bytes[firstIndex...]) {
            throw .notJSON(file: name, detail: describeStart(bytes, at: start, first: bytes[firstIndex]))
        }
        do {
            return try JSONParser.parse(bytes)
        } catch {
            throw .syntax(file: name, line: error.line, column: error.column, message: error.message)
        }
    }

    /// Decodes and validates a parsed document; decoding and reference problems are reported together.
    ///
    /// The format is told from the content: a top-level `"schedule"` object is a frab/pretalx
    /// schedule.json (``ScheduleDecoder``); anything else is read as `convene/1`.
    public static func decodeAndValidate(_ document: JSONValue, name: String) throws(LoadError) -> Directory {
        let (directory, decodeProblems, decodeDropped) = ScheduleDecoder.recognizes(document)
            ? ScheduleDecoder.decode(document) : DirectoryDecoder.decode(document)
        if case .object = document {} else {
            throw .invalid(file: name, problems: decodeProblems, dropped: decodeDropped)
        }
        let (checkProblems, checkDropped) = Validator.validate(directory)
        let all = decodeProblems + checkProblems
        if all.isEmpty { return directory }
        let kept = Array(all.prefix(ProblemList.cap))
        throw .invalid(file: name, problems: kept, dropped: decodeDropped + checkDropped + all.count - kept.count)
    }

    /// Reads a whole file, naming it in errors: the first step of ``load(path:maxBytes:)``.
    public static func read(path: String, maxBytes: Int = defaultMaxBytes) throws(LoadError) -> [UInt8] {
        try readFile(path, maxBytes: maxBytes)
    }

    /// Reads a whole regular file with POSIX calls, so each failure gets its own message.
    static func readFile(_ path: String, maxBytes: Int) throws(LoadError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotRead(file: path, reason: errnoText(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .cannotRead(file: path, reason: errnoText(errno)) }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { throw .cannotRead(file: path, reason: "it is a directory, not a file") }
        let size = Int(info.st_size)
        if type == S_IFREG, size > maxBytes { throw .tooLarge(file: path, bytes: size, limit: maxBytes) }
        // Regular files are read in one allocation; pipes and other streams grow as they go.
        var bytes = [UInt8]()
        bytes.reserveCapacity(type == S_IFREG ? size : 1 << 16)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .cannotRead(file: path, reason: errnoText(errno))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > maxBytes { throw .tooLarge(file: path, bytes: bytes.count, limit: maxBytes) }
        }
        return bytes
    }

    private static func errnoText(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES: return "permission denied"
        case EISDIR: return "it is a directory, not a file"
        default: return String(cString: strerror(code)).lowercased()
        }
    }

    private static func isJSONSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    /// True when the text can begin a JSON value, so that a CSV file starting with "name," is
    /// called "not JSON" rather than given a syntax error at 1:2.
    private static func startsJSON(_ rest: ArraySlice<UInt8>) -> Bool {
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

    private static func describeStart(_ bytes: [UInt8], at start: Int, first: UInt8) -> String {
        let head = Array(bytes[start..<min(bytes.count, start + 8)])
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "it looks like a PNG image" }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return "it looks like a ZIP archive (a spreadsheet?)" }
        if head.starts(with: [0x25, 0x50, 0x44, 0x46]) { return "it looks like a PDF document" }
        if first >= 0x20 && first < 0x7F {
            return "it starts with '\(Character(Unicode.Scalar(first)))'; Convene reads JSON files with \"format\": \"convene/1\""
        }
        let hex = String(first, radix: 16, uppercase: true)
        return "it starts with byte 0x\(first < 16 ? "0" : "")\(hex); Convene reads JSON files with \"format\": \"convene/1\""
    }
}
