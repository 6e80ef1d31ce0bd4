/// An event: a conference, forum or meeting in one city, with its sessions.
public struct Event: Sendable, Equatable {
    public var id: String
    public var title: String
    /// The title in the organisers' language, when it differs.
    public var localTitle: String?
    /// "conference", "forum", "meeting", "festival", ...
    public var kind: String
    /// Host city id; nil when the source does not say which city (see ``NotRecorded``).
    public var city: String?
    /// ISO code of the host country as the source gives it; nil when it does not.
    ///
    /// Without a ``city`` this is all that is known of the place: a schedule read with
    /// `--host-country DE` and no city, a venue that names only its country. With a
    /// city it is optional and must be the city's country, which is what counts: read
    /// the host country through ``DirectoryIndex/hostCountry(of:)`` or ``place``.
    public var country: String?
    /// Where in the city; nil when not recorded.
    public var venue: String?
    public var start: Timestamp
    public var end: Timestamp
    /// IANA time zone the agenda is shown in.
    public var timeZone: String
    /// Organisation ids.
    public var organizers: [String]
    public var themes: [String]
    /// The attendance the organisers announced, when they did.
    public var reportedDelegates: Int?
    /// Where the facts come from (URLs or citations).
    public var sources: [String]
    public var sessions: [Session]
    public var illustrative: Bool
    /// Which `--data` source the event came from when several are shown together (see
    /// ``SourceCombine``); nil for a directory read from one source.
    public var source: EventSource?

    public init(id: String, title: String, localTitle: String? = nil, kind: String, city: String?,
                country: String? = nil, venue: String?, start: Timestamp, end: Timestamp, timeZone: String,
                organizers: [String] = [], themes: [String] = [], reportedDelegates: Int? = nil,
                sources: [String] = [], sessions: [Session] = [], illustrative: Bool = false, source: EventSource? = nil) {
        self.id = id
        self.title = title
        self.localTitle = localTitle
        self.kind = kind
        self.city = city
        self.country = country
        self.venue = venue
        self.start = start
        self.end = end
        self.timeZone = timeZone
        self.organizers = organizers
        self.themes = themes
        self.reportedDelegates = reportedDelegates
        self.sources = sources
        self.sessions = sessions
        self.illustrative = illustrative
        self.source = source
    }
}

/// One item on an event's agenda.
///
/// Beside the basics, a session keeps every word a published schedule gives:
/// the subtitle, the short `abstract` *and* the long `description` (both, as
/// conferences write both), the language, the kind of slot, links, the
/// recording opt-out and the talk's page. All of them are optional.
public struct Session: Sendable, Equatable {
    public var id: String
    /// The source's own lasting identity for the talk (a schedule's `guid`, an iCalendar `UID`), when
    /// it has one. Ids made from slugs or titles can change when a schedule is edited; the guid does
    /// not, so ``ScheduleChanges`` tells sessions apart by it first.
    public var guid: String?
    public var title: String
    public var start: Timestamp
    public var end: Timestamp
    public var room: String?
    public var track: String?
    /// Delegate ids.
    public var speakers: [String]
    /// The long text; kept apart from ``abstract``.
    public var description: String?
    public var illustrative: Bool
    public var subtitle: String?
    /// The short summary a schedule gives beside the description.
    public var abstract: String?
    /// The language the session is held in, as the source writes it (`en`, `de`, `English`).
    public var language: String?
    /// The kind of slot, as the source says: "Talk", "Workshop", "Lightning talk".
    public var type: String?
    /// Slides, video, project pages, in source order.
    public var links: [SessionLink]
    /// True when the speakers opted out of recording; nil when the source does not say.
    public var recordingOptOut: Bool?
    /// The session's own page.
    public var url: String?
    /// The conference day the schedule lists the session under, when that is not the date of its
    /// start in the event's zone: a 01:00 talk listed under the evening before (a schedule's day
    /// change). Nil means the date of ``start``; see ``conferenceDay``.
    public var day: LocalDate?

    public init(id: String, title: String, start: Timestamp, end: Timestamp, room: String? = nil,
                track: String? = nil, speakers: [String] = [], description: String? = nil,
                illustrative: Bool = false, subtitle: String? = nil, abstract: String? = nil,
                language: String? = nil, type: String? = nil, links: [SessionLink] = [],
                recordingOptOut: Bool? = nil, url: String? = nil, day: LocalDate? = nil, guid: String? = nil) {
        self.id = id
        self.guid = guid
        self.title = title
        self.start = start
        self.end = end
        self.room = room
        self.track = track
        self.speakers = speakers
        self.description = description
        self.illustrative = illustrative
        self.subtitle = subtitle
        self.abstract = abstract
        self.language = language
        self.type = type
        self.links = links
        self.recordingOptOut = recordingOptOut
        self.url = url
        self.day = day
    }

    /// The day the session belongs to, `YYYY-MM-DD`: the listed ``day``, else the date of its start
    /// at the offset it is written with (the event's zone, which the validator checks).
    public var conferenceDay: String { day?.text ?? start.components().date }
}

/// A link a session lists: a URL and, when the source gives one, its title.
public struct SessionLink: Sendable, Equatable {
    public var title: String?
    public var url: String

    public init(title: String? = nil, url: String) {
        self.title = title
        self.url = url
    }
}

/// A person who attends one or more events.
public struct Delegate: Sendable, Equatable {
    public var id: String
    public var name: String
    public var role: String?
    /// Organisation id.
    public var organization: String?
    /// City id; nil when not recorded.
    public var city: String?
    /// ISO country code; nil when not recorded. Given a city, it must be given and match the city's country.
    public var country: String?
    /// Event ids.
    public var events: [String]
    /// True when the person was invented for illustration.
    public var illustrative: Bool
    /// False when the person asked not to be named (convene/1 `"listed": false`; absent means true).
    ///
    /// An unlisted delegate is counted in every number, bar and map mark, but their name, role
    /// and organisation are shown nowhere, and no search finds them: lists show one aggregate
    /// line, "2 unlisted delegates", where their rows would be. The one exception is public by
    /// role: a speaker's name (the name alone) on the sessions they give. See data/README.md.
    public var listed: Bool

    public init(id: String, name: String, role: String? = nil, organization: String? = nil,
                city: String?, country: String?, events: [String] = [], illustrative: Bool = false,
                listed: Bool = true) {
        self.id = id
        self.name = name
        self.role = role
        self.organization = organization
        self.city = city
        self.country = country
        self.events = events
        self.illustrative = illustrative
        self.listed = listed
    }
}
