/// The hot loop: a million delegate objects, read field by field into the columns of a ``DelegateList``.
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

    /// Reads the `delegates` array (the cursor is at its value) into columns (``CompactDelegates``).
    mutating func delegateArray() throws(JSONSyntaxError) -> DelegateList {
        guard try opensArray() else { return [] }
        var columns = CompactDelegates.Builder(expectedCount: delegateCity.capacity)
        if !closesAtOnce(UInt8(ascii: "]")) {
            // A large array: a second thread reads from near its middle (DirectReader+Split.swift).
            var second = startSecondHalf()
            defer { second?.abandon() }
            while true {
                try delegate(into: &columns)
                // An atomic store every 4096 delegates: invisible in the profile, enough for a smooth bar.
                // The file behind the cursor is never read again: its pages go back every few MB,
                // never those from the second thread's start while it may still be reading them.
                if columns.count & 4095 == 0 {
                    progress?.advance(to: bytesRead(with: second))
                    release?.pass(min(reader.index, second?.offset ?? reader.index))
                }
                guard try another(UInt8(ascii: "]")) else { break }
                if second != nil, try meetSecondHalf(&second, &columns) { break }
            }
            progress?.advance(to: reader.index)
            // Both halves are read (the second thread has finished): all of the array can go.
            release?.pass(reader.index, now: true)
        }
        return DelegateList(compact: columns.build(cities: delegateCity, countries: delegateCountry,
                                                   eventCodes: eventSymbols, eventStarts: eventStarts))
    }

    /// Reads one delegate object into `columns` and records its symbols; no `String` is made
    /// but for a symbol's first use.
    @inline(__always)
    mutating func delegate(into columns: inout CompactDelegates.Builder) throws(JSONSyntaxError) {
        try expect(UInt8(ascii: "{"))
        var seen: UInt16 = 0
        var idLength = 0, nameLength = 0, nameFirst = false
        var role: Int32 = -1, organization: Int32 = -1
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
                // general path words the message. A valid id is lower-case ASCII, never blank.
                guard recordID(span) else { throw DirectReader.decline }
                idLength = reader.withBytes(of: span) { bytes in
                    columns.appendText(bytes)
                    return bytes.count
                }
            case .name:
                guard try !isNull() else { throw DirectReader.decline }
                // The columns keep the id first: a name read before it is moved behind it at the end.
                nameFirst = seen & 1 << Field.id.rawValue == 0
                let span = try reader.scanString()
                let blank = reader.withBytes(of: span) { bytes in
                    columns.appendText(bytes)
                    nameLength = bytes.count
                    return Self.mayBeBlank(bytes) && (try? Self.requireNotBlank(String(decoding: bytes, as: UTF8.self))) == nil
                }
                if blank { throw DirectReader.decline }
            case .role:
                if try !isNull() {
                    let span = try reader.scanString()
                    role = reader.withBytes(of: span) { bytes in
                        if bytes.isEmpty { return columns.roles.codeOfEmpty() }
                        let (symbol, isNew) = roleTable.intern(bytes)
                        return columns.roles.code(symbol, isNew: isNew, bytes)
                    }
                    guard role >= 0 else { throw DirectReader.decline }
                }
            case .organization:
                if try !isNull() {
                    let span = try reader.scanString()
                    organization = reader.withBytes(of: span) { bytes in
                        // An empty reference is allowed and refers to nothing.
                        if bytes.isEmpty { return columns.organizations.codeOfEmpty() }
                        let (symbol, isNew) = organizations.intern(bytes)
                        return columns.organizations.code(symbol, isNew: isNew, bytes)
                    }
                    guard organization >= 0 else { throw DirectReader.decline }
                }
            // City and country may be absent or null: not recorded, symbol -1. A new symbol's text
            // is made (and checked not blank) once; later uses of it are the same bytes.
            case .city:
                if try !isNull() {
                    let span = try reader.scanString()
                    citySymbol = reader.withBytes(of: span) { bytes in
                        let (symbol, isNew) = cities.intern(bytes)
                        guard isNew else { return symbol }
                        return Self.notBlank(columns.cityValues.add(symbol, bytes)) ? symbol : -2
                    }
                    guard citySymbol >= 0 else { throw DirectReader.decline }
                }
            case .country:
                if try !isNull() {
                    let span = try reader.scanString()
                    countrySymbol = reader.withBytes(of: span) { bytes in
                        let (symbol, isNew) = countries.intern(bytes)
                        guard isNew else { return symbol }
                        return Self.notBlank(columns.countryValues.add(symbol, bytes)) ? symbol : -2
                    }
                    guard countrySymbol >= 0 else { throw DirectReader.decline }
                }
            case .events:
                try eventList(into: &columns)
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
        guard columns.closeRecord(idLength: idLength, nameLength: nameLength, nameFirst: nameFirst, role: role,
                                  organization: organization, illustrative: illustrative, listed: listed)
        else { throw DirectReader.decline }
    }

    /// Records a delegate id for the duplicate check after the scan; false for an id that is not valid.
    ///
    /// Only its hash: the check reads the id's bytes from the columns, where they are decoded
    /// (an id written with escapes is compared as it reads).
    @inline(__always)
    private mutating func recordID(_ span: JSONByteReader.StringSpan) -> Bool {
        let hash: UInt64? = reader.withBytes(of: span) { RecordID.isValid(utf8: $0) ? ByteInterner.hash($0) : nil }
        guard let hash else { return false }
        return delegateIDs.append(hash: hash)
    }

    /// A `true`/`false` flag, or `null` for `absent` (what an absent key means); anything else declines.
    @inline(__always)
    private mutating func flag(absent: Bool) throws(JSONSyntaxError) -> Bool {
        try optionalFlag() ?? absent
    }

    /// A delegate's `events`: an array of event ids, or null for none. Each id becomes its symbol in
    /// ``eventSymbols``; an empty id (allowed: it refers to nothing) is noted in `columns` instead.
    @inline(__always)
    private mutating func eventList(into columns: inout CompactDelegates.Builder) throws(JSONSyntaxError) {
        guard try opensArray() else { return }
        if closesAtOnce(UInt8(ascii: "]")) { return }
        let events = eventIDs
        var position = 0
        repeat {
            reader.skipWhitespace()
            guard byte == UInt8(ascii: "\"") else { throw DirectReader.decline }
            let span = try reader.scanString()
            let symbol = reader.withBytes(of: span) { bytes -> Int32 in
                if bytes.isEmpty { return -1 }
                let (symbol, isNew) = events.intern(bytes)
                guard isNew else { return symbol }
                return columns.eventValues.add(symbol, bytes) == nil ? -2 : symbol
            }
            if symbol >= 0 {
                eventSymbols.append(symbol)
            } else if symbol == -1 {
                columns.appendBlankEvent(position: position)
            } else {
                throw DirectReader.decline
            }
            position += 1
        } while try another(UInt8(ascii: "]"))
    }

    /// False for a name or city whose first character is not white space: it cannot be blank.
    /// (Else the text is made and checked with ``requireNotBlank(_:)``.)
    @inline(__always)
    static func mayBeBlank(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let first = bytes.first else { return true }
        if first < 0x80 { return isWhiteSpace(UInt32(first)) }
        // The first scalar of valid UTF-8 (the lexer checked it): two, three or four bytes.
        let count = bytes.count
        let value: UInt32
        if first < 0xE0, count >= 2 {
            value = UInt32(first & 0x1F) << 6 | UInt32(bytes[1] & 0x3F)
        } else if first < 0xF0, count >= 3 {
            value = UInt32(first & 0x0F) << 12 | UInt32(bytes[1] & 0x3F) << 6 | UInt32(bytes[2] & 0x3F)
        } else {
            // Four-byte scalars (U+10000 and up) are never white space.
            return false
        }
        return isWhiteSpace(value)
    }

    /// True for a text that is there and not blank (see ``requireNotBlank(_:)``).
    @inline(__always)
    static func notBlank(_ text: String?) -> Bool {
        guard let text else { return false }
        return (try? requireNotBlank(text)) != nil
    }
}
