/// Builds JSON paths such as `$.events[0].sessions[3].speakers[1]`.
///
/// A path is a chain of small nodes and is only turned into text when a
/// problem is reported: a directory of a million delegates makes a million
/// record paths and, when it is valid, never prints one. Keys that are not plain
/// identifiers are written in bracket form (`$["odd key"]`) so that a path can
/// always be pasted into jq or an editor.
struct JSONPath: Sendable, CustomStringConvertible {
    private final class Node: Sendable {
        let parent: Node?
        let key: String?
        let index: Int

        init(parent: Node?, key: String?, index: Int) {
            self.parent = parent
            self.key = key
            self.index = index
        }
    }

    private let node: Node?

    static let root = JSONPath(node: nil)

    func key(_ name: String) -> JSONPath { JSONPath(node: Node(parent: node, key: name, index: 0)) }

    func index(_ i: Int) -> JSONPath { JSONPath(node: Node(parent: node, key: nil, index: i)) }

    /// Path of a record in a top-level array: `$.delegates[17]`.
    static func record(_ collection: String, _ index: Int) -> JSONPath { root.key(collection).index(index) }

    var description: String {
        var parts: [String] = []
        var current = node
        while let n = current {
            if let key = n.key { parts.append(Self.render(key: key)) } else { parts.append("[\(n.index)]") }
            current = n.parent
        }
        return "$" + parts.reversed().joined()
    }

    private static func render(key name: String) -> String {
        let plain = !name.isEmpty && name.utf8.allSatisfy { c in
            (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x5F
        }
        if plain { return "." + name }
        var escaped = ""
        for ch in name.unicodeScalars {
            switch ch {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case _ where ch.value < 0x20 || ch.value == 0x7F || (ch.value >= 0x80 && ch.value <= 0x9F):
                escaped += "\\u" + hex4(ch.value)
            default: escaped.unicodeScalars.append(ch)
            }
        }
        return "[\"" + escaped + "\"]"
    }
}

private func hex4(_ v: UInt32) -> String {
    let s = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - s.count)) + s
}
