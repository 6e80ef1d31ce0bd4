import Foundation

/// Converts between wall-clock times in an IANA time zone and ``Timestamp``s.
///
/// Formats such as schedule.json write "09:30 on 2019-12-27 in Europe/Berlin";
/// the model stores the instant with the offset the zone had then, which is what
/// the ``Validator`` checks. Summer time is taken from the system's tz database.
public struct ZoneClock: Sendable {
    let zone: TimeZone

    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.zone = zone
    }

    /// The offset from UTC, in seconds, in force at `seconds` since the epoch.
    public func offset(at seconds: Int64) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// The same instant written at the zone's offset then.
    public func express(_ t: Timestamp) -> Timestamp {
        Timestamp(seconds: t.seconds, offsetSeconds: offset(at: t.seconds))
    }

    /// The instant a wall-clock time denotes in this zone.
    ///
    /// In the hour skipped when summer time starts the time is read with the
    /// offset from before the change (02:30 becomes 03:30); in the hour repeated
    /// when it ends, the first of the two instants is taken.
    public func instant(date: LocalDate, minuteOfDay: Int) -> Timestamp {
        let local = Int64(Timestamp.daysFromCivil(year: date.year, month: date.month, day: date.day)) * 86_400
            + Int64(minuteOfDay) * 60
        // Offsets change at most a few times a year, so the offsets half a day either side are the
        // only candidates; a candidate is right when the zone has that offset at the instant it gives.
        let before = offset(at: local - 43_200), after = offset(at: local + 43_200)
        let fromBefore = local - Int64(before), fromAfter = local - Int64(after)
        let beforeFits = offset(at: fromBefore) == before, afterFits = offset(at: fromAfter) == after
        let seconds: Int64
        switch (beforeFits, afterFits) {
        case (true, true): seconds = min(fromBefore, fromAfter)
        case (false, true): seconds = fromAfter
        default: seconds = fromBefore
        }
        return Timestamp(seconds: seconds, offsetSeconds: offset(at: seconds))
    }
}

/// A calendar date without a time: `2019-12-27`.
public struct LocalDate: Sendable, Hashable, Comparable {
    public var year, month, day: Int

    /// Parses `YYYY-MM-DD`, also the date part of a longer ISO 8601 text; nil when malformed.
    public init?(_ text: String) {
        let prefix = String(text.prefix(10))
        guard prefix.utf8.count == 10, let t = Timestamp(iso8601: prefix + "T00:00Z") else { return nil }
        let p = t.components(offsetSeconds: 0)
        (year, month, day) = (p.year, p.month, p.day)
    }

    public init(year: Int, month: Int, day: Int) { (self.year, self.month, self.day) = (year, month, day) }

    public var daysSinceEpoch: Int { Timestamp.daysFromCivil(year: year, month: month, day: day) }

    public func adding(days: Int) -> LocalDate {
        let (y, m, d) = Timestamp.civilFromDays(daysSinceEpoch + days)
        return LocalDate(year: y, month: m, day: d)
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

    public var text: String { DateParts(year: year, month: month, day: day, hour: 0, minute: 0, second: 0).date }
}

/// Reads `HH:MM` or `HH:MM:SS` clock times and durations.
public enum ClockText {
    /// Minutes from `HH:MM` (hours may exceed 23 for durations, e.g. "25:00"); seconds are ignored
    /// when zero and make the text invalid otherwise. Nil when malformed.
    public static func minutes(_ text: String, maxHours: Int) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
              parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
              parts[1].count == 2, parts[0].count <= 3,
              let h = Int(parts[0]), let m = Int(parts[1]), h <= maxHours, m < 60 else { return nil }
        if parts.count == 3 { guard parts[2].count == 2, parts[2] == "00" else { return nil } }
        return h * 60 + m
    }

    /// `01:30` from 90 minutes.
    public static func text(minutes: Int) -> String { "\(pad(minutes / 60)):\(pad(minutes % 60))" }
}
