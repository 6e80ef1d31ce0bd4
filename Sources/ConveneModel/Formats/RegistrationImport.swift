import ConveneText

/// Adds delegates from a registration spreadsheet (CSV) to a directory, for one event.
///
/// Columns are found by header: each ``Field`` has common header names
/// ("Full name", "Organisation", "Affiliation", …) and `--map field=Header`
/// overrides them. Countries may be codes or names (``CountryResolver``);
/// cities are matched by name or id within the row's country. A city not in the
/// directory is added when its country has a single time zone (which the city
/// must then be in); otherwise the row is not taken, since its zone is unknown.
///
/// Re-importing the same sheet changes nothing: a row is the same delegate as an
/// existing one when its id column matches an id, or, without an id column, when
/// its name (ignoring case, accents and spacing) and country match. A matching
/// delegate who does not yet attend the event gets it added; nothing else about
/// an existing delegate is overwritten.
///
/// A consent column (`listed`, `consent`, `publish`, …: see ``Field/listed``) says whether a
/// person may be named: yes/no, true/false, 1/0, y/n in any case, blank for listed. A row
/// that says no adds the delegate with `listed: false`, and marks an existing one unlisted
/// (withholding consent is honoured; a yes never lists someone who asked not to be). Any
/// other value stops the whole import (``Failure/badConsent(line:column:value:header:)``):
/// guessing someone's consent either way would be wrong.
///
/// Every row that cannot be taken is reported with its line number and reason;
/// the others are applied. The result is checked with ``Validator`` before it is
/// returned, so what a caller writes always loads again.
public enum RegistrationImport {
    /// The delegate fields a sheet can fill.
    public enum Field: String, Sendable, CaseIterable {
        case id, name, firstName, lastName, role, organization, city, country
        /// Consent to be named: see ``RegistrationImport/consent(_:)``.
        case listed

        /// Header names recognised without `--map`, compared ignoring case, accents, spaces and punctuation.
        var headerNames: [String] {
            switch self {
            case .id: return ["id", "delegate id", "registration id", "attendee id"]
            case .name: return ["name", "full name", "fullname", "delegate", "attendee", "participant"]
            case .firstName: return ["first name", "given name", "forename"]
            case .lastName: return ["last name", "surname", "family name"]
            case .role: return ["role", "position", "job title", "function"]
            case .organization: return ["organization", "organisation", "affiliation", "company", "institution"]
            case .city: return ["city", "town"]
            case .country: return ["country", "country code"]
            case .listed: return ["listed", "consent", "publish", "publish name", "list me", "listed in directory",
                                  "consent to be listed", "consent to publish", "may publish name"]
            }
        }
    }

    /// What happened to one row.
    public struct Outcome: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: Sendable, Equatable {
            /// A new delegate.
            case added(id: String)
            /// An existing delegate now also attends the event.
            case joined(id: String)
            /// Already there, attending the event: nothing to do.
            case unchanged(id: String)
            /// The row was not taken.
            case rejected(reason: String)
        }
        public var line: Int
        public var name: String
        public var kind: Kind
        /// Things taken but worth knowing: a city added, an organisation left out.
        public var notes: [String]

        public var description: String {
            let what: String
            switch kind {
            case .added(let id): what = "add \(id) (\(name))"
            case .joined(let id): what = "add the event to existing delegate \(id) (\(name))"
            case .unchanged(let id): what = "unchanged: \(id) (\(name)) is already listed"
            case .rejected(let reason): what = "not taken: " + reason
            }
            return "line \(line): " + ([what] + notes).joined(separator: "; ")
        }

