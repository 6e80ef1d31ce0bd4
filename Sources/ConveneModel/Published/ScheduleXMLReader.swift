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
        let tree = try XMLTree.parse(bytes, file: name)
        var reader = ScheduleXMLMapping(tree: tree, file: name)
        return try reader.read()
    }
}

/// One pass from an ``XMLTree`` to a ``PublishedSchedule``.
struct ScheduleXMLMapping {
    let tree: XMLTree
    let file: String
    var persons: [PublishedPerson] = []
    var personIndex: [PublishedPersonKey: Int] = [:]
    var rooms: [String] = []
    var tracks: [String] = []

    init(tree: XMLTree, file: String) {
        self.tree = tree
        self.file = file
        // Sized for every <person> element (an upper bound on distinct people) rather than regrown: one pass
        // over the nodes' name ids costs less than the table's eleven regrowths on a 1,400-event congress.
        let people = tree.count(id: XMLName.person.rawValue)
        personIndex.reserveCapacity(people)
    }

    func fail(_ node: Int, _ leaf: String? = nil, _ problem: String) -> PublishedReadError {
        let line = Int(leaf.flatMap { tree.child(node, $0) }.map { tree[$0].line } ?? tree[node].line)
        return PublishedReadError(file: file, place: .element(path: tree.path(node, leaf: leaf), line: line), problem: problem)
    }

    mutating func read() throws(PublishedReadError) -> PublishedSchedule {
        let root = tree.root
        guard tree[root].nameID == XMLName.schedule.rawValue else {
            throw fail(root, nil, "the root element is <\(Quote.text(tree.name(root)))>, not <schedule>")
        }
        guard let conferenceNode = tree.child(root, .conference) else {
            throw fail(root, "conference", "missing required element <conference>")
        }
        guard let title = tree.text(conferenceNode, .title) else {
            throw fail(conferenceNode, "title", "missing required element <title> (the conference's name)")
        }
        var conference = PublishedConference(title: title)
        conference.acronym = tree.text(conferenceNode, .acronym)
        conference.url = tree.text(conferenceNode, .url) ?? tree.text(conferenceNode, .base_url)
        conference.timeZone = tree.text(conferenceNode, .time_zone_name)
        conference.city = tree.text(conferenceNode, .city)
        conference.venue = tree.text(conferenceNode, .venue)
        conference.country = tree.text(conferenceNode, .country)

        var clock: ZoneClock?
        if let zone = conference.timeZone {
            guard let c = ZoneClock(identifier: zone) else {
                throw fail(conferenceNode, "time_zone_name", "'\(Quote.text(zone))' is not an IANA time zone name")
            }
            clock = c
        }
        var dayChange: Int?
        if let text = tree.text(conferenceNode, .day_change) {
            guard let s = DurationText.timeOfDay(text) else {
                throw fail(conferenceNode, "day_change", "'\(Quote.text(text))' is not a time of the form HH:MM or HH:MM:SS")
            }
            dayChange = s
        }

        if let tracksNode = tree.child(root, .tracks) {
            for t in tree.children(tracksNode, .track) {
                let name = tree.attribute(t, "name") ?? tree.trimmedText(t)
                if !name.isEmpty, !tracks.contains(name) { tracks.append(name) }
            }
        }

        var sessions: [PublishedSession] = []
        for (position, dayNode) in tree.children(root, .day).enumerated() {
            guard let dateText = tree.attribute(dayNode, "date") else {
                throw fail(dayNode, "@date", "missing required attribute date=\"YYYY-MM-DD\"")
            }
            guard dateText.utf8.count == 10, let date = LocalDate(dateText) else {
                throw fail(dayNode, "@date", "'\(Quote.text(dateText))' is not a date of the form YYYY-MM-DD")
            }
            var index = position + 1
            if let text = tree.attribute(dayNode, "index") {
                guard let i = Int(text) else { throw fail(dayNode, "@index", "'\(Quote.text(text))' is not a whole number") }
                index = i
            }
            var day = PublishedDay(index: index, date: date)
            day.start = try dayBoundary(dayNode, "start", clock: clock)
            day.end = try dayBoundary(dayNode, "end", clock: clock)
            conference.days.append(day)
            // The time of day before which a listed time belongs to the next date.
            let turnover = dayChange ?? day.start.map { $0.local.date == date ? $0.local.secondOfDay : 0 }
            let dayOffset: Int? = if case .instant(let t)? = day.start { t.offsetSeconds } else { nil }

            // Early Pentabarf files (FOSDEM 2010) list events straight under <day>, each naming its <room>.
            for eventNode in tree.children(dayNode, .event) {
                sessions.append(try readEvent(eventNode, day: day, room: nil, turnover: turnover,
                                              clock: clock, dayOffset: dayOffset))
            }
            for roomNode in tree.children(dayNode, .room) {
                let roomName = tree.attribute(roomNode, "name")
                if let roomName, !rooms.contains(roomName) { rooms.append(roomName) }
                for eventNode in tree.children(roomNode, .event) {
                    sessions.append(try readEvent(eventNode, day: day, room: roomName, turnover: turnover,
                                                  clock: clock, dayOffset: dayOffset))
                }
            }
        }
        conference.rooms = rooms
        conference.tracks = tracks
        // Never drop silently: an <event> anywhere else (a variant not seen yet) is counted and reported.
        var notes: [String] = []
        let everywhere = tree.count(id: XMLName.event.rawValue)
        if everywhere > sessions.count {
            notes.append("\(everywhere - sessions.count) <event> element(s) outside schedule/day or schedule/day/room were not read")
        }
        return PublishedSchedule(format: "schedule.xml", conference: conference, sessions: sessions, persons: persons,
                                 notes: notes)
    }

