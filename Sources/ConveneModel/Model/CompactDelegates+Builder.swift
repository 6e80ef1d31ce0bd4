extension CompactDelegates {
    /// Fills the columns one delegate at a time, from bytes: what the direct reader stores per record.
    ///
    /// City, country and event codes are the reader's own interned symbols (its
    /// ``ByteInterner``s), handed over when the list is built: the builder only keeps
    /// the text of each symbol, made once when the symbol is new. Roles and
    /// organisations get codes of their own here, because an empty text (`""`) is
    /// allowed there and is never interned.
    struct Builder {
        private(set) var count = 0
        private var text: [UInt8] = []
        private var bounds: [UInt32] = [0]
        var roles = TextCodes()
        var organizations = TextCodes()
        private var roleCodes: [Int32] = []
        private var organizationCodes: [Int32] = []
        var cityValues = SymbolTexts()
        var countryValues = SymbolTexts()
        var eventValues = SymbolTexts()
        private var blankEvents: [DelegateEventSymbols.BlankEvent] = []
        private var illustrative: [UInt64] = []
        private var unlisted: [UInt64] = []

        init(expectedCount: Int = 0) {
            // Ids and names average about 25 bytes in generated and real files alike.
            text.reserveCapacity(expectedCount * 24)
            bounds.reserveCapacity(2 * expectedCount + 1)
            roleCodes.reserveCapacity(expectedCount)
            organizationCodes.reserveCapacity(expectedCount)
            illustrative.reserveCapacity(expectedCount / 64 + 1)
            unlisted.reserveCapacity(expectedCount / 64 + 1)
        }

        /// Appends the bytes of the current record's id or name.
        @inline(__always)
        mutating func appendText(_ bytes: UnsafeRawBufferPointer) {
            text.append(contentsOf: bytes)
        }

        /// Notes that the current record lists the empty event id at `position` of its list.
        mutating func appendBlankEvent(position: Int) {
            blankEvents.append(.init(delegate: Int32(truncatingIfNeeded: count), position: Int32(truncatingIfNeeded: position)))
        }

        /// Ends the current record, whose id and name (`idLength` and `nameLength` bytes, the
        /// name first when `nameFirst`) are the last text appended; false when the text no
        /// longer fits 32-bit offsets (the caller declines).
        @inline(__always)
        mutating func closeRecord(idLength: Int, nameLength: Int, nameFirst: Bool, role: Int32, organization: Int32,
                                  illustrative isIllustrative: Bool, listed: Bool) -> Bool {
            guard text.count <= Int(UInt32.max) else { return false }
            let end = text.count, start = end - idLength - nameLength
            if nameFirst { Self.rotate(&text, start..<end, firstLength: nameLength) }
            bounds.append(UInt32(truncatingIfNeeded: start + idLength))
            bounds.append(UInt32(truncatingIfNeeded: end))
            roleCodes.append(role)
            organizationCodes.append(organization)
            if count & 63 == 0 {
                illustrative.append(0)
                unlisted.append(0)
            }
            let bit: UInt64 = 1 << UInt64(count & 63)
            if isIllustrative { illustrative[count >> 6] |= bit }
            if !listed { unlisted[count >> 6] |= bit }
            count += 1
            return true
        }

        /// The columns, with the reader's per-delegate city and country symbols and flat event symbols.
        func build(cities: [Int32], countries: [Int32], eventCodes: [Int32], eventStarts: [Int32]) -> CompactDelegates {
            CompactDelegates(
                count: count, text: text, bounds: bounds,
                roles: DelegateSymbols(codes: roleCodes, values: roles.values),
                organizations: DelegateSymbols(codes: organizationCodes, values: organizations.values),
                cities: DelegateSymbols(codes: cities, values: cityValues.values),
                countries: DelegateSymbols(codes: countries, values: countryValues.values),
                events: DelegateEventSymbols(codes: eventCodes, starts: eventStarts, values: eventValues.values,
                                             blanks: blankEvents),
                illustrative: illustrative, unlisted: unlisted)
        }

        /// Swaps `bytes[range]`'s first `firstLength` bytes with the rest (name, id → id, name).
        private static func rotate(_ bytes: inout [UInt8], _ range: Range<Int>, firstLength: Int) {
            bytes[range.lowerBound..<range.lowerBound + firstLength].reverse()
            bytes[range.lowerBound + firstLength..<range.upperBound].reverse()
            bytes[range].reverse()
        }
    }

    /// The text of each symbol of one ``ByteInterner``, in symbol order: symbol `s` is `values[s]`.
    struct SymbolTexts {
        private(set) var values: [String] = []

        /// Records the text of a symbol the interner has just made; nil when the symbol is not
        /// the next one (the interner was used for something else too: the caller declines).
        @inline(__always)
        mutating func add(_ symbol: Int32, _ bytes: UnsafeRawBufferPointer) -> String? {
            guard Int(symbol) == values.count else { return nil }
            let made = String(decoding: bytes, as: UTF8.self)
            values.append(made)
            return made
        }
    }

    /// Codes of its own for the texts of one field, over an interner's symbols, with a code for `""`.
    struct TextCodes {
        private(set) var values: [String] = []
        /// Per interned symbol, its code.
        private var codeOfSymbol: [Int32] = []
        private var emptyCode: Int32 = -1

        /// The code of a text the interner gave `symbol` (`isNew` when it was just added); -1 when
        /// the symbol is not one this table has seen or the next one (the caller declines).
        @inline(__always)
        mutating func code(_ symbol: Int32, isNew: Bool, _ bytes: UnsafeRawBufferPointer) -> Int32 {
            let s = Int(symbol)
            if isNew {
                guard s == codeOfSymbol.count else { return -1 }
                codeOfSymbol.append(Int32(truncatingIfNeeded: values.count))
                values.append(String(decoding: bytes, as: UTF8.self))
            }
            return s < codeOfSymbol.count ? codeOfSymbol[s] : -1
        }

        /// The code of the empty text.
        mutating func codeOfEmpty() -> Int32 {
            if emptyCode < 0 {
                emptyCode = Int32(truncatingIfNeeded: values.count)
                values.append("")
            }
            return emptyCode
        }
    }
}

