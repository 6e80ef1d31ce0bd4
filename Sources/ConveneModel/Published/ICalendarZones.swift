/// The time zones an iCalendar file can name in `TZID`, resolved in this order:
/// an IANA name (also at the end of a path such as `/mozilla.org/20070129_1/Europe/Berlin`),
/// a `VTIMEZONE` block in the file, a Windows zone name (Outlook, Exchange).
enum ICalendarZone {
    case iana(ZoneClock)
    case rules(ICalendarTimeZone)

    func instant(_ local: LocalDateTime) -> Timestamp {
        switch self {
        case .iana(let clock): return clock.instant(local)
        case .rules(let zone):
            let offset = zone.offset(at: local)
            return Timestamp(seconds: local.localSeconds - Int64(offset), offsetSeconds: offset)
        }
    }

    /// The IANA zone a TZID names directly or at the end of a path; nil otherwise.
    static func iana(_ tzid: String) -> ZoneClock? {
        if tzid.contains("/") || tzid == "UTC" || tzid == "GMT", let clock = ZoneClock(identifier: tzid) { return clock }
        let parts = tzid.split(separator: "/")
        for k in stride(from: min(parts.count - 1, 3), through: 1, by: -1) where parts.count > k {
            if let clock = ZoneClock(identifier: parts.suffix(k).joined(separator: "/")), k >= 2 || parts.count == 1 {
                return clock
            }
        }
        return nil
    }

    /// Windows time zone names (as Outlook and Exchange write them) and the IANA zone CLDR maps each to.
    static let windows: [String: String] = [
        "UTC": "UTC", "GMT Standard Time": "Europe/London", "Greenwich Standard Time": "Atlantic/Reykjavik",
        "W. Europe Standard Time": "Europe/Berlin", "Romance Standard Time": "Europe/Paris",
        "Central Europe Standard Time": "Europe/Budapest", "Central European Standard Time": "Europe/Warsaw",
        "E. Europe Standard Time": "Europe/Chisinau", "FLE Standard Time": "Europe/Kiev", "GTB Standard Time": "Europe/Bucharest",
        "Russian Standard Time": "Europe/Moscow", "Turkey Standard Time": "Europe/Istanbul",
        "Eastern Standard Time": "America/New_York", "Central Standard Time": "America/Chicago",
        "Mountain Standard Time": "America/Denver", "US Mountain Standard Time": "America/Phoenix",
        "Pacific Standard Time": "America/Los_Angeles", "Alaskan Standard Time": "America/Anchorage",
        "Hawaiian Standard Time": "Pacific/Honolulu", "Atlantic Standard Time": "America/Halifax",
        "E. South America Standard Time": "America/Sao_Paulo", "SA Pacific Standard Time": "America/Bogota",
        "India Standard Time": "Asia/Calcutta", "SE Asia Standard Time": "Asia/Bangkok", "Singapore Standard Time": "Asia/Singapore",
        "China Standard Time": "Asia/Shanghai", "Tokyo Standard Time": "Asia/Tokyo", "Korea Standard Time": "Asia/Seoul",
        "Taipei Standard Time": "Asia/Taipei", "AUS Eastern Standard Time": "Australia/Sydney",
        "E. Australia Standard Time": "Australia/Brisbane", "W. Australia Standard Time": "Australia/Perth",
        "New Zealand Standard Time": "Pacific/Auckland", "South Africa Standard Time": "Africa/Johannesburg",
        "Israel Standard Time": "Asia/Jerusalem", "Arabian Standard Time": "Asia/Dubai",
    ]
}

/// A `VTIMEZONE` block: its STANDARD and DAYLIGHT observances, each a fixed offset from an onset,
/// repeating yearly by an RRULE (`FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU`) or on RDATEs.
struct ICalendarTimeZone {
    struct Observance {
        var start: LocalDateTime
        var offsetFrom: Int
        var offsetTo: Int
        var rule: ICalendarRule?
        var dates: [LocalDateTime]
    }

    var id: String
    var observances: [Observance] = []

    /// The offset in force at a wall-clock time: that of the latest onset at or before it.
    func offset(at local: LocalDateTime) -> Int {
        var best: (LocalDateTime, Int)?
        for o in observances {
            for onset in onsets(o, around: local.date.year) where onset <= local {
                if let b = best, onset <= b.0 { continue }
                best = (onset, o.offsetTo)
            }
        }
        if let best { return best.1 }
        // Before every onset: the offset the earliest one changes from.
        return observances.min { $0.start < $1.start }?.offsetFrom ?? 0
    }

    /// The onsets of an observance in `year` and the year before (enough to know what is in force).
    func onsets(_ o: Observance, around year: Int) -> [LocalDateTime] {
        var result = [o.start] + o.dates
        guard let rule = o.rule, rule.frequency == .yearly else { return result }
        for y in [year - 1, year] where y > o.start.date.year {
            let month = rule.byMonth.first ?? o.start.date.month
            var date: LocalDate?
            if let entry = rule.byDay.first {
                date = ICalendarRule.nthWeekday(year: y, month: month, weekday: entry.weekday, ordinal: entry.ordinal ?? 1)
                if let d = date, let day = rule.byMonthDay.first, d.day < day {
                    // "the first Sunday on or after the 8th" written as BYMONTHDAY=8,…,14;BYDAY=SU
                    date = ICalendarRule.nthWeekday(year: y, month: month, weekday: entry.weekday, ordinal: 1 + (day - 1 + 6) / 7)
                }
            } else {
                let day = min(rule.byMonthDay.first ?? o.start.date.day, Timestamp.daysIn(month: month, year: y))
                date = LocalDate(year: y, month: month, day: day)
            }
            guard let date else { continue }
            let onset = LocalDateTime(date: date, secondOfDay: o.start.secondOfDay)
            if let until = rule.until {
                let limit: LocalDateTime
                switch until {
                case .date(let d): limit = LocalDateTime(date: d, secondOfDay: 86_399)
                case .local(let l): limit = l
                case .utc(let u): limit = LocalDateTime(localSeconds: u.localSeconds + Int64(o.offsetFrom))
                }
                if onset > limit { continue }
            }
            result.append(onset)
        }
        return result
    }

    /// `+0100`, `-0530`, `+013045` in seconds; nil when malformed.
    static func utcOffset(_ text: String) -> Int? {
        let b = Array(text.utf8)
        guard b.count == 5 || b.count == 7, b[0] == UInt8(ascii: "+") || b[0] == UInt8(ascii: "-"),
              b.dropFirst().allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let n = b.dropFirst().map { Int($0 - 0x30) }
        let h = n[0] * 10 + n[1], m = n[2] * 10 + n[3], s = n.count == 6 ? n[4] * 10 + n[5] : 0
        guard h < 24, m < 60, s < 60 else { return nil }
        return (b[0] == UInt8(ascii: "-") ? -1 : 1) * (h * 3600 + m * 60 + s)
    }
}
