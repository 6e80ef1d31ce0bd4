/// schedule.json v1: talks listed per day and room, `schedule.conference.days[].rooms{name: [talk]}`.
///
/// A talk's start is its `date` (an ISO instant with offset) when given. Otherwise
/// it is the day's date and `start` (`HH:MM`), placed in `time_zone_name` when that
/// names a zone, else at the offset of the day's `day_start`, else floating. A
/// `start` before the day's `day_start` time of day is after midnight: the next date,
/// still listed under this day.
struct ScheduleJSONv1Mapping {
    let fields: JSONFields
    var people = PersonRegistry()
    var rooms: [String] = []
    var tracks: [String] = []

    init(fields: JSONFields) { self.fields = fields }

    mutating func read(schedule: JSONValue, conference: JSONValue) throws(PublishedReadError) -> PublishedSchedule {
        let path = JSONPath.root.key("schedule").key("conference")
        var published = PublishedConference(title: try fields.required(conference, "title", at: path))
        published.acronym = try fields.string(conference, "acronym", at: path)
        published.url = try fields.string(conference, "url", at: path)
        if published.url == nil { published.url = try fields.string(schedule, "base_url", at: JSONPath.root.key("schedule")) }
        published.timeZone = try fields.string(conference, "time_zone_name", at: path)
        published.city = try fields.string(conference, "city", at: path)
        published.venue = try fields.string(conference, "venue", at: path)
        var clock: ZoneClock?
        if let zone = published.timeZone {
            guard let c = ZoneClock(identifier: zone) else {
                throw fields.fail(path.key("time_zone_name"), "'\(Quote.text(zone))' is not an IANA time zone name")
            }
            clock = c
        }
        for (i, track) in try fields.array(conference, "tracks", at: path).enumerated() {
            if let name = try fields.string(track, "name", at: path.key("tracks").index(i)), !tracks.contains(name) {
                tracks.append(name)
            }
        }

        var sessions: [PublishedSession] = []
        let daysPath = path.key("days")
        for (i, day) in try fields.array(conference, "days", at: path).enumerated() {
            let dayPath = daysPath.index(i)
            guard case .object = day else { throw fields.fail(dayPath, "expected an object, found \(day.typeDescription)") }
            let date = try fields.date(day, "date", at: dayPath)
            var index = i + 1
            if let text = try fields.string(day, "index", at: dayPath) {
                guard let n = Int(text) else { throw fields.fail(dayPath.key("index"), "'\(Quote.text(text))' is not a whole number") }
                index = n
            }
            let dayStart = try fields.timestamp(day, "day_start", at: dayPath)
            let dayEnd = try fields.timestamp(day, "day_end", at: dayPath)
            let listed = PublishedDay(index: index, date: date, start: dayStart.map(PublishedTime.instant),
                                      end: dayEnd.map(PublishedTime.instant))
            days.append(listed)
            let turnover = dayStart.map { PublishedTime.instant($0).local }.map { $0.date == date ? $0.secondOfDay : 0 }

            guard let roomsValue = day["rooms"], roomsValue != .null else { continue }
            guard case .object(let members) = roomsValue else {
                throw fields.fail(dayPath.key("rooms"), "expected an object, found \(roomsValue.typeDescription)")
            }
            for (roomName, talks) in members {
                let roomPath = dayPath.key("rooms").key(roomName)
                if !rooms.contains(roomName) { rooms.append(roomName) }
                guard case .array(let items) = talks else {
                    throw fields.fail(roomPath, "expected an array, found \(talks.typeDescription)")
                }
                for (j, talk) in items.enumerated() {
                    sessions.append(try readTalk(talk, at: roomPath.index(j), room: roomName, day: listed,
                                                 turnover: turnover, clock: clock, dayOffset: dayStart?.offsetSeconds))
                }
            }
        }
        published.days = days
        published.rooms = rooms
        published.tracks = tracks
        return PublishedSchedule(format: "schedule.json", conference: published, sessions: sessions, persons: people.persons)
    }

    var days: [PublishedDay] = []

    mutating func readTalk(_ talk: JSONValue, at path: JSONPath, room: String, day: PublishedDay, turnover: Int?,
                           clock: ZoneClock?, dayOffset: Int?) throws(PublishedReadError) -> PublishedSession {
        guard case .object = talk else { throw fields.fail(path, "expected an object, found \(talk.typeDescription)") }
        let title = try fields.required(talk, "title", at: path)
        let start: PublishedTime
        if let t = try fields.timestamp(talk, "date", at: path) {
            start = .instant(t)
        } else {
            let text = try fields.required(talk, "start", at: path)
            guard let second = DurationText.timeOfDay(text) else {
                throw fields.fail(path.key("start"), "'\(Quote.text(text))' is not a time of the form HH:MM")
            }
            start = .listed(on: day, secondOfDay: second, turnover: turnover, clock: clock, dayOffset: dayOffset)
        }
        let durationText = try fields.required(talk, "duration", at: path)
        guard let duration = DurationText.seconds(durationText) else {
            throw fields.fail(path.key("duration"), "'\(Quote.text(durationText))' is not a duration of the form HH:MM or HH:MM:SS")
        }
        var speakers: [PublishedPersonKey] = []
        for (i, person) in try fields.array(talk, "persons", at: path).enumerated() {
            let personPath = path.key("persons").index(i)
            guard case .object = person else { throw fields.fail(personPath, "expected an object, found \(person.typeDescription)") }
            let name = try fields.string(person, ["public_name", "name"], at: personPath)
            if let key = people.add(ids: try fields.ids(person, at: personPath), name: name), !speakers.contains(key) {
                speakers.append(key)
            }
        }
        let track = try fields.string(talk, "track", at: path)
        if let track, !tracks.contains(track) { tracks.append(track) }
        let roomName = try fields.string(talk, "room", at: path) ?? room
        if !rooms.contains(roomName) { rooms.append(roomName) }
        return PublishedSession(
            ids: try fields.ids(talk, at: path), slug: try fields.string(talk, "slug", at: path), title: title,
            subtitle: try fields.string(talk, "subtitle", at: path), abstract: try fields.string(talk, "abstract", at: path),
            description: try fields.string(talk, "description", at: path), language: try fields.string(talk, "language", at: path),
            type: try fields.string(talk, "type", at: path), track: track, room: roomName, start: start,
            durationSeconds: duration, day: day.index, persons: speakers, links: try fields.links(talk, at: path),
            recordingOptOut: fields.bool(talk, "do_not_record"), url: try fields.string(talk, "url", at: path))
    }
}
