/// Validation after a direct read: the small parts by ``Validator``, the delegates by their symbols.
extension DirectReader {
    /// Declines unless the directory is valid; returns the per-delegate facts when the symbols are exact.
    ///
    /// Every check ``Validator`` makes on delegates is made here too: unique ids
    /// (``DelegateIDs``, in cache-sized groups), every city, country, organization and
    /// event reference resolving, and the country matching the city's. With symbols each
    /// is an array read. Symbols compare bytes, which is the same as comparing Swift
    /// strings only for ASCII; if any reference is not ASCII, the full ``Validator``
    /// decides instead. Delegate ids are always ASCII: ``RecordID`` allows nothing else.
    func check(_ d: Directory) throws(JSONSyntaxError) -> DelegateFacts? {
        // Speakers are looked up by their bytes, as the delegate ids were recorded.
        let speakerCount = d.events.reduce(0) { total, event in event.sessions.reduce(total) { $0 + $1.speakers.count } }
        var speakers = Set<[UInt8]>(minimumCapacity: speakerCount)
        for event in d.events {
            for session in event.sessions {
                for speaker in session.speakers where !speaker.isEmpty { speakers.insert(Array(speaker.utf8)) }
            }
        }
        // The ids (``DelegateIDs``: read from the delegate columns, nothing shared) and the
        // rest (symbols, places, ``Validator``) are independent: on a large file they run side by
        // side. Either way the outcome is the same: valid only when both parts find nothing.
        let ids: DelegateIDs.Outcome, rest: Checked
        if delegateCity.count >= Self.sideBySideChecks {
            let recorded = delegateIDs, speakerSet = speakers, delegates = d.delegates
            let outcome = Mutex<DelegateIDs.Outcome?>(nil)
            let restCheck = RestCheck(self, d)
            DispatchQueue.concurrentPerform(iterations: 2) { k in
                if k == 0 {
                    let found = recorded.check(in: delegates, speakers: speakerSet)
                    outcome.withLock { $0 = found }
                } else {
                    restCheck.run()
                }
            }
            guard let found = outcome.withLock({ $0 }) else { throw DirectReader.decline }
            (ids, rest) = (found, restCheck.result)
        } else {
            (ids, rest) = (delegateIDs.check(in: d.delegates, speakers: speakers), checkRest(d))
        }
        if ids.hasDuplicate { throw DirectReader.decline }
        // A speaker who is no delegate is a problem (the general path words it); so every one must be known.
        if ids.knownSpeakers.count != speakers.count { throw DirectReader.decline }
        switch rest {
        case .declined: throw DirectReader.decline
        case .valid(let facts): return facts
        }
    }

    /// From this many delegates the ids are checked on a second thread beside the rest.
    static let sideBySideChecks = 4096

    /// Carries the reader to the one iteration that runs ``checkRest(_:)`` beside the id check.
    ///
    /// Why `@unchecked Sendable` is safe: only that iteration touches the reader (its symbol
    /// tables) and writes `result`; `concurrentPerform` returns only when both iterations have
    /// ended, and only then does the caller read `result`. The id check shares nothing with it.
    private final class RestCheck: @unchecked Sendable {
        private let reader: DirectReader
        private let directory: Directory
        private(set) var result = Checked.declined

        init(_ reader: DirectReader, _ directory: Directory) {
            self.reader = reader
            self.directory = directory
        }

        func run() { result = reader.checkRest(directory) }
    }

    /// What ``checkRest(_:)`` found: a problem somewhere, or a valid directory with its facts when exact.
    enum Checked {
        case declined
        case valid(DelegateFacts?)
    }

    /// Every check but the delegate ids': symbols, places and ``Validator`` on the rest.
    func checkRest(_ d: Directory) -> Checked {
        let cityCountry = d.cities.map { countryCodes.intern($0.country).symbol }
        let cityDefinition = Self.definitions(of: d.cities.lazy.map(\.id), in: cityIDs)
        let countryDefinition = Self.definitions(of: d.countries.lazy.map(\.code), in: countryCodes)
        let organizationDefinition = Self.definitions(of: d.organizations.lazy.map(\.id), in: organizationIDs)
        let eventDefinition = Self.definitions(of: d.events.lazy.map(\.id), in: eventIDs)

        let exact = ![cityIDs, countryCodes, organizationIDs, eventIDs].contains { $0.sawNonASCII }
        guard exact else {
            return Validator.validate(d).problems.isEmpty ? .valid(nil) : .declined
        }

        // Every symbol met in a reference must be defined by a record.
        for table in [cityDefinition, countryDefinition, organizationDefinition, eventDefinition] {
            if table.contains(-1) { return .declined }
        }
        // A delegate's country must be its city's; with no city any country, or none, will do.
        // Not recorded stays -1 in the facts, as in ``DelegatePlacement``.
        var city = [Int32](repeating: Self.notRecorded, count: delegateCity.count)
        var country = [Int32](repeating: Self.notRecorded, count: delegateCity.count)
        for i in delegateCity.indices {
            let citySymbol = delegateCity[i], countrySymbol = delegateCountry[i]
            if citySymbol != Self.notRecorded {
                let cityIndex = cityDefinition[Int(citySymbol)]
                if cityCountry[Int(cityIndex)] != countrySymbol { return .declined }
                city[i] = cityIndex
            }
            if countrySymbol != Self.notRecorded { country[i] = countryDefinition[Int(countrySymbol)] }
        }
        let (problems, _) = Validator.validate(d, delegatesChecked: true)
        if !problems.isEmpty { return .declined }

        var attendees = Array(repeating: [Int](), count: d.events.count)
        for i in delegateCity.indices {
            for k in Int(eventStarts[i])..<Int(eventStarts[i + 1]) {
                attendees[Int(eventDefinition[Int(eventSymbols[k])])].append(i)
            }
        }
        return .valid(DelegateFacts(city: city, country: country, attendees: attendees))
    }

    /// For each symbol of `table`, the index of the first record whose id it is, or -1.
    ///
    /// Interning the ids adds symbols that nothing referred to; they simply have a definition.
    static func definitions<S: Sequence>(of ids: S, in table: ByteInterner) -> [Int32] where S.Element == String {
        var indices: [Int32] = []
        for (i, id) in ids.enumerated() {
            let symbol = Int(table.intern(id).symbol)
            if symbol >= indices.count { indices.append(contentsOf: repeatElement(-1, count: symbol + 1 - indices.count)) }
            if indices[symbol] < 0 { indices[symbol] = Int32(i) }
        }
        if indices.count < table.count { indices.append(contentsOf: repeatElement(-1, count: table.count - indices.count)) }
        return indices
    }
}

import Dispatch
import Synchronization
