/// schedule.json v2, the congress hub layout: `schedule.events[]` with ISO `start`/`end`,
/// `room` objects, `track` as `{slug}` or `{name}` (resolved against `conference.tracks`),
/// `participants` (or `persons`) by guid, and everyone in `schedule.persons[]`.
///
/// v2 has no per-day talk lists: an event belongs to the day whose `start`–`end`
/// contains its start, else to the day with its local date.
struct ScheduleJSONv2Mapping {
    let fields: JSONFields
    var people = PersonRegistry()

    init(fields: JSONFields) { self.fields = fields }

    mutating func read(schedule: JSONValue, conference: JSONValue) throws(PublishedReadError) -> PublishedSchedule {
        let schedulePath = JSONPath.root.key("schedule")
        let path = schedulePath.key("conference")
        var published = PublishedConference(title: try fields.required(conference, "title", at: path))
        published.acronym = try fields.string(conference, "acronym", at: path)
        published.url = try fields.string(conference, "url", at: path)
        if published.url == nil { published.url = try fields.string(schedule, "base_url", at: schedulePath) }
        published.timeZone = try fields.string(conference, "time_zone_name", at: path)
        published.city = try fields.string(conference, "city", at: path)
        published.venue = try fields.string(conference, "venue", at: path)
        if let zone = published.timeZone, ZoneClock(identifier: zone) == nil {
            throw fields.fail(path.key("time_zone_name"), "'\(Quote.text(zone))' is not an IANA time zone name")
        }
        var trackBySlug: [String: String] = [:]
        for (i, track) in try fields.array(conference, "tracks", at: path).enumerated() {
            let trackPath = path.key("tracks").index(i)
            guard let name = try fields.string(track, "name", at: trackPath) else { continue }
            if !published.tracks.contains(name) { published.tracks.append(name) }
            if let slug = try fields.string(track, "slug", at: trackPath) { trackBySlug[slug] = name }
        }
        var roomByGUID: [String: String] = [:]
        for (i, room) in try fields.array(conference, "rooms", at: path).enumerated() {
            let roomPath = path.key("rooms").index(i)
            guard let name = try fields.string(room, "name", at: roomPath) else { continue }
            if !published.rooms.contains(name) { published.rooms.append(name) }
            if let guid = try fields.string(room, "guid", at: roomPath) { roomByGUID[guid] = name }
        }
        for (i, day) in try fields.array(conference, "days", at: path).enumerated() {
            let dayPath = path.key("days").index(i)
            var index = i + 1
            if let text = try fields.string(day, "index", at: dayPath), let n = Int(text) { index = n }
            published.days.append(PublishedDay(
                index: index, date: try fields.date(day, "date", at: dayPath),
                start: try fields.timestamp(day, "start", at: dayPath).map(PublishedTime.instant),
                end: try fields.timestamp(day, "end", at: dayPath).map(PublishedTime.instant)))
        }
        // Everyone listed, so their names are known even when a talk's participant entry has only a guid.
        var names: [PublishedIDs: String] = [:]
        for (i, person) in try fields.array(schedule, "persons", at: schedulePath).enumerated() {
            let personPath = schedulePath.key("persons").index(i)
            let ids = try fields.ids(person, at: personPath)
            let name = try fields.string(person, ["public_name", "name"], at: personPath)
            _ = people.add(ids: ids, name: name)
            names[ids] = name
        }

        var sessions: [PublishedSession] = []
        for (i, event) in try fields.array(schedule, "events", at: schedulePath).enumerated() {
            let eventPath = schedulePath.key("events").index(i)
            guard case .object = event else { throw fields.fail(eventPath, "expected an object, found \(event.typeDescription)") }
            let title = try fields.required(event, "title", at: eventPath)
            guard let start = try fields.timestamp(event, "start", at: eventPath) else {
                throw fields.fail(eventPath.key("start"), "missing required field 'start'")
            }
            var duration = 0
            if let end = try fields.timestamp(event, "end", at: eventPath) {
                guard end >= start else { throw fields.fail(eventPath.key("end"), "ends before it starts (\(end) < \(start))") }
                duration = Int(end.seconds - start.seconds)
            } else if let text = try fields.string(event, "duration", at: eventPath) {
                guard let s = DurationText.seconds(text) else {
                    throw fields.fail(eventPath.key("duration"), "'\(Quote.text(text))' is not a duration of the form HH:MM or HH:MM:SS")
                }
                duration = s
            } else {
                throw fields.fail(eventPath.key("end"), "missing required field 'end' (or 'duration')")
            }
            let room = try name(of: event["room"], at: eventPath.key("room"), byID: roomByGUID)
            if let room, !published.rooms.contains(room) { published.rooms.append(room) }
            let track = try name(of: event["track"], at: eventPath.key("track"), byID: trackBySlug)
            if let track, !published.tracks.contains(track) { published.tracks.append(track) }

            var speakers: [PublishedPersonKey] = []
            let listKey = event["participants"] != nil ? "participants" : "persons"
            for (j, person) in try fields.array(event, listKey, at: eventPath).enumerated() {
                let personPath = eventPath.key(listKey).index(j)
                guard case .object = person else { throw fields.fail(personPath, "expected an object, found \(person.typeDescription)") }
                let ids = try fields.ids(person, at: personPath)
                let name = try fields.string(person, "public_name", at: personPath)
                    ?? names[ids]
                if let key = people.add(ids: ids, name: name), !speakers.contains(key) { speakers.append(key) }
            }
            let local = PublishedTime.instant(start).local
            let day = published.days.first { d in
                if case .instant(let s)? = d.start, case .instant(let e)? = d.end { return s <= start && start < e }
                return false
            } ?? published.days.first { $0.date == local.date }
            var optOut = fields.bool(event, "do_not_record")
            if optOut == nil, case .object? = event["recording"], let b = fields.bool(event["recording"] ?? .null, "optout") {
                optOut = b
            }
            sessions.append(PublishedSession(
                ids: try fields.ids(event, at: eventPath), slug: try fields.string(event, "slug", at: eventPath), title: title,
                subtitle: try fields.string(event, "subtitle", at: eventPath),
                abstract: try fields.string(event, "abstract", at: eventPath),
                description: try fields.string(event, "description", at: eventPath),
                language: try fields.string(event, "language", at: eventPath), type: try fields.string(event, "type", at: eventPath),
                track: track, room: room, start: .instant(start), durationSeconds: duration, day: day?.index,
                persons: speakers, links: try fields.links(event, at: eventPath), recordingOptOut: optOut,
                url: try fields.string(event, "url", at: eventPath)))
        }
        return PublishedSchedule(format: "schedule.json", conference: published, sessions: sessions, persons: people.persons)
    }

    /// A room or track given as a string, as `{name}`, or as `{guid}`/`{slug}` to look up.
    func name(of value: JSONValue?, at path: JSONPath, byID: [String: String]) throws(PublishedReadError) -> String? {
        guard let value else { return nil }
        switch value {
        case .null: return nil
        case .string(let s):
            let t = s.trimmingXMLSpace()
            return t.isEmpty ? nil : t
        case .object:
            if let n = try fields.string(value, "name", at: path) { return n }
            for key in ["guid", "slug"] {
                if let id = try fields.string(value, key, at: path) {
                    guard let n = byID[id] else {
                        throw fields.fail(path.key(key), "'\(Quote.text(id))' is not listed in the conference")
                    }
                    return n
                }
            }
            return nil
        default:
            throw fields.fail(path, "expected a string or an object, found \(value.typeDescription)")
        }
    }
}
