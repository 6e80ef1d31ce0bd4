/// Strings: escapes, UTF-8 validation and the string length limit.
extension JSONByteReader {
    /// Reads a string whose opening quote is at the cursor and returns its decoded text.
    ///
    /// The fast path scans unescaped text eight bytes at a time, validates any
    /// non-ASCII sequences in place and builds the `String` once from the source
    /// bytes. Only a string with an escape is copied through `scratch`.
    mutating func readString() throws(JSONSyntaxError) -> String {
        switch try scanString() {
        case .source(let start, let stop):
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<stop]), as: UTF8.self)
        case .scratch:
            return String(decoding: scratch, as: UTF8.self)
        }
    }

    /// Where the decoded UTF-8 of a string just scanned lives.
    enum StringSpan {
        /// The string had no escape: its text is `bytes[start..<stop]`, already validated.
        case source(start: Int, stop: Int)
        /// The string had an escape: its decoded text is in `scratch` until the next scan.
        case scratch
    }

    /// Calls `body` with the decoded UTF-8 of the string `span` describes (valid until the next scan).
    @inline(__always)
    func withBytes<T>(of span: StringSpan, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        switch span {
        case .source(let start, let stop):
            return try body(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<stop]))
        case .scratch:
            return try scratch.withUnsafeBytes(body)
        }
    }

    /// Scans a string whose opening quote is at the cursor, checking it exactly as
    /// ``readString()`` does, without creating a `String`.
    ///
    /// The one lexer for strings: the tree parser and the direct decoder both call it,
    /// so what one accepts the other accepts.
    @inline(__always)
    mutating func scanString() throws(JSONSyntaxError) -> StringSpan {
        let quote = index
        index &+= 1
        let start = index
        while true {
            skipPlainASCII()
            guard index < end else { throw unterminatedString(startingAt: quote) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                if index - start > limits.maxStringBytes { throw stringTooLong(at: quote) }
                let stop = index
                index &+= 1
                return .source(start: start, stop: stop)
            } else if byte == UInt8(ascii: "\\") {
                try scanEscapedString(quote: quote, start: start)
                return .scratch
            } else if byte < 0x20 {
                throw controlCharacter(byte)
            } else if byte >= 0x80 {
                if !skipCommonUTF8Sequence(byte) { try skipUTF8Sequence() }
            } else {
                index &+= 1
            }
        }
    }

    /// Reads a short object key written plainly — `"` at the cursor, up to 16 bytes of ASCII
    /// with no escape or control, `"` and at once `:` — and returns where its text is, with the
    /// cursor past the colon; nil, with the cursor unmoved, for any other key.
    ///
    /// The fast path of reading a key: ``scanString()`` followed by the colon gives the same
    /// span for such a key and a decision for every other one.
    @inline(__always)
    mutating func scanPlainKeyAndColon() -> Range<Int>? {
        #if _endian(little)
        let start = index &+ 1
        guard start &+ 16 <= end, let base = bytes.baseAddress, base[index] == UInt8(ascii: "\"") else { return nil }
        let raw = UnsafeRawPointer(base)
        let length: Int
        let first = Self.attentionFlags(raw.loadUnaligned(fromByteOffset: start, as: UInt64.self))
        if first != 0 {
            length = first.trailingZeroBitCount &>> 3
        } else {
            let second = Self.attentionFlags(raw.loadUnaligned(fromByteOffset: start &+ 8, as: UInt64.self))
            guard second != 0 else { return nil }
            length = 8 &+ second.trailingZeroBitCount &>> 3
        }
        let stop = start &+ length
        // The first byte needing attention must be the closing quote, not a backslash, a control or UTF-8.
        guard stop &+ 1 < end, base[stop] == UInt8(ascii: "\""), base[stop &+ 1] == UInt8(ascii: ":"),
              length <= limits.maxStringBytes else { return nil }
        index = stop &+ 2
        return start..<stop
        #else
        return nil
        #endif
    }

    /// Advances over bytes that need no attention in a string: ASCII other than `"`, `\` and controls.
    @inline(__always)
    private mutating func skipPlainASCII() {
        #if _endian(little)
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index &+ 8 <= end {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let flags = Self.attentionFlags(word)
                if flags != 0 {
                    // The lowest flagged byte is always a real hit (borrows only spill upwards).
                    index &+= flags.trailingZeroBitCount &>> 3
                    return
                }
                index &+= 8
            }
        }
        #endif
        while index < end {
            let byte = bytes[index]
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") else { return }
            index &+= 1
        }
    }

    /// A word with the high bit set in each byte that is `"`, `\`, below 0x20 or at least 0x80.
    @inline(__always)
    private static func attentionFlags(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let isQuote = (quotes &- ones) & ~quotes
        let isBackslash = (backslashes &- ones) & ~backslashes
        let isControl = (word &- ones &* 0x20) & ~word
        return (isQuote | isBackslash | isControl | word) & highs
    }

    /// Continues a string after its first escape, decoding into `scratch`.
    private mutating func scanEscapedString(quote: Int, start: Int) throws(JSONSyntaxError) {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while true {
            let runStart = index
            skipPlainASCII()
            if index > runStart {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            }
            if scratch.count > limits.maxStringBytes { throw stringTooLong(at: quote) }
            guard index < end else { throw unterminatedString(startingAt: quote) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index &+= 1
                return
            } else if byte == UInt8(ascii: "\\") {
                try readEscape()
            } else if byte < 0x20 {
                throw controlCharacter(byte)
            } else {
                let sequenceStart = index
                try skipUTF8Sequence()
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[sequenceStart..<index]))
            }
        }
    }

    /// Decodes the escape at the cursor (a `\`) and appends its UTF-8 to `scratch`.
    private mutating func readEscape() throws(JSONSyntaxError) {
        let escapeStart = index
        guard index + 1 < end else {
            throw failure("expected an escape character after '\\', found end of file", at: index + 1)
        }
        let decoded: UInt8
        switch bytes[index + 1] {
        case UInt8(ascii: "\""): decoded = 0x22
        case UInt8(ascii: "\\"): decoded = 0x5C
        case UInt8(ascii: "/"): decoded = 0x2F
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "n"): decoded = 0x0A
        case UInt8(ascii: "r"): decoded = 0x0D
        case UInt8(ascii: "t"): decoded = 0x09
        case UInt8(ascii: "u"):
            index += 2
            try readUnicodeEscape(escapeStart: escapeStart)
            return
        case let other:
            if other > 0x20, other < 0x7F {
                throw failure("invalid escape '\\\(Character(Unicode.Scalar(other)))' in string", at: escapeStart)
            }
            throw failure("invalid escape in string: '\\' followed by \(describe(at: index + 1))", at: escapeStart)
        }
        scratch.append(decoded)
        index += 2
    }

    /// Decodes `XXXX` (after `\u`) at the cursor, joining a surrogate pair when one follows.
    private mutating func readUnicodeEscape(escapeStart: Int) throws(JSONSyntaxError) {
        let first = try readHex4()
        var scalarValue = first
        switch first {
        case 0xD800...0xDBFF:
            guard index + 1 < end, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw failure(
                    "unpaired high surrogate \(Self.escapeText(first)) in string: it must be followed by a \\u escape of a low surrogate (\\uDC00–\\uDFFF)",
                    at: escapeStart)
            }
            index += 2
            let second = try readHex4()
            guard (0xDC00...0xDFFF).contains(second) else {
                throw failure(
                    "high surrogate \(Self.escapeText(first)) is followed by \(Self.escapeText(second)), not by a low surrogate (\\uDC00–\\uDFFF)",
                    at: escapeStart)
            }
            scalarValue = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        case 0xDC00...0xDFFF:
            throw failure("unpaired low surrogate \(Self.escapeText(first)) in string", at: escapeStart)
        default:
            break
        }
        appendUTF8(scalarValue)
    }

    /// Reads four hexadecimal digits at the cursor.
    private mutating func readHex4() throws(JSONSyntaxError) -> UInt32 {
        var result: UInt32 = 0
        for _ in 0..<4 {
            guard index < end else {
                throw failure("expected 4 hexadecimal digits after '\\u', found end of file", at: index)
            }
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                throw failure("expected 4 hexadecimal digits after '\\u', found \(describe(at: index))", at: index)
            }
            result = result << 4 | UInt32(digit)
            index += 1
        }
        return result
    }

    /// Appends the UTF-8 encoding of a scalar value already known not to be a surrogate.
    private mutating func appendUTF8(_ value: UInt32) {
        switch value {
        case 0..<0x80:
            scratch.append(UInt8(value))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | value >> 6))
            scratch.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | value >> 12))
            scratch.append(UInt8(0x80 | value >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | value & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | value >> 18))
            scratch.append(UInt8(0x80 | value >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | value >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | value & 0x3F))
        }
    }

    /// Validates the multi-byte UTF-8 sequence whose lead byte is at the cursor and steps over it.
    ///
    /// Follows the well-formed byte sequences of Unicode's Table 3-7, so overlong
    /// forms, encoded surrogates and code points above U+10FFFF are rejected.
    /// Errors point at the lead byte.
    /// Steps over a well-formed two-byte sequence (lead C2–DF) or three-byte one with a lead
    /// whose second byte may be any continuation (E1–EC, EE–EF) and returns true; anything
    /// else (other leads, a bad or missing continuation) is left to ``skipUTF8Sequence()``,
    /// which checks and words it. Names in Latin, Greek, Cyrillic, Vietnamese, Thai and CJK
    /// scripts are made of these; this keeps their bytes out of a call per character.
    @inline(__always)
    mutating func skipCommonUTF8Sequence(_ lead: UInt8) -> Bool {
        if lead &- 0xC2 <= 0xDF - 0xC2 {
            guard index &+ 1 < end, bytes[index &+ 1] & 0xC0 == 0x80 else { return false }
            index &+= 2
            return true
        }
        guard lead &- 0xE1 <= 0xEF - 0xE1, lead != 0xED, index &+ 2 < end,
              bytes[index &+ 1] & 0xC0 == 0x80, bytes[index &+ 2] & 0xC0 == 0x80 else { return false }
        index &+= 3
        return true
    }

    mutating func skipUTF8Sequence() throws(JSONSyntaxError) {
        let lead = bytes[index]
        let continuations: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF:
            continuations = 1
        case 0xE0:
            continuations = 2
            secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF:
            continuations = 2
        case 0xED:
            continuations = 2
            secondRange = 0x80...0x9F
        case 0xF0:
            continuations = 3
            secondRange = 0x90...0xBF
        case 0xF1...0xF3:
            continuations = 3
        case 0xF4:
            continuations = 3
            secondRange = 0x80...0x8F
        case 0x80...0xBF:
            throw failure("invalid UTF-8: unexpected continuation byte \(Self.hexByte(lead))", at: index)
        case 0xC0, 0xC1:
            throw failure("invalid UTF-8: overlong encoding starting with byte \(Self.hexByte(lead))", at: index)
        case 0xF5...0xF7:
            throw failure("invalid UTF-8: code point above U+10FFFF starting with byte \(Self.hexByte(lead))", at: index)
        default:
            throw failure("invalid UTF-8: byte \(Self.hexByte(lead)) never appears in UTF-8", at: index)
        }
        for position in 1...continuations {
            guard index + position < end else {
                throw failure("invalid UTF-8: sequence starting with byte \(Self.hexByte(lead)) is cut short, found end of file", at: index)
            }
            let byte = bytes[index + position]
            guard byte & 0xC0 == 0x80 else {
                throw failure(
                    "invalid UTF-8: sequence starting with byte \(Self.hexByte(lead)) is cut short, found \(Self.describeByte(byte))",
                    at: index)
            }
            if position == 1, !secondRange.contains(byte) {
                let pair = "\(Self.hexByte(lead)) \(Self.hexByte(byte))"
                switch lead {
                case 0xED:
                    throw failure("invalid UTF-8: encoded surrogate starting with bytes \(pair)", at: index)
                case 0xF4:
                    throw failure("invalid UTF-8: code point above U+10FFFF starting with bytes \(pair)", at: index)
                default:
                    throw failure("invalid UTF-8: overlong encoding starting with bytes \(pair)", at: index)
                }
            }
        }
        index &+= continuations + 1
    }

    private func unterminatedString(startingAt quote: Int) -> JSONSyntaxError {
        let (line, column) = lineAndColumn(of: quote)
        return failure("unterminated string that starts at \(line):\(column), found end of file", at: index)
    }

    private func stringTooLong(at quote: Int) -> JSONSyntaxError {
        failure("string is longer than the limit of \(Self.describeSize(limits.maxStringBytes))", at: quote)
    }

    private func controlCharacter(_ byte: UInt8) -> JSONSyntaxError {
        let hint: String
        switch byte {
        case 0x0A: hint = " (write it as \\n)"
        case 0x0D: hint = " (write it as \\r)"
        case 0x09: hint = " (write it as \\t)"
        default: hint = " (write it as \(Self.escapeText(UInt32(byte))))"
        }
        return failure("unescaped control character \(Self.scalarName(UInt32(byte))) in string\(hint)", at: index)
    }
}
