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
        var top = JSONObjectBuilder()
        top.add("$schema", schema)
        top.add("format", d.format.isEmpty ? Directory.formatTag : d.format)
        top.add("title", d.title)
        top.add("notice", d.notice)
        top.add("countries", .array(d.countries.map(country)))
        top.add("cities", .array(d.cities.map(city)))
        top.add("organizations", .array(d.organizations.map(organization)))
        top.add("events", .array(d.events.map(event)))
        top.add("delegates", .array(d.delegates.map(delegate)))
        return JSONText.render(top.node)
    }

    /// The document as UTF-8 bytes.
    public static func encodeBytes(_ d: Directory, schema: String? = nil) -> [UInt8] { Array(encode(d, schema: schema).utf8) }

    static func country(_ c: Country) -> JSONText.Node {
        var o = JSONObjectBuilder()
        o.add("code", c.code)
        o.add("name", c.name)
        o.add("region", c.region)
        return o.node
    }

    static func city(_ c: City) -> JSONText.Node {
        var o = JSONObjectBuilder()
        o.add("id", c.id)
        o.add("name", c.name)
        o.add("country", c.country)
        o.add("timeZone", c.timeZone)
        o.add("creativeField", c.creativeField)
        o.add("memberSince", c.memberSince)
        o.flag("illustrative", c.illustrative)
        return o.node
    }

    static func organization(_ g: Organization) -> JSONText.Node {
        var o = JSONObjectBuilder()
        o.add("id", g.id)
        o.add("name", g.name)
        o.add("kind", g.kind)
        o.add("city", g.city)
        o.flag("illustrative", g.illustrative)
        return o.node
    }

    static func event(_ e: Event) -> JSONText.Node {
        var o = JSONObjectBuilder()
        o.add("id", e.id)
        o.add("title", e.title)
        o.add("localTitle", e.localTitle)
        o.add("kind", e.kind)
        o.add("city", e.city)
        o.add("venue", e.venue)
        o.add("start", e.start.description)
        o.add("end", e.end.description)
        o.add("timeZone", e.timeZone)
        o.add("organizers", JSONText.strings(e.organizers))
        o.add("themes", JSONText.strings(e.themes))
        o.add("reportedDelegates", e.reportedDelegates)
        o.add("sources", JSONText.strings(e.sources))
        o.add("sessions", .array(e.sessions.map(session)))
        o.flag("illustrative", e.illustrative)
        return o.node
    }

    static func session(_ s: Session) -> JSONText.Node {
        var o = JSONObjectBuilder()
        o.add("id", s.id)
        o.add("title", s.title)
        o.add("start", s.start.description)
        o.add("end", s.end.description)
        o.add("room", s.room)
        o.add("track", s.track)
        o.add("speakers", JSONText.strings(s.speakers))
        o.add("description", s.description)
        o.flag("illustrative", s.illustrative)
        return o.node
    }

    static func delegate(_ p: Delegate) -> JSONText.Node {
        var o = JSONObjectBuilder()
        o.add("id", p.id)
        o.add("name", p.name)
        o.add("role", p.role)
        o.add("organization", p.organization)
        o.add("city", p.city)
        o.add("country", p.country)
        o.add("events", JSONText.strings(p.events))
        o.flag("illustrative", p.illustrative)
        return o.node
    }
}
