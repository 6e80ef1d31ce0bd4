import ConveneModel

/// Writes one event as a frab/pretalx `schedule.json` (the c3voc schema), for
/// schedule apps such as Giggity, EventFahrplan and ConfClerk.
///
/// Every field the schema requires is written. Where Convene has no value the
/// export says so rather than inventing one: `language` is empty, `type` is
/// "other", `subtitle` is empty, and a session without a room is put in
/// "Room not recorded". Identifiers are derived, never random, so exporting again
/// gives the same file:
/// - the session id becomes the talk's `slug` (which ``ScheduleJSONReader`` reads
///   back as the id), and its `id` a positive integer hashed from it;
/// - `guid`s are UUIDs (version 8, RFC 9562) hashed from the event and session
///   or room, stable across exports;
/// - `url` is `urn:uuid:<guid>`, since a session has no web page of its own;
/// - persons carry `name` and `public_name`; their Convene ids are not part of
///   the format, and are derived again from the name when the file is read back.
///
/// Sessions are grouped by the local date they start on, then by room.
public enum ScheduleJSONExport {
    /// The room name written for sessions without one; read back as no room.
    public static let noRoom = PublishedMapping.placeholderRoom

    /// The schedule.json text for `event` in `ix`, ending in a newline.
    public static func render(_ ix: DirectoryIndex, event eventIndex: Int, generatorVersion: String = "") -> String {
        let event = ix.directory.events[eventIndex]
        let w = JSONWriter()
        let sessions = event.sessions.filter { $0.start.isKnown && $0.end.isKnown }.sorted { ($0.start, $0.id) < ($1.start, $1.id) }

        // Days: every local date from the event's start to its end, each with its sessions by room.
        var dates: [String] = []
        if event.start.isKnown, event.end.isKnown, let first = LocalDate(event.start.components().date),
           let last = LocalDate(Timestamp(seconds: event.end.seconds - 1, offsetSeconds: event.end.offsetSeconds).components().date) {
            var d = first
            while d <= last, dates.count < 3660 { dates.append(d.text); d = d.adding(days: 1) }
        }
        // A session goes under the day it is listed under (past midnight included), as schedule.json does.
        for s in sessions where !dates.contains(s.conferenceDay) { dates.append(s.conferenceDay) }
        dates.sort()

        var roomOrder: [String] = []
        for s in sessions {
            let room = roomName(s)
            if !roomOrder.contains(room) { roomOrder.append(room) }
        }
        var usedNumbers: Set<Int> = []
        var talkNumber: [String: Int] = [:]
        for s in sessions.sorted(by: { $0.id < $1.id }) {
            var n = Int(fnv(s.id + "@" + event.id) % 2_000_000_000) + 1
            while usedNumbers.contains(n) { n = n % 2_000_000_000 + 1 }
            usedNumbers.insert(n)
            talkNumber[s.id] = n
        }

        let clock = ZoneClock(identifier: event.timeZone)
        var days: [String] = []
        for (i, date) in dates.enumerated() {
            let today = sessions.filter { $0.conferenceDay == date }
            let (dayStart, dayEnd) = bounds(of: date, sessions: today, event: event, clock: clock)
            var rooms: [(String, String)] = []
            for room in roomOrder {
                let talks = today.filter { roomName($0) == room }
                if talks.isEmpty { continue }
                rooms.append((room, w.array(talks.map { talk($0, event: event, ix: ix, number: talkNumber[$0.id] ?? 1, w: w, depth: 7) }, depth: 6)))
            }
            days.append(w.object([
                ("index", String(i + 1)), ("date", JSONWriter.quote(date)),
                ("day_start", JSONWriter.quote(dayStart)), ("day_end", JSONWriter.quote(dayEnd)),
                ("rooms", w.object(rooms, depth: 5)),
            ], depth: 4))
        }
        let daysJSON = w.array(days, depth: 3)

        var tracks: [String] = []
        for s in sessions { if let t = s.track, !t.isEmpty, !tracks.contains(t) { tracks.append(t) } }
        var conference: [(String, String)] = [
            ("acronym", JSONWriter.quote(acronym(event.id))),
            ("title", JSONWriter.quote(event.title)),
            ("start", JSONWriter.quote(dates.first ?? "")),
            ("end", JSONWriter.quote(dates.last ?? "")),
            ("daysCount", String(dates.count)),
            ("timeslot_duration", JSONWriter.quote(ClockText.text(minutes: timeslot(sessions)))),
            ("time_zone_name", JSONWriter.quote(event.timeZone)),
        ]
        if let url = event.sources.first(where: { $0.hasPrefix("https://") || $0.hasPrefix("http://") }) {
            conference.append(("url", JSONWriter.quote(url)))
        }
        conference.append(("rooms", w.array(roomOrder.map { room in
            w.object([("name", JSONWriter.quote(room)), ("guid", JSONWriter.quote(uuid(event.id + "/room/" + room)))], depth: 4)
        }, depth: 3)))
        conference.append(("tracks", w.array(tracks.map { w.object([("name", JSONWriter.quote($0))], depth: 4) }, depth: 3)))
        conference.append(("days", daysJSON))

        let schedule = w.object([
            ("version", JSONWriter.quote("convene-" + hex(fnv(daysJSON), digits: 16))),
            ("conference", w.object(conference, depth: 2)),
        ], depth: 1)
        var generator: [(String, String)] = [("name", JSONWriter.quote("convene"))]
        if !generatorVersion.isEmpty { generator.append(("version", JSONWriter.quote(generatorVersion))) }
        return w.object([
            ("$schema", JSONWriter.quote("https://c3voc.de/schedule/schema.json")),
            ("generator", w.object(generator, depth: 1)),
            ("schedule", schedule),
        ], depth: 0) + "\n"
    }

