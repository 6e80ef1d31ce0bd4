import Foundation

/// What the user says when opening a published schedule, for what the file may not say.
///
/// `--time-zone`, `--host-city` and `--host-country` on the command line. Nothing
/// here is guessed: without them a missing zone leaves times as written and a
/// missing place stays "not recorded".
public struct PublishedReadOptions: Sendable, Equatable {
    /// An IANA zone that replaces the schedule's own, for floating times and files that name none.
    public var timeZone: String?
    /// The host city's name.
    public var hostCity: String?
    /// The host country: an ISO 3166-1 alpha-2 code or an English name.
    public var hostCountry: String?

    public init(timeZone: String? = nil, hostCity: String? = nil, hostCountry: String? = nil) {
        self.timeZone = timeZone
        self.hostCity = hostCity
        self.hostCountry = hostCountry
    }
}

/// Maps a ``PublishedSchedule`` onto the ``Directory`` model: one conference, one event.
///
/// - **Event.** Its id is the acronym's slug, else the title's (`36c3`, `fosdem-2024`).
///   It spans its days and sessions. Its city comes from the file (`<city>` with a
///   `<country>`) or from ``PublishedReadOptions``; a country alone places it in
///   that country with the city not recorded; otherwise it is not recorded.
/// - **Times.** Instants keep their moment, expressed in the event's zone. Floating
///   times are placed in the zone the user or the file names; with none, they are
///   shown as written (at +00:00 in `UTC`) and the notice says so. A zone is never
///   taken as a sign of a country.
/// - **People.** Each person becomes one delegate, identified by the source's guid,
///   code or id (see ``PersonIDs``); speakers are attached by those ids.
/// - **Words.** Subtitle, abstract, description, language, type, links, recording
///   opt-out and URL are all kept.
public enum PublishedMapping {
    /// The room Convene's own schedule.json export writes for a session without one; read back as no room.
    public static let placeholderRoom = "Room not recorded"
    /// The export's stand-in for a talk with no page (schedule.json requires a URL): `urn:uuid:…`, no page to show.
    public static let placeholderURLPrefix = "urn:uuid:"

    /// The directory a published schedule describes; the notice says what the file does not.
    public static func directory(from schedule: PublishedSchedule, file: String,
                                 options: PublishedReadOptions = PublishedReadOptions()) throws(PublishedReadError) -> Directory {
        try mapped(schedule, file: file, options: options).directory
    }

