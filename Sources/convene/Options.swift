import ArgumentParser
import ConveneModel
import ConveneReports
import ConveneSample
import Foundation
import Glibc

/// Where the directory comes from: `--data PATH|URL` (repeatable), `CONVENE_DATA`, or the bundled sample.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A convene/1 JSON file, or a published schedule: schedule.xml, iCalendar or "
                                            + "schedule.json. A path, or an http(s) URL, kept in a cache for offline use "
                                            + "(see convene cache) (default: $CONVENE_DATA, else the bundled sample). "
                                            + "Repeat it to show several sources together, files and URLs mixed.",
                                            valueName: "path|url"),
            completion: Completions.dataFile)
    var data: [String] = []

    @Option(name: .long, help: ArgumentHelp("For a URL: give up a fetch after this many seconds, then use the cached copy "
                                            + "if there is one (default: 30).", valueName: "seconds"))
    var timeout: Double?

    @Option(name: .customLong("time-zone"),
            help: ArgumentHelp("For a published schedule: the IANA zone for its times when it names none, or instead of its own, "
                               + "e.g. Europe/Brussels.", valueName: "zone"))
    var timeZone: String?

    @Option(name: .customLong("host-city"),
            help: ArgumentHelp("For a published schedule that does not say: the city the conference is held in (needs its country).",
                               valueName: "name"))
    var hostCity: String?

    @Option(name: .customLong("host-country"),
            help: ArgumentHelp("For a published schedule that does not say: the host country, an ISO code such as BE or an English name "
                               + "(without --host-city the event is in that country, its city not recorded).",
                               valueName: "country"))
    var hostCountry: String?

    /// What a published schedule is read with; an unknown zone or country is a usage error (64) with a suggestion.
    func readOptions() throws -> PublishedReadOptions {
        if let timeZone, ZoneClock(identifier: timeZone) == nil || timeZone.isEmpty {
            let hint = Suggestion.closest(to: timeZone, in: TimeZone.knownTimeZoneIdentifiers).map { " (did you mean '\($0)'?)" } ?? ""
            throw usage("unknown time zone '\(timeZone)'\(hint)")
        }
        if let hostCountry, PublishedReadOptions.countryCode(hostCountry) == nil {
            throw usage("unknown country '\(hostCountry)' for --host-country; give an ISO 3166-1 code such as BE")
        }
        return PublishedReadOptions(timeZone: timeZone, hostCity: hostCity, hostCountry: hostCountry)
    }

    /// How a URL is fetched; a timeout that is not a positive number of seconds is a usage error (64).
    func remoteSettings() throws -> RemoteSettings {
        var settings = RemoteSettings()
        if let timeout {
            guard timeout > 0, timeout <= 86_400 else { throw usage("--timeout takes a number of seconds above 0, such as 30") }
            settings.timeout = timeout
        }
        return settings
    }

    /// What each `--data` (or `CONVENE_DATA`) names, in order; the bundled sample when none.
    ///
    /// A URL of another scheme than http(s) exits 66; a source named twice (the same file by
    /// another path, the same URL) is a usage error (64): it would only show every event twice.
    func sources() throws -> [DataSource] {
        guard !paths.isEmpty else { return [.sample] }
        var seen: [String: String] = [:]
        return try paths.map { text in
            let source: DataSource
            do throws(LoadError) { source = try DataSource(text) } catch { throw CLIError(error) }
            let key = SeenSaver.source(for: text)
            if let first = seen[key] {
                throw usage("--data names the same source twice: '\(source.name ?? text)'"
                            + (first == text ? "" : " (also as '\(DataSource.shownName(first))')"))
            }
            seen[key] = text
            return source
        }
    }

    /// The `--data` values as given, or `CONVENE_DATA` (one source); empty for the bundled sample.
    var paths: [String] {
        if !data.isEmpty { return data }
        if let env = getenv("CONVENE_DATA"), env.pointee != 0 { return [String(cString: env)] }
        return []
    }

    /// Loads the directory, or throws the loader's message with its exit status (65 or 66).
    ///
    /// Several sources are loaded in order and shown as one (``SourceCombine``); the first
    /// that fails ends the command with its message (which names it) and exit status.
    /// A load that takes more than a quarter of a second shows a progress bar on
    /// stderr when stderr is a terminal. With `CONVENE_PROFILE=1` in the
    /// environment, the time of each step goes to stderr. A URL served from the
    /// cache says so on stderr ("offline: schedule as fetched 3 h ago"). The index is
    /// ``KeptUntilExit``: the one-shot commands that call this end without freeing it.
    func load() throws -> DirectoryIndex {
        let sources = try sources()
        let options = try readOptions()
        let remote = try remoteSettings()
        let tags = SourceCombine.tags(for: sources.map { $0.name ?? SampleData.displayName })
        var parts: [SourcePart] = []
        for (slot, source) in sources.enumerated() {
            let progress = LoadProgress()
            let bar = isatty(2) != 0 ? ProgressLine(progress: progress, name: source.name ?? SampleData.displayName) : nil
            defer { bar?.finish() }
            do {
                let loaded = try Self.loadSource(source, options: options, remote: remote, progress: progress)
                bar?.finish()
                if let notice = loaded.notice { Output.error(notice) }
                if sources.count == 1 { return KeptUntilExit.keep(loaded.index) }
                parts.append(SourcePart(tag: tags[slot], name: source.name ?? SampleData.displayName,
                                        directory: loaded.index.directory))
            } catch {
                bar?.finish()
                throw CLIError(error)
            }
        }
        return KeptUntilExit.keep(DirectoryIndex(SourceCombine.combine(parts)))
    }

    /// Reads, decodes, validates and indexes the directory at `path` (nil: the bundled sample).
    static func loadIndex(path: String?, options: PublishedReadOptions = PublishedReadOptions(),
                          progress: LoadProgress?) throws(LoadError) -> DirectoryIndex {
        var clock = PhaseClock(enabled: getenv("CONVENE_PROFILE").map { String(cString: $0) == "1" } ?? false)
        let name = path ?? SampleData.displayName
        // Read into our own buffer, never mapped: a file that shrinks under a mapping kills the process.
        // One pass for a valid convene/1 file, giving the buffer back as it goes; the general path
        // (same messages) for anything else. The file's bytes are freed before indexing.
        let loaded: LoadedDirectory
        if let path {
            loaded = try DirectoryLoader.loadFast(path: path, options: options, progress: progress,
                                                  afterRead: { clock.lap("read") })
        } else {
            clock.lap("read")
            loaded = try DirectoryLoader.loadFast(bytes: Array(SampleData.json.utf8), name: name, options: options,
                                                  progress: progress)
        }
        clock.lap(loaded.wasDirect ? "decode+validate (direct)" : "parse+decode+validate")
        progress?.enter("indexing")
        let index = loaded.makeIndex()
        clock.lap("index")
        return index
    }
}