    static func talk(_ s: Session, event: Event, ix: DirectoryIndex, number: Int, w: JSONWriter, depth: Int) -> String {
        let guid = uuid(event.id + "/session/" + s.id)
        let minutes = Int((s.end.seconds - s.start.seconds + 59) / 60)
        let persons = s.speakers.map { id -> String in
            // Public by role, listed or not (``Delegate/listed``): the name alone, nothing else of theirs.
            let name = ix.delegate(id)?.name ?? id
            return w.object([("name", JSONWriter.quote(name)), ("public_name", JSONWriter.quote(name))], depth: depth + 1)
        }
        let links = s.links.map { link in
            w.object([("url", JSONWriter.quote(link.url)), ("title", JSONWriter.quote(link.title ?? link.url))], depth: depth + 1)
        }
        return w.object([
            ("id", String(number)),
            ("guid", JSONWriter.quote(guid)),
            ("date", JSONWriter.quote(s.start.description)),
            ("start", JSONWriter.quote(s.start.components().time)),
            ("duration", JSONWriter.quote(ClockText.text(minutes: minutes))),
            ("room", JSONWriter.quote(roomName(s))),
            ("slug", JSONWriter.quote(slug(s.id, event: event))),
            ("url", JSONWriter.quote(s.url ?? PublishedMapping.placeholderURLPrefix + guid)),
            ("title", JSONWriter.quote(s.title)),
            ("subtitle", JSONWriter.quote(s.subtitle ?? "")),
            ("track", s.track.map(JSONWriter.quote) ?? "null"),
            ("type", JSONWriter.quote(s.type ?? "")),
            ("language", JSONWriter.quote(s.language ?? "")),
            ("abstract", s.abstract.map(JSONWriter.quote) ?? "null"),
            ("description", s.description.map(JSONWriter.quote) ?? "null"),
            ("persons", w.array(persons, depth: depth)),
            ("links", links.isEmpty ? "[]" : w.array(links, depth: depth)),
        ], depth: depth)
    }

    static func roomName(_ s: Session) -> String {
        guard let room = s.room, !room.allSatisfy(\.isWhitespace) else { return noRoom }
        return room
    }

    /// The schema's acronym pattern, `^[a-z0-9_-][a-z0-9_]{3,}…`: dots and later dashes become underscores.
    static func acronym(_ id: String) -> String {
        var out = ""
        for (i, u) in id.unicodeScalars.enumerated() {
            let ok = ("a"..."z").contains(u) || ("0"..."9").contains(u) || u == "_" || (i == 0 && u == "-")
            out.unicodeScalars.append(ok ? u : "_")
        }
        while out.unicodeScalars.count < 4 { out += "_" }
        return out
    }

    /// The schema's slug pattern, `^[a-z0-9_-]+[a-z0-9]$`; a Convene id that already fits is kept as it is.
    static func slug(_ id: String, event: Event) -> String {
        var out = String(id.unicodeScalars.map { u -> Character in
            ("a"..."z").contains(u) || ("0"..."9").contains(u) || u == "_" || u == "-" ? Character(u) : "_"
        })
        while let last = out.last, last == "_" || last == "-" { out.removeLast() }
        if out.count < 2 { out = acronym(event.id) + "-" + (out.isEmpty ? "session" : out) }
        return out
    }

    /// The smallest step that every start and duration is a multiple of, between 5 and 60 minutes.
    static func timeslot(_ sessions: [Session]) -> Int {
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
        var g = 0
        for s in sessions {
            let p = s.start.components()
            g = gcd(g, p.hour * 60 + p.minute)
            g = gcd(g, Int((s.end.seconds - s.start.seconds) / 60))
        }
        return g == 0 ? 15 : min(60, max(5, g))
    }

    /// The first start and last end of a day's sessions; a day without sessions spans its local date.
    static func bounds(of date: String, sessions: [Session], event: Event, clock: ZoneClock?) -> (String, String) {
        if let first = sessions.map(\.start).min(), let last = sessions.map(\.end).max() {
            return (first.description, last.description)
        }
        guard let clock, let d = LocalDate(date) else { return (date + "T00:00:00Z", date + "T23:59:00Z") }
        let start = max(clock.instant(date: d, minuteOfDay: 0), event.start)
        let end = min(clock.instant(date: d.adding(days: 1), minuteOfDay: 0), event.end)
        return (clock.express(start).description, clock.express(end).description)
    }

    /// A name-based UUID (version 8, RFC 9562) from two FNV-1a hashes of `name`.
    static func uuid(_ name: String) -> String {
        var hi = fnv(name), lo = fnv("convene:" + name)
        hi = (hi & ~0xF000) | 0x8000               // version 8 in bits 48–51
        lo = (lo & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000   // RFC 9562 variant
        let h = hex(hi, digits: 16), l = hex(lo, digits: 16)
        return "\(h.prefix(8))-\(h.dropFirst(8).prefix(4))-\(h.suffix(4))-\(l.prefix(4))-\(l.suffix(12))"
    }

    static func fnv(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    static func hex(_ n: UInt64, digits: Int) -> String {
        let s = String(n, radix: 16)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }
}