    /// The directory, and whether it passes every ``Validator`` check by construction, so that the
    /// loader need not run the Validator over it (on a 1,400-session congress file that pass was
    /// 10 M of 182 M instructions).
    ///
    /// What the mapping builds, and why each of the Validator's checks holds for it:
    /// - **Ids.** Event, session, delegate and city ids are ``RecordID/slug(_:maxLength:)`` output
    ///   (never empty here, so always well-formed: letters and digits joined by single `-`), a
    ///   source slug that ``RecordID/isValid(_:)`` accepted, or one of those with `-<hash>` or `-<n>`
    ///   appended; session ids are unique through ``RecordID/unique(_:in:)`` over the ids so far,
    ///   delegate ids through ``PersonIDs``, which gives each distinct key one unique id (hence the
    ///   condition below that no two persons share a key). There is one event, at most one city
    ///   and one country, and no organisation.
    /// - **References.** Speakers are the ids ``PersonIDs`` gave the schedule's persons, that is
    ///   delegates' ids; every delegate attends the one event; the event's city, or else its
    ///   country, is the one listed; the city's country is the one listed; codes come from
    ///   ``HostPlace/countryCode(_:)``, which only answers ISO 3166-1 codes.
    /// - **Times.** The event zone is one `TimeZone(identifier:)` accepted (``ZoneClock``, the
    ///   same lookup as the Validator's), and every time is written at that zone's offset at its
    ///   instant (``TimePlacement``, which needs a clock: the condition below). A session ends
    ///   after it starts (a length of 0 or less becomes one minute); the event spans the earliest
    ///   start and the latest end; a listed day is set only within a day of the start's own date.
    ///
    /// `ScheduleValidityTests` runs the Validator over generated, hostile and fixture schedules
    /// mapped here, and tests each point above on its own.
    static func mapped(_ schedule: consuming PublishedSchedule, file: String,
                       options: PublishedReadOptions) throws(PublishedReadError) -> (directory: Directory, validByConstruction: Bool) {
        var notes: [String] = []
        let conference = schedule.conference
        let eventID = eventID(conference)

        // The zone: the user's, else the file's, else one the offsets imply, else none (times as written).
        let placement = try TimePlacement(schedule: schedule, file: file, override: options.timeZone)
        notes += placement.notes

        let personIDs = PersonIDs(schedule.persons)
        // Sized once (a 1,400-session file regrew it eleven times); only looked up, never iterated.
        var sessionIDs = Set<String>(minimumCapacity: schedule.sessions.count)
        var sessions: [Session] = []
        var zeroLength = 0
        sessions.reserveCapacity(schedule.sessions.count)
        // The sessions are taken out of the schedule, which the caller gives up, and each one's strings are
        // moved into its Session rather than copied and later released again with the schedule.
        var pending: [PublishedSession] = []
        swap(&pending, &schedule.sessions)
        // Each session is moved out of its slot, emptied of its strings and moved back, in order: reversing the
        // array to pop from its end swapped whole records (1.4 M instructions on a 1,400-session file).
        pending.withUnsafeMutableBufferPointer { buffer in
            guard let first = buffer.baseAddress else { return }
            for slot in first..<(first + buffer.count) {
                var published = slot.move()
                // One hash for the usual id that is free; RecordID.unique only for one already taken.
                let base = sessionBase(published, eventID: eventID)
                var id = base
                if !sessionIDs.insert(base).inserted {
                    id = RecordID.unique(base, in: sessionIDs)
                    sessionIDs.insert(id)
                }
                let start = placement.timestamp(published.start)
                var length = Int64(published.durationSeconds)
                if length <= 0 {
                    // convene/1 needs an end after the start; a slot with no length is shown as one minute, and said.
                    zeroLength += 1
                    length = 60
                }
                let end = placement.express(Timestamp(seconds: start.seconds + length, offsetSeconds: 0))
                var speakers: [String] = []
                speakers.reserveCapacity(published.persons.count)
                for key in published.persons {
                    if let delegate = personIDs.id(for: key), !speakers.contains(delegate) { speakers.append(delegate) }
                }
                let day = listedDay(published, start: start, days: conference.days)
                let links = published.links.isEmpty ? [] : published.links.map { SessionLink(title: $0.title, url: $0.url) }
                let room = take(&published.room, nil), url = take(&published.url, nil)
                let session = Session(
                    id: id, title: take(&published.title, ""), start: start, end: end,
                    room: room == placeholderRoom ? nil : room, track: take(&published.track, nil),
                    speakers: speakers, description: take(&published.description, nil), subtitle: take(&published.subtitle, nil),
                    abstract: take(&published.abstract, nil), language: take(&published.language, nil),
                    type: take(&published.type, nil), links: links, recordingOptOut: published.recordingOptOut,
                    url: url.flatMap { $0.hasPrefix(placeholderURLPrefix) ? nil : $0 },
                    day: day, guid: take(&published.ids.guid, nil))
                sessions.append(consume session)
                slot.initialize(to: consume published)
            }
        }
        if zeroLength > 0 {
            notes.append("\(zeroLength) session\(zeroLength == 1 ? " has" : "s have") no length in the file and "
                         + "\(zeroLength == 1 ? "is" : "are") shown as one minute long.")
        }

        // The event spans its sessions and the days' published bounds.
        var starts = sessions.map(\.start), ends = sessions.map(\.end)
        for day in conference.days {
            if let s = day.start { starts.append(placement.timestamp(s)) }
            if let e = day.end { ends.append(placement.timestamp(e)) }
            if day.start == nil, day.end == nil, sessions.isEmpty {
                starts.append(placement.timestamp(.allDay(day.date)))
                ends.append(placement.timestamp(.allDay(day.date.adding(days: 1))))
            }
        }
        guard let first = starts.min(), let last = ends.max(), last > first else {
            throw PublishedReadError(file: file, place: .none,
                                     problem: "cannot tell when the conference takes place: it has no sessions and no days")
        }

        let host = try HostPlace(conference: conference, options: options, zone: placement.zoneName, file: file)
        notes += host.notes
        let delegates = schedule.persons.map { person in
            Delegate(id: personIDs.id(for: person.key) ?? "", name: person.name.isEmpty ? "(unnamed: \(person.key))" : person.name,
                     city: nil, country: nil, events: [eventID])
        }
        let event = Event(id: eventID, title: conference.title, kind: "conference", city: host.city?.id,
                          country: host.city == nil ? host.country?.code : nil, venue: conference.venue, start: placement.express(first), end: placement.express(last),
                          timeZone: placement.zoneName, sources: conference.url.map { [$0] } ?? [], sessions: sessions)

        let speakerCount = delegates.count
        let article = "aeiouAEIOU".contains(schedule.format.first ?? "x") ? "an" : "a"
        var lead = "Read from \(article) \(schedule.format)"
        switch host.place {
        case .notRecorded:
            lead += ", which records neither the host city nor where speakers come from: both are shown as not recorded "
                + "for the event and its \(speakerCount) speaker\(speakerCount == 1 ? "" : "s")."
        case .country:
            lead += "; the host city and where its \(speakerCount) speaker\(speakerCount == 1 ? "" : "s") come from are not recorded."
        case .city:
            lead += "; where its \(speakerCount) speaker\(speakerCount == 1 ? "" : "s") come from is not recorded."
        }
        let notice = ([lead] + notes + schedule.notes.map { sentence($0) }).joined(separator: " ")
        let directory = Directory(title: conference.title, notice: notice, countries: host.country.map { [$0] } ?? [],
                                  cities: host.city.map { [$0] } ?? [], events: [event], delegates: DelegateList(delegates))
        // The two things construction alone does not give: one id per person (no two share a key), and a zone clock.
        return (directory, personIDs.count == schedule.persons.count && placement.clock != nil)
    }

