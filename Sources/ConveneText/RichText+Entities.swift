extension RichText {
    /// The named entities schedules use (the XML five, typography, Latin letters); others stay as written.
    static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ensp": " ", "emsp": " ",
        "thinsp": " ", "shy": "", "zwsp": "", "ndash": "–", "mdash": "—", "hellip": "…", "lsquo": "‘", "rsquo": "’",
        "sbquo": "‚", "ldquo": "“", "rdquo": "”", "bdquo": "„", "laquo": "«", "raquo": "»", "lsaquo": "‹",
        "rsaquo": "›", "bull": "•", "middot": "·", "copy": "©", "reg": "®", "trade": "™", "euro": "€",
        "pound": "£", "yen": "¥", "cent": "¢", "sect": "§", "para": "¶", "deg": "°", "plusmn": "±", "times": "×",
        "divide": "÷", "frac12": "½", "frac14": "¼", "frac34": "¾", "micro": "µ", "larr": "←", "rarr": "→",
        "uarr": "↑", "darr": "↓", "harr": "↔", "rArr": "⇒", "hearts": "♥", "check": "✓", "dagger": "†",
        "auml": "ä", "ouml": "ö", "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß",
        "aacute": "á", "eacute": "é", "iacute": "í", "oacute": "ó", "uacute": "ú", "yacute": "ý",
        "Aacute": "Á", "Eacute": "É", "Iacute": "Í", "Oacute": "Ó", "Uacute": "Ú",
        "agrave": "à", "egrave": "è", "igrave": "ì", "ograve": "ò", "ugrave": "ù", "Agrave": "À", "Egrave": "È",
        "acirc": "â", "ecirc": "ê", "icirc": "î", "ocirc": "ô", "ucirc": "û", "euml": "ë", "iuml": "ï",
        "atilde": "ã", "otilde": "õ", "ntilde": "ñ", "Ntilde": "Ñ", "ccedil": "ç", "Ccedil": "Ç",
        "aring": "å", "Aring": "Å", "aelig": "æ", "AElig": "Æ", "oslash": "ø", "Oslash": "Ø", "oelig": "œ",
        "scaron": "š", "Scaron": "Š", "zcaron": "ž", "Zcaron": "Ž", "iexcl": "¡", "iquest": "¿",
    ]

    /// HTML's reading of numeric references 128–159: the windows-1252 characters old editors wrote (`&#146;` is ’).
    static let windows1252: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
        0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    /// The entity at `b[i]` (an `&`): its text and the index after its `;`, or nil when it is not one
    /// (then the `&` is text: `AT&T`). Reads at most 34 bytes.
    static func entity(_ b: [UInt8], at i: Int) -> (text: String, next: Int)? {
        var j = i + 1
        let limit = min(b.count, i + 34)
        while j < limit, b[j] != UInt8(ascii: ";") {
            let c = b[j]
            guard isLetter(c) || (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "#") else { return nil }
            j += 1
        }
        guard j < limit, j > i + 1 else { return nil }
        let body = b[(i + 1)..<j]
        if body.first == UInt8(ascii: "#") {
            let digits = body.dropFirst()
            let hex = digits.first.map { $0 | 0x20 } == UInt8(ascii: "x")
            let number = hex ? digits.dropFirst() : digits
            guard !number.isEmpty, number.count <= 8,
                  let value = UInt32(String(decoding: number, as: UTF8.self), radix: hex ? 16 : 10) else { return nil }
            return (character(value), j + 1)
        }
        guard let text = namedEntities[String(decoding: body, as: UTF8.self)] else { return nil }
        return (text, j + 1)
    }

    /// A numeric reference as HTML reads it: controls dropped (a line feed is a space), NUL, surrogates and
    /// values past U+10FFFF become U+FFFD.
    private static func character(_ value: UInt32) -> String {
        switch value {
        case 0: return "\u{FFFD}"
        case 0x09, 0x0A, 0x0D: return " "
        case 0x80...0x9F: return Unicode.Scalar(windows1252[Int(value - 0x80)]).map { String(Character($0)) } ?? ""
        case 0x01..<0x20, 0x7F: return ""
        default: return Unicode.Scalar(value).map { String(Character($0)) } ?? "\u{FFFD}"
        }
    }
}
