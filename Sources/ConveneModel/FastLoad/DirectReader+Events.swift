/// The `events` array read straight from the bytes into ``Event`` and ``Session`` values.
///
/// A directory has few events, but their sessions and speakers made the JSON tree of
/// `events` (a node, a key string and a member array per field, then released) a fixed
/// 15–20 ms of every load, whether it had a thousand delegates or a million. This reader
/// makes each field's value once, as ``DirectoryDecoder/event(_:_:_:)`` and
/// ``DirectoryDecoder/session(_:_:_:)`` would from the tree, and declines wherever
/// those would record a problem: an unknown or duplicate key, a wrong type, a `null`
/// or blank text where one is required, a time or date that does not parse, a number
/// out of range. The checks that span records (references, time zones, spans) are still
/// ``Validator``'s. `DirectEventsTests` holds it to the decoder's result.
extension DirectReader {
    /// What an event may have; each value is its bit in the duplicate check.
    private enum EventField: Int {
        case id, title, localTitle, kind, city, country, venue, start, end, timeZone, organizers, themes
        case reportedDelegates, sources, sessions, illustrative

        static let names: [(StaticString, EventField)] = [
            ("id", .id), ("title", .title), ("localTitle", .localTitle), ("kind", .kind), ("city", .city),
            ("country", .country), ("venue", .venue), ("start", .start), ("end", .end), ("timeZone", .timeZone),
            ("organizers", .organizers), ("themes", .themes), ("reportedDelegates", .reportedDelegates),
            ("sources", .sources), ("sessions", .sessions), ("illustrative", .illustrative),
        ]

        /// The bits of the fields ``ObjectReader/string(_:)`` and ``ObjectReader/timestamp(_:)`` require.
        static let required: UInt32 = [EventField.id, .title, .kind, .start, .end, .timeZone]
            .reduce(0) { $0 | 1 << UInt32($1.rawValue) }
    }

    /// What a session may have.
    private enum SessionField: Int {
        case id, title, start, end, room, track, speakers, description, illustrative, subtitle, abstract
        case language, type, links, recordingOptOut, url, day, guid

        static let names: [(StaticString, SessionField)] = [
            ("id", .id), ("title", .title), ("start", .start), ("end", .end), ("room", .room), ("track", .track),
            ("speakers", .speakers), ("description", .description), ("illustrative", .illustrative),
            ("subtitle", .subtitle), ("abstract", .abstract), ("language", .language), ("type", .type),
            ("links", .links), ("recordingOptOut", .recordingOptOut), ("url", .url), ("day", .day), ("guid", .guid),
        ]

        static let required: UInt32 = [SessionField.id, .title, .start, .end].reduce(0) { $0 | 1 << UInt32($1.rawValue) }
    }

    /// The field a key names, by its decoded bytes; nil for a key the format does not have.
    @inline(__always)
    private static func field<F>(_ key: UnsafeRawBufferPointer, in names: [(StaticString, F)]) -> F? {
        guard let base = key.baseAddress else { return nil }
        for (name, field) in names where name.utf8CodeUnitCount == key.count {
            if memcmp(base, name.utf8Start, key.count) == 0 { return field }
        }
        return nil
    }

    /// The deepest level the events reach: the document (1), `events` (2), an event (3), its
    /// sessions (4), a session (5), a session's lists (6), a link (7).
    static let eventsDepth = 7

    /// Reads the `events` array (the cursor is at its value); declines where the general path
    /// would report a problem. A limit shallower than the events' own depth is the tree's to word.
    mutating func eventArray() throws(JSONSyntaxError) -> [Event] {
        guard reader.limits.maxDepth >= Self.eventsDepth else { throw DirectReader.decline }
        return try list { (r) throws(JSONSyntaxError) in try r.event() }
    }

