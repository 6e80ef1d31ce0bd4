/// Writes a Swift string as a JSON string literal: the one escaper every JSON writer uses.
///
/// Quotes, backslashes and every C0 and C1 control are escaped as RFC 8259
/// allows (`\u001b` stays `\u001b`). Line and paragraph separators, bidi
/// controls, zero-width characters and the byte-order mark — the scalars
/// ``ConveneText/Sanitizer`` removes from screen text — are written as `\u`
/// escapes too: the same data to any JSON reader, but printed raw they would
/// reorder or hide text in a terminal. Everything else stays as UTF-8.
public enum JSONString {
    public static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20 || (u.value >= 0x7F && u.value <= 0x9F) || isInvisible(u.value):
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    /// Separators, bidi controls, zero-width characters and the BOM.
    static func isInvisible(_ value: UInt32) -> Bool {
        switch value {
        case 0x061C, 0x180E, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF:
            return true
        default:
            return false
        }
    }
}
