/// Building errors: positions, and descriptions of what was found that are safe to print.
extension JSONByteReader {
    /// An error at a byte offset, with its line and column worked out now.
    func failure(_ message: String, at offset: Int) -> JSONSyntaxError {
        let (line, column) = lineAndColumn(of: offset)
        return JSONSyntaxError(line: line, column: column, offset: offset, message: message)
    }

    /// The 1-based line and column (in Unicode scalars) of a byte offset.
    ///
    /// Computed only when an error is reported, so parsing never tracks lines.
    /// Every byte before an error offset has been validated as UTF-8, so counting
    /// the bytes that are not continuation bytes counts scalars.
    func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        let target = min(max(offset, 0), end)
        var line = 1
        var lineStart = min(textStart, target)
        var position = lineStart
        while position < target {
            if bytes[position] == 0x0A {
                line += 1
                lineStart = position + 1
            }
            position += 1
        }
        var column = 1
        for position in lineStart..<target where bytes[position] & 0xC0 != 0x80 {
            column += 1
        }
        return (line, column)
    }

    /// Names what is at `offset` for a "found …" phrase: `end of file`, `'x'`, `'NaN'`, `byte 0xFF`.
    ///
    /// Never copies control, format or other invisible characters into the
    /// message: they are named by code point instead.
    func describe(at offset: Int) -> String {
        guard offset < end else { return "end of file" }
        let byte = bytes[offset]
        if Self.isWordByte(byte) {
            var wordEnd = offset
            while wordEnd < end, wordEnd - offset < 24, Self.isWordByte(bytes[wordEnd]) { wordEnd += 1 }
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<wordEnd]), as: UTF8.self)
            let more = wordEnd < end && Self.isWordByte(bytes[wordEnd]) ? "…" : ""
            return "'\(word)\(more)'"
        }
        if byte == UInt8(ascii: "/"), offset + 1 < end, bytes[offset + 1] == UInt8(ascii: "/") || bytes[offset + 1] == UInt8(ascii: "*") {
            let opener = bytes[offset + 1] == UInt8(ascii: "/") ? "//" : "/*"
            return "a comment ('\(opener)'), and comments are not allowed in JSON"
        }
        if byte == UInt8(ascii: "'") {
            return "a single quote (JSON strings use double quotes)"
        }
        if byte >= 0x80, let scalar = decodeScalar(at: offset) {
            if scalar.properties.generalCategory.isVisible {
                return "'\(scalar)' (\(Self.scalarName(scalar.value)))"
            }
            return Self.scalarName(scalar.value)
        }
        return Self.describeByte(byte)
    }

    /// A hint when the word at `offset` is `NaN`, `Infinity` or `inf` in any case, as other languages write them.
    func nonNumberHint(at offset: Int) -> String {
        var wordEnd = offset
        while wordEnd < end, wordEnd - offset < 9, Self.isWordByte(bytes[wordEnd]) { wordEnd += 1 }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<wordEnd]), as: UTF8.self).lowercased()
        guard ["nan", "inf", "infinity"].contains(word), wordEnd == end || !Self.isWordByte(bytes[wordEnd]) else { return "" }
        return " (NaN and Infinity are not valid JSON numbers)"
    }

    /// The scalar whose UTF-8 starts at `offset`, or nil if the bytes there are not well-formed.
    private func decodeScalar(at offset: Int) -> Unicode.Scalar? {
        var copy = self
        copy.index = offset
        do {
            try copy.skipUTF8Sequence()
        } catch {
            return nil
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<copy.index]), as: UTF8.self)
        return text.unicodeScalars.first
    }

    /// `'x'` for printable ASCII, otherwise `byte 0x1B`.
    static func describeByte(_ byte: UInt8) -> String {
        if byte == 0x20 { return "a space" }
        if byte > 0x20, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte \(hexByte(byte))"
    }

    /// `0x1B`.
    static func hexByte(_ byte: UInt8) -> String {
        "0x" + hexDigits(UInt32(byte), width: 2)
    }

    /// `U+000A`.
    static func scalarName(_ value: UInt32) -> String {
        "U+" + hexDigits(value, width: 4)
    }

    /// `\uD800`, as it would be written in a JSON string.
    static func escapeText(_ value: UInt32) -> String {
        "\\u" + hexDigits(value, width: 4)
    }

    static func hexDigits(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// `1 MiB (1048576 bytes)`, or `1000 bytes` when there is no exact larger unit.
    static func describeSize(_ bytes: Int) -> String {
        let units: [(String, Int)] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)]
        for (name, size) in units where bytes >= size && bytes % size == 0 {
            return "\(bytes / size) \(name) (\(bytes) bytes)"
        }
        return "\(bytes) bytes"
    }

    /// A key quoted for a message, JSON-escaped so that no character in it can act on a terminal.
    ///
    /// Controls, format characters (bidi overrides, zero-width characters), marks
    /// and separators other than the space become `\uXXXX`; keys longer than 64
    /// characters are cut with an ellipsis.
    static func quoted(_ key: String) -> String {
        var result = "\""
        var count = 0
        for scalar in key.unicodeScalars {
            if count == 64 {
                result += "…"
                break
            }
            count += 1
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case " ": result.unicodeScalars.append(scalar)
            default:
                if scalar.properties.generalCategory.isVisible {
                    result.unicodeScalars.append(scalar)
                } else if scalar.value > 0xFFFF {
                    // Outside the BMP: write the surrogate pair, as JSON does.
                    let value = scalar.value - 0x10000
                    result += escapeText(0xD800 + (value >> 10)) + escapeText(0xDC00 + (value & 0x3FF))
                } else {
                    result += escapeText(scalar.value)
                }
            }
        }
        return result + "\""
    }
}

extension Unicode.GeneralCategory {
    /// Letters, numbers, punctuation and symbols: characters safe and meaningful to show on their own.
    var isVisible: Bool {
        switch self {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}
