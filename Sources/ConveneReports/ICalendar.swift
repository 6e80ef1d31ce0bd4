import ConveneModel

/// Writes sessions as an RFC 5545 iCalendar file that calendar apps can subscribe to.
///
/// - Lines end in CRLF and are folded at 75 octets, never inside a UTF-8
///   sequence; continuation lines start with one space (RFC 5545 §3.1).
/// - Text values escape `\`, `;`, `,` and line breaks (§3.3.11); other control
///   characters, which the format does not allow, are dropped.
/// - DTSTART and DTEND are in UTC (`20231118T013000Z`), valid everywhere without
///   a VTIMEZONE; calendars show them in the reader's own zone.
/// - Each session's UID is `<session-id>@<event-id>.convene`, the same in every
///   export, so a calendar that imports the file again updates its entries
///   instead of duplicating them.
///
/// ```swift
/// let ics = ICalendar.render(ix, sessions: ix.sessions(Filter()), now: now)
/// // BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Convene//Convene agenda//EN\r\n…
/// ```
public enum ICalendar {
    /// The product identifier written as PRODID.
    public static let productID = "-//Convene//Convene agenda//EN"

    /// The agenda as the `agenda` command selects it: a filter and an optional day (YYYY-MM-DD, as written).
    public static func render(_ ix: DirectoryIndex, _ f: Filter, day: String? = nil, now: Timestamp,
                              alarmMinutes: Int? = nil) -> String {
        let refs = ix.sessions(f).filter { day == nil || ix.session($0).conferenceDay == day }
        return render(ix, sessions: refs, now: now, alarmMinutes: alarmMinutes)
    }

    /// Any sessions, e.g. the ones a user starred; `now` becomes every entry's DTSTAMP.
    ///
    /// `alarmMinutes` (above 0) adds to each session an RFC 5545 §3.6.6 display alarm
    /// that many minutes before it starts (`TRIGGER:-PT10M`), described by its title.
    public static func render(_ ix: DirectoryIndex, sessions refs: [SessionRef], now: Timestamp,
                              alarmMinutes: Int? = nil) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + productID, "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
        let eventIndices = Set(refs.map(\.event))
        let name = eventIndices.count == 1 ? ix.directory.events[refs[0].event].title : ix.directory.title
        if !name.isEmpty { lines.append("X-WR-CALNAME:" + escape(name)) }
        let stamp = utc(now)
        for ref in refs.sorted(by: { ix.session($0).start < ix.session($1).start }) {
            let event = ix.directory.events[ref.event]
            let s = ix.session(ref)
            guard s.start.isKnown, s.end.isKnown else { continue }
            lines.append("BEGIN:VEVENT")
            lines.append("UID:" + escape("\(s.id)@\(event.id).convene"))
            lines.append("DTSTAMP:" + stamp)
            lines.append("DTSTART:" + utc(s.start))
            lines.append("DTEND:" + utc(s.end))
            lines.append("SUMMARY:" + escape(s.title))
            // The city, or the country when only the country is recorded.
            let town = event.city.map(ix.cityName) ?? ix.hostCountry(of: event).map(ix.countryName)
            let place = [s.room, event.venue, town].compactMap { $0 }.filter { !$0.isEmpty }
            if !place.isEmpty { lines.append("LOCATION:" + escape(place.joined(separator: ", "))) }
            var about: [String] = []
            if let subtitle = s.subtitle, !subtitle.isEmpty { about.append(subtitle) }
            for text in [s.abstract, s.description].compactMap({ $0 }) where !text.isEmpty {
                about.append(SessionText.displayText(text))
            }
            // A speaker's name on their session is public by role, listed or not (``Delegate/listed``): the name alone.
            let speakers = s.speakers.map { ix.delegate($0)?.name ?? $0 }
            if !speakers.isEmpty { about.append("Speakers: " + speakers.joined(separator: ", ")) }
            about.append("Event: " + event.title)
            if s.illustrative { about.append("Illustrative: this session is invented sample data.") }
            lines.append("DESCRIPTION:" + escape(about.joined(separator: "\n\n")))
            if let track = s.track, !track.isEmpty { lines.append("CATEGORIES:" + escape(track)) }
            // URL is a URI, not TEXT: written as it is, and only when it has no control characters.
            if let url = s.url, !url.isEmpty, url.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) {
                lines.append("URL:" + url)
            }
            if let minutes = alarmMinutes, minutes > 0 {
                lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + escape(s.title),
                          "TRIGGER:-PT\(minutes)M", "END:VALARM"]
            }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `20231118T013000Z`: the instant in UTC.
    public static func utc(_ t: Timestamp) -> String {
        let p = t.components(offsetSeconds: 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let year = String(p.year)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + two(p.month) + two(p.day)
            + "T" + two(p.hour) + two(p.minute) + two(p.second) + "Z"
    }

    /// A TEXT value: backslash, semicolon, comma and newlines escaped; other control characters dropped.
    public static func escape(_ text: String) -> String {
        var out = ""
        var previousCR = false
        for u in text.unicodeScalars {
            defer { previousCR = u == "\r" }
            switch u {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousCR { out += "\\n" }
            case "\t": out += " "
            case _ where u.value < 0x20 || u.value == 0x7F: continue
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Folds one content line: at most 75 octets per physical line, breaking only between
    /// Unicode scalars, each continuation starting with a space (which counts toward the 75).
    public static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var out = ""
        var width = 0
        var limit = 75
        for u in line.unicodeScalars {
            let size = UTF8.width(u)
            if width + size > limit {
                out += "\r\n "
                width = 1
                limit = 75
            }
            out.unicodeScalars.append(u)
            width += size
        }
        return out
    }
}
