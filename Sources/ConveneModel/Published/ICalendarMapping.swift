/// From the components of one calendar to a ``PublishedSchedule``: times resolved, recurrences expanded.
struct ICalendarMapping {
    typealias RawEvent = ICalendarParse.RawEvent

    let parse: ICalendarParse
    let file: String
    var people = PersonRegistry()
    var notes: [String] = []
    /// X-WR-TIMEZONE, when it names an IANA zone: the zone of times written without one.
    var calendarZone: ZoneClock?

    init(parse: ICalendarParse, file: String) {
        self.parse = parse
        self.file = file
    }

    func fail(_ line: Int, _ problem: String) -> PublishedReadError {
        PublishedReadError(file: file, place: .line(line), problem: problem)
    }

    mutating func read() throws(PublishedReadError) -> PublishedSchedule {
        func property(_ name: String) -> ICalendarLine? { parse.calendar.first { $0.name == name } }
        var title = (property("X-WR-CALNAME") ?? property("NAME")).map { $0.text.trimmingXMLSpace() } ?? ""
        if title.isEmpty {
            // The file's own name, not the path it was opened by (`../feeds/camp.ics` → `camp.ics`).
            title = file.split(separator: "/").last.map(String.init) ?? file
            notes.append("the calendar has no name (X-WR-CALNAME or NAME); it is called after its file")
        }
        var conference = PublishedConference(title: title)
        conference.url = property("URL").map { $0.value.trimmingXMLSpace() }
        if let zone = property("X-WR-TIMEZONE") {
            let name = zone.value.trimmingXMLSpace()
            guard let clock = ZoneClock(identifier: name) else {
                throw fail(zone.line, "X-WR-TIMEZONE '\(Quote.text(name))' is not an IANA time zone name")
            }
            conference.timeZone = name
            calendarZone = clock
        }

        // RECURRENCE-ID overrides replace one occurrence of the recurring event with the same UID.
        var overridden: [String: [LocalDateTime]] = [:]
        for event in parse.events {
            if let rid = event.first("RECURRENCE-ID"), let uid = event.first("UID")?.value {
                overridden[uid, default: []].append(try time(rid, in: event).local)
            }
        }

        var sessions: [PublishedSession] = []
        for event in parse.events {
            let first = try session(event)
            sessions.append(first)
            if event.first("RECURRENCE-ID") == nil {
                let skip = overridden[event.first("UID")?.value ?? ""] ?? []
                sessions += try occurrences(of: event, first: first, skipping: skip)
            }
            if let room = first.room, !conference.rooms.contains(room) { conference.rooms.append(room) }
            if let track = first.track, !conference.tracks.contains(track) { conference.tracks.append(track) }
        }
        return PublishedSchedule(format: "iCalendar", conference: conference, sessions: sessions, persons: people.persons,
                                 notes: notes)
    }

    /// The first (or only) occurrence of a VEVENT.
    mutating func session(_ event: RawEvent) throws(PublishedReadError) -> PublishedSession {
        guard let startLine = event.first("DTSTART") else {
            throw fail(event.line, "the VEVENT has no DTSTART")
        }
        let start = try time(startLine, in: event)
        var duration = 0
        if let endLine = event.first("DTEND") {
            let end = try time(endLine, in: event)
            duration = Self.seconds(from: start, to: end)
            guard duration >= 0 else { throw fail(endLine.line, "DTEND \(end) is before DTSTART \(start)") }
        } else if let durationLine = event.first("DURATION") {
            guard let d = ICalendarValue.duration(durationLine.value.trimmingXMLSpace()), d >= 0 else {
                throw fail(durationLine.line, "'\(Quote.text(durationLine.value))' is not a non-negative duration such as PT1H30M")
            }
            duration = d
        } else if case .allDay = start {
            duration = 86_400
        }

        var speakers: [PublishedPersonKey] = []
        for line in event.properties where line.name == "ORGANIZER" || line.name == "ATTENDEE" {
            let address = line.value.trimmingXMLSpace()
            var name = line.parameters["CN"].map(ICalendarLine.unescape)?.trimmingXMLSpace() ?? ""
            if name.isEmpty, address.lowercased().hasPrefix("mailto:") { name = String(address.dropFirst(7)) }
            // The address identifies the person, unless an earlier entry gave it another name: real feeds
            // list several speakers under one organiser's mailbox, and they are not one person.
            var id = address.lowercased()
            if !id.isEmpty, let earlier = people.index[.id(id)], people.persons[earlier].name != name, !name.isEmpty {
                id += " (" + name + ")"
            }
            let ids = PublishedIDs(id: id.isEmpty ? nil : id)
            if let key = people.add(ids: ids, name: name), !speakers.contains(key) { speakers.append(key) }
        }
        func text(_ name: String) -> String? {
            guard let t = event.first(name)?.text.trimmingXMLSpace(), !t.isEmpty else { return nil }
            return t
        }
        let categories = event.all("CATEGORIES").flatMap { ICalendarLine.textList($0.value) }
        return PublishedSession(
            ids: PublishedIDs(guid: event.first("UID")?.value), title: text("SUMMARY") ?? "",
            description: text("DESCRIPTION"), track: categories.first, room: text("LOCATION"), start: start,
            durationSeconds: duration, persons: speakers, url: event.first("URL")?.value.trimmingXMLSpace())
    }