    /// The date of the day the session is listed under, when it is not its start's date in the event's
    /// zone (a talk past midnight listed under the evening before). A listing more than a day from the
    /// start is not a day change but a mismatch in the file; the start's own date stands then.
    static func listedDay(_ s: PublishedSession, start: Timestamp, days: [PublishedDay]) -> LocalDate? {
        // The start's date from its calendar fields (no text in between); a year LocalDate could not read
        // back from text (outside 1000–9999) stands as no date, as it did when the date went through text.
        let p = start.components()
        guard let index = s.day, (1000...9999).contains(p.year),
              let listed = days.first(where: { $0.index == index })?.date,
              case let own = LocalDate(year: p.year, month: p.month, day: p.day), listed != own,
              abs(listed.daysSinceEpoch - own.daysSinceEpoch) <= 1 else { return nil }
        return listed
    }

    /// The acronym's slug, else the title's; `event-<hash>` for a title with no Latin letters or digits.
    static func eventID(_ conference: PublishedConference) -> String {
        for text in [conference.acronym, conference.title].compactMap({ $0 }) {
            let slug = RecordID.slug(text)
            if RecordID.isValid(slug) { return slug }
        }
        return "event-" + PersonIDs.shortHash(conference.title)
    }

    /// The source's slug when it is already an id, else `<event>-<id>`, `<event>-<guid>`, `<event>-<title>`.
    static func sessionBase(_ s: PublishedSession, eventID: String) -> String {
        if let slug = s.slug, isID(slug) { return slug }
        for text in [s.ids.id, s.ids.code, s.ids.guid, s.title].compactMap({ $0 }) {
            let slug = Self.slug(text)
            if !slug.isEmpty { return "\(eventID)-\(slug)" }
        }
        return "\(eventID)-session"
    }

    /// The value, leaving `empty` in its place: a move (reading the field would retain the string, and
    /// the release would follow when the published session is dropped).
    @inline(__always) static func take<T>(_ value: inout T, _ empty: T) -> T {
        var out = empty
        swap(&out, &value)
        return out
    }

    /// ``RecordID/isValid(_:)``, read on the string's bytes (the generic check walked `UTF8View`).
    static func isID(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            func lowerAlnum(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) }
            guard let first = bytes.first, lowerAlnum(first) else { return false }
            for b in bytes where !(lowerAlnum(b) || b == 0x2E || b == 0x5F || b == 0x2D) { return false }
            return true
        } ?? RecordID.isValid(text)
    }

    /// ``RecordID/slug(_:maxLength:)``, on the bytes when the text is ASCII: `SearchFold` only lower-cases
    /// ASCII, so the slug is the lower-case letters and digits with each run of anything else as one `-`
    /// between them, cut as `RecordID.slug` cuts it. Other text goes to `RecordID.slug` itself.
    static func slug(_ text: String, maxLength: Int = 60) -> String {
        let fast: String?? = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            for b in bytes where b >= 0x80 { return nil }
            return String(unsafeUninitializedCapacity: min(bytes.count, maxLength + 1)) { out in
                var count = 0, pendingDash = false
                for b in bytes {
                    let lowered = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
                    if (lowered >= 0x61 && lowered <= 0x7A) || (lowered >= 0x30 && lowered <= 0x39) {
                        if pendingDash, count > 0 { out[count] = 0x2D; count += 1 }
                        pendingDash = false
                        out[count] = lowered
                        count += 1
                        if count >= maxLength { break }
                    } else {
                        pendingDash = true
                    }
                }
                return count
            }
        }
        if let fast = fast.flatMap({ $0 }) { return fast }
        return RecordID.slug(text, maxLength: maxLength)
    }

    /// A reader's note as a sentence: capitalised, with a full stop.
    static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        let body = first.uppercased() + text.dropFirst()
        return body.hasSuffix(".") ? body : body + "."
    }
}

