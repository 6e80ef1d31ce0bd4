/// Reads schedule.xml in the Pentabarf/frab form and the variants conferences publish.
///
/// - frab and pretalx: each `<event>` has `<date>` with the UTC offset
///   (`2019-12-27T11:00:00+01:00`); the conference names its `<time_zone_name>`.
/// - FOSDEM (Pentabarf): no zone and no `<date>`; `<start>09:30</start>` on the
///   day's `date`, with `<day_change>` (or the day's `start`) telling when a day
///   turns over. Times without any offset stay floating: nothing is guessed.
/// - wafer (DebConf): blank lines and white space around every value; trimmed.
/// - Merged congress files repeat event ids across rooms: every `<event>` is its
///   own session, whatever its id.
///
/// A session belongs to the `<day>` it is listed under, also when it starts after
/// midnight; its start is then on the next date (01:00 on day 1 of a congress whose
/// day starts at 11:00 is the morning after). Durations are `HH:MM` or `HH:MM:SS`.
/// People are told apart by their `guid`, `code` or `id` attributes, never by name.
public struct ScheduleXMLReader: PublishedFormat {
    public init() {}

    public var name: String { "schedule.xml" }

    /// Any document that starts with `<` after an optional byte-order mark and white space: a
    /// wrong root element is then refused in words rather than as "not a schedule".
    public func recognises(firstBytes: ArraySlice<UInt8>) -> Bool {
        var bytes = firstBytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        return bytes.first { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) } == UInt8(ascii: "<")
    }

    public func read(bytes: [UInt8], name: String) throws(PublishedReadError) -> PublishedSchedule {
        // The usual document is read in one pass from the parser's events (``ScheduleXMLStream``). Anything it
        // does not read exactly as the tree does — every error, and shapes it leaves to the tree (a
        // `<conference>` after the days, a `<day>` that lists events after its rooms) — is read again through
        // ``XMLTree``, which gives the same schedule or the error at its element path and line.
        if let schedule = ScheduleXMLStream.read(bytes) { return schedule }
        return try readThroughTree(bytes: bytes, name: name)
    }

    /// The tree's reading, for every document: the only one that reports errors.
    func readThroughTree(bytes: [UInt8], name: String) throws(PublishedReadError) -> PublishedSchedule {
        let tree = try XMLTree.parse(bytes, file: name)
        var reader = ScheduleXMLMapping(tree: tree, file: name)
        return try reader.read()
    }
}

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

    /// Whether `name` is one of the text fields of `<event>`.
    static func reads(_ name: XMLName) -> Bool {
        switch name {
        case .title, .date, .start, .duration, .slug, .subtitle, .abstract, .description, .language, .type, .track,
             .room, .url: return true
        default: return false
        }
    }

    mutating func set(_ name: XMLName, _ value: String?) {
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
    var personIndex: [PublishedPersonKey: Int] = [:]
    var rooms: [String] = []
    var tracks: [String] = []

    mutating func addRoom(_ name: String?) {
        if let name, !rooms.contains(name) { rooms.append(name) }
    }

    mutating func addTrack(_ name: String?) {
        if let name, !name.isEmpty, !tracks.contains(name) { tracks.append(name) }
    }

    /// One session from an event's fields, listed under `context`'s day (in `room` unless it names its own).
    mutating func session(_ f: XMLEventFields, in context: XMLDayContext, room: String?,
                          clock: ZoneClock?) throws(XMLFieldProblem) -> PublishedSession {
        guard let title = f.title else { throw XMLFieldProblem(leaf: "title", problem: "missing required element <title>") }
        let start: PublishedTime
        if let text = f.date {
            guard let t = Timestamp(iso8601: text) else {
                throw XMLFieldProblem(leaf: "date", problem: "'\(Quote.text(text))' is not an ISO 8601 date-time with a UTC offset, "
                                      + "e.g. 2019-12-27T11:00:00+01:00")
            }
            start = .instant(t)
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
        for (name, ids) in f.persons {
            if name.isEmpty && ids.isEmpty { continue }
            let key = PublishedPersonKey(ids: ids, name: name)
            if personIndex[key] == nil {
                personIndex[key] = persons.count
                persons.append(PublishedPerson(key: key, ids: ids, name: name))
            }
            if !speakers.contains(key) { speakers.append(key) }
        }
        addTrack(f.track)
        let roomName = f.room ?? room
        addRoom(roomName)
        return PublishedSession(
            ids: f.ids, slug: f.slug, title: title, subtitle: f.subtitle, abstract: f.abstract,
            description: f.description, language: f.language, type: f.type, track: f.track, room: roomName,
            start: start, durationSeconds: duration, day: context.day.index, persons: speakers, links: f.links,
            recordingOptOut: f.recordingOptOut, url: f.url)
    }

    /// The notes for `<event>` elements found where no session is read.
    static func notes(events everywhere: Int, read: Int) -> [String] {
        everywhere > read
            ? ["\(everywhere - read) <event> element(s) outside schedule/day or schedule/day/room were not read"] : []
    }
}

/// One pass from an ``XMLTree`` to a ``PublishedSchedule``: the reading that reports errors at their place.
struct ScheduleXMLMapping {
    let tree: XMLTree
    let file: String
    var parts = XMLScheduleParts()

    init(tree: XMLTree, file: String) {
        self.tree = tree
        self.file = file
        // Sized for every <person> element (an upper bound on distinct people) rather than regrown: one pass
        // over the nodes' name ids costs less than the table's eleven regrowths on a 1,400-event congress.
        let people = tree.count(id: XMLName.person.rawValue)
        parts.personIndex.reserveCapacity(people)
    }

    func fail(_ node: Int, _ leaf: String? = nil, _ problem: String) -> PublishedReadError {
        let line = Int(leaf.flatMap { tree.child(node, $0) }.map { tree[$0].line } ?? tree[node].line)
        return PublishedReadError(file: file, place: .element(path: tree.path(node, leaf: leaf), line: line), problem: problem)
    }

    func fail(_ node: Int, _ problem: XMLFieldProblem) -> PublishedReadError { fail(node, problem.leaf, problem.problem) }

    mutating func read() throws(PublishedReadError) -> PublishedSchedule {
        let root = tree.root
        guard tree[root].nameID == XMLName.schedule.rawValue else {
            throw fail(root, nil, "the root element is <\(Quote.text(tree.name(root)))>, not <schedule>")
        }
        guard let conferenceNode = tree.child(root, .conference) else {
            throw fail(root, "conference", "missing required element <conference>")
        }
        var fields = XMLConferenceFields()
        for name in XMLName.allCases where XMLConferenceFields.reads(name) {
            fields.set(name, tree.text(conferenceNode, name))
        }
        var conference: PublishedConference
        let clock: ZoneClock?, dayChange: Int?
        do { (conference, clock, dayChange) = try fields.read() } catch { throw fail(conferenceNode, error) }

        if let tracksNode = tree.child(root, .tracks) {
            for t in tree.children(tracksNode, .track) {
                parts.addTrack(tree.attribute(t, "name") ?? tree.trimmedText(t))
            }
        }

        var sessions: [PublishedSession] = []
        for (position, dayNode) in tree.children(root, .day).enumerated() {
            let context: XMLDayContext
            do {
                context = try XMLDayContext.read(
                    position: position + 1, date: tree.attribute(dayNode, "date"), index: tree.attribute(dayNode, "index"),
                    start: tree.attribute(dayNode, "start"), end: tree.attribute(dayNode, "end"),
                    clock: clock, dayChange: dayChange)
            } catch { throw fail(dayNode, error) }
            conference.days.append(context.day)

            // Early Pentabarf files (FOSDEM 2010) list events straight under <day>, each naming its <room>.
            for eventNode in tree.children(dayNode, .event) {
                sessions.append(try readEvent(eventNode, context, room: nil, clock: clock))
            }
            for roomNode in tree.children(dayNode, .room) {
                let roomName = tree.attribute(roomNode, "name")
                parts.addRoom(roomName)
                for eventNode in tree.children(roomNode, .event) {
                    sessions.append(try readEvent(eventNode, context, room: roomName, clock: clock))
                }
            }
        }
        conference.rooms = parts.rooms
        conference.tracks = parts.tracks
        // Never drop silently: an <event> anywhere else (a variant not seen yet) is counted and reported.
        let notes = XMLScheduleParts.notes(events: tree.count(id: XMLName.event.rawValue), read: sessions.count)
        return PublishedSchedule(format: "schedule.xml", conference: conference, sessions: sessions,
                                 persons: parts.persons, notes: notes)
    }

    mutating func readEvent(_ node: Int, _ context: XMLDayContext, room: String?,
                            clock: ZoneClock?) throws(PublishedReadError) -> PublishedSession {
        var f = XMLEventFields()
        f.ids = PublishedIDs(guid: tree.attribute(node, "guid"), code: tree.attribute(node, "code"), id: tree.attribute(node, "id"))
        for name in XMLName.allCases where XMLEventFields.reads(name) {
            f.set(name, tree.text(node, name))
        }
        if let personsNode = tree.child(node, .persons) {
            for p in tree.children(personsNode, .person) {
                // Newer FOSDEM files nest <name> (and <slug>, <biography>) inside <person>.
                let name = tree.text(p, .name) ?? tree.trimmedText(p)
                f.persons.append((name, PublishedIDs(guid: tree.attribute(p, "guid"), code: tree.attribute(p, "code"),
                                                     id: tree.attribute(p, "id"))))
            }
        }
        if let linksNode = tree.child(node, .links) {
            for l in tree.children(linksNode, .link) {
                guard let href = tree.attribute(l, "href") else { continue }
                let t = tree.trimmedText(l)
                f.links.append(PublishedLink(url: href, title: t.isEmpty ? nil : t))
            }
        }
        if let recording = tree.child(node, .recording), let text = tree.text(recording, .optout) {
            f.recordingOptOut = text == "true" || text == "1"
        }
        do { return try parts.session(f, in: context, room: room, clock: clock) } catch { throw fail(node, error) }
    }
}

extension ZoneClock {
    /// The instant a wall-clock date-time denotes in this zone (seconds kept).
    func instant(_ local: LocalDateTime) -> Timestamp {
        let minute = instant(date: local.date, minuteOfDay: local.secondOfDay / 60)
        return Timestamp(seconds: minute.seconds + Int64(local.secondOfDay % 60), offsetSeconds: minute.offsetSeconds)
    }
}
