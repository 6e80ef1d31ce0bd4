/// Reads an iCalendar feed (RFC 5545) as one conference: each VEVENT is a session.
///
/// What Indico, Sched, pretalx and linux.conf.au publish: SUMMARY, DESCRIPTION,
/// LOCATION (the room), CATEGORIES (the track), URL, UID, ORGANIZER and ATTENDEE
/// (their `CN` names as speakers, told apart by their calendar address),
/// X-WR-CALNAME (the conference) and X-WR-TIMEZONE. Times:
/// - `DTSTART;TZID=Europe/Berlin:20240203T093000`: an IANA zone, or a VTIMEZONE in
///   the file when the TZID is not one (its STANDARD/DAYLIGHT rules apply), or a
///   Windows zone name;
/// - `…Z`: UTC, shown in X-WR-TIMEZONE when the calendar names one;
/// - no TZID and no Z: in X-WR-TIMEZONE when given, else floating (as written);
/// - `VALUE=DATE`: all day.
/// DTEND or DURATION give the length. A recurring event (RRULE, RDATE, EXDATE,
/// RECURRENCE-ID overrides) is expanded over one year from its start, at most
/// ``occurrenceLimit`` times; what is left out, or a rule Convene cannot expand,
/// is reported in ``PublishedSchedule/notes`` — never silently dropped.
public struct ICalendarReader: PublishedFormat {
    public init() {}

    public var name: String { "iCalendar" }

    /// How many occurrences one recurring event may produce.
    public static let occurrenceLimit = 1000
    /// How far past its first occurrence a recurring event is expanded, in days.
    public static let windowDays = 366
    /// Components nest no deeper than this (VCALENDAR › VTIMEZONE › STANDARD is 3).
    static let depthLimit = 8

    public func recognises(firstBytes: ArraySlice<UInt8>) -> Bool {
        var bytes = firstBytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let head = bytes.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }.prefix(15)
        return String(decoding: head, as: UTF8.self).uppercased() == "BEGIN:VCALENDAR"
    }

    public func read(bytes: [UInt8], name: String) throws(PublishedReadError) -> PublishedSchedule {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            // The first physical line that is not UTF-8, for the message.
            var line = 1
            for piece in body.split(separator: 0x0A, omittingEmptySubsequences: false) {
                if String(validating: piece, as: UTF8.self) == nil { break }
                line += 1
            }
            throw PublishedReadError(file: name, place: .line(line), problem: "the line is not valid UTF-8 text")
        }
        var parse = ICalendarParse(file: name)
        try parse.run(ICalendarLine.unfold(Substring(text)))
        var mapping = ICalendarMapping(parse: parse, file: name)
        return try mapping.read()
    }
}

/// The component structure of a calendar: its own properties, its VTIMEZONEs and its VEVENTs.
struct ICalendarParse {
    struct RawEvent {
        var line: Int
        var properties: [ICalendarLine] = []
        func first(_ name: String) -> ICalendarLine? { properties.first { $0.name == name } }
        func all(_ name: String) -> [ICalendarLine] { properties.filter { $0.name == name } }
    }

    let file: String
    var calendar: [ICalendarLine] = []
    var events: [RawEvent] = []
    var zones: [String: ICalendarTimeZone] = [:]

    init(file: String) { self.file = file }

    func fail(_ line: Int, _ problem: String) -> PublishedReadError {
        PublishedReadError(file: file, place: .line(line), problem: problem)
    }