        public var isRejected: Bool { if case .rejected = kind { return true } else { return false } }
    }

    /// The directory after the import and what happened to each row, in sheet order.
    public struct Plan: Sendable {
        public var directory: Directory
        public var outcomes: [Outcome]
        public var addedCities: [City]

        public var added: Int { outcomes.filter { if case .added = $0.kind { return true } else { return false } }.count }
        public var joined: Int { outcomes.filter { if case .joined = $0.kind { return true } else { return false } }.count }
        public var rejected: [Outcome] { outcomes.filter(\.isRejected) }
        /// True when the directory differs from the one given.
        public var changesDirectory: Bool { added + joined + nowUnlisted > 0 }
        /// Existing delegates whose row withheld consent, now marked unlisted.
        public var nowUnlisted = 0
    }

    /// Why nothing could be imported.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case emptySheet
        case badMap(String)
        case missingColumn(field: String, headers: [String])
        case unknownEvent(String, suggestion: String?)
        case invalidResult([Problem])
        /// A consent cell that is neither yes nor no (nor blank), at its line and 1-based column.
        case badConsent(line: Int, column: Int, value: String, header: String)

        public var description: String {
            switch self {
            case .emptySheet: return "the sheet has no header row"
            case .badMap(let message): return message
            case let .missingColumn(field, headers):
                return "no column for '\(field)'; the header row has: \(headers.joined(separator: ", ")). "
                    + "Name the column with --map \(field)=HEADER"
            case let .unknownEvent(id, suggestion):
                return "unknown event '\(id)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
            case let .badConsent(line, column, value, header):
                return "\(line):\(column): '\(value)' in column '\(header)' is not a consent value; write yes, no, "
                    + "true, false, 1, 0, y or n (any case), or leave it blank for listed. Nothing was imported"
            case .invalidResult(let problems):
                return "the result would not be a valid directory:\n" + problems.map { "  \($0)" }.joined(separator: "\n")
            }
        }
    }

    /// Parses `name=Full Name,country=Country`. Header names may not contain commas.
    public static func parseMap(_ text: String) throws(Failure) -> [Field: String] {
        var map: [Field: String] = [:]
        for item in text.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1)
            let key = parts.first.map { String($0).trimmingSpaces } ?? ""
            guard parts.count == 2, let field = Field.allCases.first(where: { $0.rawValue.lowercased() == key.lowercased() }) else {
                let fields = Field.allCases.map(\.rawValue).joined(separator: ", ")
                throw .badMap("--map expects field=Header pairs separated by commas, with fields from: \(fields); found '\(item)'")
            }
            map[field] = String(parts[1]).trimmingSpaces
        }
        return map
    }

    /// Applies the sheet's rows to `directory` for `eventID`.
    public static func plan(records: [CSVReader.Record], into directory: Directory, event eventID: String,
                            map: [Field: String] = [:]) throws(Failure) -> Plan {
        guard let header = records.first else { throw .emptySheet }
        guard directory.events.contains(where: { $0.id == eventID }) else {
            throw .unknownEvent(eventID, suggestion: Suggestion.closest(to: eventID, in: directory.events.map(\.id)))
        }
        let columns = try resolveColumns(header.fields, map: map)
        if let consentColumn = columns[.listed] {
            // Every consent cell is checked before any row is applied: nothing is written on a doubt.
            for record in records.dropFirst() where consentColumn < record.fields.count {
                let value = record.fields[consentColumn]
                if consent(value) == nil {
                    throw .badConsent(line: record.line, column: consentColumn + 1, value: value,
                                      header: header.fields[consentColumn])
                }
            }
        }
        var state = ImportState(directory: directory, eventID: eventID, rows: records.count - 1)
        var outcomes: [Outcome] = []
        for record in records.dropFirst() {
            outcomes.append(state.apply(record, columns: columns, headerCount: header.fields.count))
        }
        let (problems, _) = Validator.validate(state.directory)
        if !problems.isEmpty { throw .invalidResult(Array(problems.prefix(20))) }
        var plan = Plan(directory: state.directory, outcomes: outcomes, addedCities: state.addedCities)
        plan.nowUnlisted = state.nowUnlisted
        return plan
    }

    /// Column index per field: `--map` first, then the usual header names.
    static func resolveColumns(_ headers: [String], map: [Field: String]) throws(Failure) -> [Field: Int] {
        let keys = headers.map(headerKey)
        var columns: [Field: Int] = [:]
        for (field, header) in map {
            guard let i = keys.firstIndex(of: headerKey(header)) else {
                throw .badMap("--map \(field.rawValue)=\(header): the sheet has no column '\(header)'; its columns are: "
                              + headers.joined(separator: ", "))
            }
            columns[field] = i
        }
        for field in Field.allCases where columns[field] == nil {
            let wanted = Set(field.headerNames.map(headerKey))
            if let i = keys.firstIndex(where: { wanted.contains($0) }), !columns.values.contains(i) { columns[field] = i }
        }
        if columns[.name] == nil, (columns[.firstName] == nil || columns[.lastName] == nil) {
            throw .missingColumn(field: "name", headers: headers)
        }
        if columns[.country] == nil { throw .missingColumn(field: "country", headers: headers) }
        if columns[.city] == nil { throw .missingColumn(field: "city", headers: headers) }
        return columns
    }

    /// A consent cell: true (listed) for yes/true/1/y and for a blank cell, false for no/false/0/n,
    /// in any case and with spaces around; nil for anything else.
    public static func consent(_ cell: String) -> Bool? {
        switch cell.trimmingSpaces.lowercased() {
        case "", "yes", "true", "1", "y": return true
        case "no", "false", "0", "n": return false
        default: return nil
        }
    }

    static func headerKey(_ s: String) -> String {
        String(SearchFold.fold(s).unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(Character.init))
    }

    /// Name comparison key: case, accents and spacing ignored.
    static func nameKey(_ s: String) -> String {
        let folded = SearchFold.fold(s)
        // Most names have single spaces between words and none at the ends, so their key is the
        // folded text itself: spares splitting and joining a million names.
        return hasSingleSpacesOnly(folded.utf8) ? folded
            : folded.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// No tab, no space at either end, no two spaces in a row: splitting at spaces and
    /// joining with one space would give the same text back.
    static func hasSingleSpacesOnly(_ utf8: String.UTF8View) -> Bool {
        var previousWasSpace = true  // a space first is not single
        for b in utf8 {
            if b == 0x09 { return false }
            let isSpace = b == 0x20
            if isSpace && previousWasSpace { return false }
            previousWasSpace = isSpace
        }
        return !previousWasSpace || utf8.isEmpty
    }
}

