import Foundation
import Testing
@testable import ConveneModel

/// A directory ``PublishedMapping`` builds passes every ``Validator`` check by construction, so the loader
/// skips the Validator's pass over it (``PublishedMapping/mapped(_:file:options:)`` gives the argument).
///
/// Checked three ways: the Validator over every mapped schedule we can make — generated ones with
/// colliding, hostile and empty ids, times at odd offsets, in summer-time gaps and repeats, zero and
/// negative lengths, far-off listed days and missing speakers; every fixture, the hostile corpus and the
/// fuzz seeds; and those fixtures mutated — and one test per point of the argument. Where the mapping
/// cannot vouch (two persons with one key), the loader still runs the Validator.
@Suite struct ScheduleValidityTests {
    /// Maps `schedule` and runs the Validator; the problems, or nil when the mapping refused the schedule.
    static func problems(_ schedule: PublishedSchedule, _ options: PublishedReadOptions = PublishedReadOptions(),
                         sourceLocation: SourceLocation = #_sourceLocation) -> [Problem]? {
        guard let mapped = try? PublishedMapping.mapped(schedule, file: "t", options: options) else { return nil }
        #expect(mapped.validByConstruction, "the mapping did not vouch for \(schedule.conference.title)",
                sourceLocation: sourceLocation)
        return Validator.validate(mapped.directory).problems
    }

    // MARK: Generated schedules

    static let zones: [String?] = [nil, nil, "Europe/Berlin", "America/New_York", "UTC", "Etc/GMT-1", "Asia/Kolkata",
                                   "Australia/Lord_Howe", "Pacific/Chatham", "America/St_Johns", "Europe/London"]
    static let titles = ["36C3", "FOSDEM 2024", "田中 美咲", "!!!", "", "Ünïcødé Conf", "a-b-c", "x/../../escape\u{1B}[2J"]
    static let idPool: [String?] = [nil, nil, "1", "7", "007", "abc", "ABC", "a-b-c", "a_b", "ZÖP1", "zop1", "張三", "ДЖ1",
                                    "", " ", "person-7", "abc-2", "-", "x/../y", "\u{202E}evil"]
    static let names = ["Ann", "ann", "ANN", "", "田中", "Zoë Öst", "Bob", "person", "abc"]
    static let slugs: [String?] = [nil, "abc", "ABC", "a-b", "36c3-abc", "", "ok_slug.1", "-bad", "schlüssel"]

    static func pick<T>(_ items: [T], _ rng: inout SplitMix64) -> T { items[Int(rng.next() % UInt64(items.count))] }

    static func time(_ rng: inout SplitMix64, zone: String?) -> PublishedTime {
        // Mostly around two summer-time changes (Europe 2024-03-31 and 2024-10-27, US 2024-03-10), sometimes at the
        // ends of the years a Timestamp reads.
        let dates = [LocalDate(year: 2024, month: 3, day: 31), LocalDate(year: 2024, month: 10, day: 27),
                     LocalDate(year: 2024, month: 3, day: 10), LocalDate(year: 2024, month: 3, day: 30),
                     LocalDate(year: 1000, month: 1, day: 1), LocalDate(year: 9999, month: 12, day: 31),
                     LocalDate(year: 2019, month: 12, day: 27)]
        let date = pick(dates, &rng)
        // Whole and half hours, and the minutes of 01:00–03:59 where the changes fall.
        let second = rng.next() % 3 == 0 ? Int(3600 + rng.next() % 10_800) / 60 * 60 : Int(rng.next() % 48) * 1800
        let local = LocalDateTime(date: date, secondOfDay: second)
        switch rng.next() % 4 {
        case 0: return .floating(local)
        case 1: return .allDay(date)
        default:
            let offsets = [0, 3600, 7200, -18_000, 19_800, 45_900, -12_600, 50_400, -50_400, 1800]
            let offset = pick(offsets, &rng)
            return .instant(Timestamp(seconds: local.localSeconds - Int64(offset), offsetSeconds: offset))
        }
    }

    static func ids(_ rng: inout SplitMix64) -> PublishedIDs {
        PublishedIDs(guid: pick(idPool, &rng), code: pick(idPool, &rng), id: pick(idPool, &rng))
    }

    static func generated(_ seed: UInt64) -> (PublishedSchedule, PublishedReadOptions) {
        var rng = SplitMix64(seed: seed)
        let zone = pick(zones, &rng)
        var conference = PublishedConference(title: pick(titles, &rng), acronym: rng.next() % 2 == 0 ? pick(titles, &rng) : nil,
                                             timeZone: zone)
        conference.city = pick([nil, "Hamburg", "東京", "", "Saint-Étienne"], &rng)
        conference.country = pick([nil, "DE", "de", "Viet Nam", "Atlantis", "JP"], &rng)
        conference.venue = rng.next() % 2 == 0 ? "CCH" : nil
        for index in 0..<Int(rng.next() % 4) {
            let date = LocalDate(year: 2024, month: 3, day: 29).adding(days: index)
            var day = PublishedDay(index: index + 1, date: date)
            if rng.next() % 2 == 0 { day.start = time(&rng, zone: zone) }
            if rng.next() % 2 == 0 { day.end = time(&rng, zone: zone) }
            conference.days.append(day)
        }
        // Distinct keys, as every reader gives them; some near-duplicates that slug alike.
        var persons: [PublishedPerson] = []
        for _ in 0..<Int(rng.next() % 12) {
            let ids = ids(&rng), name = pick(names, &rng)
            let key = PublishedPersonKey(ids: ids, name: name)
            if !persons.contains(where: { $0.key == key }) { persons.append(PublishedPerson(key: key, ids: ids, name: name)) }
        }
        var sessions: [PublishedSession] = []
        for _ in 0..<Int(rng.next() % 25) {
            var speakers: [PublishedPersonKey] = []
            for _ in 0..<Int(rng.next() % 4) {
                // Sometimes a person the schedule does not list.
                if let p = persons.randomElement(using: &rng), rng.next() % 5 != 0 { speakers.append(p.key) } else {
                    speakers.append(.name("Nobody Listed"))
                }
            }
            let durations = [-600, 0, 1, 60, 1800, 3600, 86_400, 3 * 86_400]
            sessions.append(PublishedSession(
                ids: ids(&rng), slug: pick(slugs, &rng), title: pick(titles, &rng), room: pick([nil, "Saal 1", "Room not recorded"], &rng),
                start: time(&rng, zone: zone), durationSeconds: pick(durations, &rng),
                day: rng.next() % 3 == 0 ? nil : Int(rng.next() % 6), persons: speakers,
                url: pick([nil, "https://x.test/a", "urn:uuid:1"], &rng)))
        }
        var options = PublishedReadOptions()
        if rng.next() % 4 == 0 { options.timeZone = pick(["Europe/Berlin", "America/New_York", "Asia/Kolkata"], &rng) }
        if rng.next() % 4 == 0 { options.hostCity = pick(["Brussels", "Ōsaka", "!!"], &rng) }
        if rng.next() % 4 == 0 { options.hostCountry = pick(["BE", "jp", "Germany"], &rng) }
        let schedule = PublishedSchedule(format: "schedule.xml", conference: conference, sessions: sessions, persons: persons)
        return (schedule, options)
    }

    @Test func everyGeneratedScheduleMapsToADirectoryTheValidatorFindsNothingIn() {
        var mapped = 0
        for seed in UInt64(1)...600 {
            let (schedule, options) = Self.generated(seed)
            guard let problems = Self.problems(schedule, options) else { continue }
            mapped += 1
            #expect(problems.isEmpty, "seed \(seed): \(problems.prefix(3).map(\.message))")
        }
        // Only schedules with neither sessions nor days are refused: most are mapped.
        #expect(mapped > 400)
    }

    // MARK: Fixtures, the hostile corpus and the fuzz seeds

    static func publishedFiles() throws -> [(String, [UInt8])] {
        var files: [(String, [UInt8])] = []
        for folder in ["published", "hostile/published"] {
            let url = Fixtures.url(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
            where [".xml", ".ics", ".json"].contains(where: name.hasSuffix) {
                files.append((folder + "/" + name, try [UInt8](Data(contentsOf: url.appendingPathComponent(name)))))
            }
        }
        let corpus = Fixtures.repository.appendingPathComponent("Fuzz/corpus")
        for name in try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted() where name.hasPrefix("published-") {
            // A fuzz input's first byte picks the harness's path.
            files.append((name, Array(try [UInt8](Data(contentsOf: corpus.appendingPathComponent(name))).dropFirst())))
        }
        return files
    }

    @Test func everyFixtureHostileFileAndFuzzSeedThatLoadsIsValidAsMapped() throws {
        var mapped = 0
        for (name, bytes) in try Self.publishedFiles() {
            guard let schedule = try? PublishedFormats.read(bytes: bytes, name: name) else { continue }
            guard let problems = Self.problems(schedule) else { continue }
            mapped += 1
            #expect(problems.isEmpty, "\(name): \(problems.prefix(3).map(\.message))")
        }
        #expect(mapped >= 15)
    }

    /// The fixtures' schedules with ids, people and times shuffled between sessions and perturbed.
    @Test func mutatedFixturesStayValidAsMapped() throws {
        var rng = SplitMix64(seed: 13)
        var mapped = 0
        for (name, bytes) in try Self.publishedFiles() {
            guard let original = try? PublishedFormats.read(bytes: bytes, name: name), !original.sessions.isEmpty else { continue }
            for round in 0..<20 {
                var s = original
                for i in s.sessions.indices {
                    let other = s.sessions[Int(rng.next() % UInt64(s.sessions.count))]
                    switch rng.next() % 6 {
                    case 0: s.sessions[i].ids = other.ids; s.sessions[i].slug = other.slug
                    case 1: s.sessions[i].start = Self.time(&rng, zone: s.conference.timeZone)
                    case 2: s.sessions[i].durationSeconds = Int(rng.next() % 200_000) - 1000
                    case 3: s.sessions[i].day = Int(rng.next() % 8)
                    case 4: s.sessions[i].persons += other.persons + [.guid("not-listed")]
                    default: s.sessions[i].title = Self.pick(Self.titles, &rng)
                    }
                }
                if rng.next() % 3 == 0 { s.conference.timeZone = Self.pick(Self.zones, &rng) }
                guard let problems = Self.problems(s) else { continue }
                mapped += 1
                #expect(problems.isEmpty, "\(name) round \(round): \(problems.prefix(3).map(\.message))")
            }
        }
        #expect(mapped >= 100)
    }

    // MARK: Each point of the argument

    static func session(_ ids: PublishedIDs = PublishedIDs(), slug: String? = nil, title: String = "T",
                        start: PublishedTime = .instant(Timestamp(iso8601: "2024-03-31T10:00:00+02:00")!),
                        length: Int = 1800, day: Int? = nil, persons: [PublishedPersonKey] = []) -> PublishedSession {
        PublishedSession(ids: ids, slug: slug, title: title, start: start, durationSeconds: length, day: day, persons: persons)
    }

    static func schedule(_ sessions: [PublishedSession], persons: [PublishedPerson] = [], zone: String? = "Europe/Berlin",
                         days: [PublishedDay] = []) -> PublishedSchedule {
        PublishedSchedule(format: "schedule.xml", conference: PublishedConference(title: "C", timeZone: zone, days: days),
                          sessions: sessions, persons: persons)
    }

    static func mapped(_ s: PublishedSchedule, _ options: PublishedReadOptions = PublishedReadOptions()) throws
        -> (directory: Directory, validByConstruction: Bool) {
        try PublishedMapping.mapped(s, file: "t", options: options)
    }

    @Test func sessionIdsAreWellFormedAndUniqueWhateverTheSourceGives() throws {
        let sessions = [Self.session(slug: "abc"), Self.session(slug: "abc"), Self.session(PublishedIDs(id: "abc")),
                        Self.session(title: "田中"), Self.session(title: "田中"), Self.session(slug: "ABC", title: "!!!"),
                        Self.session(PublishedIDs(guid: "c-abc")), Self.session(slug: "c-abc")]
        let ids = try Self.mapped(Self.schedule(sessions)).directory.events[0].sessions.map(\.id)
        #expect(Set(ids).count == ids.count, "\(ids)")
        #expect(ids.allSatisfy(RecordID.isValid), "\(ids)")
    }

    @Test func delegateIdsAreWellFormedAndUniqueForKeysThatSlugAlike() throws {
        let keys: [PublishedIDs] = [PublishedIDs(code: "ABC"), PublishedIDs(code: "abc"), PublishedIDs(guid: "abc"),
                                    PublishedIDs(id: "7"), PublishedIDs(id: "007"), PublishedIDs(code: "person-7"),
                                    PublishedIDs(code: "張三"), PublishedIDs(code: "ДЖ1"), PublishedIDs(code: "ZÖP1"),
                                    PublishedIDs(code: "zop1")]
        var persons = keys.map { PublishedPerson(key: PublishedPersonKey(ids: $0, name: "N"), ids: $0, name: "N") }
        persons += ["Ann", "ann", "田中", ""].map { PublishedPerson(key: .name($0), ids: PublishedIDs(), name: $0) }
        let directory = try Self.mapped(Self.schedule([Self.session(persons: persons.map(\.key))], persons: persons)).directory
        let ids = directory.delegates.map(\.id)
        #expect(ids.count == persons.count)
        #expect(Set(ids).count == ids.count, "\(ids)")
        #expect(ids.allSatisfy(RecordID.isValid), "\(ids)")
        // Every speaker is one of the delegates.
        #expect(Set(directory.events[0].sessions[0].speakers) == Set(ids))
    }

    @Test func aSpeakerTheScheduleDoesNotListIsNotAReference() throws {
        let ann = PublishedPerson(key: .code("ann"), ids: PublishedIDs(code: "ann"), name: "Ann")
        let s = Self.schedule([Self.session(persons: [.code("ann"), .guid("nobody"), .code("ann")])], persons: [ann])
        let directory = try Self.mapped(s).directory
        #expect(directory.events[0].sessions[0].speakers == ["ann"])
        #expect(Validator.validate(directory).problems.isEmpty)
    }

    @Test func aSessionOfNoLengthEndsAfterItStarts() throws {
        let event = try Self.mapped(Self.schedule([Self.session(length: 0), Self.session(length: -3600)])).directory.events[0]
        #expect(event.sessions.allSatisfy { $0.end > $0.start })
    }

    @Test func everyTimeIsWrittenAtTheZonesOffsetThenAcrossSummerTimeChanges() throws {
        // 02:30 on 2024-03-31 does not exist in Berlin; 02:30 on 2024-10-27 happens twice; an instant written at +05:30.
        let gap = LocalDateTime(date: LocalDate(year: 2024, month: 3, day: 31), secondOfDay: 9000)
        let repeated = LocalDateTime(date: LocalDate(year: 2024, month: 10, day: 27), secondOfDay: 9000)
        let sessions = [Self.session(start: .floating(gap)), Self.session(start: .floating(repeated)),
                        Self.session(start: .instant(Timestamp(iso8601: "2024-10-27T05:00:00+05:30")!), length: 7200),
                        Self.session(start: .allDay(LocalDate(year: 2024, month: 3, day: 31)))]
        let directory = try Self.mapped(Self.schedule(sessions)).directory
        let clock = try #require(ZoneClock(identifier: "Europe/Berlin"))
        let event = directory.events[0]
        for t in [event.start, event.end] + event.sessions.flatMap({ [$0.start, $0.end] }) {
            #expect(t.offsetSeconds == clock.offset(at: t.seconds), "\(t)")
        }
        #expect(Validator.validate(directory).problems.isEmpty)
    }

    @Test func theEventSpansEverySessionAndEveryDay() throws {
        let days = [PublishedDay(index: 1, date: LocalDate(year: 2024, month: 3, day: 30),
                                 start: .instant(Timestamp(iso8601: "2024-03-30T08:00:00+01:00")!))]
        let sessions = [Self.session(length: 86_400 * 3), Self.session(start: .floating(LocalDateTime(
            date: LocalDate(year: 2024, month: 3, day: 29), secondOfDay: 0)))]
        let event = try Self.mapped(Self.schedule(sessions, days: days)).directory.events[0]
        #expect(event.start < event.end)
        #expect(event.sessions.allSatisfy { $0.start >= event.start && $0.end <= event.end })
    }

    @Test func aListedDayIsKeptOnlyWithinADayOfTheStart() throws {
        let days = (1...5).map { PublishedDay(index: $0, date: LocalDate(year: 2024, month: 3, day: 28).adding(days: $0)) }
        // Starts on 2024-03-31 in Berlin: day 2 (03-30) is the evening before, day 4 (04-01) the next, day 5 too far.
        let sessions = (1...5).map { Self.session(day: $0) }
        let event = try Self.mapped(Self.schedule(sessions, days: days)).directory.events[0]
        #expect(event.sessions.map(\.day) == [nil, LocalDate(year: 2024, month: 3, day: 30), nil,
                                             LocalDate(year: 2024, month: 4, day: 1), nil])
    }

    @Test(arguments: [("Hamburg", "DE"), ("東京", "JP"), ("Saint-Étienne", "France"), ("", "be"), ("Brussels", "Atlantis")])
    func theHostPlaceResolves(city: String, country: String) throws {
        var s = Self.schedule([Self.session()])
        s.conference.city = city
        s.conference.country = country
        let directory = try Self.mapped(s).directory
        #expect(directory.cities.allSatisfy { RecordID.isValid($0.id) && ISOCountryCodes.all.contains($0.country) })
        #expect(directory.countries.allSatisfy { ISOCountryCodes.all.contains($0.code) })
        #expect(Validator.validate(directory).problems.isEmpty)
    }

    @Test func twoPersonsWithOneKeyAreNotVouchedForAndTheLoaderValidates() throws {
        // No reader gives this (each lists a person once), but a schedule value can hold it.
        let twice = [PublishedPerson(key: .code("a"), ids: PublishedIDs(code: "a"), name: "A"),
                     PublishedPerson(key: .code("a"), ids: PublishedIDs(code: "a"), name: "A again")]
        let s = Self.schedule([Self.session(persons: [.code("a")])], persons: twice)
        let mapped = try Self.mapped(s)
        #expect(!mapped.validByConstruction)
        #expect(!Validator.validate(mapped.directory).problems.isEmpty)
        struct Fixed: PublishedFormat {
            let schedule: PublishedSchedule
            var name: String { "test" }
            func recognises(firstBytes: ArraySlice<UInt8>) -> Bool { true }
            func read(bytes: [UInt8], name: String) throws(PublishedReadError) -> PublishedSchedule { schedule }
        }
        #expect(throws: LoadError.self) {
            try DirectoryLoader.loadPublished(Fixed(schedule: s), bytes: [], name: "t", validating: false)
        }
    }

    @Test func theLoaderAndValidateGiveTheSameDirectoryWithAndWithoutThePass() throws {
        for name in ["frab-congress.xml", "fosdem-style.xml", "floating.ics", "hub-v2.json"] {
            let bytes = try [UInt8](Data(contentsOf: Fixtures.url("published/" + name)))
            let fast = try DirectoryLoader.loadFast(bytes: bytes, name: name).directory
            let checked = try DirectoryLoader.load(bytes: bytes, name: name)
            #expect(fast == checked, "\(name)")
        }
    }

    // MARK: The mapping's byte-level shortcuts give what the general code gives

    static func randomText(_ rng: inout SplitMix64) -> String {
        let pieces = ["a", "Z", "0", "9", "-", "_", ".", " ", "--", "A-b", "é", "Ö", "張", "ß", "\u{301}", "person-", "12", "x", "/", "\t"]
        let length = Int(rng.next() % 90)
        return (0..<length).map { _ in pick(pieces, &rng) }.joined()
    }

    @Test func theSlugAndIdShortcutsAgreeWithRecordID() {
        var rng = SplitMix64(seed: 17)
        var texts = ["", "-", "ABC", "a--b", "-a-", String(repeating: "ab-", count: 40), String(repeating: "x", count: 61),
                     String(repeating: "a", count: 59) + "-b", "36C3", "ZÖP1", "Phạm Thị"]
        for _ in 0..<3000 {
            let text = Self.randomText(&rng)
            texts += [text, String(String.UnicodeScalarView(text.unicodeScalars.filter(\.isASCII)))]
        }
        for text in texts {
            #expect(PublishedMapping.slug(text) == RecordID.slug(text), "\(text.debugDescription)")
            #expect(PublishedMapping.slug(text, maxLength: 5) == RecordID.slug(text, maxLength: 5), "\(text.debugDescription)")
            #expect(PublishedMapping.isID(text) == RecordID.isValid(text), "\(text.debugDescription)")
        }
    }

    @Test func theFaithfulShortcutAgreesWithTheGeneralCheck() {
        var rng = SplitMix64(seed: 19)
        var values = ["7", "007", "", "abc", "ABC", "a-b", "ZÖP1", "person-7"]
        for _ in 0..<1500 {
            let text = Self.randomText(&rng)
            values += [text, String(String.UnicodeScalarView(text.unicodeScalars.filter(\.isASCII)))]
        }
        for value in values {
            for key in [PublishedPersonKey.guid(value), .code(value), .id(value), .name(value)] {
                for base in [PersonIDs.base(key), value, value.lowercased(), "person-" + value.lowercased(), "x"] {
                    #expect(PersonIDs.isFaithful(base, key) == (base == PersonIDs.faithful(key)), "\(key) \(base)")
                }
            }
        }
    }

    /// The UTF-8 check skips ASCII 32 bytes at a time: a bad byte is found wherever it falls in or after a run.
    @Test func theUTF8CheckFindsABadByteAtEveryOffset() {
        for length in [1, 7, 8, 31, 32, 33, 64, 100] {
            for at in 0..<length {
                for bad: [UInt8] in [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82]] {
                    var bytes = [UInt8](repeating: 0x61, count: length)
                    bytes.replaceSubrange(at..<min(length, at + 1), with: bad)
                    #expect(UTF8Check.firstInvalidOffset(bytes[...]) == at, "length \(length), at \(at), \(bad)")
                }
            }
            #expect(UTF8Check.firstInvalidOffset([UInt8](repeating: 0x61, count: length)[...]) == nil)
        }
    }
}
