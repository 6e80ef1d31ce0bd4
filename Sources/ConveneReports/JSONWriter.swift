/// Writes JSON text with keys in a fixed order, so output is stable across runs.
///
/// Strings are escaped per RFC 8259: quotes, backslashes and every control
/// character (`\u001b` stays `\u001b`), so JSON output keeps the data exact and
/// never carries a raw escape sequence to a terminal. Bidi controls, zero-width
/// characters and the BOM are written as `\u` escapes too: they are the same data
/// to a JSON reader, but printed raw they would reorder or hide text on screen.
public struct JSONWriter {
    public private(set) var text = ""
    private let indentUnit: String

    public init(pretty: Bool = true) { indentUnit = pretty ? "  " : "" }

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

    /// Line separators, bidi controls, zero-width characters and the BOM: the scalars
    /// ``ConveneText/Sanitizer`` removes, escaped here instead so that the data stays exact.
    private static func isInvisible(_ value: UInt32) -> Bool {
        switch value {
        case 0x061C, 0x180E, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF:
            return true
        default:
            return false
        }
    }

    public static func literal(_ v: ReportValue) -> String {
        switch v {
        case .text(let s): return quote(s)
        case .int(let n): return String(n)
        case .list(let items): return "[" + items.map(quote).joined(separator: ", ") + "]"
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }

    /// An object from ordered key/literal pairs, each literal already JSON text.
    public func object(_ members: [(String, String)], depth: Int) -> String {
        if members.isEmpty { return "{}" }
        let pad = indentUnit.isEmpty ? "" : "\n" + String(repeating: indentUnit, count: depth + 1)
        let end = indentUnit.isEmpty ? "" : "\n" + String(repeating: indentUnit, count: depth)
        let sep = indentUnit.isEmpty ? ":" : ": "
        return "{" + members.map { pad + Self.quote($0.0) + sep + $0.1 }.joined(separator: ",") + end + "}"
    }

    /// An array of literals, each already JSON text.
    public func array(_ items: [String], depth: Int) -> String {
        if items.isEmpty { return "[]" }
        let pad = indentUnit.isEmpty ? "" : "\n" + String(repeating: indentUnit, count: depth + 1)
        let end = indentUnit.isEmpty ? "" : "\n" + String(repeating: indentUnit, count: depth)
        return "[" + items.map { pad + $0 }.joined(separator: ",") + end + "]"
    }

    /// A report as an array of objects keyed by column key.
    public func report(_ r: Report, depth: Int = 0) -> String {
        array(r.rows.map { row in
            object(zip(r.columns, row).map { ($0.key, Self.literal($1)) }, depth: depth + 1)
        }, depth: depth)
    }
}
