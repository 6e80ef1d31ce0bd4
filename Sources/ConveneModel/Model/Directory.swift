/// A whole event directory: the document a `convene/1` JSON file holds.
///
/// A directory is plain data. It is built by ``DirectoryDecoder`` from a parsed
/// JSON document and checked by ``Validator``; nothing here knows about terminals.
public struct Directory: Sendable, Equatable {
    /// The format tag every file must carry.
    public static let formatTag = "convene/1"

    public var format: String
    public var title: String
    /// Shown to the user wherever the directory is shown, e.g. that some records are illustrative.
    public var notice: String?
    public var countries: [Country]
    public var cities: [City]
    public var organizations: [Organization]
    public var events: [Event]
    /// Reads and changes like `[Delegate]`; a loaded directory keeps it in columns (see ``DelegateList``).
    public var delegates: DelegateList

    public init(format: String = Directory.formatTag, title: String, notice: String? = nil,
                countries: [Country] = [], cities: [City] = [], organizations: [Organization] = [],
                events: [Event] = [], delegates: DelegateList = []) {
        self.format = format
        self.title = title
        self.notice = notice
        self.countries = countries
        self.cities = cities
        self.organizations = organizations
        self.events = events
        self.delegates = delegates
    }
}

/// A country, keyed by its ISO 3166-1 alpha-2 code.
public struct Country: Sendable, Equatable {
    /// Upper-case ISO 3166-1 alpha-2 code, e.g. "VN".
    public var code: String
    /// The ISO 3166-1 short name, e.g. "Viet Nam".
    public var name: String
    /// An optional grouping such as "ASEAN" or "East Asia".
    public var region: String?

    public init(code: String, name: String, region: String? = nil) {
        self.code = code
        self.name = name
        self.region = region
    }
}

/// A city, optionally a member of the UNESCO Creative Cities Network.
public struct City: Sendable, Equatable {
    public var id: String
    public var name: String
    /// ISO code of the country the city is in.
    public var country: String
    /// IANA time zone, e.g. "Asia/Ho_Chi_Minh".
    public var timeZone: String
    /// The network field, e.g. "Design"; nil for a city that is not a member.
    public var creativeField: String?
    /// The year the city joined the network.
    public var memberSince: Int?
    /// True when the record was invented for illustration.
    public var illustrative: Bool
    /// Degrees north (negative: south), from -90 to 90; nil when not recorded.
    ///
    /// Latitude and longitude come together or not at all (the ``Validator`` says so); a city
    /// without them is listed beside the Map as "not on the map".
    public var latitude: Double?
    /// Degrees east (negative: west), from -180 to 180; nil when not recorded.
    public var longitude: Double?

    public init(id: String, name: String, country: String, timeZone: String,
                creativeField: String? = nil, memberSince: Int? = nil, illustrative: Bool = false,
                latitude: Double? = nil, longitude: Double? = nil) {
        self.id = id
        self.name = name
        self.country = country
        self.timeZone = timeZone
        self.creativeField = creativeField
        self.memberSince = memberSince
        self.illustrative = illustrative
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Where the city is, when both coordinates are recorded.
    public var coordinates: (latitude: Double, longitude: Double)? {
        guard let latitude, let longitude else { return nil }
        return (latitude, longitude)
    }
}

/// An organisation a delegate belongs to or that organises an event.
public struct Organization: Sendable, Equatable {
    public var id: String
    public var name: String
    /// What it is: "government", "un-agency", "university", "company", "ngo", ...
    public var kind: String
    /// The city id where it is based, if any.
    public var city: String?
    public var illustrative: Bool

    public init(id: String, name: String, kind: String, city: String? = nil, illustrative: Bool = false) {
        self.id = id
        self.name = name
        self.kind = kind
        self.city = city
        self.illustrative = illustrative
    }
}