/// The filters every listing command shares.
struct FilterOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Only delegates, cities and events of this country: an ISO code or an English name, "
                                            + "or 'none' for those whose country is not recorded; '!VN' leaves a country out (repeatable).",
                                            valueName: "country"),
            completion: Completions.country)
    var country: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only this city (its id), or 'none' for delegates and events whose city is not recorded.",
                                            valueName: "id"),
            completion: Completions.city)
    var city: String?

    @Option(name: .long, help: ArgumentHelp("Only this event (its id).", valueName: "id"), completion: Completions.event)
    var event: String?

    @Option(name: .long, help: ArgumentHelp("Only cities with this creative field, e.g. Design.", valueName: "field"))
    var field: String?

    @Option(name: .long, help: ArgumentHelp("Only records whose text contains this, ignoring case and accents.",
                                            valueName: "text"))
    var search: String?

    // Session facets (FilterOptions+Sessions.swift): repeatable, '!VALUE' excludes, 'none' is "not recorded".
    @Option(name: .long, help: ArgumentHelp("Only sessions of this conference day: YYYY-MM-DD or 'day 2' (a session past "
                                            + "midnight is on the day its schedule lists it under); '!' before it excludes (repeatable).",
                                            valueName: "day"), completion: Completions.sessionValues("day"))
    var day: [String] = []
    @Option(name: .long, help: ArgumentHelp("Only sessions of this track; '!Track' excludes it (repeatable).", valueName: "track"),
            completion: Completions.sessionValues("track"))
    var track: [String] = []
    @Option(name: .long, help: ArgumentHelp("Only sessions in this room; '!Room' excludes it (repeatable).", valueName: "room"),
            completion: Completions.sessionValues("room"))
    var room: [String] = []
    @Option(name: .long, help: ArgumentHelp("Only sessions of this type, e.g. workshop; '!type' excludes it (repeatable).",
                                            valueName: "type"), completion: Completions.sessionValues("type"))
    var type: [String] = []
    @Option(name: .long, help: ArgumentHelp("Only sessions in this language, e.g. en; '!en' excludes it (repeatable).",
                                            valueName: "language"), completion: Completions.sessionValues("language"))
    var language: [String] = []

    /// Resolves names and ids against the directory; unknown ones exit 64 with a suggestion.
    func filter(for ix: DirectoryIndex) throws -> Filter {
        var f = Filter(search: search ?? "")
        // Built at the first --country only: its tables of names cost every listing 0.7 M instructions.
        lazy var resolver = CountryResolver(countries: ix.directory.countries)
        for written in country {
            // '!VN' leaves the country out (FilterOptions+Sessions.swift).
            let (text, excluding) = Self.exclusion(written)
            // 'none' is no ISO code (NO is Norway) and no country's name: it asks for "not recorded".
            if CountryResolver.key(text) == NotRecorded.argument {
                if excluding { f.excludedCountries.insert(NotRecorded.key) } else { f.countries.insert(NotRecorded.key) }
                continue
            }
            guard let code = resolver.resolve(text) else {
                let hint = resolver.suggestion(for: text).map { " (did you mean '\(excluding ? "!" : "")\($0)'?)" } ?? ""
                throw usage("unknown country '\(written)'\(hint)")
            }
            if excluding { f.excludedCountries.insert(code) } else { f.countries.insert(code) }
        }
        // A city whose id is 'none' is still that city; otherwise 'none' asks for "not recorded".
        if city == NotRecorded.argument, ix.city(NotRecorded.argument) == nil {
            f.city = NotRecorded.key
        } else if let city {
            guard ix.city(city) != nil else {
                throw usage("unknown city '\(city)'" + hint(city, ix.directory.cities.map(\.id)))
            }
            f.city = city
        }
        if let event {
            guard ix.event(event) != nil else {
                throw usage("unknown event '\(event)'" + hint(event, ix.directory.events.map(\.id)))
            }
            f.event = event
        }
        if let field {
            let fields = Set(ix.directory.cities.compactMap(\.creativeField))
            guard let match = fields.first(where: { $0.lowercased() == field.lowercased() }) else {
                throw usage("unknown creative field '\(field)'" + hint(field, fields)
                            + "; fields: " + fields.sorted().joined(separator: ", "))
            }
            f.field = match
        }
        try applySessionFacets(to: &f, ix)
        return f
    }

    private func hint<S: Sequence>(_ text: String, _ candidates: S) -> String where S.Element == String {
        Suggestion.closest(to: text, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }
}

/// Times the steps of a load for `CONVENE_PROFILE=1`.
struct PhaseClock {
    let enabled: Bool
    private var last = timespec()

    init(enabled: Bool) {
        self.enabled = enabled
        clock_gettime(CLOCK_MONOTONIC, &last)
    }

    mutating func lap(_ phase: String) {
        guard enabled else { return }
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let ms = Double(now.tv_sec - last.tv_sec) * 1000 + Double(now.tv_nsec - last.tv_nsec) / 1e6
        Output.write("profile: \(phase) \((ms * 10).rounded() / 10) ms\n", to: 2)
        last = now
    }
}
