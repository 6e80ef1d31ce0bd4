/// Why a directory could not be loaded, with the exit code a command should end with.
///
/// Every case names the file. Syntax errors give line and column; model errors
/// give JSON paths. The two never mix, so "not valid JSON at 3:17" always means
/// the file is not JSON and "$.delegates[4].city: unknown city" always means it
/// is JSON that does not describe a valid directory.
public enum LoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not exist, is not readable, or is a directory (exit 66, EX_NOINPUT).
    case cannotRead(file: String, reason: String)
    /// The file holds no bytes, or only white space (exit 65, EX_DATAERR).
    case empty(file: String)
    /// The file is larger than the loader accepts (exit 65).
    case tooLarge(file: String, bytes: Int, limit: Int)
    /// The bytes are not a JSON document at all, e.g. an image or a spreadsheet (exit 65).
    case notJSON(file: String, detail: String)
    /// The file is not valid JSON (exit 65).
    case syntax(file: String, line: Int, column: Int, message: String)
    /// Valid JSON that is not a valid directory: every problem found, up to a cap (exit 65).
    case invalid(file: String, problems: [Problem], dropped: Int)
    /// A published schedule (schedule.xml, iCalendar) that could not be read, with the reader's
    /// place: line and column, an element path, or an iCalendar line (exit 65).
    case published(PublishedReadError)
    /// The file changed while it was being read, e.g. another program was writing it, so the
    /// bytes may mix two versions; reading it again is likely to work (exit 75, EX_TEMPFAIL).
    case changedWhileReading(file: String)

    /// sysexits.h codes: 66 for input that cannot be opened, 75 for a file that changed
    /// while it was read (try again), 65 for bad data.
    public var exitCode: Int32 {
        switch self {
        case .cannotRead: return 66
        case .changedWhileReading: return 75
        default: return 65
        }
    }

    public var description: String {
        switch self {
        case let .cannotRead(file, reason):
            return "\(file): cannot read: \(reason)"
        case let .empty(file):
            return "\(file): the file is empty; a directory is a JSON object with \"format\": \"convene/1\""
        case let .tooLarge(file, bytes, limit):
            return "\(file): the file is \(bytes) bytes, more than the limit of \(limit) bytes"
        case let .notJSON(file, detail):
            return "\(file): not a JSON document: \(detail)"
        case let .syntax(file, line, column, message):
            return "\(file): not valid JSON at \(line):\(column): \(message)"
        case let .published(error):
            return error.description
        case let .changedWhileReading(file):
            return "\(file) changed while it was being read; try again"
        case let .invalid(file, problems, dropped):
            var lines = ["\(file): \(problems.count + dropped) problem\(problems.count + dropped == 1 ? "" : "s") in the directory:"]
            lines += problems.map { "  \($0)" }
            if dropped > 0 { lines.append("  … and \(dropped) more") }
            return lines.joined(separator: "\n")
        }
    }
}

extension LoadError {
    /// A reader's error in the loader's terms: schedule.json's JSON paths and syntax
    /// positions as convene/1's (``invalid(file:problems:dropped:)``, ``syntax(file:line:column:message:)``),
    /// other formats' places as they are.
    init(_ error: PublishedReadError, format: String) {
        switch error.place {
        case .json(let path):
            self = .invalid(file: error.file, problems: [Problem(path: path, message: error.problem)], dropped: 0)
        case .lineColumn(let line, let column) where format == ScheduleJSONReader().name:
            self = .syntax(file: error.file, line: line, column: column, message: error.problem)
        default:
            self = .published(error)
        }
    }
}
