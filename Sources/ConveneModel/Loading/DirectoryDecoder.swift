/// Turns a parsed JSON document into a ``Directory``, recording every type problem.
///
/// This is the only place that knows the JSON shape of format `convene/1`; the
/// parser before it knows only JSON, and the ``Validator`` after it knows only the
/// model. Swapping the parser therefore touches neither the model nor the checks.
public enum DirectoryDecoder {
    /// Decodes `document`; returns the directory (with placeholders where fields were wrong) and the problems found.
    public static func decode(_ document: JSONValue) -> (Directory, [Problem], dropped: Int) {
        let context = DecodeContext()
        let directory = decodeDirectory(document, context: context)
        return (directory, context.problems.problems, context.problems.dropped)
    }

    static func decodeDirectory(_ document: JSONValue, context: DecodeContext) -> Directory {
        guard let top = ObjectReader(document, path: .root, context: context, allowedKeys: Keys.top) else {
            return Directory(title: "")
        }
        let format = top.string("format")
        if !format.isEmpty, format != Directory.formatTag {
            context.problems.add("$.format", "unsupported format '\(format)'; this version of Convene reads '\(Directory.formatTag)'")
        }
        return Directory(
            format: format,
            title: top.string("title"),
            notice: top.optionalString("notice"),
            countries: top.array("countries").compactMap { country($0, $1, context) },
            cities: top.array("cities").compactMap { city($0, $1, context) },
            organizations: top.array("organizations").compactMap { organization($0, $1, context) },
            events: top.array("events").compactMap { event($0, $1, context) },
            delegates: DelegateList(top.array("delegates").compactMap { delegate($0, $1, context) })
        )
    }

    /// The members each kind of record may have; made once, not per record (a city's nine keys were
    /// a set built and hashed for each of 747 cities).
    enum Keys {
        static let top: Set<String> = ["$schema", "format", "title", "notice", "countries", "cities",
                                       "organizations", "events", "delegates"]
        static let country: Set<String> = ["code", "name", "region"]
        static let city: Set<String> = ["id", "name", "country", "timeZone", "creativeField", "memberSince", "illustrative",
                                        "latitude", "longitude"]
        static let organization: Set<String> = ["id", "name", "kind", "city", "illustrative"]
        static let event: Set<String> = ["id", "title", "localTitle", "kind", "city", "country", "venue", "start", "end",
                                         "timeZone", "organizers", "themes", "reportedDelegates", "sources", "sessions",
                                         "illustrative"]
        static let session: Set<String> = ["id", "title", "start", "end", "room", "track", "speakers", "description",
                                           "illustrative", "subtitle", "abstract", "language", "type", "links",
                                           "recordingOptOut", "url", "day", "guid"]
        static let link: Set<String> = ["title", "url"]
        static let delegate: Set<String> = ["id", "name", "role", "organization", "city", "country", "events",
                                            "illustrative", "listed"]
    }

    static func country(_ value: JSONValue, _ path: JSONPath, _ context: DecodeContext) -> Country? {
        guard let r = ObjectReader(value, path: path, context: context, allowedKeys: Keys.country) else { return nil }
        return Country(code: r.string("code"), name: r.string("name"), region: r.optionalString("region"))
    }

    static func city(_ value: JSONValue, _ path: JSONPath, _ context: DecodeContext) -> City? {
        guard let r = ObjectReader(value, path: path, context: context, allowedKeys: Keys.city) else { return nil }
        let city = City(id: r.string("id"), name: r.string("name"), country: r.string("country"),
                    timeZone: r.string("timeZone"), creativeField: r.optionalString("creativeField"),
                    memberSince: r.optionalInteger("memberSince", in: 1900...2999),
                    illustrative: r.bool("illustrative", default: false),
                    latitude: r.optionalNumber("latitude", in: -90...90, unit: "degrees north"),
                    longitude: r.optionalNumber("longitude", in: -180...180, unit: "degrees east"))
        // One coordinate alone places the city nowhere. Judged on the keys written, not on the
        // values read, so an out-of-range latitude is one message, not two.
        switch (r.value("latitude") == nil, r.value("longitude") == nil) {
        case (true, false): context.problems.add(path.key("latitude").description, "missing latitude: longitude is given, and a city has both or neither")
        case (false, true): context.problems.add(path.key("longitude").description, "missing longitude: latitude is given, and a city has both or neither")
        default: break
        }
        return city
    }

