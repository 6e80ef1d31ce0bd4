import Foundation

/// Checks what JSON syntax and types cannot: references, uniqueness, times and places.
///
/// Every reference must resolve (city, country, organisation, event and speaker
/// ids), ids are unique per kind, a session lies within its event, end is after
/// start, time zones and country codes are valid, a UTC offset agrees with the
/// event's time zone, and an event's or delegate's country matches its city's. A
/// place that is absent (an event's or delegate's city or country) is "not
/// recorded" and valid, except a delegate's country, which a given city requires.
/// All problems are reported (up to ``ProblemList/cap``), each at its JSON path.
public enum Validator {
    public static func validate(_ d: Directory) -> (problems: [Problem], dropped: Int) {
        validate(d, delegatesChecked: false)
    }

    /// Validates `d`; with `delegatesChecked`, the delegates are taken as already checked.
    ///
    /// ``DirectDecoder`` checks a million delegates' references and ids with symbols
    /// while it reads them, and every session speaker against the delegate ids
    /// (``DelegateIDs``), so here it skips the delegates, their ids and the speakers.
    static func validate(_ d: Directory, delegatesChecked: Bool) -> (problems: [Problem], dropped: Int) {
        var list = ProblemList()
        var zones = ZoneCache()

        let countryCodes = uniqueIDs(d.countries.map(\.code), collection: "countries", field: "code", wellFormed: false, &list)
        for (i, c) in d.countries.enumerated() where !c.code.isEmpty && !ISOCountryCodes.all.contains(c.code) {
            let upper = c.code.uppercased()
            let hint = ISOCountryCodes.all.contains(upper) ? " (codes are upper case: '\(upper)')" : ""
            list.add(JSONPath.record("countries", i).key("code").description,
                     "'\(c.code)' is not an ISO 3166-1 alpha-2 country code\(hint)")
        }

        let cityIDs = uniqueIDs(d.cities.map(\.id), collection: "cities", field: "id", &list)
        var cityCountry: [String: String] = [:]
        for (i, c) in d.cities.enumerated() {
            var path: JSONPath { JSONPath.record("cities", i) }
            reference(c.country, to: countryCodes, kind: "country", at: path.key("country"), &list)
            if !c.timeZone.isEmpty, zones.zone(c.timeZone) == nil {
                let message = unknownZone(c.timeZone, &list)
                list.add(path.key("timeZone").description, message)
            }
            if cityCountry[c.id] == nil { cityCountry[c.id] = c.country }
        }

        let orgIDs = uniqueIDs(d.organizations.map(\.id), collection: "organizations", field: "id", &list)
        for (i, o) in d.organizations.enumerated() {
            if let city = o.city {
                reference(city, to: cityIDs, kind: "city", at: JSONPath.record("organizations", i).key("city"), &list)
            }
        }

        // Delegate ids are checked for duplicates here, before the sessions that name them as speakers,
        // so that one hash set of a million ids serves both checks.
        let delegateIDs = delegatesChecked
            ? [] : uniqueIDs(d.delegates.map(\.id), collection: "delegates", field: "id", &list)
        let eventIDs = uniqueIDs(d.events.map(\.id), collection: "events", field: "id", &list)
        // Where each session id was first used, as (event, session) positions: the path is written out only
        // for a duplicate (writing it for every session was a tenth of opening a 1,400-session schedule).
        var sessionSeen: [String: (event: Int, session: Int)] = [:]
        sessionSeen.reserveCapacity(d.events.reduce(0) { $0 + $1.sessions.count })
        for (i, e) in d.events.enumerated() {
            let path = JSONPath.record("events", i)
            checkPlace(e, cityIDs: cityIDs, cityCountry: cityCountry, countryCodes: countryCodes, at: path, &list)
            for (j, org) in e.organizers.enumerated() {
                reference(org, to: orgIDs, kind: "organization", at: path.key("organizers").index(j), &list)
            }
            // Sized for the event's own times and its sessions' (no regrowth while they are checked).
            var zone = e.timeZone.isEmpty ? nil
                : zones.zone(e.timeZone).map { ZoneOffsets($0, expectedTimes: 2 + 2 * e.sessions.count) }
            if !e.timeZone.isEmpty, zone == nil {
                let message = unknownZone(e.timeZone, &list)
                list.add(path.key("timeZone").description, message)
            }
            checkSpan(e.start, e.end, zone: &zone, zoneName: e.timeZone, at: path, &list)
            for (j, s) in e.sessions.enumerated() {
                // Made only when a problem is reported: a valid schedule never needs one.
                var sp: JSONPath { path.key("sessions").index(j) }
                checkWellFormed(s.id, at: sp.key("id"), &list)
                if !s.id.isEmpty {
                    if let first = sessionSeen[s.id] {
                        let firstPath = JSONPath.record("events", first.event).key("sessions").index(first.session)
                        list.add(sp.key("id").description,
                                 "duplicate session id '\(s.id)' (first used at \(firstPath.description))")
                    } else {
                        sessionSeen[s.id] = (i, j)
                    }
                }
                checkSpan(s.start, s.end, zone: &zone, zoneName: e.timeZone, at: sp, &list)
                if let day = s.day, s.start.isKnown {
                    checkListedDay(day, start: s.start, zone: &zone, at: sp.key("day"), &list)
                }
                if s.start.isKnown, s.end.isKnown, e.start.isKnown, e.end.isKnown,
                   s.start < e.start || s.end > e.end {
                    list.add(sp.description, "session \(s.start)–\(s.end) lies outside its event (\(e.start)–\(e.end))")
                }
                for (k, speaker) in (delegatesChecked ? [] : s.speakers).enumerated() {
                    reference(speaker, to: delegateIDs, kind: "delegate", at: sp.key("speakers").index(k), &list)
                }
            }
        }

        // With `delegatesChecked` the caller has checked the delegates itself: a compact list is not
        // walked (each element would be made from its columns).
        for (i, p) in (delegatesChecked ? [] : d.delegates).enumerated() {
            // Paths are built only for a problem: a valid million-delegate file never needs one.
            var path: JSONPath { JSONPath.record("delegates", i) }
            // City and country may each be absent (not recorded); given, they must resolve.
            let cityKnown = p.city.map { reference($0, to: cityIDs, kind: "city", at: path.key("city"), &list) } ?? false
            let countryKnown = p.country.map { reference($0, to: countryCodes, kind: "country", at: path.key("country"), &list) } ?? false
            if let org = p.organization {
                reference(org, to: orgIDs, kind: "organization", at: path.key("organization"), &list)
            }
            for (j, event) in p.events.enumerated() {
                reference(event, to: eventIDs, kind: "event", at: path.key("events").index(j), &list)
            }
            // Where the city is given, the country must be too, and be the city's.
            if cityKnown, let city = p.city, let expected = cityCountry[city] {
                if let country = p.country {
                    if countryKnown, expected != country {
                        list.add(path.key("country").description,
                                 "country '\(country)' does not match city '\(city)', which is in '\(expected)'")
                    }
                } else {
                    list.add(path.key("country").description,
                             "missing country: city '\(city)' is given, which is in '\(expected)'")
                }
            }
        }
        return (list.problems, list.dropped)
    }

