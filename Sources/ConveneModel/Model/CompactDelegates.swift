/// Delegates kept in columns: the storage of a loaded ``DelegateList``.
///
/// A million `Delegate` values hold seven million strings, a million events
/// arrays and 112 bytes each: hundreds of megabytes, and most of the time of a
/// load is spent making, counting references to and faulting in that memory.
/// Here the same facts take a few arrays:
///
/// - ids and names: their UTF-8 back to back in one buffer (``text``), with
///   offsets (``bounds``);
/// - role, organisation, city, country: a small integer per delegate into a table
///   of the distinct texts (``DelegateSymbols``), -1 when not given;
/// - events: every delegate's event codes in one flat list with start offsets;
/// - illustrative and unlisted: one bit each.
///
/// Nothing changes once built; ``DelegateList`` makes a `Delegate` (and the strings
/// it holds) only for the element asked for.
final class CompactDelegates: Sendable {
    let count: Int
    /// Ids and names, UTF-8: delegate i's id is `text[bounds[2i] ..< bounds[2i + 1]]`, its name
    /// `text[bounds[2i + 1] ..< bounds[2i + 2]]`.
    let text: [UInt8]
    let bounds: [UInt32]
    let roles: DelegateSymbols
    let organizations: DelegateSymbols
    let cities: DelegateSymbols
    let countries: DelegateSymbols
    let events: DelegateEventSymbols
    /// Bit i set: delegate i is illustrative.
    let illustrative: [UInt64]
    /// Bit i set: delegate i is not listed (``Delegate/listed`` false).
    let unlisted: [UInt64]

    init(count: Int, text: [UInt8], bounds: [UInt32], roles: DelegateSymbols, organizations: DelegateSymbols,
         cities: DelegateSymbols, countries: DelegateSymbols, events: DelegateEventSymbols,
         illustrative: [UInt64], unlisted: [UInt64]) {
        precondition(bounds.count == 2 * count + 1 && roles.codes.count == count && organizations.codes.count == count
                     && cities.codes.count == count && countries.codes.count == count
                     && events.starts.count == count + 1, "every column holds one entry per delegate")
        self.count = count
        self.text = text
        self.bounds = bounds
        self.roles = roles
        self.organizations = organizations
        self.cities = cities
        self.countries = countries
        self.events = events
        self.illustrative = illustrative
        self.unlisted = unlisted
    }

    /// Delegate i, made from the columns.
    func delegate(at i: Int) -> Delegate {
        Delegate(id: id(at: i), name: name(at: i), role: roles.value(at: i), organization: organizations.value(at: i),
                 city: cities.value(at: i), country: countries.value(at: i), events: events.values(at: i),
                 illustrative: isIllustrative(at: i), listed: !isUnlisted(at: i))
    }

    /// Every delegate, made once: what a change to a compact list starts from.
    func allDelegates() -> [Delegate] {
        (0..<count).map(delegate(at:))
    }

    @inline(__always)
    func id(at i: Int) -> String { string(from: bounds[2 * i], to: bounds[2 * i + 1]) }

    @inline(__always)
    func name(at i: Int) -> String { string(from: bounds[2 * i + 1], to: bounds[2 * i + 2]) }

    @inline(__always)
    func isIllustrative(at i: Int) -> Bool { Self.bit(i, of: illustrative) }

    @inline(__always)
    func isUnlisted(at i: Int) -> Bool { Self.bit(i, of: unlisted) }

    /// The UTF-8 of a name or id, already validated by the loader.
    private func string(from start: UInt32, to stop: UInt32) -> String {
        text.withUnsafeBufferPointer { all in
            String(decoding: UnsafeBufferPointer(rebasing: all[Int(start)..<Int(stop)]), as: UTF8.self)
        }
    }

    @inline(__always)
    static func bit(_ i: Int, of bits: [UInt64]) -> Bool {
        bits[i >> 6] & (1 << UInt64(i & 63)) != 0
    }
}

/// One text field of every delegate as small integers: what the loader keeps, and what
/// whole-directory loops read instead of a string per delegate.
///
/// ```swift
/// let countries = directory.delegates.countrySymbols
/// var perCountry = [Int](repeating: 0, count: countries.values.count)
/// for code in countries.codes where code >= 0 { perCountry[Int(code)] += 1 }
/// ```
public struct DelegateSymbols: Sendable, Equatable {
    /// Per delegate, an index into ``values``, or -1 when the field is not given (nil).
    public let codes: [Int32]
    /// The distinct texts, each once, in order of first use (some may be used by no delegate).
    public let values: [String]

    init(codes: [Int32], values: [String]) {
        self.codes = codes
        self.values = values
    }

    /// Codes the texts of `fields` (nil is -1), hashing each text once.
    init<C: Collection>(_ fields: C) where C.Element == String? {
        var coder = TextCoder()
        var codes: [Int32] = []
        codes.reserveCapacity(fields.count)
        for field in fields {
            codes.append(field.map { coder.code($0) } ?? -1)
        }
        self.codes = codes
        self.values = coder.values
    }

    /// Delegate i's text, or nil.
    @inline(__always)
    public func value(at i: Int) -> String? {
        let code = codes[i]
        return code < 0 ? nil : values[Int(code)]
    }
}

/// Every delegate's events as small integers: one flat list of codes into a table of event ids.
public struct DelegateEventSymbols: Sendable {
    /// Codes into ``values``, every delegate's in turn.
    public let codes: [Int32]
    /// `codes[starts[i] ..< starts[i + 1]]` are delegate i's (``starts`` has one more entry than delegates).
    public let starts: [Int32]
    /// The distinct event ids, each once (some may be used by no delegate).
    public let values: [String]
    /// Where a delegate lists the empty id `""`, which refers to no event and has no code; usually none.
    let blanks: [BlankEvent]

    /// An empty event id in delegate `delegate`'s list, at `position` in the list as written.
    struct BlankEvent: Sendable, Equatable {
        var delegate: Int32
        var position: Int32
    }

    init(codes: [Int32], starts: [Int32], values: [String], blanks: [BlankEvent]) {
        self.codes = codes
        self.starts = starts
        self.values = values
        self.blanks = blanks
    }

    /// The codes of delegate i's events (empty ids left out).
    @inline(__always)
    public func codes(of i: Int) -> ArraySlice<Int32> {
        codes[Int(starts[i])..<Int(starts[i + 1])]
    }

    /// Delegate i's event ids, as written (empty ids included).
    func values(at i: Int) -> [String] {
        var list = codes(of: i).map { values[Int($0)] }
        guard !blanks.isEmpty else { return list }
        for blank in blanks(of: i) { list.insert("", at: Int(blank.position)) }
        return list
    }

    /// True when delegate i lists the empty id `""`.
    func listsBlank(_ i: Int) -> Bool {
        !blanks.isEmpty && !blanks(of: i).isEmpty
    }

    /// The blanks of delegate i, in order of position.
    private func blanks(of i: Int) -> ArraySlice<BlankEvent> {
        // Sorted by delegate: the first entry at or after i.
        var low = 0, high = blanks.count
        while low < high {
            let mid = (low + high) / 2
            if Int(blanks[mid].delegate) < i { low = mid + 1 } else { high = mid }
        }
        var stop = low
        while stop < blanks.count, Int(blanks[stop].delegate) == i { stop += 1 }
        return blanks[low..<stop]
    }
}
