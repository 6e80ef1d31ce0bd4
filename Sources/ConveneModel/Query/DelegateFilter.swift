/// A ``Filter``'s country, city, event and field tests, compiled once into array reads.
///
/// ``DirectoryIndex/delegatePasses(_:_:)`` compares id strings (and copies the
/// delegate) for every call: fine for a hundred delegates, a third of a second
/// for a million. Compiled against ``DirectoryIndex/placement``, the country
/// test is one byte read, the city test an integer compare and the field test
/// another byte read, so changing the country filter or recounting the summary
/// over a million delegates takes milliseconds.
///
/// Used only when every delegate's city and country resolved (always, in a
/// validated directory); otherwise the string comparisons decide, as before.
struct DelegateFilter {
    let placement: DelegatePlacement
    /// Allowed country indices, or nil for every country.
    let countries: [Bool]?
    /// With `countries`: whether a country that is not recorded is allowed.
    let unrecordedCountry: Bool
    /// The one allowed city index (``DelegatePlacement/notRecorded`` for "not recorded";
    /// ``nobody`` when the city is unknown, so nobody passes), or nil.
    let city: Int32?
    /// Allowed city indices for the creative field, or nil for every field. A delegate
    /// whose city is not recorded has no field and never passes.
    let fieldCities: [Bool]?
    /// A city index no delegate has.
    static let nobody: Int32 = -2
    /// Whether delegate i lists the event every delegate must list, or nil for any event.
    let event: EventListing?
    /// While a session facet is active: which delegates speak at a matching session. Nil
    /// otherwise, so the country and city paths over a million delegates never touch sessions.
    let speakers: [Bool]?

    init?(_ ix: DirectoryIndex, _ f: Filter) {
        placement = ix.placement
        guard placement.allResolved else { return nil }
        let d = ix.directory
        countries = f.narrowsCountries ? d.countries.map { f.countryAllows($0.code) } : nil
        unrecordedCountry = f.countryAllows(NotRecorded.key)
        city = f.city.map { id in
            id == NotRecorded.key ? DelegatePlacement.notRecorded : ix.cityByID[id].map(Int32.init) ?? Self.nobody
        }
        fieldCities = f.field.map { field in d.cities.map { $0.creativeField == field } }
        event = f.event.map { d.delegates.listing(event: $0) }
        if f.narrowsSessions {
            var mask = [Bool](repeating: false, count: d.delegates.count)
            for i in ix.matchingSpeakers(f) { mask[i] = true }
            speakers = mask
        } else {
            speakers = nil
        }
    }

    /// True when nothing but the search text (if anything) narrows the delegates.
    var passesEveryone: Bool { countries == nil && city == nil && fieldCities == nil && event == nil && speakers == nil }

    /// The same answer as ``DirectoryIndex/delegatePasses(_:_:)``.
    @inline(__always)
    func passes(_ i: Int) -> Bool {
        if let countries {
            let k = placement.country[i]
            if k < 0 ? !unrecordedCountry : !countries[Int(k)] { return false }
        }
        if let city, placement.city[i] != city { return false }
        if let fieldCities {
            let c = placement.city[i]
            if c < 0 || !fieldCities[Int(c)] { return false }
        }
        if let event, !event(i) { return false }
        if let speakers, !speakers[i] { return false }
        return true
    }
}
