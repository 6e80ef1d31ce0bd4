/// Builds JSON paths such as `$.events[0].sessions[3].speakers[1]`.
///
/// Keys that are not plain identifiers are written in bracket form
/// (`$["odd key"]`) so that a path can always be pasted into jq or an editor.
struct JSONPath: Sendable, CustomStringConvertible {
    private(set) var description: String

    static let root = JSONPath(description: "$")

    func key(_ name: String) -> JSONPath {
        let plain = !name.isEmpty && name.utf8.allSatisfy { c in
            (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x5F
        }
        if plain { return JSONPath(description: description + "." + name) }
        var escaped = ""
        for ch in name.unicodeScalars {
            switch ch {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case _ where ch.value < 0x20 || ch.value == 0x7F: escaped += "\\u" + hex4(ch.value)
            default: escaped.unicodeScalars.append(ch)
            }
        }
        return JSONPath(description: description + "[\"" + escaped + "\"]")
    }

    func index(_ i: Int) -> JSONPath { JSONPath(description: description + "[\(i)]") }

    /// Path of a record in a top-level array: `$.delegates[17]`.
    static func record(_ collection: String, _ index: Int) -> JSONPath { root.key(collection).index(index) }
}

private func hex4(_ v: UInt32) -> String {
    let s = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - s.count)) + s
}
