import ConveneModel

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

    /// See ``ConveneModel/JSONString/quote(_:)``: one escaper for every JSON the project writes.
    public static func quote(_ s: String) -> String { JSONString.quote(s) }

    public static func literal(_ v: ReportValue) -> String {
        switch v {
        case .text(let s): return quote(s)
        case .int(let n): return String(n)
        case .list(let items): return "[" + items.map(quote).joined(separator: ", ") + "]"
        case .bool(let b): return b ? "true" : "false"
        case .null, .notRecorded: return "null"
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
        } + (r.unlisted > 0 ? [object([("unlisted", String(r.unlisted))], depth: depth + 1)] : []), depth: depth)
    }
}