    static func organization(_ value: JSONValue, _ path: JSONPath, _ context: DecodeContext) -> Organization? {
        guard let r = ObjectReader(value, path: path, context: context, allowedKeys: Keys.organization) else { return nil }
        return Organization(id: r.string("id"), name: r.string("name"), kind: r.string("kind"),
                            city: r.optionalString("city"), illustrative: r.bool("illustrative", default: false))
    }

    static func event(_ value: JSONValue, _ path: JSONPath, _ context: DecodeContext) -> Event? {
        guard let r = ObjectReader(value, path: path, context: context, allowedKeys: Keys.event) else { return nil }
        // A time that did not parse becomes `.unknown`, already reported; the validator skips
        // time checks on it so that one typo does not cascade into more messages.
        let start = r.timestamp("start") ?? .unknown
        let end = r.timestamp("end") ?? .unknown
        let sessions = r.array("sessions").compactMap { session($0, $1, context) }
        return Event(id: r.string("id"), title: r.string("title"), localTitle: r.optionalString("localTitle"),
                     kind: r.string("kind"), city: r.optionalNonBlankString("city"),
                     country: r.optionalNonBlankString("country"), venue: r.optionalNonBlankString("venue"),
                     start: start, end: end, timeZone: r.string("timeZone"),
                     organizers: r.strings("organizers"), themes: r.strings("themes"),
                     reportedDelegates: r.optionalInteger("reportedDelegates", in: 0...100_000_000),
                     sources: r.strings("sources"), sessions: sessions,
                     illustrative: r.bool("illustrative", default: false))
    }

    static func session(_ value: JSONValue, _ path: JSONPath, _ context: DecodeContext) -> Session? {
        guard let r = ObjectReader(value, path: path, context: context, allowedKeys: Keys.session) else { return nil }
        return Session(id: r.string("id"), title: r.string("title"),
                       start: r.timestamp("start") ?? .unknown, end: r.timestamp("end") ?? .unknown, room: r.optionalString("room"),
                       track: r.optionalString("track"), speakers: r.strings("speakers"),
                       description: r.optionalString("description"),
                       illustrative: r.bool("illustrative", default: false),
                       subtitle: r.optionalString("subtitle"), abstract: r.optionalString("abstract"),
                       language: r.optionalString("language"), type: r.optionalString("type"),
                       links: r.array("links").compactMap { link($0, $1, context) },
                       recordingOptOut: r.optionalBool("recordingOptOut"), url: r.optionalString("url"),
                       day: r.optionalDate("day"), guid: r.optionalNonBlankString("guid"))
    }

    /// `{"title": "Slides", "url": "https://…"}`: the URL is required, the title optional.
    static func link(_ value: JSONValue, _ path: JSONPath, _ context: DecodeContext) -> SessionLink? {
        guard let r = ObjectReader(value, path: path, context: context, allowedKeys: Keys.link) else { return nil }
        return SessionLink(title: r.optionalString("title"), url: r.string("url"))
    }

    static func delegate(_ value: JSONValue, _ path: JSONPath, _ context: DecodeContext) -> Delegate? {
        guard let r = ObjectReader(value, path: path, context: context, allowedKeys: Keys.delegate) else { return nil }
        return Delegate(id: r.string("id"), name: r.string("name"), role: r.optionalString("role"),
                        organization: r.optionalString("organization"), city: r.optionalNonBlankString("city"),
                        country: r.optionalNonBlankString("country"), events: r.strings("events"),
                        illustrative: r.bool("illustrative", default: false),
                        listed: r.bool("listed", default: true))
    }
}
