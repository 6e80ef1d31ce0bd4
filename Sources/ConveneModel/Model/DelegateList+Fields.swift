/// One field of one delegate, and one field of all of them, without making whole `Delegate`s.
///
/// `list[i]` of a compact list makes seven strings and an array; a loop that
/// needs only the country or a flag of a million delegates reads the field
/// instead. Each answer is the same for both storages.
extension DelegateList {
    public func id(at i: Int) -> String {
        switch storage {
        case .plain(let delegates): return delegates[i].id
        case .compact(let columns): return columns.id(at: i)
        }
    }

    public func name(at i: Int) -> String {
        switch storage {
        case .plain(let delegates): return delegates[i].name
        case .compact(let columns): return columns.name(at: i)
        }
    }

    public func role(at i: Int) -> String? {
        switch storage {
        case .plain(let delegates): return delegates[i].role
        case .compact(let columns): return columns.roles.value(at: i)
        }
    }

    public func organization(at i: Int) -> String? {
        switch storage {
        case .plain(let delegates): return delegates[i].organization
        case .compact(let columns): return columns.organizations.value(at: i)
        }
    }

    public func city(at i: Int) -> String? {
        switch storage {
        case .plain(let delegates): return delegates[i].city
        case .compact(let columns): return columns.cities.value(at: i)
        }
    }

    public func country(at i: Int) -> String? {
        switch storage {
        case .plain(let delegates): return delegates[i].country
        case .compact(let columns): return columns.countries.value(at: i)
        }
    }

    public func events(at i: Int) -> [String] {
        switch storage {
        case .plain(let delegates): return delegates[i].events
        case .compact(let columns): return columns.events.values(at: i)
        }
    }

    @inline(__always)
    public func isIllustrative(at i: Int) -> Bool {
        switch storage {
        case .plain(let delegates): return delegates[i].illustrative
        case .compact(let columns): return columns.isIllustrative(at: i)
        }
    }

    @inline(__always)
    public func isListed(at i: Int) -> Bool {
        switch storage {
        case .plain(let delegates): return delegates[i].listed
        case .compact(let columns): return !columns.isUnlisted(at: i)
        }
    }

    /// True when some delegate is not listed; a compact list answers from its bits.
    public var containsUnlisted: Bool {
        switch storage {
        case .plain(let delegates): return delegates.contains { !$0.listed }
        case .compact(let columns): return columns.unlisted.contains { $0 != 0 }
        }
    }

    /// True when some delegate's country is not recorded (nil).
    public var containsUnrecordedCountry: Bool {
        switch storage {
        case .plain(let delegates): return delegates.contains { $0.country == nil }
        case .compact(let columns): return columns.countries.codes.contains(-1)
        }
    }

    /// True when some delegate is illustrative; a compact list answers from its bits.
    public var containsIllustrative: Bool {
        switch storage {
        case .plain(let delegates): return delegates.contains { $0.illustrative }
        case .compact(let columns): return columns.illustrative.contains { $0 != 0 }
        }
    }

    /// Every delegate's city id as codes (shared with a compact list's column; made by hashing for a plain one).
    public var citySymbols: DelegateSymbols {
        switch storage {
        case .plain(let delegates): return DelegateSymbols(delegates.lazy.map(\.city))
        case .compact(let columns): return columns.cities
        }
    }

    /// Every delegate's country code as codes.
    public var countrySymbols: DelegateSymbols {
        switch storage {
        case .plain(let delegates): return DelegateSymbols(delegates.lazy.map(\.country))
        case .compact(let columns): return columns.countries
        }
    }

    /// Every delegate's organisation id as codes.
    public var organizationSymbols: DelegateSymbols {
        switch storage {
        case .plain(let delegates): return DelegateSymbols(delegates.lazy.map(\.organization))
        case .compact(let columns): return columns.organizations
        }
    }

    /// Every delegate's events as codes into a table of event ids.
    ///
    /// The empty id `""`, which refers to no event, has a code in a plain list's table and none
    /// in a compact one's (a loaded directory is valid, so no event has that id).
    public var eventSymbols: DelegateEventSymbols {
        switch storage {
        case .compact(let columns):
            return columns.events
        case .plain(let delegates):
            var coder = TextCoder()
            var codes: [Int32] = [], starts: [Int32] = [0]
            starts.reserveCapacity(delegates.count + 1)
            for p in delegates {
                for id in p.events { codes.append(coder.code(id)) }
                starts.append(Int32(codes.count))
            }
            return DelegateEventSymbols(codes: codes, starts: starts, values: coder.values, blanks: [])
        }
    }

    /// A test of whether delegate i lists event `id`, prepared once for many delegates.
    public func listing(event id: String) -> EventListing {
        EventListing(storage: storage, id: id)
    }
}

/// "Does delegate i list this event?" for many i: ``DelegateList/listing(event:)``.
///
/// On a compact list the id is looked up once and each test compares a few integers.
public struct EventListing: Sendable {
    private let storage: DelegateList.Storage
    private let id: String
    /// The codes whose text equals `id` (two byte spellings of one Unicode text are two codes).
    private let codes: [Int32]

    init(storage: DelegateList.Storage, id: String) {
        self.storage = storage
        self.id = id
        if case .compact(let columns) = storage {
            codes = columns.events.values.indices.filter { columns.events.values[$0] == id }.map { Int32($0) }
        } else {
            codes = []
        }
    }

    @inline(__always)
    public func callAsFunction(_ i: Int) -> Bool {
        switch storage {
        case .plain(let delegates):
            return delegates[i].events.contains(id)
        case .compact(let columns):
            if id.isEmpty { return columns.events.listsBlank(i) }
            let mine = columns.events.codes(of: i)
            if codes.count == 1 { return mine.contains(codes[0]) }
            return mine.contains { codes.contains($0) }
        }
    }
}
