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
    /// Files of at least this many bytes are read from the file in two parts at once (``read(file:)``).
    public var twoPartsAbove: Int

    public init(twoPartsAbove: Int = 512 << 10) {
        self.twoPartsAbove = twoPartsAbove
    }

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

    /// The file read from the file itself, never held whole, in two parts at once from ``twoPartsAbove``
    /// bytes (``ScheduleXMLStream/read(file:size:head:reading:)``); nil on anything the stream would decline.
    public func read(file: PublishedFile) -> PublishedSchedule? {
        ScheduleXMLStream.read(file: file.descriptor, size: file.size, head: file.head,
                               reading: .init(twoPartsAbove: twoPartsAbove))
    }

    /// The tree's reading, for every document: the only one that reports errors.
    func readThroughTree(bytes: [UInt8], name: String) throws(PublishedReadError) -> PublishedSchedule {
        let tree = try XMLTree.parse(bytes, file: name)
        var reader = ScheduleXMLMapping(tree: tree, file: name)
        return try reader.read()
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
        parts.personKeys.reserveCapacity(people)
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