    /// `[` element, … `]` with each element read by `element`, or `null` for an empty list.
    @inline(__always)
    private mutating func list<T>(
        reserving capacity: Int = 0, _ element: (inout DirectReader) throws(JSONSyntaxError) -> T
    ) throws(JSONSyntaxError) -> [T] {
        guard try opensArray() else { return [] }
        var out: [T] = []
        if closesAtOnce(UInt8(ascii: "]")) { return out }
        out.reserveCapacity(capacity)
        repeat {
            out.append(try element(&self))
        } while try another(UInt8(ascii: "]"))
        return out
    }

    /// Reads `{` and then each `"key": value` of an object, calling `member` with the field;
    /// declines on an empty object, an unknown key or one given twice.
    @inline(__always)
    private mutating func members<F: RawRepresentable>(
        _ names: [(StaticString, F)], _ member: (inout DirectReader, F) throws(JSONSyntaxError) -> Void
    ) throws(JSONSyntaxError) -> UInt32 where F.RawValue == Int {
        try expect(UInt8(ascii: "{"))
        if closesAtOnce(UInt8(ascii: "}")) { throw DirectReader.decline }
        var seen: UInt32 = 0
        repeat {
            guard let field = try readKey({ Self.field($0, in: names) }) else { throw DirectReader.decline }
            let bit: UInt32 = 1 << UInt32(field.rawValue)
            guard seen & bit == 0 else { throw DirectReader.decline }
            seen |= bit
            try member(&self, field)
        } while try another(UInt8(ascii: "}"))
        return seen
    }

    private mutating func event() throws(JSONSyntaxError) -> Event {
        var id = "", title = "", kind = "", timeZone = ""
        var localTitle: String?, city: String?, country: String?, venue: String?
        var start = Timestamp.unknown, end = Timestamp.unknown
        var organizers: [String] = [], themes: [String] = [], sources: [String] = []
        var reportedDelegates: Int?
        var sessions: [Session] = []
        var illustrative = false
        let seen = try members(EventField.names) { (r, field) throws(JSONSyntaxError) in
            switch field {
            case .id: id = try r.requiredString()
            case .title: title = try r.requiredString()
            case .localTitle: localTitle = try r.optionalString()
            case .kind: kind = try r.requiredString()
            case .city: city = try r.optionalNonBlankString()
            case .country: country = try r.optionalNonBlankString()
            case .venue: venue = try r.optionalNonBlankString()
            case .start: start = try r.timestamp()
            case .end: end = try r.timestamp()
            case .timeZone: timeZone = try r.requiredString()
            case .organizers: organizers = try r.strings()
            case .themes: themes = try r.strings()
            case .reportedDelegates: reportedDelegates = try r.optionalInteger(in: 0...100_000_000)
            case .sources: sources = try r.strings()
            case .sessions: sessions = try r.sessionList()
            case .illustrative: illustrative = try r.optionalFlag() ?? false
            }
        }
        guard seen & EventField.required == EventField.required else { throw DirectReader.decline }
        return Event(id: id, title: title, localTitle: localTitle, kind: kind, city: city, country: country, venue: venue,
                     start: start, end: end, timeZone: timeZone, organizers: organizers, themes: themes,
                     reportedDelegates: reportedDelegates, sources: sources, sessions: sessions,
                     illustrative: illustrative)
    }

    private mutating func sessionList() throws(JSONSyntaxError) -> [Session] {
        try list { (r) throws(JSONSyntaxError) in try r.session() }
    }