/// Delegate ids for published persons: readable, deterministic and never shared by two people.
///
/// A person is known by the source's key (guid, code or id, in that order; the name
/// only when the source gives nothing else). The id is that key's slug (`nqtf8y`
/// for pretalx's `NQTF8Y`; `person-7` for frab's number 7) when the slug is a valid
/// id that no other person's key also slugs to. Otherwise — a code in another
/// script (`張三`, `ДЖ1`), or near-duplicates such as `abc` and `ABC` — it is the
/// slug (or `person`) followed by a short FNV-1a hash of the whole key, so the same
/// file always gives the same ids. A last pass makes any remaining clash unique in
/// source order.
struct PersonIDs {
    private var byKey: [PublishedPersonKey: String] = [:]

    init(_ persons: [PublishedPerson]) {
        let bases = persons.map { Self.base($0.key) }
        // The tables are sized for every person at once rather than regrown on the way; none is ever iterated,
        // so their order cannot reach the ids.
        byKey.reserveCapacity(persons.count)
        var uses = [String: Int](minimumCapacity: persons.count)
        for base in bases { uses[base, default: 0] += 1 }
        var taken = Set<String>(minimumCapacity: persons.count)
        // By index: only each person's key is read (zipping copied every person's five strings).
        for i in persons.indices {
            let key = persons[i].key, base = bases[i]
            // One hash per person: the slot is found once, and filled when still empty (an id never is).
            Self.fill(&byKey[key, default: ""]) {
                var id = base
                if uses[base, default: 0] > 1 || !PublishedMapping.isID(base) || !Self.isFaithful(base, key) {
                    id = (base.isEmpty || !PublishedMapping.isID(base) ? "person" : base) + "-" + Self.shortHash(key.description)
                }
                if !taken.insert(id).inserted {
                    id = RecordID.unique(id, in: taken)
                    taken.insert(id)
                }
                return id
            }
        }
    }

    /// Gives an empty slot the id `make` returns; a filled one (a key met before) keeps its id.
    @inline(__always) private static func fill(_ slot: inout String, _ make: () -> String) {
        if slot.isEmpty { slot = make() }
    }

    func id(for key: PublishedPersonKey) -> String? { byKey[key] }

    /// How many distinct keys were given ids.
    var count: Int { byKey.count }

    /// The readable part: the key's slug, with `person-` before a bare number (frab's integer ids).
    static func base(_ key: PublishedPersonKey) -> String {
        let raw: String
        switch key {
        case .guid(let v), .code(let v), .id(let v), .name(let v): raw = v
        }
        let slug = PublishedMapping.slug(raw)
        if case .id = key, !slug.isEmpty, slug.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return "person-" + slug }
        return slug
    }

    /// The base the key spells without loss: its value lower-cased, when that is already an id.
    /// A slug that drops or folds characters (`ZÖP1` → `zop1`) is not faithful and gets a hash.
    static func faithful(_ key: PublishedPersonKey) -> String? {
        switch key {
        case .guid(let v), .code(let v): return v.lowercased()
        case .id(let v):
            let lower = v.lowercased()
            return lower.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) ? "person-" + lower : lower
        case .name: return base(key)  // a name is slugged by design; the hash is for clashes only
        }
    }

    /// `base == faithful(key)`, without lower-casing a copy of an ASCII value.
    static func isFaithful(_ base: String, _ key: PublishedPersonKey) -> Bool {
        let value: String, numbered: Bool
        switch key {
        case .guid(let v), .code(let v): (value, numbered) = (v, false)
        case .id(let v): (value, numbered) = (v, true)
        case .name: return base == faithful(key)
        }
        let answer: Bool?? = value.utf8.withContiguousStorageIfAvailable { v -> Bool? in
            base.utf8.withContiguousStorageIfAvailable { b -> Bool? in
                for c in v where c >= 0x80 { return nil }
                var b = b[...]
                // A bare number is spelled `person-<number>` (``faithful(_:)``).
                if numbered, v.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                    guard b.starts(with: "person-".utf8) else { return false }
                    b = b.dropFirst(7)
                }
                guard b.count == v.count else { return false }
                for (x, y) in zip(b, v) where x != (y >= 0x41 && y <= 0x5A ? y + 0x20 : y) { return false }
                return true
            } ?? nil
        }
        if let known = answer.flatMap({ $0 }) { return known }
        return base == faithful(key)
    }

    /// Eight hex digits of FNV-1a over UTF-8: the same in every run, unlike `Hasher`.
    static func shortHash(_ text: String) -> String {
        let h = stableHash(text)
        let folded = UInt32(truncatingIfNeeded: h ^ (h >> 32))
        let hex = String(folded, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
