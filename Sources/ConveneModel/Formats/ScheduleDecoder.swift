import Foundation

/// Reads a frab/pretalx `schedule.json` (the c3voc schema) into a ``Directory``.
///
/// The conference becomes one event; each talk in `days[].rooms` becomes a
/// session, its times placed in the conference's `time_zone_name` with the
/// offset in force then (summer time included); each person becomes a delegate
/// who speaks at those sessions.
///
/// schedule.json records neither the host city, the venue, nor where speakers
/// come from. They are left "not recorded" (``NotRecorded``) and the directory's
/// notice says so: a country guessed from the time zone would be invented data
/// shown as fact. Any IANA zone will do, `UTC` included.
///
/// Mapping of identifiers:
/// - event id: the conference `acronym` as an id (`36c3`), else its title's;
/// - session id: the talk's `slug` when it is a valid, unused id, else `<event>-<id>`;
/// - delegate id: the pretalx `code` lower-cased, else `person-<id>` for frab's
///   integer ids, else the name as an id (`brian-robinson`) — the same person in
///   several talks is one delegate.
///
/// Problems are reported at JSON paths (`$.schedule.conference.days[0].rooms["Saal 1"][2].start`)
/// like those of ``DirectoryDecoder``, so the loader treats both formats alike.
public enum ScheduleDecoder {
    /// The room Convene's own export writes for a session without one; read back as no room.
    public static let placeholderRoom = "Room not recorded"

    /// Decodes a parsed schedule.json document.
    public static func decode(_ document: JSONValue) -> (Directory, [Problem], dropped: Int) {
        var reader = Reader()
        let directory = reader.read(document)
        return (directory, reader.problems.problems, reader.problems.dropped)
    }

    /// True when a parsed document has the shape of schedule.json: a top-level object with a "schedule" object.
    public static func recognizes(_ document: JSONValue) -> Bool {
        if case .object? = document["schedule"] { return true }
        return false
    }
}

/// The state of one decoding pass.
private struct Reader {
    var problems = ProblemList()
    var sessionIDs: Set<String> = []
    var delegates: [Delegate] = []
    var delegateIndex: [String: Int] = [:]
    var eventID = ""

    mutating func read(_ document: JSONValue) -> Directory {
        let schedulePath = JSONPath.root.key("schedule")
        let conferencePath = schedulePath.key("conference")
        guard case .object? = document["schedule"] else {
            problems.add(schedulePath.description, "expected an object, found \(document["schedule"]?.typeDescription ?? "nothing")")
            return Directory(title: "")
        }
        guard let conference = document["schedule"]?["conference"], case .object = conference else {
            problems.add(conferencePath.description, "missing required field 'conference'")
            return Directory(title: "")
        }
        let title = requiredString(conference, "title", at: conferencePath) ?? ""
        let acronym = optionalString(conference, "acronym", at: conferencePath) ?? ""
        eventID = [RecordID.slug(acronym), RecordID.slug(title)].first { !$0.isEmpty } ?? "schedule"

        let zonePath = conferencePath.key("time_zone_name")
        let zoneName = requiredString(conference, "time_zone_name", at: conferencePath) ?? ""
        var clock: ZoneClock?
        if !zoneName.isEmpty {
            clock = ZoneClock(identifier: zoneName)
            if clock == nil {
                problems.add(zonePath.description, "unknown IANA time zone '\(zoneName)'")
            }
        }

        var sessions: [Session] = []
        var dayStarts: [Timestamp] = []
        var dayEnds: [Timestamp] = []
        if let clock {
            let daysPath = conferencePath.key("days")
            for (i, day) in array(conference, "days", at: conferencePath).enumerated() {
                readDay(day, at: daysPath.index(i), clock: clock, into: &sessions, starts: &dayStarts, ends: &dayEnds)
            }
        }

        // The event spans its days and sessions; the conference's dates are the fallback for an empty schedule.
        let firstDate = optionalString(conference, "start", at: conferencePath).flatMap(LocalDate.init)
        let lastDate = optionalString(conference, "end", at: conferencePath).flatMap(LocalDate.init)
        var start = Timestamp.unknown, end = Timestamp.unknown
        if let clock {
            var starts = dayStarts + sessions.map(\.start), ends = dayEnds + sessions.map(\.end)
            if starts.isEmpty, let firstDate { starts.append(clock.instant(date: firstDate, minuteOfDay: 0)) }
            if ends.isEmpty, let lastDate { ends.append(clock.instant(date: lastDate.adding(days: 1), minuteOfDay: 0)) }
            if let s = starts.min(), let e = ends.max(), e > s {
                start = clock.express(s)
                end = clock.express(e)
            } else {
                problems.add(conferencePath.description,
                             "cannot tell when the conference takes place: it has no sessions and no valid 'start' and 'end' dates")
            }
        }

        var sources: [String] = []
        for key in ["url", "base_url"] {
            if let url = optionalString(conference, key, at: conferencePath) ?? optionalString(document["schedule"] ?? .null, key, at: schedulePath),
               !url.isEmpty, !sources.contains(url) {
                sources.append(url)
            }
        }
        let event = Event(id: eventID, title: title, kind: "conference", city: nil, venue: nil,
                          start: start, end: end, timeZone: zoneName, sources: sources, sessions: sessions)
        let notice = "Read from a frab/pretalx schedule.json, which records neither the host city nor where speakers "
            + "come from: both are shown as not recorded for the event and its \(delegates.count) "
            + "speaker\(delegates.count == 1 ? "" : "s")."
        return Directory(title: title, notice: notice, events: [event], delegates: delegates)
    }