extension CompactDelegates.Builder {
    /// Appends the records of `other`, filled by a second reader over the rest of the same
    /// delegates array (FastLoad's two-thread read), as if this builder had read them.
    ///
    /// Text offsets are shifted, flag bits and blank-event entries re-based, and role and
    /// organisation codes remapped through their texts (matched by bytes, so two spellings
    /// that differ only in Unicode normalization stay two). City, country and event codes
    /// are the readers' symbols: the caller remaps those and adds their texts. False when the
    /// joined text no longer fits 32-bit offsets (the caller declines).
    mutating func append(_ other: CompactDelegates.Builder) -> Bool {
        let base = text.count
        guard base + other.text.count <= Int(UInt32.max) else { return false }
        text.append(contentsOf: other.text)
        let shift = UInt32(truncatingIfNeeded: base)
        bounds.append(contentsOf: other.bounds.dropFirst().lazy.map { $0 + shift })
        let roleMap = roles.codes(adopting: other.roles)
        let organizationMap = organizations.codes(adopting: other.organizations)
        roleCodes.append(contentsOf: other.roleCodes.lazy.map { $0 < 0 ? $0 : roleMap[Int($0)] })
        organizationCodes.append(contentsOf: other.organizationCodes.lazy.map { $0 < 0 ? $0 : organizationMap[Int($0)] })
        let first = Int32(truncatingIfNeeded: count)
        blankEvents.append(contentsOf: other.blankEvents.lazy.map { .init(delegate: $0.delegate + first, position: $0.position) })
        for j in 0..<other.count {
            let at = count + j
            if at & 63 == 0 {
                illustrative.append(0)
                unlisted.append(0)
            }
            let bit: UInt64 = 1 << UInt64(at & 63)
            if other.illustrative[j >> 6] >> UInt64(j & 63) & 1 != 0 { illustrative[at >> 6] |= bit }
            if other.unlisted[j >> 6] >> UInt64(j & 63) & 1 != 0 { unlisted[at >> 6] |= bit }
        }
        count += other.count
        return true
    }
}

extension CompactDelegates.TextCodes {
    /// This table's code for each of `other`'s values, matched by bytes; texts it lacks are added.
    ///
    /// Only once this table's reader has stopped reading delegates: an added text has no
    /// interner symbol behind it.
    mutating func codes(adopting other: CompactDelegates.TextCodes) -> [Int32] {
        var byBytes: [[UInt8]: Int32] = [:]
        for (code, value) in values.enumerated() where !value.isEmpty { byBytes[Array(value.utf8)] = Int32(code) }
        return other.values.map { value in
            if value.isEmpty { return codeOfEmpty() }
            let key = Array(value.utf8)
            if let code = byBytes[key] { return code }
            let code = Int32(truncatingIfNeeded: values.count)
            values.append(value)
            byBytes[key] = code
            return code
        }
    }
}
