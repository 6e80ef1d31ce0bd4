/// Where an event is held, as far as the data says: a city, only a country, or neither.
///
/// A city carries its country (convene/1 keeps cities per country), so a city is
/// the most that can be known. A schedule that names only its country, or one read
/// with `--host-country` and no `--host-city`, knows the country and not the city;
/// an online event or a file that says nothing knows neither. Nothing is derived
/// from a time zone. Views show a missing part as ``NotRecorded``.
public enum EventPlace: Sendable, Equatable {
    /// In this city (an id of ``Directory/cities``), and so in the city's country.
    case city(String)
    /// In this country (an ISO code); the city is not recorded.
    case country(String)
    /// Neither the city nor the country is recorded.
    case notRecorded
}

extension Event {
    /// The event's place: its city when there is one, else its country, else not recorded.
    public var place: EventPlace {
        if let city { return .city(city) }
        if let country { return .country(country) }
        return .notRecorded
    }
}
