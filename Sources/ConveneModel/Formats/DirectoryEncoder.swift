/// Writes a ``Directory`` as a `convene/1` JSON document.
///
/// The inverse of ``DirectoryDecoder``: keys appear in the order of the format's
/// documentation (data/README.md), optional fields are omitted when absent and
/// `illustrative` only when true, so encoding a file Convene wrote gives the same
/// bytes again and a re-import shows up in `git diff` as just the added records.
/// Lists of ids and texts are always written, even when empty, as the bundled sample does.
///
/// The encoder writes what it is given; callers validate first (``Validator``), so
/// that a file Convene writes always loads again.
///
/// ```swift
/// let text = DirectoryEncoder.encode(directory)   // "{\n  \"format\": \"convene/1\", …"
/// ```
public enum DirectoryEncoder {
    /// The document as UTF-8 JSON text ending in a newline.
    ///
    /// `schema` is written first as `"$schema"` when given, so a file that pointed editors at
    /// the schema keeps doing so after Convene rewrites it.
    public static func encode(_ d: Directory, schema: String? = nil) -> String {
        String(decoding: encodeBytes(d, schema: schema), as: UTF8.self)
    }

    /// The document as UTF-8 bytes, written straight into one buffer (no text per field).
    public static func encodeBytes(_ d: Directory, schema: String? = nil) -> [UInt8] {
        // A generated delegate takes about 240 bytes pretty-printed; reserving a little more spares a copy of the whole buffer.
        let estimate = 256 * (d.delegates.count + d.cities.count + d.organizations.count + d.countries.count)
            + 4096 * (1 + d.events.count + d.events.reduce(0) { $0 + $1.sessions.count })
        var json = JSONText(reservingCapacity: estimate)
        json.beginObject()
        json.member("$schema", schema)
        json.member("format", d.format.isEmpty ? Directory.formatTag : d.format)
        json.member("title", d.title)
        json.member("notice", d.notice)
        json.member("countries", records: d.countries, country)
        json.member("cities", records: d.cities, city)
        json.member("organizations", records: d.organizations, organization)
        json.member("events", records: d.events, event)
        json.member("delegates", records: d.delegates, delegate)
        json.endObject()
        json.endDocument()
        return json.bytes
    }

    static func country(_ json: inout JSONText, _ c: Country) {
        json.beginObject()
        json.member("code", c.code)
        json.member("name", c.name)
        json.member("region", c.region)
        json.endObject()
    }

    static func city(_ json: inout JSONText, _ c: City) {
        json.beginObject()
        json.member("id", c.id)
        json.member("name", c.name)
        json.member("country", c.country)
        json.member("timeZone", c.timeZone)
        json.member("creativeField", c.creativeField)
        json.member("memberSince", c.memberSince)
        json.member("latitude", c.latitude)
        json.member("longitude", c.longitude)
        json.flag("illustrative", c.illustrative)
        json.endObject()
    }

    static func organization(_ json: inout JSONText, _ g: Organization) {
        json.beginObject()
        json.member("id", g.id)
        json.member("name", g.name)
        json.member("kind", g.kind)
        json.member("city", g.city)
        json.flag("illustrative", g.illustrative)
        json.endObject()
    }

    static func event(_ json: inout JSONText, _ e: Event) {
        json.beginObject()
        json.member("id", e.id)
        json.member("title", e.title)
        json.member("localTitle", e.localTitle)
        json.member("kind", e.kind)
        json.member("city", e.city)
        json.member("country", e.country)
        json.member("venue", e.venue)
        json.member("start", e.start.description)
        json.member("end", e.end.description)
        json.member("timeZone", e.timeZone)
        json.member("organizers", strings: e.organizers)
        json.member("themes", strings: e.themes)
        json.member("reportedDelegates", e.reportedDelegates)
        json.member("sources", strings: e.sources)
        json.member("sessions", records: e.sessions, session)
        json.flag("illustrative", e.illustrative)
        json.endObject()
    }

    static func session(_ json: inout JSONText, _ s: Session) {
        json.beginObject()
        json.member("id", s.id)
        json.member("guid", s.guid)
        json.member("title", s.title)
        json.member("start", s.start.description)
        json.member("end", s.end.description)
        json.member("day", s.day?.text)
        json.member("room", s.room)
        json.member("track", s.track)
        json.member("speakers", strings: s.speakers)
        json.member("subtitle", s.subtitle)
        json.member("abstract", s.abstract)
        json.member("description", s.description)
        json.member("language", s.language)
        json.member("type", s.type)
        if !s.links.isEmpty {
            json.member("links", records: s.links) { json, link in
                json.beginObject()
                json.member("title", link.title)
                json.member("url", link.url)
                json.endObject()
            }
        }
        if let optOut = s.recordingOptOut { json.member("recordingOptOut", bool: optOut) }
        json.member("url", s.url)
        json.flag("illustrative", s.illustrative)
        json.endObject()
    }

    static func delegate(_ json: inout JSONText, _ p: Delegate) {
        json.beginObject()
        json.member("id", p.id)
        json.member("name", p.name)
        json.member("role", p.role)
        json.member("organization", p.organization)
        json.member("city", p.city)
        json.member("country", p.country)
        json.member("events", strings: p.events)
        json.flag("illustrative", p.illustrative)
        // Written only when false: absent means listed, so files without unlisted delegates keep their bytes.
        if !p.listed { json.member("listed", bool: false) }
        json.endObject()
    }
}