    mutating func run(_ lines: [(text: Substring, line: Int)]) throws(PublishedReadError) {
        var stack: [(name: String, line: Int)] = []
        var calendars = 0
        var event: RawEvent?
        var zone: ICalendarTimeZone?
        var observance: (line: Int, properties: [ICalendarLine])?
        for (text, number) in lines {
            if text.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            guard let line = ICalendarLine(text, line: number) else {
                throw fail(number, "not a content line of the form NAME:value: '\(Quote.text(String(text), limit: 60))'")
            }
            if line.name == "BEGIN" {
                let component = line.value.uppercased().trimmingXMLSpace()
                if stack.isEmpty {
                    guard component == "VCALENDAR" else {
                        throw fail(number, "expected BEGIN:VCALENDAR, found BEGIN:\(Quote.text(component))")
                    }
                    calendars += 1
                    if calendars > 1 {
                        throw fail(number, "a second calendar begins here; Convene reads one calendar as one conference")
                    }
                }
                guard stack.count < ICalendarReader.depthLimit else {
                    throw fail(number, "components are nested more than \(ICalendarReader.depthLimit) deep")
                }
                stack.append((component, number))
                if stack.count == 2, component == "VEVENT" { event = RawEvent(line: number) }
                if stack.count == 2, component == "VTIMEZONE" { zone = ICalendarTimeZone(id: "") }
                if stack.count == 3, zone != nil, component == "STANDARD" || component == "DAYLIGHT" { observance = (number, []) }
                continue
            }
            if line.name == "END" {
                let component = line.value.uppercased().trimmingXMLSpace()
                guard let open = stack.last else {
                    throw fail(number, "END:\(Quote.text(component)) without a matching BEGIN")
                }
                guard open.name == component else {
                    throw fail(number, "END:\(Quote.text(component)) does not close BEGIN:\(Quote.text(open.name)) from line \(open.line)")
                }
                stack.removeLast()
                if stack.count == 1, component == "VEVENT", let e = event { events.append(e); event = nil }
                if stack.count == 2, let o = observance, var z = zone {
                    z.observances.append(try makeObservance(o.properties, line: o.line))
                    zone = z
                    observance = nil
                }
                if stack.count == 1, component == "VTIMEZONE", let z = zone {
                    guard !z.id.isEmpty else { throw fail(open.line, "VTIMEZONE without a TZID") }
                    zones[z.id] = z
                    zone = nil
                }
                continue
            }
            guard !stack.isEmpty else {
                throw fail(number, "\(Quote.text(line.name)) outside BEGIN:VCALENDAR … END:VCALENDAR")
            }
            switch stack.count {
            case 1: calendar.append(line)
            case 2:
                if event != nil { event?.properties.append(line) }
                if zone != nil, line.name == "TZID" { zone?.id = line.value }
            case 3: observance?.properties.append(line)
            default: break  // VALARM and the like
            }
        }
        if let open = stack.last {
            throw fail(open.line, "the file ends inside BEGIN:\(Quote.text(open.name)) (END:\(Quote.text(open.name)) is missing)")
        }
        if calendars == 0 { throw fail(1, "no BEGIN:VCALENDAR: the file holds no calendar") }
    }

    func makeObservance(_ properties: [ICalendarLine], line: Int) throws(PublishedReadError) -> ICalendarTimeZone.Observance {
        func value(_ name: String) -> ICalendarLine? { properties.first { $0.name == name } }
        guard let startLine = value("DTSTART") else { throw fail(line, "a time zone observance without DTSTART") }
        guard case .local(let start)? = ICalendarValue.parse(startLine.value) else {
            throw fail(startLine.line, "'\(Quote.text(startLine.value))' is not a local date-time of the form YYYYMMDDTHHMMSS")
        }
        var offsets: [Int] = []
        for name in ["TZOFFSETFROM", "TZOFFSETTO"] {
            guard let l = value(name) else { throw fail(line, "a time zone observance without \(name)") }
            guard let o = ICalendarTimeZone.utcOffset(l.value.trimmingXMLSpace()) else {
                throw fail(l.line, "'\(Quote.text(l.value))' is not a UTC offset of the form +HHMM")
            }
            offsets.append(o)
        }
        var dates: [LocalDateTime] = []
        for rdate in properties where rdate.name == "RDATE" {
            for item in rdate.value.split(separator: ",") {
                if case .local(let l)? = ICalendarValue.parse(String(item)) { dates.append(l) }
            }
        }
        return .init(start: start, offsetFrom: offsets[0], offsetTo: offsets[1],
                     rule: value("RRULE").map { ICalendarRule($0.value) }, dates: dates)
    }
}
