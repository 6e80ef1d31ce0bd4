/// The hot loop: a million delegate objects, read field by field into ``Delegate`` values.
extension DirectReader {
    /// The fields of a delegate, as bits for the duplicate-key check.
    private enum Field: UInt8 {
        case id, name, role, organization, city, country, events, illustrative, listed

        /// Matches a key by length and bytes; nil for a key the format does not have.
        @inline(__always)
        init?(key: UnsafeRawBufferPointer) {
            guard let base = key.baseAddress else { return nil }
            func word(_ offset: Int) -> UInt32 { base.loadUnaligned(fromByteOffset: offset, as: UInt32.self) }
            // Little-endian words of the key texts.
            switch key.count {
            case 2:
                guard base.loadUnaligned(as: UInt16.self) == 0x6469 else { return nil }  // "id"
                self = .id
            case 4:
                switch word(0) {
                case 0x656D_616E: self = .name  // "name"
                case 0x656C_6F72: self = .role  // "role"
                case 0x7974_6963: self = .city  // "city"
                default: return nil
                }
            case 6:
                switch (word(0), base.loadUnaligned(fromByteOffset: 4, as: UInt16.self)) {
                case (0x6E65_7665, 0x7374): self = .events  // "even" "ts"
                case (0x7473_696C, 0x6465): self = .listed  // "list" "ed"
                default: return nil
                }
            case 7:
                guard word(0) == 0x6E75_6F63, word(3) == 0x7972_746E else { return nil }
                self = .country  // "country": "coun" and "ntry"
            case 12:
                switch (word(0), word(4), word(8)) {
                case (0x6167_726F, 0x617A_696E, 0x6E6F_6974): self = .organization  // "orga" "niza" "tion"
                case (0x756C_6C69, 0x6172_7473, 0x6576_6974): self = .illustrative  // "illu" "stra" "tive"
                default: return nil
                }
            default:
                return nil
            }
        }
    }

    /// Consumes `[` and returns true, or consumes `null` (an absent list) and returns false;
    /// anything else declines.
    @inline(__always)
    private mutating func opensArray() throws(JSONSyntaxError) -> Bool {
        switch byte {
        case UInt8(ascii: "n"):
            try reader.readLiteral("null", context: .afterColon)
            return false
        case UInt8(ascii: "["):
            reader.index &+= 1
            return true
        default:
            throw DirectReader.decline
        }
    }

    /// Reads the `delegates` array (the cursor is at its value).
    mutating func delegateArray() throws(JSONSyntaxError) -> [Delegate] {
        guard try opensArray() else { return [] }
        var delegates: [Delegate] = []
        delegates.reserveCapacity(delegateCity.capacity)
        if closesAtOnce(UInt8(ascii: "]")) { return delegates }
        // A large array: a second thread reads from near its middle (DirectReader+Split.swift).
        var second = startSecondHalf()
        defer { second?.abandon() }
        while true {
            delegates.append(try delegate())
            // An atomic store every 4096 delegates: invisible in the profile, enough for a smooth bar.
            if delegates.count & 4095 == 0 { progress?.advance(to: bytesRead(with: second)) }
            guard try another(UInt8(ascii: "]")) else { break }
            if second != nil, meetSecondHalf(&second, &delegates) { break }
        }
        progress?.advance(to: reader.index)
        return delegates
    }

