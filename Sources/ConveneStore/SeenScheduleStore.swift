import ConveneModel
import Glibc

/// The copy of a source's schedule as the user last saw it, kept between runs.
///
/// The browser compares it with what the file says at the next start, so that a room
/// change made while Convene was closed is marked like one seen live (EventFahrplan's
/// "keep track of program changes"). One file per source (the path or URL it was
/// opened from), in the state directory beside the stars:
/// `seen-<16 hex digits of FNV-1a of the source>.json`. The name never holds the source
/// itself, so a URL's user-info or token never lands in a file name, and neither
/// does the file's content.
///
/// ```json
/// {"format": "convene-seen/1", "sessions": [
///   {"key": "guid:6b1c…", "event": "gc", "id": "talk", "title": "Talk",
///    "start": "2024-02-03T10:00:00+01:00", "end": "2024-02-03T10:30:00+01:00", "room": "H.1", "speakers": ["An"]}]}
/// ```
///
/// The copy is a convenience, not the user's data: one that is damaged or of an
/// unknown format is ignored (nothing is marked) and replaced at the next save,
/// except one of a newer format, which is left alone.
public struct SeenScheduleStore: Sendable {
    public static let format = "convene-seen/1"
    /// Larger than the session list of any real conference; a larger file is ignored.
    public static let maximumSize = 64 << 20

    /// What a load found.
    public enum Loaded: Sendable, Equatable {
        /// The sessions as last seen.
        case sessions([SessionSnapshot])
        /// No copy kept yet (or one that was ignored, with the reason).
        case none(note: String?)
        /// A newer Convene's file: not read, and not to be overwritten.
        case newer(String)
    }

    public let stateDirectory: String
    public let source: String
    let fileSystem: any FileSystem

    public init(stateDirectory: String, source: String, fileSystem: any FileSystem = SystemFileSystem()) {
        self.stateDirectory = stateDirectory
        self.source = source
        self.fileSystem = fileSystem
    }

    /// `<state directory>/seen-<hash>.json`.
    public var path: String { stateDirectory + "/" + Self.fileName(source: source) }

    /// The file name for a source: its 64-bit FNV-1a hash, in hex.
    public static func fileName(source: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in source.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        let hex = String(h, radix: 16)
        return "seen-" + String(repeating: "0", count: 16 - hex.count) + hex + ".json"
    }

    /// Reads the copy; a missing, damaged or foreign file is `.none`.
    public func load() -> Loaded {
        let bytes: [UInt8]?
        do {
            bytes = try fileSystem.read(path, limit: Self.maximumSize)
        } catch {
            return .none(note: "the copy of the schedule last seen could not be read: \(error.description)")
        }
        guard let bytes else { return .none(note: nil) }
        return Self.decode(bytes)
    }

    /// Writes the copy durably (``DurableFile/replace(path:bytes:backup:newFileMode:fileSystem:)``, 0600).
    public func save(_ sessions: [SessionSnapshot]) throws(StoreError) {
        try fileSystem.makeDirectories(stateDirectory, mode: 0o700)
        try DurableFile.replace(path: path, bytes: Self.encode(sessions), newFileMode: 0o600, fileSystem: fileSystem)
    }

    // MARK: The format

    public static func encode(_ sessions: [SessionSnapshot]) -> [UInt8] {
        func q(_ s: String) -> String { JSONString.quote(s) }
        var text = "{\n  \"format\": \(q(format)),\n  \"sessions\": ["
        text += sessions.map { s in
            var members = ["\"key\": \(q(s.key))", "\"event\": \(q(s.event))", "\"id\": \(q(s.id))",
                           "\"title\": \(q(s.title))", "\"start\": \(q(s.start.description))",
                           "\"end\": \(q(s.end.description))"]
            if let room = s.room { members.append("\"room\": \(q(room))") }
            members.append("\"speakers\": [" + s.speakers.map(q).joined(separator: ", ") + "]")
            return "\n    {" + members.joined(separator: ", ") + "}"
        }.joined(separator: ",")
        text += sessions.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return Array(text.utf8)
    }

    public static func decode(_ bytes: [UInt8]) -> Loaded {
        if bytes.count > maximumSize { return .none(note: "the copy of the schedule last seen is too large; ignored") }
        func ignored(_ why: String) -> Loaded { .none(note: "the copy of the schedule last seen was ignored: \(why)") }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes, limits: JSONLimits(maxDepth: 8))
        } catch {
            return ignored("not JSON")
        }
        guard case .string(let found)? = value["format"] else { return ignored("no format") }
        if found != format {
            if found.hasPrefix("convene-seen/"), let n = Int(found.dropFirst("convene-seen/".count)), n > 1 { return .newer(found) }
            return ignored("unknown format \(found)")
        }
        guard case .array(let items)? = value["sessions"] else { return ignored("no sessions") }
        var sessions: [SessionSnapshot] = []
        for item in items {
            func text(_ key: String) -> String? { if case .string(let s)? = item[key] { s } else { nil } }
            guard let key = text("key"), let event = text("event"), let id = text("id"), let title = text("title"),
                  let start = text("start").flatMap(Timestamp.init(iso8601:)),
                  let end = text("end").flatMap(Timestamp.init(iso8601:)),
                  case .array(let names)? = item["speakers"] else { return ignored("a session that is not complete") }
            var speakers: [String] = []
            for name in names {
                guard case .string(let n) = name else { return ignored("a speaker that is not a string") }
                speakers.append(n)
            }
            sessions.append(SessionSnapshot(key: key, event: event, id: id, title: title, start: start, end: end,
                                            room: text("room"), speakers: speakers))
        }
        return .sessions(sessions)
    }
}