    /// Seconds from one published time to another (instants by the clock, local times by the calendar).
    static func seconds(from a: PublishedTime, to b: PublishedTime) -> Int {
        if case .instant(let x) = a, case .instant(let y) = b { return Int(y.seconds - x.seconds) }
        return Int(b.local.localSeconds - a.local.localSeconds)
    }

    /// A DTSTART, DTEND, RECURRENCE-ID or EXDATE value as a published time.
    func time(_ line: ICalendarLine, in event: RawEvent, value: String? = nil) throws(PublishedReadError) -> PublishedTime {
        let text = (value ?? line.value).trimmingXMLSpace()
        guard let parsed = ICalendarValue.parse(text) else {
            throw fail(line.line, "\(line.name) '\(Quote.text(text))' is not a date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS, optionally with Z)")
        }
        switch parsed {
        case .date(let d):
            return .allDay(d)
        case .utc(let l):
            let t = Timestamp(seconds: l.localSeconds, offsetSeconds: 0)
            return .instant(calendarZone?.express(t) ?? t)
        case .local(let l):
            if let tzid = line.parameters["TZID"] {
                return .instant(try zone(tzid, line: line.line).instant(l))
            }
            if let calendarZone { return .instant(calendarZone.instant(l)) }
            return .floating(l)
        }
    }

    func zone(_ tzid: String, line: Int) throws(PublishedReadError) -> ICalendarZone {
        if let clock = ICalendarZone.iana(tzid) { return .iana(clock) }
        if let defined = parse.zones[tzid] { return .rules(defined) }
        if let mapped = ICalendarZone.windows[tzid], let clock = ZoneClock(identifier: mapped) { return .iana(clock) }
        // Legacy tz names without a slash (CET, EST5EDT), only when the file defines nothing by that name.
        if let clock = ZoneClock(identifier: tzid) { return .iana(clock) }
        throw fail(line, "TZID '\(Quote.text(tzid))' is neither an IANA time zone nor defined by a VTIMEZONE in the calendar")
    }

    /// The further occurrences of a recurring event (RRULE and RDATE), minus EXDATEs and overridden ones.
    mutating func occurrences(of event: RawEvent, first: PublishedSession,
                              skipping overridden: [LocalDateTime]) throws(PublishedReadError) -> [PublishedSession] {
        guard let startLine = event.first("DTSTART") else { return [] }
        var excluded = Set(overridden)
        for exdate in event.all("EXDATE") {
            for item in exdate.value.split(separator: ",") {
                excluded.insert(try time(exdate, in: event, value: String(item)).local)
            }
        }
        let start = first.start.local
        var starts: [LocalDateTime] = []
        let label = "'\(Quote.text(first.title, limit: 40))' (line \(event.line))"
        if let ruleLine = event.first("RRULE") {
            let rule = ICalendarRule(ruleLine.value)
            if !rule.unsupported.isEmpty {
                notes.append("recurring event \(label) was not expanded: its RRULE uses \(rule.unsupported.joined(separator: ", ")), "
                             + "which Convene does not expand; only its first occurrence is listed")
            } else {
                let until: LocalDateTime? = switch rule.until {
                case .date(let d)?: LocalDateTime(date: d, secondOfDay: 86_399)
                case .local(let l)?: l
                case .utc(let u)?: LocalDateTime(localSeconds: u.localSeconds + Int64(offset(of: first.start)))
                case nil: nil
                }
                var produced = 1  // DTSTART is the first occurrence
                var truncated = false
                var day = start.date.adding(days: 1)
                let windowEnd = start.date.adding(days: ICalendarReader.windowDays)
                while true {
                    if let count = rule.count, produced >= count { break }
                    let candidate = LocalDateTime(date: day, secondOfDay: start.secondOfDay)
                    if let until, candidate > until { break }
                    if day > windowEnd || produced >= ICalendarReader.occurrenceLimit { truncated = true; break }
                    if rule.matches(day, start: start.date) {
                        produced += 1
                        if !excluded.contains(candidate) { starts.append(candidate) }
                    }
                    day = day.adding(days: 1)
                }
                if truncated {
                    notes.append("recurring event \(label) was expanded to \(produced) occurrences, up to \(day.text); "
                                 + "later ones are not listed")
                }
            }
        }
        for rdate in event.all("RDATE") {
            for item in rdate.value.split(separator: ",") where !item.contains("/") {
                let l = try time(rdate, in: event, value: String(item)).local
                if !excluded.contains(l), l != start, !starts.contains(l) { starts.append(l) }
            }
        }
        return starts.map { local in
            var s = first
            s.start = shifted(first.start, to: local, tzid: startLine.parameters["TZID"])
            return s
        }
    }

    /// The offset of a published time (0 for floating and all-day ones).
    func offset(of time: PublishedTime) -> Int {
        if case .instant(let t) = time { return t.offsetSeconds }
        return 0
    }

    /// An occurrence at another wall-clock time, in the same zone as the first (so summer time is right).
    func shifted(_ first: PublishedTime, to local: LocalDateTime, tzid: String?) -> PublishedTime {
        switch first {
        case .allDay: return .allDay(local.date)
        case .floating: return .floating(local)
        case .instant(let t):
            if let tzid, let zone = try? zone(tzid, line: 0) { return .instant(zone.instant(local)) }
            if let calendarZone { return .instant(calendarZone.instant(local)) }
            return .instant(Timestamp(seconds: local.localSeconds - Int64(t.offsetSeconds), offsetSeconds: t.offsetSeconds))
        }
    }
}