/// The directory as rows are applied, with the lookups that matching needs.
private struct ImportState {
    var directory: Directory
    let eventID: String
    var addedCities: [City] = []
    /// Existing delegates a row marked unlisted.
    var nowUnlisted = 0
    /// Delegate index by id, built when a row first has an id (a sheet without ids never needs it).
    var delegateByID: [String: Int]?
    /// Delegates by name key and country.
    var identities: ImportIdentityIndex
    var lineOfAdded: [String: Int] = [:]
    /// Every delegate id, kept up to date as rows are added: built once, not once per row.
    var delegateIDs: UniqueIDs
    /// Organisation index by id and by name key; the lower index wins, as a first-match search would.
    var organizationByKey: [String: Int] = [:]
    /// Each city's id and name as match keys, parallel to `directory.cities`: folded once, not once per row.
    var cityKeys: [(id: String, name: String)] = []
    /// Indices into `directory.cities` per country, in order: a row looks only at its country's cities.
    var citiesByCountry: [String: [Int]] = [:]
    let countries: CountryResolver
    /// The longest string the loader accepts: a longer cell would make a file Convene refuses.
    let maxCellBytes = JSONLimits().maxStringBytes

    init(directory: Directory, eventID: String, rows: Int) {
        self.directory = directory
        self.eventID = eventID
        // Room for every row at once: the delegates are copied once (the caller still holds them),
        // not copied and then grown again by doubling a million-element array.
        self.directory.delegates.reserveCapacity(directory.delegates.count + rows)
        countries = CountryResolver(countries: directory.countries)
        identities = ImportIdentityIndex(expectedCount: directory.delegates.count)
        for (i, p) in directory.delegates.enumerated() {
            identities.append(index: i, nameKey: RegistrationImport.nameKey(p.name), country: p.country ?? NotRecorded.key)
        }
        delegateIDs = UniqueIDs(directory.delegates.lazy.map(\.id))
        cityKeys = directory.cities.map { (CountryResolver.key($0.id), CountryResolver.key($0.name)) }
        for (i, c) in directory.cities.enumerated() { citiesByCountry[c.country, default: []].append(i) }
        for (i, o) in directory.organizations.enumerated().reversed() {
            organizationByKey["id\u{1F}" + o.id] = i
            organizationByKey["name\u{1F}" + CountryResolver.key(o.name)] = i
        }
    }

    /// The index of the delegate with this id (the first, should a directory repeat one).
    mutating func delegate(withID id: String) -> Int? {
        if let delegateByID { return delegateByID[id] }
        var byID: [String: Int] = [:]
        byID.reserveCapacity(directory.delegates.count)
        for (i, p) in directory.delegates.enumerated() where byID[p.id] == nil { byID[p.id] = i }
        delegateByID = byID
        return byID[id]
    }