    mutating func readDay(_ day: JSONValue, at path: JSONPath, clock: ZoneClock, into sessions: inout [Session],
                          starts: inout [Timestamp], ends: inout [Timestamp]) {
        guard case .object = day else {
            problems.add(path.description, "expected an object, found \(day.typeDescription)")
            return
        }
        let date = requiredString(day, "date", at: path).flatMap { text -> LocalDate? in
            guard let d = LocalDate(text), text.utf8.count == 10 else {
                problems.add(path.key("date").description, "'\(text)' is not a date of the form YYYY-MM-DD")
                return nil
            }
            return d
        }
        let dayStart = optionalTimestamp(day, "day_start", at: path)
        if let dayStart { starts.append(dayStart) }
        if let dayEnd = optionalTimestamp(day, "day_end", at: path) { ends.append(dayEnd) }
        // Talks after midnight belong to the previous day in frab: a start before the day's start is the next date.
        let dayStartMinute = dayStart.map { clock.express($0).components().hour * 60 + clock.express($0).components().minute }

        guard let rooms = day["rooms"] else {
            problems.add(path.key("rooms").description, "missing required field 'rooms'")
            return
        }
        guard case .object(let members) = rooms else {
            problems.add(path.key("rooms").description, "expected an object, found \(rooms.typeDescription)")
            return
        }
        for (roomName, talks) in members {
            let roomPath = path.key("rooms").key(roomName)
            guard case .array(let items) = talks else {
                problems.add(roomPath.description, "expected an array, found \(talks.typeDescription)")
                continue
            }
            for (i, talk) in items.enumerated() {
                if let s = readTalk(talk, at: roomPath.index(i), room: roomName, date: date,
                                    dayStartMinute: dayStartMinute, clock: clock) {
                    sessions.append(s)
                }
            }
        }
    }

    mutating func readTalk(_ talk: JSONValue, at path: JSONPath, room: String, date: LocalDate?,
                           dayStartMinute: Int?, clock: ZoneClock) -> Session? {
        guard case .object = talk else {
            problems.add(path.description, "expected an object, found \(talk.typeDescription)")
            return nil
        }
        let title = requiredString(talk, "title", at: path) ?? ""
        let numericID = talk["id"].flatMap { value -> String? in
            switch value {
            case .number: return value.integerValue.map(String.init)
            case .string(let s): return s
            default: return nil
            }
        }
        let slug = optionalString(talk, "slug", at: path) ?? ""
        let guid = optionalString(talk, "guid", at: path) ?? ""
        let candidates = [slug, numericID.map { "\(eventID)-\(RecordID.slug($0))" } ?? "",
                          guid.isEmpty ? "" : "\(eventID)-\(RecordID.slug(guid))", "\(eventID)-\(RecordID.slug(title))"]
        let base = candidates.first { RecordID.isValid($0) && !$0.hasSuffix("-") } ?? "\(eventID)-session"
        let id = RecordID.unique(base, in: sessionIDs)
        sessionIDs.insert(id)

        // The start: the absolute `date` when given, else the day's date and the wall-clock `start`.
        var start: Timestamp?
        if let text = optionalString(talk, "date", at: path), !text.isEmpty {
            if let t = Timestamp(iso8601: text) {
                start = clock.express(t)
            } else {
                problems.add(path.key("date").description,
                             "'\(text)' is not an ISO 8601 date-time with a UTC offset, e.g. 2019-12-27T11:00:00+01:00")
            }
        } else if let text = requiredString(talk, "start", at: path) {
            if let minute = ClockText.minutes(text, maxHours: 23) {
                if let date {
                    let onDate = dayStartMinute.map { minute < $0 } == true ? date.adding(days: 1) : date
                    start = clock.instant(date: onDate, minuteOfDay: minute)
                }
            } else {
                problems.add(path.key("start").description, "'\(text)' is not a time of the form HH:MM")
            }
        }
        var end: Timestamp?
        if let text = requiredString(talk, "duration", at: path) {
            if let minutes = ClockText.minutes(text, maxHours: 999), minutes > 0 {
                end = start.map { clock.express(Timestamp(seconds: $0.seconds + Int64(minutes) * 60, offsetSeconds: 0)) }
            } else {
                problems.add(path.key("duration").description, "'\(text)' is not a positive duration of the form HH:MM")
            }
        }
        guard let start, let end else { return nil }

        var speakers: [String] = []
        let personsPath = path.key("persons")
        for (i, person) in array(talk, "persons", at: path).enumerated() {
            if let id = readPerson(person, at: personsPath.index(i)), !speakers.contains(id) { speakers.append(id) }
        }
        let track = optionalString(talk, "track", at: path).flatMap { $0.isEmpty ? nil : $0 }
        let named = optionalString(talk, "room", at: path).flatMap { $0.isEmpty ? nil : $0 } ?? room
        let roomName = named == ScheduleDecoder.placeholderRoom ? "" : named
        let summary = [optionalString(talk, "abstract", at: path), optionalString(talk, "description", at: path)]
            .compactMap { $0 }.first { !$0.allSatisfy(\.isWhitespace) }
        return Session(id: id, title: title, start: start, end: end, room: roomName.isEmpty ? nil : roomName,
                       track: track, speakers: speakers, description: summary)
    }

