import Foundation

/// How a published schedule's times become instants in one event zone.
///
/// The zone is the user's (`--time-zone`), else the file's. A file that names none
/// but writes offsets (`2024-02-03T10:00:00+01:00`) is shown at the offset most of
/// its times carry, as the fixed zone `Etc/GMT-1`; a file with neither is shown as
/// written, on a clock at +00:00 called `UTC`. The notes say which, so the user
/// knows what `--time-zone` would change.
struct TimePlacement {
    let zoneName: String
    let clock: ZoneClock?
    /// The fixed offset used when there is no zone clock.
    let offset: Int
    var notes: [String] = []
    /// The zone's offsets by instant, asked of the clock once each (sessions share their start and end times).
    let offsets = OffsetMemo()

    final class OffsetMemo {
        private var known: [Int64: Int] = [:]

        func offset(_ clock: ZoneClock, at seconds: Int64) -> Int {
            if let hit = known[seconds] { return hit }
            let offset = clock.offset(at: seconds)
            known[seconds] = offset
            return offset
        }
    }

    init(schedule: borrowing PublishedSchedule, file: String, override: String?) throws(PublishedReadError) {
        var counts: [Int: Int] = [:]
        for s in schedule.sessions {
            if case .instant(let t) = s.start { counts[t.offsetSeconds, default: 0] += 1 }
        }
        // The most common offset; ties go to the smaller, so the choice does not depend on dictionary order.
        let common = counts.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) })?.key
        var declared = schedule.conference.timeZone
        // A zone of no place (`UTC`, `Etc/…`) that every written offset contradicts is a default nobody set
        // (pretalx's demo: UTC, dates at +01:00): the offsets are what was published.
        if override == nil, let zone = declared, zone == "UTC" || zone == "GMT" || zone.hasPrefix("Etc/"),
           let common, let clock = ZoneClock(identifier: zone),
           !schedule.sessions.contains(where: { if case .instant(let t) = $0.start { return clock.express(t).offsetSeconds == t.offsetSeconds }; return false }) {
            notes.append("The file names the zone \(zone) but writes its times at UTC\(Self.offsetText(common)); they are shown as written.")
            declared = nil
        }
        if let name = override ?? declared {
            guard let clock = ZoneClock(identifier: name) else {
                throw PublishedReadError(file: file, place: .none, problem: "'\(Quote.text(name))' is not an IANA time zone name")
            }
            self.zoneName = name
            self.clock = clock
            self.offset = 0
            return
        }
        let floating = schedule.sessions.filter(\.start.isFloating).count
        if let common, let zone = Self.fixedZone(offsetSeconds: common), let clock = ZoneClock(identifier: zone) {
            self.zoneName = zone
            self.clock = clock
            self.offset = common
            notes.append((common == 0 ? "The file names no time zone and gives its times in UTC; they are shown in UTC"
                          : "The file names no time zone; times are shown at the offset it gives (UTC\(Self.offsetText(common)))")
                         + (counts.count > 1 ? ", and times written at other offsets are converted to it" : "")
                         + (floating > 0 ? "; \(floating) time\(floating == 1 ? "" : "s") written without an offset are placed at it too" : "")
                         + "; give --time-zone ZONE to show them in a zone.")
            return
        }
        self.zoneName = "UTC"
        self.clock = ZoneClock(identifier: "UTC")
        self.offset = 0
        if counts.isEmpty {
            notes.append("The file gives no time zone: times are shown as written, in no particular zone "
                         + "(labelled UTC); give --time-zone ZONE to place them.")
        } else {
            notes.append("The file names no time zone and its offsets are not whole hours; times are shown in UTC; "
                         + "give --time-zone ZONE to show them in a zone.")
        }
    }

    /// The instant a published time denotes, expressed in the event zone.
    func timestamp(_ time: PublishedTime) -> Timestamp {
        switch time {
        case .instant(let t): return express(t)
        case .floating(let local): return place(local)
        case .allDay(let date): return place(LocalDateTime(date: date, secondOfDay: 0))
        }
    }

    func place(_ local: LocalDateTime) -> Timestamp {
        if let clock { return clock.instant(local) }
        return Timestamp(seconds: local.localSeconds - Int64(offset), offsetSeconds: offset)
    }

    func express(_ t: Timestamp) -> Timestamp {
        if let clock { return Timestamp(seconds: t.seconds, offsetSeconds: offsets.offset(clock, at: t.seconds)) }
        return Timestamp(seconds: t.seconds, offsetSeconds: offset)
    }

    /// `Etc/GMT-1` for +01:00 (the Etc names count the other way), `UTC` for zero; nil for a part hour.
    static func fixedZone(offsetSeconds: Int) -> String? {
        if offsetSeconds == 0 { return "UTC" }
        guard offsetSeconds % 3600 == 0 else { return nil }
        let hours = offsetSeconds / 3600
        guard (-12...14).contains(hours) else { return nil }
        return "Etc/GMT" + (hours > 0 ? "-\(hours)" : "+\(-hours)")
    }

    static func offsetText(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let m = abs(seconds) / 60
        return sign + (m / 60 < 10 ? "0" : "") + String(m / 60) + ":" + (m % 60 < 10 ? "0" : "") + String(m % 60)
    }
}