    /// Reads one delegate object and records its symbols.
    @inline(__always)
    mutating func delegate() throws(JSONSyntaxError) -> Delegate {
        try expect(UInt8(ascii: "{"))
        var seen: UInt16 = 0
        var id = "", name = ""
        var role: String?, organization: String?, city: String?, country: String?
        var events: [String] = []
        var illustrative = false, listed = true
        var citySymbol = DirectReader.notRecorded, countrySymbol = DirectReader.notRecorded
        // Local references, so that the closures below capture tables and not `self`.
        let roleTable = roles, organizations = organizationIDs
        let cities = cityIDs, countries = countryCodes
        if closesAtOnce(UInt8(ascii: "}")) { throw DirectReader.decline }
        repeat {
            guard let field = try readKey({ Field(key: $0) }) else { throw DirectReader.decline }
            let bit: UInt16 = 1 << field.rawValue
            guard seen & bit == 0 else { throw DirectReader.decline }
            seen |= bit
            switch field {
            case .id:
                guard try !isNull() else { throw DirectReader.decline }
                let span = try reader.scanString()
                // A malformed id declines here, a duplicate after the scan (``DelegateIDs``): the
                // general path words the message.
                guard recordID(span) else { throw DirectReader.decline }
                id = reader.withBytes(of: span) { String(decoding: $0, as: UTF8.self) }
                try Self.requireNotBlank(id)
            case .name:
                name = try requiredString()
            case .role:
                if try !isNull() {
                    let span = try reader.scanString()
                    role = reader.withBytes(of: span) { bytes in
                        bytes.count <= 15 ? String(decoding: bytes, as: UTF8.self) : roleTable.internString(bytes).string
                    }
                }
            case .organization:
                if try !isNull() {
                    let span = try reader.scanString()
                    organization = reader.withBytes(of: span) { bytes in
                        // An empty reference is allowed and refers to nothing.
                        bytes.isEmpty ? "" : organizations.internString(bytes).string
                    }
                }
            // City and country may be absent or null: not recorded, symbol -1.
            case .city:
                if try !isNull() {
                    let span = try reader.scanString()
                    let (symbol, text) = reader.withBytes(of: span) { cities.internString($0) }
                    try Self.requireNotBlank(text)
                    (citySymbol, city) = (symbol, text)
                }
            case .country:
                if try !isNull() {
                    let span = try reader.scanString()
                    let (symbol, text) = reader.withBytes(of: span) { countries.internString($0) }
                    try Self.requireNotBlank(text)
                    (countrySymbol, country) = (symbol, text)
                }
            case .events:
                events = try eventList()
            case .illustrative:
                illustrative = try flag(absent: false)
            case .listed:
                listed = try flag(absent: true)
            }
        } while try another(UInt8(ascii: "}"))
        // id and name are required.
        let required: UInt16 = 1 << Field.id.rawValue | 1 << Field.name.rawValue
        guard seen & required == required else { throw DirectReader.decline }
        delegateCity.append(citySymbol)
        delegateCountry.append(countrySymbol)
        eventStarts.append(Int32(eventSymbols.count))
        return Delegate(id: id, name: name, role: role, organization: organization, city: city,
                        country: country, events: events, illustrative: illustrative, listed: listed)
    }

    /// Records a delegate id for the duplicate check after the scan; false for an id that is not valid.
    @inline(__always)
    private mutating func recordID(_ span: JSONByteReader.StringSpan) -> Bool {
        let hash: UInt64? = reader.withBytes(of: span) { RecordID.isValid(utf8: $0) ? ByteInterner.hash($0) : nil }
        guard let hash else { return false }
        switch span {
        case .source(let start, let stop):
            return delegateIDs.append(hash: hash, start: start, length: stop - start)
        case .scratch:
            // Written with escapes: the decoded bytes are not in the file, so they are copied.
            let decoded = reader.scratch
            return decoded.withUnsafeBytes { delegateIDs.appendSpilled(hash: hash, $0) }
        }
    }

    /// A `true`/`false` flag, or `null` for `absent` (what an absent key means); anything else declines.
    @inline(__always)
    private mutating func flag(absent: Bool) throws(JSONSyntaxError) -> Bool {
        switch byte {
        case UInt8(ascii: "t"):
            try reader.readLiteral("true", context: .afterColon)
            return true
        case UInt8(ascii: "f"):
            try reader.readLiteral("false", context: .afterColon)
            return false
        case UInt8(ascii: "n"):
            try reader.readLiteral("null", context: .afterColon)
            return absent
        default:
            throw DirectReader.decline
        }
    }

    /// A delegate's `events`: an array of event ids, or null for none.
    @inline(__always)
    private mutating func eventList() throws(JSONSyntaxError) -> [String] {
        guard try opensArray() else { return [] }
        if closesAtOnce(UInt8(ascii: "]")) { return [] }
        let events = eventIDs
        var first: (symbol: Int32, text: String)?
        var list: [String] = []
        repeat {
            reader.skipWhitespace()
            guard byte == UInt8(ascii: "\"") else { throw DirectReader.decline }
            let span = try reader.scanString()
            let (symbol, text) = reader.withBytes(of: span) { bytes -> (Int32, String) in
                // An empty reference is allowed and refers to nothing.
                bytes.isEmpty ? (-1, "") : events.internString(bytes)
            }
            if symbol >= 0 { eventSymbols.append(symbol) }
            if let earlier = first {
                if list.isEmpty { list.append(earlier.text) }
                list.append(text)
            } else {
                first = (symbol, text)
            }
        } while try another(UInt8(ascii: "]"))
        if list.isEmpty, let only = first { return oneEventList(symbol: only.symbol, text: only.text) }
        return list
    }

    /// The one-element list `[text]`, shared by every delegate that lists only this event.
    @inline(__always)
    private mutating func oneEventList(symbol: Int32, text: String) -> [String] {
        guard symbol >= 0 else { return [text] }
        let slot = Int(symbol)
        if slot < singleEventLists.count, let shared = singleEventLists[slot] { return shared }
        if slot >= singleEventLists.count {
            singleEventLists.append(contentsOf: repeatElement(nil, count: slot + 1 - singleEventLists.count))
        }
        let made = [text]
        singleEventLists[slot] = made
        return made
    }
}