    mutating func apply(_ record: CSVReader.Record, columns: [RegistrationImport.Field: Int],
                        headerCount: Int) -> RegistrationImport.Outcome {
        func cell(_ field: RegistrationImport.Field) -> String {
            guard let i = columns[field], i < record.fields.count else { return "" }
            return record.fields[i].trimmingSpaces
        }
        var name = cell(.name)
        if name.isEmpty { name = [cell(.firstName), cell(.lastName)].filter { !$0.isEmpty }.joined(separator: " ") }
        func reject(_ reason: String) -> RegistrationImport.Outcome {
            .init(line: record.line, name: name, kind: .rejected(reason: reason), notes: [])
        }
        if record.fields.count > headerCount {
            return reject("the row has \(record.fields.count) fields but the header has \(headerCount)")
        }
        for (field, i) in columns.sorted(by: { $0.value < $1.value }) where i < record.fields.count {
            let size = record.fields[i].utf8.count
            if size > maxCellBytes {
                return reject("column \(i + 1) (\(field.rawValue)) holds \(size) bytes, more than the \(maxCellBytes) "
                              + "a Convene file may hold in one text; the file would not load again")
            }
        }
        guard !name.isEmpty else { return reject("no name") }

        let countryText = cell(.country)
        guard !countryText.isEmpty else { return reject("no country for \(name)") }
        guard let country = countries.resolve(countryText) else {
            let hint = countries.suggestion(for: countryText).map { " (did you mean '\($0)'?)" } ?? ""
            return reject("unknown country '\(countryText)'\(hint); add it to the directory's countries first")
        }

        var notes: [String] = []
        let cityText = cell(.city)
        guard !cityText.isEmpty else { return reject("no city for \(name)") }
        let cityID: String
        switch resolveCity(cityText, country: country) {
        case .found(let id): cityID = id
        case .added(let city):
            cityID = city.id
            notes.append("new city \(city.id) (\(city.name), \(country), \(city.timeZone))")
        case .rejected(let reason): return reject(reason)
        }

        var organization: String?
        let orgText = cell(.organization)
        if !orgText.isEmpty {
            let byID = organizationByKey["id\u{1F}" + orgText]
            let byName = organizationByKey["name\u{1F}" + CountryResolver.key(orgText)]
            organization = [byID, byName].compactMap { $0 }.min().map { directory.organizations[$0].id }
            if organization == nil { notes.append("organisation '\(orgText)' is not in the directory, so it is left out") }
        }
        let role = cell(.role)
        // Checked for every row before any was applied (``RegistrationImport/plan``): nil cannot happen here.
        let listed = RegistrationImport.consent(cell(.listed)) ?? false

        // Which delegate is this?
        let idText = cell(.id)
        var existing: Int?
        if !idText.isEmpty {
            guard RecordID.isValid(idText) else {
                return reject("id '\(idText)' is not a valid id (lower-case letters, digits, '.', '_' and '-')")
            }
            existing = delegate(withID: idText)
            if let i = existing, directory.delegates[i].country != country || directory.delegates[i].city != cityID,
               RegistrationImport.nameKey(directory.delegates[i].name) != RegistrationImport.nameKey(name) {
                return reject("id '\(idText)' belongs to \(directory.delegates[i].name), not \(name)")
            }
        } else {
            let key = RegistrationImport.nameKey(name)
            let matches = identities.matches(nameKey: key, country: country) {
                directory.delegates[$0].country == country && RegistrationImport.nameKey(directory.delegates[$0].name) == key
            }
            if matches.count > 1 {
                let ids = matches.map { directory.delegates[$0].id }.joined(separator: ", ")
                return reject("\(name) (\(country)) matches several delegates (\(ids)); add an id column to say which")
            }
            existing = matches.first
        }

        if let i = existing {
            let id = directory.delegates[i].id
            if !listed, directory.delegates[i].listed {
                // Withholding consent is honoured for someone already listed; a yes never lists anyone.
                directory.delegates[i].listed = false
                nowUnlisted += 1
                notes.append("now unlisted (consent withheld)")
            }
            if directory.delegates[i].events.contains(eventID) {
                if let first = lineOfAdded[id] { notes.insert("same delegate as line \(first)", at: 0) }
                return .init(line: record.line, name: name, kind: .unchanged(id: id), notes: notes)
            }
            directory.delegates[i].events.append(eventID)
            return .init(line: record.line, name: name, kind: .joined(id: id), notes: notes)
        }

        var id = idText
        if id.isEmpty {
            let slug = RecordID.slug(name)
            let base = slug.isEmpty ? "delegate-" + String(UInt32(truncatingIfNeeded: stableHash(name + country)), radix: 16) : slug
            id = delegateIDs.claim(base)
        } else {
            delegateIDs.insert(id)
        }
        let delegate = Delegate(id: id, name: name, role: role.isEmpty ? nil : role, organization: organization,
                                city: cityID, country: country, events: [eventID], listed: listed)
        if !listed { notes.append("unlisted (consent withheld)") }
        delegateByID?[id] = directory.delegates.count
        identities.append(index: directory.delegates.count, nameKey: RegistrationImport.nameKey(name), country: country)
        directory.delegates.append(delegate)
        lineOfAdded[id] = record.line
        return .init(line: record.line, name: name, kind: .added(id: id), notes: notes)
    }

