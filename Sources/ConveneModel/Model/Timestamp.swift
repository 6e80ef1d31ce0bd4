/// An instant written as ISO 8601 with a UTC offset: `2023-11-18T08:30:00+07:00`.
///
/// The instant and the offset it was written in are both kept: the agenda shows
/// times as the organisers wrote them, while comparisons and iCalendar output use
/// the instant. Parsing is strict and does not go through Foundation's
/// formatters, which are slow and accept more than the format allows.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var seconds: Int64
    /// The offset from UTC the time was written in, in seconds (e.g. 25200 for +07:00).
    public var offsetSeconds: Int

    public init(seconds: Int64, offsetSeconds: Int) {
        self.seconds = seconds
        self.offsetSeconds = offsetSeconds
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.seconds < rhs.seconds }

    /// Parses `YYYY-MM-DDTHH:MM[:SS]` followed by `Z` or `±HH:MM`; nil when malformed or out of range.
    public init?(iso8601 text: String) {
        var text = text
        guard let parsed = text.withUTF8({ Timestamp(iso8601UTF8: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = parsed
    }

    /// ``init(iso8601:)`` from the text's UTF-8, as the direct decoder has it (no `String` made).
    init?(iso8601UTF8 b: UnsafeRawBufferPointer) {
        func digits(_ at: Int, _ n: Int) -> Int? {
            guard at + n <= b.count else { return nil }
            var v = 0
            for i in at..<(at + n) {
                let c = b[i]
                guard c >= 0x30, c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            return v
        }
        func byte(_ at: Int, _ c: UInt8) -> Bool { at < b.count && b[at] == c }
        guard let year = digits(0, 4), byte(4, 0x2D), let month = digits(5, 2), byte(7, 0x2D),
              let day = digits(8, 2), byte(10, 0x54) || byte(10, 0x20),
              let hour = digits(11, 2), byte(13, 0x3A), let minute = digits(14, 2) else { return nil }
        var i = 16
        var second = 0
        if byte(i, 0x3A) {
            guard let s = digits(i + 1, 2) else { return nil }
            second = s
            i += 3
        }
        guard (1...12).contains(month), day >= 1, day <= Timestamp.daysIn(month: month, year: year),
              hour < 24, minute < 60, second < 60 else { return nil }
        var offset = 0
        if byte(i, 0x5A) {
            i += 1
        } else if byte(i, 0x2B) || byte(i, 0x2D) {
            let sign = b[i] == 0x2D ? -1 : 1
            guard let oh = digits(i + 1, 2), byte(i + 3, 0x3A), let om = digits(i + 4, 2),
                  oh <= 14, om < 60 else { return nil }
            offset = sign * (oh * 3600 + om * 60)
            i += 6
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        let days = Timestamp.daysFromCivil(year: year, month: month, day: day)
        let local = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        self.init(seconds: local - Int64(offset), offsetSeconds: offset)
    }

    /// The calendar fields of this instant at the given offset from UTC.
    public func components(offsetSeconds offset: Int? = nil) -> DateParts {
        let local = seconds + Int64(offset ?? offsetSeconds)
        let days = Int(floorDiv(local, 86_400))
        let secs = Int(local - Int64(days) * 86_400)
        let (y, m, d) = Timestamp.civilFromDays(days)
        return DateParts(year: y, month: m, day: d, hour: secs / 3600, minute: secs / 60 % 60, second: secs % 60)
    }

    /// `2023-11-18T08:30:00+07:00`: the form it is stored in.
    public var description: String { iso8601(offsetSeconds: offsetSeconds) }

    /// The instant written at another offset from UTC.
    public func iso8601(offsetSeconds offset: Int) -> String {
        let p = components(offsetSeconds: offset)
        let sign = offset < 0 ? "-" : "+"
        let o = abs(offset)
        return "\(p.date)T\(pad(p.hour)):\(pad(p.minute)):\(pad(p.second))\(sign)\(pad(o / 3600)):\(pad(o / 60 % 60))"
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days-from-civil algorithms: exact for the proleptic Gregorian calendar.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

/// Calendar fields of a ``Timestamp`` at some offset.
public struct DateParts: Sendable, Hashable {
    public var year, month, day, hour, minute, second: Int

    /// `2023-11-18`
    public var date: String { "\(year)-\(pad(month))-\(pad(day))" }
    /// `08:30`
    public var time: String { "\(pad(hour)):\(pad(minute))" }
}

@inline(__always) func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
@inline(__always) func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

extension Timestamp {
    /// Stands in for a time that failed to decode; only ever seen in a directory that also has a problem.
    public static let unknown = Timestamp(seconds: .min, offsetSeconds: 0)
    /// False for ``unknown``.
    public var isKnown: Bool { seconds != .min }
}