    /// The delegate id of a person, adding the delegate the first time it is seen.
    mutating func readPerson(_ person: JSONValue, at path: JSONPath) -> String? {
        guard case .object = person else {
            problems.add(path.description, "expected an object, found \(person.typeDescription)")
            return nil
        }
        let name = [optionalString(person, "public_name", at: path), optionalString(person, "name", at: path)]
            .compactMap { $0 }.first { !$0.allSatisfy(\.isWhitespace) }
        guard let name else {
            problems.add(path.description, "a person needs a 'public_name' or 'name'")
            return nil
        }
        var id = ""
        if let code = optionalString(person, "code", at: path), RecordID.isValid(code.lowercased()) {
            id = code.lowercased()
        } else if let number = person["id"]?.integerValue {
            id = "person-\(number)"
        } else {
            id = RecordID.slug(name)
            if id.isEmpty || !RecordID.isValid(id) { id = "person-" + String(UInt32(truncatingIfNeeded: stableHash(name)), radix: 16) }
        }
        if delegateIndex[id] == nil {
            delegateIndex[id] = delegates.count
            delegates.append(Delegate(id: id, name: name, city: nil, country: nil, events: [eventID]))
        }
        return id
    }

    // MARK: Lenient field access: schedule.json carries many fields Convene does not use.

    mutating func requiredString(_ object: JSONValue, _ key: String, at path: JSONPath) -> String? {
        guard let value = object[key], value != .null else {
            problems.add(path.key(key).description, "missing required field '\(key)'")
            return nil
        }
        guard case .string(let s) = value else {
            problems.add(path.key(key).description, "expected a string, found \(value.typeDescription)")
            return nil
        }
        if s.allSatisfy(\.isWhitespace) {
            problems.add(path.key(key).description, "'\(key)' must not be empty")
            return nil
        }
        return s
    }

    mutating func optionalString(_ object: JSONValue, _ key: String, at path: JSONPath) -> String? {
        guard let value = object[key], value != .null else { return nil }
        guard case .string(let s) = value else {
            problems.add(path.key(key).description, "expected a string, found \(value.typeDescription)")
            return nil
        }
        return s
    }

    mutating func optionalTimestamp(_ object: JSONValue, _ key: String, at path: JSONPath) -> Timestamp? {
        guard let text = optionalString(object, key, at: path), !text.isEmpty else { return nil }
        guard let t = Timestamp(iso8601: text) else {
            problems.add(path.key(key).description, "'\(text)' is not an ISO 8601 date-time with a UTC offset")
            return nil
        }
        return t
    }

    mutating func array(_ object: JSONValue, _ key: String, at path: JSONPath) -> [JSONValue] {
        guard let value = object[key], value != .null else { return [] }
        guard case .array(let items) = value else {
            problems.add(path.key(key).description, "expected an array, found \(value.typeDescription)")
            return []
        }
        return items
    }
}

/// FNV-1a over UTF-8: a hash that is the same in every run, unlike `Hasher`.
func stableHash(_ text: String) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in text.utf8 {
        h ^= UInt64(b)
        h = h &* 0x100_0000_01b3
    }
    return h
}