extension PublishedTime {
    /// True for a wall-clock time with no zone (floating or all-day).
    var isFloating: Bool {
        if case .instant = self { return false }
        return true
    }
}

extension PublishedReadOptions {
    /// The ISO code `--host-country` names (`BE`, `be`, `Belgium`), or nil when it names none.
    public static func countryCode(_ text: String) -> String? { HostPlace.countryCode(text) }
}

/// Where the conference is held, only as the file or the user says it.
///
/// A city needs its country (convene/1 keeps cities per country), so a city named
/// without a country is not recorded and the notes say to add `--host-country`. A
/// country without a city is kept: the event is in that country, its city not
/// recorded (``EventPlace/country(_:)``), and the notes say `--host-city` would add it.
/// Nothing comes from the time zone.
struct HostPlace {
    var city: City?
    var country: Country?

    /// The event's place: the city, else the country alone, else not recorded.
    var place: EventPlace {
        if let city { return .city(city.id) }
        if let country { return .country(country.code) }
        return .notRecorded
    }
    var notes: [String] = []

    init(conference: PublishedConference, options: PublishedReadOptions, zone: String, file: String) throws(PublishedReadError) {
        let cityName = (options.hostCity ?? conference.city).map { $0.trimmingXMLSpace() }.flatMap { $0.isEmpty ? nil : $0 }
        let countryText = (options.hostCountry ?? conference.country).map { $0.trimmingXMLSpace() }.flatMap { $0.isEmpty ? nil : $0 }
        var code: String?
        if let countryText {
            code = Self.countryCode(countryText)
            if code == nil {
                if options.hostCountry != nil {
                    throw PublishedReadError(file: file, place: .none,
                                             problem: "unknown country '\(Quote.text(countryText))' for --host-country; give an ISO 3166-1 code such as DE")
                }
                notes.append("The file names the country '\(countryText)', which is not an ISO 3166-1 country; "
                             + "give --host-country CODE to record it.")
            }
        }
        switch (cityName, code) {
        case let (name?, code?):
            let id = RecordID.slug(name).isEmpty ? "city-" + PersonIDs.shortHash(name) : RecordID.slug(name)
            country = Country(code: code, name: Self.countryName(code))
            city = City(id: id, name: name, country: code, timeZone: zone)
        case let (name?, nil):
            if countryText == nil {
                notes.append("The file names the host city '\(name)' but not its country, so the place is not recorded; "
                             + "give --host-country CODE to record it.")
            }
        case let (nil, code?):
            country = Country(code: code, name: Self.countryName(code))
            notes.append("The host country \(Self.countryName(code)) is given without a city, so the city is shown as not recorded; "
                         + "give --host-city NAME to record it.")
        case (nil, nil):
            break
        }
    }

    /// An ISO code from `DE`, `de`, `Germany` or `Viet Nam`; nil when it is none.
    static func countryCode(_ text: String) -> String? {
        let upper = text.uppercased()
        if upper.utf8.count == 2, ISOCountryCodes.all.contains(upper) { return upper }
        let all = ISOCountryCodes.all.sorted().map { Country(code: $0, name: countryName($0)) }
        return CountryResolver(countries: all).resolve(text)
    }

    /// The English name of an ISO code, from the system's locale data; the code itself when it has none.
    static func countryName(_ code: String) -> String {
        Locale(identifier: "en_US").localizedString(forRegionCode: code) ?? code
    }
}
