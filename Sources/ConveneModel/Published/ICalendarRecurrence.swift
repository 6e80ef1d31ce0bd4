/// An RRULE (RFC 5545 §3.3.10), in the part Convene expands: FREQ DAILY/WEEKLY/MONTHLY/YEARLY
/// with INTERVAL, COUNT, UNTIL, BYDAY (with ordinals in MONTHLY/YEARLY), BYMONTHDAY and BYMONTH.
///
/// Anything else (BYSETPOS, BYWEEKNO, HOURLY, …) is listed in ``unsupported``; the
/// reader then keeps the first occurrence and says the rest were not expanded.
struct ICalendarRule {
    enum Frequency: String { case daily = "DAILY", weekly = "WEEKLY", monthly = "MONTHLY", yearly = "YEARLY" }

    var frequency: Frequency?
    var interval = 1
    var count: Int?
    var until: ICalendarValue.DateTime?
    /// (ordinal within the month or year, or nil for every; weekday with Monday = 0).
    var byDay: [(ordinal: Int?, weekday: Int)] = []
    var byMonthDay: [Int] = []
    var byMonth: [Int] = []
    var unsupported: [String] = []

    static let weekdays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

    init(_ text: String) {
        for part in text.split(separator: ";") {
            let kv = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2 else { unsupported.append(String(part)); continue }
            let (key, value) = (kv[0].uppercased(), kv[1].uppercased())
            switch key {
            case "FREQ":
                frequency = Frequency(rawValue: value)
                if frequency == nil { unsupported.append("FREQ=\(value)") }
            case "INTERVAL":
                if let n = Int(value), n > 0, n < 10_000 { interval = n } else { unsupported.append(String(part)) }
            case "COUNT":
                if let n = Int(value), n > 0 { count = n } else { unsupported.append(String(part)) }
            case "UNTIL":
                until = ICalendarValue.parse(value)
                if until == nil { unsupported.append(String(part)) }
            case "WKST":
                break
            case "BYDAY":
                for item in value.split(separator: ",") {
                    let code = String(item.suffix(2))
                    guard let weekday = Self.weekdays.firstIndex(of: code) else { unsupported.append(String(part)); break }
                    let prefix = item.dropLast(2)
                    if prefix.isEmpty { byDay.append((nil, weekday)) }
                    else if let n = Int(prefix), n != 0, abs(n) <= 53 { byDay.append((n, weekday)) }
                    else { unsupported.append(String(part)); break }
                }
            case "BYMONTHDAY":
                for item in value.split(separator: ",") {
                    if let n = Int(item), n != 0, abs(n) <= 31 { byMonthDay.append(n) } else { unsupported.append(String(part)); break }
                }
            case "BYMONTH":
                for item in value.split(separator: ",") {
                    if let n = Int(item), (1...12).contains(n) { byMonth.append(n) } else { unsupported.append(String(part)); break }
                }
            default:
                unsupported.append(String(part))
            }
        }
        if frequency == nil, !unsupported.contains(where: { $0.hasPrefix("FREQ") }) { unsupported.append("no FREQ") }
    }

    /// Monday = 0 … Sunday = 6.
    static func weekday(_ date: LocalDate) -> Int {
        let d = date.daysSinceEpoch
        return ((d % 7) + 7 + 3) % 7
    }

    /// The `ordinal`-th `weekday` of a month (negative counts from the end); nil when the month has none.
    static func nthWeekday(year: Int, month: Int, weekday: Int, ordinal: Int) -> LocalDate? {
        let length = Timestamp.daysIn(month: month, year: year)
        if ordinal > 0 {
            let first = LocalDate(year: year, month: month, day: 1)
            let day = 1 + (weekday - Self.weekday(first) + 7) % 7 + (ordinal - 1) * 7
            return day <= length ? LocalDate(year: year, month: month, day: day) : nil
        }
        let last = LocalDate(year: year, month: month, day: length)
        let day = length - (Self.weekday(last) - weekday + 7) % 7 + (ordinal + 1) * 7
        return day >= 1 ? LocalDate(year: year, month: month, day: day) : nil
    }

    /// True when `date` is an occurrence date of the rule started on `start` (time of day handled by the caller).
    func matches(_ date: LocalDate, start: LocalDate) -> Bool {
        guard let frequency, date >= start else { return false }
        if !byMonth.isEmpty, !byMonth.contains(date.month) { return false }
        let length = Timestamp.daysIn(month: date.month, year: date.year)
        let monthDayOK = byMonthDay.isEmpty || byMonthDay.contains { $0 > 0 ? $0 == date.day : length + 1 + $0 == date.day }
        let weekdayOfDate = Self.weekday(date)
        let byDayOK = byDay.isEmpty || byDay.contains { entry in
            guard entry.weekday == weekdayOfDate else { return false }
            guard let n = entry.ordinal else { return true }
            return Self.nthWeekday(year: date.year, month: date.month, weekday: entry.weekday, ordinal: n) == date
        }
        switch frequency {
        case .daily:
            return (date.daysSinceEpoch - start.daysSinceEpoch) % interval == 0 && monthDayOK && byDayOK
        case .weekly:
            // Weeks start on Monday (WKST=MO, the default).
            let weekOf = { (d: LocalDate) in (d.daysSinceEpoch - Self.weekday(d)) / 7 }
            guard (weekOf(date) - weekOf(start)) % interval == 0, monthDayOK else { return false }
            return byDay.isEmpty ? weekdayOfDate == Self.weekday(start) : byDayOK
        case .monthly:
            let months = (date.year - start.year) * 12 + date.month - start.month
            guard months % interval == 0 else { return false }
            if byDay.isEmpty && byMonthDay.isEmpty { return date.day == start.day }
            return monthDayOK && byDayOK
        case .yearly:
            guard (date.year - start.year) % interval == 0 else { return false }
            if byMonth.isEmpty, date.month != start.month { return false }
            if byDay.isEmpty && byMonthDay.isEmpty { return date.day == start.day }
            return monthDayOK && byDayOK
        }
    }
}