    enum CityMatch { case found(String), added(City), rejected(String) }

    /// Cities match by id or by name ignoring case, accents, spaces and punctuation: "Hanoi" is "Hà Nội".
    mutating func resolveCity(_ text: String, country: String) -> CityMatch {
        let key = CountryResolver.key(text)
        let cities = directory.cities
        let inCountry = citiesByCountry[country] ?? []
        if let i = inCountry.first(where: { cityKeys[$0].id == key || cityKeys[$0].name == key }) {
            return .found(cities[i].id)
        }
        if let i = cities.indices.first(where: { cityKeys[$0].name == key }) {
            return .rejected("city '\(text)' is in \(cities[i].country), not in \(country)")
        }
        guard let zone = TimeZoneCountries.onlyZone(ofCountry: country) else {
            let hint = Suggestion.closest(to: key, in: inCountry.map { cityKeys[$0].name })
                .flatMap { k in inCountry.first { cityKeys[$0].name == k }.map { cities[$0].name } }
            return .rejected("unknown city '\(text)' in \(country)" + (hint.map { " (did you mean '\($0)'?)" } ?? "")
                             + "; \(country) has several time zones, so add the city to the directory first")
        }
        let slug = RecordID.slug(text)
        let base = slug.isEmpty ? "city-" + String(UInt32(truncatingIfNeeded: stableHash(text + country)), radix: 16) : slug
        let city = City(id: RecordID.unique(base, in: Set(directory.cities.map(\.id))), name: text, country: country, timeZone: zone)
        directory.cities.append(city)
        cityKeys.append((CountryResolver.key(city.id), CountryResolver.key(city.name)))
        citiesByCountry[country, default: []].append(directory.cities.count - 1)
        addedCities.append(city)
        return .added(city)
    }
}

/// A set of ids that hands out new unique ones: `base`, else `base-2`, `base-3`, … —
/// the same answers as ``RecordID/unique(_:in:)``, in amortised constant time.
///
/// Rebuilding a set of every id for each new row made importing n rows into a directory
/// of m delegates cost n × m; and a sheet of n people of one name asked n times for
/// `base-2`, `base-3`, … from the start. This keeps the set and, per base, where the
/// search for a free suffix stopped (ids are never released, so it never has to look back).
struct UniqueIDs {
    private(set) var taken: Set<String>
    private var nextSuffix: [String: Int] = [:]
    /// How many candidates were looked up in the set, for the test that proves linear work.
    private(set) var probes = 0

    init<S: Sequence>(_ ids: S) where S.Element == String {
        // Sized once for the ids and some new ones, instead of rehashed as a million ids arrive.
        taken = Set(minimumCapacity: ids.underestimatedCount + ids.underestimatedCount / 8 + 16)
        for id in ids { taken.insert(id) }
    }

    mutating func insert(_ id: String) { taken.insert(id) }

    /// A free id from `base`, now taken.
    mutating func claim(_ base: String) -> String {
        probes += 1
        if nextSuffix[base] == nil, taken.insert(base).inserted { return base }
        var n = nextSuffix[base] ?? 2
        while true {
            probes += 1
            let candidate = "\(base)-\(n)"
            n += 1
            if taken.insert(candidate).inserted {
                nextSuffix[base] = n
                return candidate
            }
        }
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
