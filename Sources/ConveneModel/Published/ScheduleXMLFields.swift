/// The fields of a schedule.xml and the rules that turn them into a ``PublishedSchedule``, shared by the
/// two readings: ``ScheduleXMLMapping`` (over an ``XMLTree``, the one that reports errors at their element
/// path) and ``ScheduleXMLStream`` (straight from libxml2's SAX events). One code for both, so that they
/// cannot drift apart.

/// A problem with one field, before it has a place: the tree adds the element path and line.
struct XMLFieldProblem: Error {
    /// The child element (`title`) or attribute (`@date`) at fault; nil for the element itself.
    let leaf: String?
    let problem: String
}

/// The conference's fields as the file writes them (trimmed; nil when absent or blank).
struct XMLConferenceFields {
    var title, acronym, url, baseURL, timeZone, city, venue, country, dayChange: String?

    /// Whether `name` is one of `<conference>`'s fields.
    static func reads(_ name: XMLName) -> Bool {
        switch name {
        case .title, .acronym, .url, .base_url, .time_zone_name, .city, .venue, .country, .day_change: return true
        default: return false
        }
    }

    mutating func set(_ name: XMLName, _ value: String?) {
        switch name {
        case .title: title = value
        case .acronym: acronym = value
        case .url: url = value
        case .base_url: baseURL = value
        case .time_zone_name: timeZone = value
        case .city: city = value
        case .venue: venue = value
        case .country: country = value
        case .day_change: dayChange = value
        default: break
        }
    }

    /// The conference, its zone's clock and the time of day its days turn over, or the first problem.
    func read() throws(XMLFieldProblem) -> (conference: PublishedConference, clock: ZoneClock?, dayChange: Int?) {
        guard let title else {
            throw XMLFieldProblem(leaf: "title", problem: "missing required element <title> (the conference's name)")
        }
        var conference = PublishedConference(title: title)
        conference.acronym = acronym
        conference.url = url ?? baseURL
        conference.timeZone = timeZone
        conference.city = city
        conference.venue = venue
        conference.country = country
        var clock: ZoneClock?
        if let zone = timeZone {
            guard let c = ZoneClock(identifier: zone) else {
                throw XMLFieldProblem(leaf: "time_zone_name", problem: "'\(Quote.text(zone))' is not an IANA time zone name")
            }
            clock = c
        }
        var change: Int?
        if let text = dayChange {
            guard let s = DurationText.timeOfDay(text) else {
                throw XMLFieldProblem(leaf: "day_change",
                                      problem: "'\(Quote.text(text))' is not a time of the form HH:MM or HH:MM:SS")
            }
            change = s
        }
        return (conference, clock, change)
    }
}

/// A `<day>` and what its events' listed times need from it.
struct XMLDayContext {
    var day: PublishedDay
    /// The time of day before which a listed time belongs to the next date.
    var turnover: Int?
    /// The day's own UTC offset, when its `start` has one.
    var dayOffset: Int?

    /// The day from its attributes (trimmed, nil when absent or blank); `position` counts days from 1.
    static func read(position: Int, date dateText: String?, index indexText: String?, start: String?, end: String?,
                     clock: ZoneClock?, dayChange: Int?) throws(XMLFieldProblem) -> XMLDayContext {
        guard let dateText else {
            throw XMLFieldProblem(leaf: "@date", problem: "missing required attribute date=\"YYYY-MM-DD\"")
        }
        guard dateText.utf8.count == 10, let date = LocalDate(dateText) else {
            throw XMLFieldProblem(leaf: "@date", problem: "'\(Quote.text(dateText))' is not a date of the form YYYY-MM-DD")
        }
        var index = position
        if let indexText {
            guard let i = Int(indexText) else {
                throw XMLFieldProblem(leaf: "@index", problem: "'\(Quote.text(indexText))' is not a whole number")
            }
            index = i
        }
        var day = PublishedDay(index: index, date: date)
        day.start = try boundary(start, "start", clock: clock)
        day.end = try boundary(end, "end", clock: clock)
        let turnover = dayChange ?? day.start.map { $0.local.date == date ? $0.local.secondOfDay : 0 }
        let dayOffset: Int? = if case .instant(let t)? = day.start { t.offsetSeconds } else { nil }
        return XMLDayContext(day: day, turnover: turnover, dayOffset: dayOffset)
    }

    static func boundary(_ text: String?, _ attribute: String, clock: ZoneClock?) throws(XMLFieldProblem) -> PublishedTime? {
        guard let text else { return nil }
        if let t = Timestamp(iso8601: text) { return .instant(t) }
        if let local = localDateTime(text) {
            if let clock { return .instant(clock.instant(local)) }
            return .floating(local)
        }
        throw XMLFieldProblem(leaf: "@" + attribute, problem: "'\(Quote.text(text))' is not an ISO 8601 date-time")
    }

    /// `2024-02-03T09:30[:SS]` without an offset.
    static func localDateTime(_ text: String) -> LocalDateTime? {
        guard let t = Timestamp(iso8601: text + "Z") else { return nil }
        return PublishedTime.instant(t).local
    }
}

/// An `<event>`'s fields as the file writes them: each the first child of its name, trimmed, nil when blank.
struct XMLEventFields {
    var ids = PublishedIDs()
    var title, date, start, duration, slug, subtitle, abstract, description, language, type, track, room, url: String?
    var persons: [(name: String, ids: PublishedIDs)] = []
    var links: [PublishedLink] = []
    var recordingOptOut: Bool?

