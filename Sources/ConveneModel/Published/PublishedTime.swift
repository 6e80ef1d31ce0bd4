/// A time as a schedule publishes it.
///
/// Files differ in what they pin down: frab's `<date>2019-12-27T11:00:00+01:00</date>`
/// is an instant; FOSDEM's `<start>09:30</start>` with no zone, or an iCalendar
/// `DTSTART:20240203T093000` without `TZID`, is a wall-clock time that means
/// the same clock reading wherever you are ("floating"); `VALUE=DATE` is a whole day.
/// Keeping the distinction lets the mapping step say "times are shown as written"
/// instead of inventing an offset.
public enum PublishedTime: Sendable, Hashable, CustomStringConvertible {
    /// An instant, with the offset the file wrote it in (the published local time).
    case instant(Timestamp)
    /// A wall-clock date and time with no zone or offset.
    case floating(LocalDateTime)
    /// A whole day (iCalendar `VALUE=DATE`).
    case allDay(LocalDate)

    /// The date and time as published: the wall clock at the written offset, or as written.
    public var local: LocalDateTime {
        switch self {
        case .instant(let t):
            let p = t.components()
            return LocalDateTime(date: LocalDate(year: p.year, month: p.month, day: p.day),
                                 secondOfDay: p.hour * 3600 + p.minute * 60 + p.second)
        case .floating(let l): return l
        case .allDay(let d): return LocalDateTime(date: d, secondOfDay: 0)
        }
    }

    /// `2019-12-27T11:00:00+01:00`, `2024-02-03T09:30:00 (floating)` or `2024-02-03 (all day)`.
    public var description: String {
        switch self {
        case .instant(let t): return t.description
        case .floating(let l): return "\(l) (floating)"
        case .allDay(let d): return "\(d.text) (all day)"
        }
    }
}

/// A date and a time of day with no zone: what a wall clock shows.
public struct LocalDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var date: LocalDate
    /// Seconds since the day's midnight, 0..<86_400.
    public var secondOfDay: Int

    public init(date: LocalDate, secondOfDay: Int) {
        self.date = date
        self.secondOfDay = secondOfDay
    }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool {
        (a.date, a.secondOfDay) < (b.date, b.secondOfDay)
    }

    /// Seconds since 1970-01-01T00:00 on the same wall clock, for arithmetic.
    public var localSeconds: Int64 {
        Int64(Timestamp.daysFromCivil(year: date.year, month: date.month, day: date.day)) * 86_400 + Int64(secondOfDay)
    }

    /// The wall-clock time `localSeconds` after 1970-01-01T00:00.
    public init(localSeconds: Int64) {
        let p = Timestamp(seconds: localSeconds, offsetSeconds: 0).components(offsetSeconds: 0)
        self.init(date: LocalDate(year: p.year, month: p.month, day: p.day),
                  secondOfDay: p.hour * 3600 + p.minute * 60 + p.second)
    }

    /// `HH:MM` of the time of day.
    public var time: String {
        let h = secondOfDay / 3600, m = secondOfDay / 60 % 60
        return (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
    }

    public var description: String {
        let s = secondOfDay % 60
        return "\(date.text)T\(time):" + (s < 10 ? "0" : "") + String(s)
    }
}

extension PublishedTime {
    /// The start of a talk listed under `day` at `secondOfDay`, as schedule.xml and schedule.json v1 write it.
    ///
    /// A time before the day's turnover (`day_change`, or the day's own start) is the next
    /// morning of that same listed day. The instant comes from the schedule's zone when it
    /// has one, else from the offset the day's start was written with; with neither, the
    /// time stays floating, as written.
    static func listed(on day: PublishedDay, secondOfDay second: Int, turnover: Int?, clock: ZoneClock?,
                       dayOffset: Int?) -> PublishedTime {
        let date = turnover.map { second < $0 } == true ? day.date.adding(days: 1) : day.date
        let local = LocalDateTime(date: date, secondOfDay: second)
        if let clock { return .instant(clock.instant(local)) }
        if let dayOffset {
            return .instant(Timestamp(seconds: local.localSeconds - Int64(dayOffset), offsetSeconds: dayOffset))
        }
        return .floating(local)
    }
}
