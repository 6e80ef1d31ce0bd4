/// Reads frab/pretalx `schedule.json`, both layouts the c3voc schemas describe.
///
/// - v1 (`schema.json`): talks inside `schedule.conference.days[].rooms{name: [talk]}`.
/// - v2 (`schema2.json`, the congress hub): a flat `schedule.events[]` with ISO
///   `start`/`end` and `room` objects, people in `schedule.persons[]` and rooms and
///   tracks at `conference.rooms[]`/`tracks[]`.
///
/// The layout is told from the content: `schedule.events` as an array means v2.
/// Both become the same ``PublishedSchedule``. Leniency for v1, as real files need it:
/// `time_zone_name` may be `UTC`, `Etc/…` or missing; times then come from the
/// offsets the talks' `date` (or the days' `day_start`) carry, and only where
/// nothing carries one do they stay floating.
public struct ScheduleJSONReader: PublishedFormat {
    public init() {}

    public var name: String { "schedule.json" }

    /// A JSON object with a `"schedule":` member near its start (convene/1 files have none).
    public func recognises(firstBytes: ArraySlice<UInt8>) -> Bool {
        var bytes = firstBytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard bytes.first(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) == UInt8(ascii: "{") else {
            return false
        }
        let key = Array("\"schedule\"".utf8)
        var i = bytes.startIndex
        while i + key.count <= bytes.endIndex {
            if bytes[i] == key[0], bytes[i..<(i + key.count)].elementsEqual(key) {
                var j = i + key.count
                while j < bytes.endIndex, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0A || bytes[j] == 0x0D { j += 1 }
                if j < bytes.endIndex, bytes[j] == UInt8(ascii: ":") { return true }
            }
            i += 1
        }
        return false
    }

    public func read(bytes: [UInt8], name: String) throws(PublishedReadError) -> PublishedSchedule {
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw PublishedReadError(file: name, place: .lineColumn(line: error.line, column: error.column),
                                     problem: error.message)
        }
        let fields = JSONFields(file: name)
        let schedulePath = JSONPath.root.key("schedule")
        let schedule = try fields.object(document, "schedule", at: .root)
        let conference = try fields.object(schedule, "conference", at: schedulePath)
        if case .array? = schedule["events"] {
            var mapping = ScheduleJSONv2Mapping(fields: fields)
            return try mapping.read(schedule: schedule, conference: conference)
        }
        var mapping = ScheduleJSONv1Mapping(fields: fields)
        return try mapping.read(schedule: schedule, conference: conference)
    }
}

/// Typed access to JSON members that throws ``PublishedReadError`` at the member's JSON path.
struct JSONFields {
    let file: String

    func fail(_ path: JSONPath, _ problem: String) -> PublishedReadError {
        PublishedReadError(file: file, place: .json(path.description), problem: problem)
    }

    func object(_ value: JSONValue, _ key: String, at path: JSONPath) throws(PublishedReadError) -> JSONValue {
        guard let member = value[key], member != .null else { throw fail(path.key(key), "missing required field '\(key)'") }
        guard case .object = member else { throw fail(path.key(key), "expected an object, found \(member.typeDescription)") }
        return member
    }

    func array(_ value: JSONValue, _ key: String, at path: JSONPath) throws(PublishedReadError) -> [JSONValue] {
        guard let member = value[key], member != .null else { return [] }
        guard case .array(let items) = member else { throw fail(path.key(key), "expected an array, found \(member.typeDescription)") }
        return items
    }

    /// A string member, trimmed; nil when absent, null or blank. Numbers are taken as their literal (frab's integer ids).
    func string(_ value: JSONValue, _ key: String, at path: JSONPath) throws(PublishedReadError) -> String? {
        guard let member = value[key] else { return nil }
        switch member {
        case .null: return nil
        case .string(let s):
            let t = s.trimmingXMLSpace()
            return t.isEmpty ? nil : t
        case .number(let literal): return literal
        default: throw fail(path.key(key), "expected a string, found \(member.typeDescription)")
        }
    }

    /// The first of several string members that is present and not blank.
    func string(_ value: JSONValue, _ keys: [String], at path: JSONPath) throws(PublishedReadError) -> String? {
        for key in keys {
            if let s = try string(value, key, at: path) { return s }
        }
        return nil
    }

    func required(_ value: JSONValue, _ key: String, at path: JSONPath) throws(PublishedReadError) -> String {
        guard let s = try string(value, key, at: path) else { throw fail(path.key(key), "missing required field '\(key)'") }
        return s
    }

    func bool(_ value: JSONValue, _ key: String) -> Bool? {
        if case .bool(let b)? = value[key] { return b }
        return nil
    }

    /// An ISO 8601 date-time with an offset, or nil when absent.
    func timestamp(_ value: JSONValue, _ key: String, at path: JSONPath) throws(PublishedReadError) -> Timestamp? {
        guard let text = try string(value, key, at: path) else { return nil }
        guard let t = Timestamp(iso8601: text) else {
            throw fail(path.key(key), "'\(Quote.text(text))' is not an ISO 8601 date-time with a UTC offset, e.g. 2019-12-27T11:00:00+01:00")
        }
        return t
    }

    func date(_ value: JSONValue, _ key: String, at path: JSONPath) throws(PublishedReadError) -> LocalDate {
        let text = try required(value, key, at: path)
        guard let d = LocalDate(text) else { throw fail(path.key(key), "'\(Quote.text(text))' is not a date of the form YYYY-MM-DD") }
        return d
    }

    /// The ids of a talk or a person: `guid`, `code`, `id` (numbers kept as written).
    func ids(_ value: JSONValue, at path: JSONPath) throws(PublishedReadError) -> PublishedIDs {
        PublishedIDs(guid: try string(value, "guid", at: path), code: try string(value, "code", at: path),
                     id: try string(value, "id", at: path))
    }

    /// `links: [{url, title}]`, skipping entries without a URL.
    func links(_ value: JSONValue, at path: JSONPath) throws(PublishedReadError) -> [PublishedLink] {
        var links: [PublishedLink] = []
        for (i, link) in try array(value, "links", at: path).enumerated() {
            guard case .object = link else { continue }
            if let url = try string(link, "url", at: path.key("links").index(i)) {
                links.append(PublishedLink(url: url, title: try string(link, "title", at: path.key("links").index(i))))
            }
        }
        return links
    }
}

/// People seen so far, told apart by their key (guid, code, id), never by name.
struct PersonRegistry {
    var persons: [PublishedPerson] = []
    var index: [PublishedPersonKey: Int] = [:]

    /// The key of a person, adding them the first time; nil when they have neither a name nor an id.
    mutating func add(ids: PublishedIDs, name: String?) -> PublishedPersonKey? {
        let name = name ?? ""
        if name.isEmpty && ids.isEmpty { return nil }
        let key = PublishedPersonKey(ids: ids, name: name)
        if let at = index[key] {
            if persons[at].name.isEmpty { persons[at].name = name }
        } else {
            index[key] = persons.count
            persons.append(PublishedPerson(key: key, ids: ids, name: name))
        }
        return key
    }
}