    /// True when nothing was set: a fresh value need not be made.
    var isEmpty: Bool {
        ids.isEmpty && title == nil && date == nil && start == nil && duration == nil && slug == nil && subtitle == nil
            && abstract == nil && description == nil && language == nil && type == nil && track == nil && room == nil
            && url == nil && persons.isEmpty && links.isEmpty && recordingOptOut == nil
    }

    /// Whether `name` is one of the text fields of `<event>`.
    static func reads(_ name: XMLName) -> Bool {
        switch name {
        case .title, .date, .start, .duration, .slug, .subtitle, .abstract, .description, .language, .type, .track,
             .room, .url: return true
        default: return false
        }
    }

    @inline(__always) mutating func set(_ name: XMLName, _ value: String?) {
        switch name {
        case .title: title = value
        case .date: date = value
        case .start: start = value
        case .duration: duration = value
        case .slug: slug = value
        case .subtitle: subtitle = value
        case .abstract: abstract = value
        case .description: description = value
        case .language: language = value
        case .type: type = value
        case .track: track = value
        case .room: room = value
        case .url: url = value
        default: break
        }
    }
}

/// What a schedule gathers across its events: its people (each once), rooms and tracks, in the order first met.
struct XMLScheduleParts {
    var persons: [PublishedPerson] = []
    /// The keys of ``persons``, to list each person once.
    var personKeys = Set<PublishedPersonKey>()
    /// Each `<date>` text read so far: a congress file's 1,400 events start at 140 different times, and
    /// looking one up costs a tenth of parsing it again.
    var instants: [String: Timestamp] = [:]
    var rooms: [String] = []
    var tracks: [String] = []

    mutating func addRoom(_ name: String?) {
        if let name, !rooms.contains(name) { rooms.append(name) }
    }

    mutating func addTrack(_ name: String?) {
        if let name, !name.isEmpty, !tracks.contains(name) { tracks.append(name) }
    }

    /// One session from an event's fields, listed under `context`'s day (in `room` unless it names its own).
    ///
    /// The fields are moved into the session, not copied: each string keeps its one owner (a copy and a
    /// release per field and event were 4 M instructions on a 1,400-event congress file).
    @inline(__always) mutating func session(_ f: consuming XMLEventFields, in context: XMLDayContext, room: String?,
                          clock: ZoneClock?) throws(XMLFieldProblem) -> PublishedSession {
        guard let title = take(&f.title) else { throw XMLFieldProblem(leaf: "title", problem: "missing required element <title>") }
        let start: PublishedTime
        if let text = f.date {
            if let known = instants[text] {
                start = .instant(known)
            } else {
                guard let t = Timestamp(iso8601: text) else {
                    throw XMLFieldProblem(leaf: "date", problem: "'\(Quote.text(text))' is not an ISO 8601 date-time with a UTC offset, "
                                          + "e.g. 2019-12-27T11:00:00+01:00")
                }
                instants[text] = t
                start = .instant(t)
            }
        } else {
            guard let text = f.start else {
                throw XMLFieldProblem(leaf: "start", problem: "missing required element <start> (or <date>)")
            }
            guard let second = DurationText.timeOfDay(text) else {
                throw XMLFieldProblem(leaf: "start", problem: "'\(Quote.text(text))' is not a time of the form HH:MM or HH:MM:SS")
            }
            // Listed under this day but before the day turns over: the next morning.
            start = .listed(on: context.day, secondOfDay: second, turnover: context.turnover, clock: clock,
                            dayOffset: context.dayOffset)
        }
        guard let durationText = f.duration else {
            throw XMLFieldProblem(leaf: "duration", problem: "missing required element <duration>")
        }
        guard let duration = DurationText.seconds(durationText) else {
            throw XMLFieldProblem(leaf: "duration",
                                  problem: "'\(Quote.text(durationText))' is not a duration of the form HH:MM or HH:MM:SS")
        }
        var speakers: [PublishedPersonKey] = []
        speakers.reserveCapacity(f.persons.count)
        for (name, ids) in f.persons {
            if name.isEmpty && ids.isEmpty { continue }
            let key = PublishedPersonKey(ids: ids, name: name)
            if personKeys.insert(key).inserted { persons.append(PublishedPerson(key: key, ids: ids, name: name)) }
            if !speakers.contains(key) { speakers.append(key) }
        }
        addTrack(f.track)
        let roomName = f.room ?? room
        addRoom(roomName)
        var links: [PublishedLink] = []
        swap(&links, &f.links)
        return PublishedSession(
            ids: f.ids, slug: take(&f.slug), title: title, subtitle: take(&f.subtitle), abstract: take(&f.abstract),
            description: take(&f.description), language: take(&f.language), type: take(&f.type), track: take(&f.track),
            room: roomName, start: start, durationSeconds: duration, day: context.day.index, persons: speakers, links: links,
            recordingOptOut: f.recordingOptOut, url: take(&f.url))
    }

    /// The value, leaving nil in its place: a move, where reading it would retain the string and the
    /// field's release would follow.
    @inline(__always) private func take(_ value: inout String?) -> String? {
        var out: String?
        swap(&out, &value)
        return out
    }

    /// The notes for `<event>` elements found where no session is read.
    static func notes(events everywhere: Int, read: Int) -> [String] {
        everywhere > read
            ? ["\(everywhere - read) <event> element(s) outside schedule/day or schedule/day/room were not read"] : []
    }
}