    private mutating func session() throws(JSONSyntaxError) -> Session {
        var id = "", title = ""
        var start = Timestamp.unknown, end = Timestamp.unknown
        var room: String?, track: String?, description: String?, subtitle: String?, abstract: String?
        var language: String?, type: String?, url: String?, guid: String?
        var speakers: [String] = [], links: [SessionLink] = []
        var illustrative = false, recordingOptOut: Bool?
        var day: LocalDate?
        let seen = try members(SessionField.names) { (r, field) throws(JSONSyntaxError) in
            switch field {
            case .id: id = try r.requiredString()
            case .title: title = try r.requiredString()
            case .start: start = try r.timestamp()
            case .end: end = try r.timestamp()
            case .room: room = try r.optionalString()
            case .track: track = try r.optionalString()
            case .speakers: speakers = try r.strings()
            case .description: description = try r.optionalString()
            case .illustrative: illustrative = try r.optionalFlag() ?? false
            case .subtitle: subtitle = try r.optionalString()
            case .abstract: abstract = try r.optionalString()
            case .language: language = try r.optionalString()
            case .type: type = try r.optionalString()
            case .links: links = try r.linkList()
            case .recordingOptOut: recordingOptOut = try r.optionalFlag()
            case .url: url = try r.optionalString()
            case .day:
                if let text = try r.optionalString() {
                    guard let date = ObjectReader.date(text) else { throw DirectReader.decline }
                    day = date
                }
            case .guid: guid = try r.optionalNonBlankString()
            }
        }
        guard seen & SessionField.required == SessionField.required else { throw DirectReader.decline }
        return Session(id: id, title: title, start: start, end: end, room: room, track: track, speakers: speakers,
                       description: description, illustrative: illustrative, subtitle: subtitle, abstract: abstract,
                       language: language, type: type, links: links, recordingOptOut: recordingOptOut, url: url,
                       day: day, guid: guid)
    }

    /// A session's `links`: `{"title": …, "url": …}` objects, the URL required and not blank.
    private mutating func linkList() throws(JSONSyntaxError) -> [SessionLink] {
        try list { (r) throws(JSONSyntaxError) in
            var title: String?, url = ""
            let seen = try r.members(LinkField.names) { (r, field) throws(JSONSyntaxError) in
                switch field {
                case .title: title = try r.optionalString()
                case .url: url = try r.requiredString()
                }
            }
            guard seen & 1 << UInt32(LinkField.url.rawValue) != 0 else { throw DirectReader.decline }
            return SessionLink(title: title, url: url)
        }
    }

    private enum LinkField: Int {
        case title, url

        static let names: [(StaticString, LinkField)] = [("title", .title), ("url", .url)]
    }

    // MARK: Values, each as ObjectReader reads it (null is absent)

    /// ``ObjectReader/optionalString(_:)``: nil for null, any string as it is.
    @inline(__always)
    private mutating func optionalString() throws(JSONSyntaxError) -> String? {
        try isNull() ? nil : try reader.readString()
    }

    /// ``ObjectReader/optionalNonBlankString(_:)``: nil for null; a blank string declines.
    @inline(__always)
    private mutating func optionalNonBlankString() throws(JSONSyntaxError) -> String? {
        guard let text = try optionalString() else { return nil }
        try Self.requireNotBlank(text)
        return text
    }

    /// ``ObjectReader/timestamp(_:)``: required; a text that is not an ISO 8601 time declines.
    @inline(__always)
    private mutating func timestamp() throws(JSONSyntaxError) -> Timestamp {
        guard try !isNull() else { throw DirectReader.decline }
        let span = try reader.scanString()
        guard let time = reader.withBytes(of: span, { Timestamp(iso8601UTF8: $0) }) else { throw DirectReader.decline }
        return time
    }

    /// ``ObjectReader/strings(_:required:)``: an array of strings, or null for none.
    private mutating func strings() throws(JSONSyntaxError) -> [String] {
        // Lists of speakers, organizers and themes are short: one allocation instead of three.
        try list(reserving: 4) { (r) throws(JSONSyntaxError) in
            r.reader.skipWhitespace()
            guard r.byte == UInt8(ascii: "\"") else { throw DirectReader.decline }
            return try r.reader.readString()
        }
    }

    /// ``ObjectReader/optionalInteger(_:in:)``: nil for null; a number that is not a plain whole
    /// number in `range` declines.
    private mutating func optionalInteger(in range: ClosedRange<Int>) throws(JSONSyntaxError) -> Int? {
        switch byte {
        case UInt8(ascii: "n"):
            try reader.readLiteral("null", context: .afterColon)
            return nil
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            guard let n = IntegerLiteral.parse(try reader.readNumber()), range.contains(n) else {
                throw DirectReader.decline
            }
            return n
        default:
            throw DirectReader.decline
        }
    }
}

import Glibc
