/// RFC 5545 content lines: unfolding, parameters, text escapes and date-time values.
struct ICalendarLine {
    /// The property name, upper-cased (`DTSTART`).
    var name: String
    /// Parameters by upper-cased name; quoted values are unquoted (`TZID` → `Europe/Berlin`).
    var parameters: [String: String]
    /// The raw value after the first unquoted ':'.
    var value: String
    /// The physical line the content line starts on (1-based), for messages.
    var line: Int

    /// Splits the text into unfolded content lines (CRLF or LF; a line starting with space or tab continues the previous).
    static func unfold(_ text: Substring) -> [(text: Substring, line: Int)] {
        var lines: [(text: Substring, line: Int)] = []
        var pending: String?
        var pendingLine = 0
        var physical = 0
        // Split on the byte: in Swift "\r\n" is one Character, so splitting Characters at "\n" would miss it.
        for raw in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            physical += 1
            var part = Substring(raw)
            if part.utf8.last == 0x0D { part = Substring(part.utf8.dropLast()) }
            if let first = part.first, first == " " || first == "\t", pending != nil {
                pending? += part.dropFirst()
                continue
            }
            if let p = pending { lines.append((Substring(p), pendingLine)) }
            pending = String(part)
            pendingLine = physical
        }
        if let p = pending, !p.isEmpty { lines.append((Substring(p), pendingLine)) }
        return lines
    }

    /// Parses `NAME;PARAM=value;PARAM="quoted":value`; nil when there is no ':' outside quotes or no name.
    init?(_ text: Substring, line: Int) {
        self.line = line
        var i = text.startIndex
        var inQuotes = false
        var colon: String.Index?
        var cuts: [String.Index] = []
        while i < text.endIndex {
            let c = text[i]
            if c == "\"" { inQuotes.toggle() }
            else if !inQuotes, c == ";" { cuts.append(i) }
            else if !inQuotes, c == ":" { colon = i; break }
            i = text.index(after: i)
        }
        guard let colon else { return nil }
        let head = text[..<colon]
        value = String(text[text.index(after: colon)...])
        let nameEnd = cuts.first ?? colon
        name = head[..<nameEnd].uppercased()
        guard !name.isEmpty, name.utf8.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }) else {
            return nil
        }
        parameters = [:]
        for (k, cut) in cuts.enumerated() {
            let end = k + 1 < cuts.count ? cuts[k + 1] : colon
            let parameter = head[head.index(after: cut)..<end]
            guard let eq = parameter.firstIndex(of: "=") else { continue }
            var v = parameter[parameter.index(after: eq)...]
            if v.count >= 2, v.first == "\"", v.last == "\"" { v = v.dropFirst().dropLast() }
            parameters[parameter[..<eq].uppercased()] = String(v)
        }
    }

    /// The value as TEXT: `\n`/`\N` become line breaks, `\,` `\;` `\\` their characters.
    var text: String { Self.unescape(value) }

    static func unescape(_ value: String) -> String {
        guard value.contains("\\") else { return value }
        var out = ""
        var escaping = false
        for c in value {
            if escaping {
                switch c {
                case "n", "N": out.append("\n")
                default: out.append(c)
                }
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// Splits a TEXT list at unescaped commas (CATEGORIES) and unescapes each item.
    static func textList(_ value: String) -> [String] {
        var items: [String] = []
        var current = ""
        var escaping = false
        for c in value {
            if escaping { current.append("\\"); current.append(c); escaping = false }
            else if c == "\\" { escaping = true }
            else if c == "," { items.append(unescape(current)); current = "" }
            else { current.append(c) }
        }
        items.append(unescape(current))
        return items.map { $0.trimmingXMLSpace() }.filter { !$0.isEmpty }
    }
}

/// iCalendar DATE and DATE-TIME values.
enum ICalendarValue {
    /// A parsed `YYYYMMDD` or `YYYYMMDDTHHMMSS[Z]`.
    enum DateTime: Equatable {
        case date(LocalDate)
        case local(LocalDateTime)
        case utc(LocalDateTime)
    }

    static func parse(_ text: String) -> DateTime? {
        let b = Array(text.utf8)
        func digits(_ at: Int, _ n: Int) -> Int? {
            guard at + n <= b.count else { return nil }
            var v = 0
            for i in at..<(at + n) {
                guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
                v = v * 10 + Int(b[i] - 0x30)
            }
            return v
        }
        guard let y = digits(0, 4), let m = digits(4, 2), let d = digits(6, 2),
              (1...12).contains(m), d >= 1, d <= Timestamp.daysIn(month: m, year: y) else { return nil }
        let date = LocalDate(year: y, month: m, day: d)
        if b.count == 8 { return .date(date) }
        guard b.count == 15 || (b.count == 16 && b[15] == UInt8(ascii: "Z")), b[8] == UInt8(ascii: "T"),
              let hh = digits(9, 2), let mm = digits(11, 2), let ss = digits(13, 2),
              hh < 24, mm < 60, ss < 61 else { return nil }
        let local = LocalDateTime(date: date, secondOfDay: hh * 3600 + mm * 60 + min(ss, 59))
        return b.count == 16 ? .utc(local) : .local(local)
    }

    /// RFC 5545 DURATION (`PT1H30M`, `P1D`, `P2W`, `-PT15M`) in seconds; nil when malformed.
    static func duration(_ text: String) -> Int? {
        var s = Substring(text)
        var sign = 1
        if s.first == "+" { s = s.dropFirst() } else if s.first == "-" { sign = -1; s = s.dropFirst() }
        guard s.first == "P" else { return nil }
        s = s.dropFirst()
        var total = 0, number: Int?, inTime = false, sawUnit = false
        for c in s {
            if let digit = c.wholeNumberValue, c.isASCII {
                let (n, o1) = (number ?? 0).multipliedReportingOverflow(by: 10)
                guard !o1, n < 100_000_000 else { return nil }
                number = n + digit
                continue
            }
            if c == "T" { guard number == nil, !inTime else { return nil }; inTime = true; continue }
            guard let n = number else { return nil }
            let unit: Int
            switch (c, inTime) {
            case ("W", false): unit = 604_800
            case ("D", false): unit = 86_400
            case ("H", true): unit = 3600
            case ("M", true): unit = 60
            case ("S", true): unit = 1
            default: return nil
            }
            total += n * unit
            // "P1W1W1W…" repeated could overflow: nothing at a conference lasts ten years.
            guard total <= 10 * 366 * 86_400 else { return nil }
            number = nil
            sawUnit = true
        }
        guard sawUnit, number == nil else { return nil }
        return sign * total
    }
}
