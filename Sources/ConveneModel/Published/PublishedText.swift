/// Small text helpers shared by the published-schedule readers.
extension String {
    /// The text without XML white space (space, tab, CR, LF) at either end.
    ///
    /// wafer writes `<title>\n    Opening\n  </title>`; the value is "Opening".
    /// Other white space (no-break space, ideographic space) is content and stays.
    func trimmingXMLSpace() -> String {
        let u = utf8
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        // Most values have nothing to trim: they are returned as they are, without a copy. Their ends are read
        // from the contiguous bytes: `UTF8View.last` walks String's index machinery (1.4 M instructions, 0.6 %
        // of `convene summary` on a 1,400-event congress file, callgrind).
        let untouched = u.withContiguousStorageIfAvailable { b in
            guard let first = b.first, let last = b.last else { return false }
            return !isSpace(first) && !isSpace(last)
        }
        if untouched == true { return self }
        if untouched == nil, let first = u.first, let last = u.last, !isSpace(first), !isSpace(last) { return self }
        guard let first = u.firstIndex(where: { !isSpace($0) }), let last = u.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}

/// Quoting text from a file in a message: control, format and bidi characters become `\u{…}`.
enum Quote {
    static func text(_ s: String, limit: Int = 80) -> String {
        var out = ""
        var count = 0
        for scalar in s.unicodeScalars {
            if count == limit { out += "…"; break }
            count += 1
            let v = scalar.value
            let isControl = v < 0x20 || (v >= 0x7F && v < 0xA0)
            let isFormat = scalar.properties.generalCategory == .format
            if isControl || isFormat || (0x2028...0x2029).contains(v) {
                out += "\\u{" + String(v, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Durations as schedules write them: `HH:MM`, `HH:MM:SS`, or frab's rare `D:HH:MM`.
enum DurationText {
    /// Seconds, or nil when the text is not a duration. Hours may exceed 23 (`25:00` for a camp's night slot).
    static func seconds(_ text: String) -> Int? {
        // Read on the string's contiguous bytes (a native string always has them; walking `UTF8View`'s
        // indices cost four times as much).
        if let answer = text.utf8.withContiguousStorageIfAvailable({ seconds(bytes: $0) }) { return answer }
        return seconds(bytes: Array(text.utf8))
    }

    static func seconds<C: BidirectionalCollection<UInt8>>(bytes: C) -> Int? {
        // Read on the UTF-8 bytes: two or three fields of 1–4 ASCII digits, split by ':'.
        var fields = (0, 0, 0)
        var count = 0, digits = 0, value = 0
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        guard let start = bytes.firstIndex(where: { !isSpace($0) }),
              let end = bytes.lastIndex(where: { !isSpace($0) }) else { return nil }
        func close() -> Bool {
            guard digits > 0, count < 3 else { return false }
            switch count {
            case 0: fields.0 = value
            case 1: fields.1 = value
            default: fields.2 = value
            }
            count += 1; digits = 0; value = 0
            return true
        }
        for b in bytes[start...end] {
            if b == UInt8(ascii: ":") {
                guard close() else { return nil }
            } else if b >= 0x30 && b <= 0x39, digits < 4 {
                value = value * 10 + Int(b - 0x30)
                digits += 1
            } else {
                return nil
            }
        }
        guard close(), count >= 2, fields.1 < 60, count == 2 || fields.2 < 60 else { return nil }
        return fields.0 * 3600 + fields.1 * 60 + (count == 3 ? fields.2 : 0)
    }

    /// The time of day `HH:MM` or `HH:MM:SS` in seconds since midnight, or nil.
    static func timeOfDay(_ text: String) -> Int? {
        guard let s = seconds(text), s < 86_400 else { return nil }
        return s
    }
}

/// Where UTF-8 goes wrong, for messages that point at the byte.
enum UTF8Check {
    /// The offset of the first byte that does not begin a well-formed UTF-8 sequence
    /// (overlong forms, surrogates and code points above U+10FFFF included), or nil when all is well.
    static func firstInvalidOffset(_ bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            firstInvalid(buffer).map { bytes.startIndex + $0 }
        }
    }

    /// The check on raw memory: runs of ASCII are skipped eight bytes at a time (a schedule is mostly ASCII).
    static func firstInvalid(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let end = bytes.count
        let raw = UnsafeRawBufferPointer(bytes)
        while i < end {
            // 32 bytes a step while they are all ASCII, then 8: a quarter of the loop's turns on a schedule.
            while i + 32 <= end, (raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                                  | raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                                  | raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)
                                  | raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)) & 0x8080_8080_8080_8080 == 0 {
                i += 32
            }
            while i + 8 <= end, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            guard i < end else { break }
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + length <= end else { return i }
            guard bytes[i + 1] >= low, bytes[i + 1] <= high else { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}