    func dayBoundary(_ dayNode: Int, _ attribute: String, clock: ZoneClock?) throws(PublishedReadError) -> PublishedTime? {
        guard let text = tree.attribute(dayNode, attribute) else { return nil }
        if let t = Timestamp(iso8601: text) { return .instant(t) }
        if let local = Self.localDateTime(text) {
            if let clock { return .instant(clock.instant(local)) }
            return .floating(local)
        }
        throw fail(dayNode, "@" + attribute, "'\(Quote.text(text))' is not an ISO 8601 date-time")
    }

    /// `2024-02-03T09:30[:SS]` without an offset.
    static func localDateTime(_ text: String) -> LocalDateTime? {
        guard let t = Timestamp(iso8601: text + "Z") else { return nil }
        return PublishedTime.instant(t).local
    }

    mutating func readEvent(_ node: Int, day: PublishedDay, room: String?, turnover: Int?, clock: ZoneClock?,
                            dayOffset: Int?) throws(PublishedReadError) -> PublishedSession {
        guard let title = tree.text(node, .title) else {
            throw fail(node, "title", "missing required element <title>")
        }
        let start: PublishedTime
        if let text = tree.text(node, .date) {
            guard let t = Timestamp(iso8601: text) else {
                throw fail(node, "date", "'\(Quote.text(text))' is not an ISO 8601 date-time with a UTC offset, "
                           + "e.g. 2019-12-27T11:00:00+01:00")
            }
            start = .instant(t)
        } else {
            guard let text = tree.text(node, .start) else {
                throw fail(node, "start", "missing required element <start> (or <date>)")
            }
            guard let second = DurationText.timeOfDay(text) else {
                throw fail(node, "start", "'\(Quote.text(text))' is not a time of the form HH:MM or HH:MM:SS")
            }
            // Listed under this day but before the day turns over: the next morning.
            start = .listed(on: day, secondOfDay: second, turnover: turnover, clock: clock, dayOffset: dayOffset)
        }
        guard let durationText = tree.text(node, .duration) else {
            throw fail(node, "duration", "missing required element <duration>")
        }
        guard let duration = DurationText.seconds(durationText) else {
            throw fail(node, "duration", "'\(Quote.text(durationText))' is not a duration of the form HH:MM or HH:MM:SS")
        }

        var speakers: [PublishedPersonKey] = []
        if let personsNode = tree.child(node, .persons) {
            for p in tree.children(personsNode, .person) {
                // Newer FOSDEM files nest <name> (and <slug>, <biography>) inside <person>.
                let name = tree.text(p, .name) ?? tree.trimmedText(p)
                let ids = PublishedIDs(guid: tree.attribute(p, "guid"), code: tree.attribute(p, "code"),
                                       id: tree.attribute(p, "id"))
                if name.isEmpty && ids.isEmpty { continue }
                let key = PublishedPersonKey(ids: ids, name: name)
                if personIndex[key] == nil {
                    personIndex[key] = persons.count
                    persons.append(PublishedPerson(key: key, ids: ids, name: name))
                }
                if !speakers.contains(key) { speakers.append(key) }
            }
        }
        var links: [PublishedLink] = []
        if let linksNode = tree.child(node, .links) {
            for l in tree.children(linksNode, .link) {
                guard let href = tree.attribute(l, "href") else { continue }
                let t = tree.trimmedText(l)
                links.append(PublishedLink(url: href, title: t.isEmpty ? nil : t))
            }
        }
        var optOut: Bool?
        if let recording = tree.child(node, .recording), let text = tree.text(recording, .optout) {
            optOut = text == "true" || text == "1"
        }
        let track = tree.text(node, .track)
        if let track, !tracks.contains(track) { tracks.append(track) }
        let roomName = tree.text(node, .room) ?? room
        if let roomName, !rooms.contains(roomName) { rooms.append(roomName) }
        return PublishedSession(
            ids: PublishedIDs(guid: tree.attribute(node, "guid"), code: tree.attribute(node, "code"), id: tree.attribute(node, "id")),
            slug: tree.text(node, .slug), title: title, subtitle: tree.text(node, .subtitle),
            abstract: tree.text(node, .abstract), description: tree.text(node, .description),
            language: tree.text(node, .language), type: tree.text(node, .type), track: track, room: roomName,
            start: start, durationSeconds: duration, day: day.index, persons: speakers, links: links,
            recordingOptOut: optOut, url: tree.text(node, .url))
    }
}

extension ZoneClock {
    /// The instant a wall-clock date-time denotes in this zone (seconds kept).
    func instant(_ local: LocalDateTime) -> Timestamp {
        let minute = instant(date: local.date, minuteOfDay: local.secondOfDay / 60)
        return Timestamp(seconds: minute.seconds + Int64(local.secondOfDay % 60), offsetSeconds: minute.offsetSeconds)
    }
}
