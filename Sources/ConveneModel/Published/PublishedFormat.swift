/// A reader for one kind of published schedule.
///
/// A reader recognises its format from the file's first bytes, never from its
/// name (schedules are saved as `schedule`, `fahrplan.txt` or `download`), and
/// reads the whole file into a ``PublishedSchedule``. Adding a format is one
/// file with a type conforming to this protocol and one line in
/// ``PublishedFormats/all``.
public protocol PublishedFormat: Sendable {
    /// A short name for messages and ``PublishedSchedule/format``, e.g. `schedule.xml`.
    var name: String { get }
    /// True when the first bytes of a file look like this format. Cheap: it runs on every file opened.
    func recognises(firstBytes: ArraySlice<UInt8>) -> Bool
    /// Reads a whole file. `name` is the file's name, used only in error messages.
    func read(bytes: [UInt8], name: String) throws(PublishedReadError) -> PublishedSchedule
    /// Reads straight from an open file, without a buffer of all of it; nil leaves the file to
    /// ``read(bytes:name:)``, which reports every error. The default is nil.
    func read(file: PublishedFile) -> PublishedSchedule?
}

extension PublishedFormat {
    public func read(file: PublishedFile) -> PublishedSchedule? { nil }
}

/// An open regular file for ``PublishedFormat/read(file:)``: read it with `pread`, which leaves the
/// descriptor's offset where the loader expects it.
public struct PublishedFile {
    public let descriptor: Int32
    public let size: Int
    /// The file's first bytes (at most 64 KiB), already read.
    public let head: [UInt8]

    public init(descriptor: Int32, size: Int, head: [UInt8]) {
        self.descriptor = descriptor
        self.size = size
        self.head = head
    }
}

/// The readers Convene knows, in the order they are tried.
public enum PublishedFormats {
    /// Every reader. Their recognisers do not overlap: `<`, `BEGIN:VCALENDAR`, and `{` with a \"schedule\" key.
    public static let all: [any PublishedFormat] = [
        ScheduleXMLReader(),
        ICalendarReader(),
        ScheduleJSONReader(),
    ]

    /// How many leading bytes ``reader(for:)`` looks at.
    public static let sniffLength = 4096

    /// The first reader that recognises the bytes, or nil.
    public static func reader(for bytes: [UInt8]) -> (any PublishedFormat)? {
        let head = bytes.prefix(sniffLength)
        return all.first { $0.recognises(firstBytes: head) }
    }

    /// `schedule.xml, iCalendar and schedule.json (v1 and v2)`: for a refusal that says what Convene reads.
    public static var namesInWords: String {
        let names = all.map(\.name)
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
    }

    /// Reads `bytes` with the reader that recognises them; refuses, naming the known formats, when none does.
    public static func read(bytes: [UInt8], name: String) throws(PublishedReadError) -> PublishedSchedule {
        guard let reader = reader(for: bytes) else {
            throw PublishedReadError(file: name, place: .none,
                                     problem: "not a schedule Convene reads; it reads \(namesInWords)")
        }
        return try reader.read(bytes: bytes, name: name)
    }
}

/// Why a published schedule could not be read, and where.
///
/// The description has the loader's shape, `file:place: problem`, e.g.
/// `fahrplan.xml:schedule/day[2]/room[@name="Saal 1"]/event[5]/duration: '1h' is not a duration of the form HH:MM or HH:MM:SS`.
/// Text quoted from the file is escaped so that printing the message cannot take over a terminal.
public struct PublishedReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var place: PublishedPlace
    public var problem: String

    public init(file: String, place: PublishedPlace, problem: String) {
        self.file = file
        self.place = place
        self.problem = problem
    }

    public var description: String {
        let at = place.description
        return at.isEmpty ? "\(file): \(problem)" : "\(file):\(at): \(problem)"
    }
}

/// A place in a published file, in the form a person can find it by.
public enum PublishedPlace: Sendable, Equatable, CustomStringConvertible {
    /// The whole file.
    case none
    /// A syntax error: 1-based line and column.
    case lineColumn(line: Int, column: Int)
    /// An XML element path with positions, and the line where the element starts:
    /// `schedule/day[2]/room[@name="Saal 1"]/event[5]/start`.
    case element(path: String, line: Int)
    /// An iCalendar content line (after unfolding, the number of its first physical line).
    case line(Int)
    /// A JSON path: `$.schedule.events[3].start`.
    case json(String)

    public var description: String {
        switch self {
        case .none: return ""
        case .lineColumn(let line, let column): return "\(line):\(column)"
        case .element(let path, let line): return "\(line): \(path)"
        case .line(let line): return "\(line)"
        case .json(let path): return path
        }
    }
}