    /// An event's city and country, each optional, must resolve; given both, the country is the city's.
    ///
    /// A country without a city is a place of its own (the city not recorded); a country beside a
    /// city only repeats the city's, so one that differs is a contradiction, not a second place.
    private static func checkPlace(_ e: Event, cityIDs: Set<String>, cityCountry: [String: String], countryCodes: Set<String>,
                                   at path: JSONPath, _ list: inout ProblemList) {
        let cityKnown = e.city.map { reference($0, to: cityIDs, kind: "city", at: path.key("city"), &list) } ?? false
        guard let country = e.country, reference(country, to: countryCodes, kind: "country", at: path.key("country"), &list),
              cityKnown, let city = e.city, let expected = cityCountry[city], expected != country else { return }
        list.add(path.key("country").description, "country '\(country)' does not match city '\(city)', which is in '\(expected)'")
    }

    /// Records ids that break the pattern and duplicates, and returns the set of ids
    /// (empty ids are already reported by the decoder). Country codes have a pattern
    /// of their own, checked against the ISO list, so `wellFormed` is false for them.
    private static func uniqueIDs(_ ids: [String], collection: String, field: String, wellFormed: Bool = true,
                                  _ list: inout ProblemList) -> Set<String> {
        var seen = Set<String>(minimumCapacity: ids.count)
        for (i, id) in ids.enumerated() where !id.isEmpty {
            if wellFormed { checkWellFormed(id, at: JSONPath.record(collection, i).key(field), &list) }
            if !seen.insert(id).inserted {
                // Look the first use up only while problems are still kept: a file of a million
                // copies of one id must not cost a million linear searches.
                guard !list.isFull else { list.add("", ""); continue }
                let first = ids.firstIndex(of: id) ?? i
                list.add(JSONPath.record(collection, i).key(field).description,
                         "duplicate \(field) '\(id)' (first used at $.\(collection)[\(first)])")
            }
        }
        return seen
    }

    /// Reports an id that does not match `^[a-z0-9][a-z0-9._-]*$` (data/README.md).
    ///
    /// Ids end up in file names (the browser's export) and in messages, so one like
    /// `x/../../escape\u{1B}[2J` must never pass. Blank ids are the decoder's to report.
    private static func checkWellFormed(_ id: String, at path: @autoclosure () -> JSONPath, _ list: inout ProblemList) {
        guard !RecordID.isValid(id), !id.allSatisfy(\.isWhitespace) else { return }
        list.add(path().description, notWellFormed(id))
    }

