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
    /// The one allowed city index (-1 when the city is unknown, so nobody passes), or nil.
    let city: Int32?
    /// Allowed city indices for the creative field, or nil for every field.
    let fieldCities: [Bool]?
    /// The event id every delegate must list, or nil.
    let event: String?
    let delegates: [Delegate]

    init?(_ ix: DirectoryIndex, _ f: Filter) {
        placement = ix.placement
        guard placement.allResolved else { return nil }
        let d = ix.directory
        countries = f.countries.isEmpty ? nil : d.countries.map { f.countries.contains($0.code) }
        city = f.city.map { ix.cityByID[$0].map(Int32.init) ?? -1 }
        fieldCities = f.field.map { field in d.cities.map { $0.creativeField == field } }
        event = f.event
        delegates = d.delegates
    }

    /// True when nothing but the search text (if anything) narrows the delegates.
    var passesEveryone: Bool { countries == nil && city == nil && fieldCities == nil && event == nil }

    /// The same answer as ``DirectoryIndex/delegatePasses(_:_:)``.
    @inline(__always)
    func passes(_ i: Int) -> Bool {
        if let countries, !countries[Int(placement.country[i])] { return false }
        if let city, placement.city[i] != city { return false }
        if let fieldCities, !fieldCities[Int(placement.city[i])] { return false }
        if let event, !delegates[i].events.contains(event) { return false }
        return true
    }
}
