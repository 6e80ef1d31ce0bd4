import ConveneText

/// What a conference publishes about its programme, as the file says it and nothing more.
///
/// Readers of schedule.xml, iCalendar and schedule.json fill this neutral value;
/// a later step maps it onto the ``Directory`` model. It keeps everything a file
/// identifies people and talks by (guid, code, id — all that exist), both the
/// abstract and the description, and the time exactly as published: an instant
/// with its offset when the file gives one, a floating local date-time when it
/// does not. Nothing is derived: no city or country comes from a time zone.
public struct PublishedSchedule: Sendable, Equatable {
    /// The format the file was read as, e.g. `schedule.xml` (one of the names in ``PublishedFormats``).
    public var format: String
    public var conference: PublishedConference
    /// Every session in source order; ids repeated across rooms are kept as separate sessions.
    public var sessions: [PublishedSession]
    /// Every distinct person, in order of first appearance, told apart by ``PublishedPerson/key``.
    public var persons: [PublishedPerson]
    /// What the reader could not take over as published, in words (e.g. a recurrence not expanded).
    public var notes: [String]

    public init(format: String, conference: PublishedConference, sessions: [PublishedSession] = [],
                persons: [PublishedPerson] = [], notes: [String] = []) {
        self.format = format
        self.conference = conference
        self.sessions = sessions
        self.persons = persons
        self.notes = notes
    }

    /// The person a session names by `key`; nil when the schedule does not list them.
    public func person(_ key: PublishedPersonKey) -> PublishedPerson? {
        persons.first { $0.key == key }
    }
}

/// The conference as a whole: names, where the file says it is held, its days, rooms and tracks.
public struct PublishedConference: Sendable, Equatable {
    public var title: String
    public var acronym: String?
    public var url: String?
    /// The IANA (or, in iCalendar, declared) time zone name when the file gives one.
    public var timeZone: String?
    /// Only when the file says so (FOSDEM's `<city>`, a venue field): never derived.
    public var city: String?
    public var venue: String?
    public var country: String?
    public var days: [PublishedDay]
    /// Room names in source order, each once.
    public var rooms: [String]
    /// Track names in source order, each once.
    public var tracks: [String]

    public init(title: String, acronym: String? = nil, url: String? = nil, timeZone: String? = nil,
                city: String? = nil, venue: String? = nil, country: String? = nil,
                days: [PublishedDay] = [], rooms: [String] = [], tracks: [String] = []) {
        self.title = title
        self.acronym = acronym
        self.url = url
        self.timeZone = timeZone
        self.city = city
        self.venue = venue
        self.country = country
        self.days = days
        self.rooms = rooms
        self.tracks = tracks
    }
}

/// One conference day as listed: its index, its date, and when its programme starts and ends.
public struct PublishedDay: Sendable, Equatable {
    public var index: Int
    public var date: LocalDate
    public var start: PublishedTime?
    public var end: PublishedTime?

    public init(index: Int, date: LocalDate, start: PublishedTime? = nil, end: PublishedTime? = nil) {
        self.index = index
        self.date = date
        self.start = start
        self.end = end
    }
}

/// The identifiers a source gives a talk or a person; every one that exists is kept.
public struct PublishedIDs: Sendable, Hashable {
    public var guid: String?
    public var code: String?
    public var id: String?

    public init(guid: String? = nil, code: String? = nil, id: String? = nil) {
        self.guid = guid.flatMap(Self.nonBlank)
        self.code = code.flatMap(Self.nonBlank)
        self.id = id.flatMap(Self.nonBlank)
    }

    /// Ids already trimmed of XML white space and never empty (``ScheduleXMLStream``'s attributes): kept as they are.
    init(trimmedGUID guid: String?, code: String?, id: String?) {
        self.guid = guid
        self.code = code
        self.id = id
    }

    public var isEmpty: Bool { guid == nil && code == nil && id == nil }