    /// The message for an id that breaks the pattern; the direct decoder declines on the same ids.
    static func notWellFormed(_ id: String) -> String {
        "\"\(id)\" is not a valid id: ids are lowercase letters, digits, '.', '_' and '-', starting with a letter or digit"
    }

    @discardableResult
    private static func reference(_ id: String, to known: Set<String>, kind: String, at path: @autoclosure () -> JSONPath,
                                  _ list: inout ProblemList) -> Bool {
        if id.isEmpty || known.contains(id) { return !id.isEmpty }
        let hint = list.affordsSuggestion(among: known.count)
            ? Suggestion.closest(to: id, in: known).map { " (did you mean '\($0)'?)" } ?? "" : ""
        list.add(path().description, "unknown \(kind) '\(id)'\(hint)")
        return false
    }

    private static func checkSpan(_ start: Timestamp, _ end: Timestamp, zone: inout ZoneOffsets?, zoneName: String,
                                  at path: @autoclosure () -> JSONPath, _ list: inout ProblemList) {
        guard start.isKnown, end.isKnown else { return }
        if end <= start {
            list.add(path().key("end").description, "end \(end) is not after start \(start)")
        }
        guard zone != nil else { return }
        // Two calls rather than a loop over a literal array: this runs for every session.
        checkOffset(start, key: "start", zone: &zone, zoneName: zoneName, at: path(), &list)
        checkOffset(end, key: "end", zone: &zone, zoneName: zoneName, at: path(), &list)
    }

    /// A time's written UTC offset must be its zone's at that instant.
    @inline(__always)
    private static func checkOffset(_ t: Timestamp, key: StaticString, zone: inout ZoneOffsets?, zoneName: String,
                                    at path: @autoclosure () -> JSONPath, _ list: inout ProblemList) {
        guard let expected = zone?.offset(at: t.seconds), expected != t.offsetSeconds else { return }
        list.add(path().key("\(key)").description,
                 "UTC offset \(offsetText(t.offsetSeconds)) does not match time zone \(zoneName) (\(offsetText(expected)) then)")
    }

    /// A listed day is the start's date in the event's zone, or the day before or after it (a talk past
    /// midnight listed under the evening before); anything further is a mistake, not a day change.
    private static func checkListedDay(_ day: LocalDate, start: Timestamp, zone: inout ZoneOffsets?,
                                       at path: @autoclosure () -> JSONPath, _ list: inout ProblemList) {
        let offset = zone?.offset(at: start.seconds) ?? start.offsetSeconds
        guard let startDay = LocalDate(start.components(offsetSeconds: offset).date) else { return }
        if abs(day.daysSinceEpoch - startDay.daysSinceEpoch) > 1 {
            list.add(path().description, "day \(day.text) is more than a day from the session's start (\(startDay.text) in the event's time zone)")
        }
    }

    private static func unknownZone(_ name: String, _ list: inout ProblemList) -> String {
        // Once problems are only counted the message is never shown: skip the zone list too.
        guard !list.isFull else { return "" }
        let zones = TimeZone.knownTimeZoneIdentifiers
        let hint = list.affordsSuggestion(among: zones.count)
            ? Suggestion.closest(to: name, in: zones).map { " (did you mean '\($0)'?)" } ?? "" : ""
        return "unknown IANA time zone '\(name)'\(hint)"
    }
}

func offsetText(_ seconds: Int) -> String {
    let sign = seconds < 0 ? "-" : "+"
    let s = abs(seconds)
    return "\(sign)\(pad(s / 3600)):\(pad(s / 60 % 60))"
}

/// One zone's UTC offsets by instant, each asked of Foundation once: the sessions of a schedule share a
/// few hundred start and end times (a congress file's 1,400 sessions asked ICU 4,200 times, 7 M instructions).
struct ZoneOffsets {
    let zone: TimeZone
    private var known: [Int64: Int] = [:]

    init(_ zone: TimeZone, expectedTimes: Int = 0) {
        self.zone = zone
        known.reserveCapacity(expectedTimes)
    }

    mutating func offset(at seconds: Int64) -> Int {
        if let hit = known[seconds] { return hit }
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
        known[seconds] = offset
        return offset
    }
}

/// Looks each time zone name up once: a directory of a million delegates names only a few zones.
struct ZoneCache {
    private var cache: [String: TimeZone?] = [:]
    mutating func zone(_ name: String) -> TimeZone? {
        if let hit = cache[name] { return hit }
        let z = TimeZone(identifier: name)
        cache[name] = z
        return z
    }
}