    static func nonBlank(_ text: String) -> String? {
        let trimmed = text.trimmingXMLSpace()
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// How a session refers to a person: the first of guid, code and id the source gives, never the name
/// unless the source gives nothing else (then ``PublishedPersonKey/name(_:)`` says so).
public enum PublishedPersonKey: Sendable, Hashable, CustomStringConvertible {
    case guid(String)
    case code(String)
    case id(String)
    /// No identifier at all in the source: the name is all there is.
    case name(String)

    /// The key for a person with these ids, or by name when there are none.
    public init(ids: PublishedIDs, name: String) {
        if let guid = ids.guid { self = .guid(guid) }
        else if let code = ids.code { self = .code(code) }
        else if let id = ids.id { self = .id(id) }
        else { self = .name(name) }
    }

    public var description: String {
        switch self {
        case .guid(let v): return "guid \(v)"
        case .code(let v): return "code \(v)"
        case .id(let v): return "id \(v)"
        case .name(let v): return "name \(v)"
        }
    }
}

/// A person as the source lists them.
public struct PublishedPerson: Sendable, Equatable {
    public var key: PublishedPersonKey
    public var ids: PublishedIDs
    /// The public name; two people may share it and stay two.
    public var name: String

    public init(key: PublishedPersonKey, ids: PublishedIDs, name: String) {
        self.key = key
        self.ids = ids
        self.name = name
    }
}

/// A link a talk lists (slides, video, project page).
public struct PublishedLink: Sendable, Equatable {
    public var url: String
    public var title: String?

    public init(url: String, title: String? = nil) {
        self.url = url
        self.title = title
    }
}

/// One talk, workshop or slot, with every word the source gives.
public struct PublishedSession: Sendable, Equatable {
    public var ids: PublishedIDs
    public var slug: String?
    public var title: String
    public var subtitle: String?
    /// As published: HTML, Markdown or plain text (``abstractPlain`` is the readable form).
    public var abstract: String?
    /// As published (``descriptionPlain`` is the readable form).
    public var description: String?
    public var language: String?
    public var type: String?
    public var track: String?
    public var room: String?
    public var start: PublishedTime
    /// Length in seconds; 0 when the source gives none (an iCalendar event without DTEND or DURATION).
    public var durationSeconds: Int
    /// The ``PublishedDay/index`` of the day the session is listed under (past midnight included).
    public var day: Int?
    /// The speakers, in source order, each once.
    public var persons: [PublishedPersonKey]
    public var links: [PublishedLink]
    /// True when the source opts the talk out of recording; nil when it does not say.
    public var recordingOptOut: Bool?
    public var url: String?

    public init(ids: PublishedIDs = PublishedIDs(), slug: String? = nil, title: String, subtitle: String? = nil,
                abstract: String? = nil, description: String? = nil, language: String? = nil, type: String? = nil,
                track: String? = nil, room: String? = nil, start: PublishedTime, durationSeconds: Int, day: Int? = nil,
                persons: [PublishedPersonKey] = [], links: [PublishedLink] = [], recordingOptOut: Bool? = nil,
                url: String? = nil) {
        self.ids = ids
        self.slug = slug
        self.title = title
        self.subtitle = subtitle
        self.abstract = abstract
        self.description = description
        self.language = language
        self.type = type
        self.track = track
        self.room = room
        self.start = start
        self.durationSeconds = durationSeconds
        self.day = day
        self.persons = persons
        self.links = links
        self.recordingOptOut = recordingOptOut
        self.url = url
    }
}

extension PublishedSession {
    /// The abstract as readable plain text (``RichText/plainText(_:)``): HTML and Markdown converted,
    /// plain text unchanged. Computed, so the original stays the one stored value.
    public var abstractPlain: String? { abstract.map(RichText.plainText) }

    /// The description as readable plain text, like ``abstractPlain``.
    public var descriptionPlain: String? { description.map(RichText.plainText) }
}
