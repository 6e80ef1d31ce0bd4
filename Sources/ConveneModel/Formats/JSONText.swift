/// A small builder of pretty-printed JSON text for the writers in this folder.
///
/// Members are written in the order they are added, so output is stable and
/// diffs of a rewritten file show only what changed. Layout follows the bundled
/// sample: two-space indent, one member or element per line, `"key": value`.
struct JSONText {
    /// A JSON value not yet laid out.
    indirect enum Node {
        case literal(String)
        case array([Node])
        case object([(String, Node)])
    }

    static func string(_ s: String) -> Node { .literal(quote(s)) }
    static func int(_ n: Int) -> Node { .literal(String(n)) }
    static func bool(_ b: Bool) -> Node { .literal(b ? "true" : "false") }
    static func strings(_ items: [String]) -> Node { .array(items.map(string)) }

    /// The document, ending in a newline.
    static func render(_ node: Node) -> String {
        var out = ""
        write(node, depth: 0, into: &out)
        out += "\n"
        return out
    }

    /// Indentation by depth, made once: a million delegates must not build two strings each per value.
    private static let indents: [String] = (0..<32).map { String(repeating: "  ", count: $0) }

    private static func indent(_ depth: Int) -> String {
        depth < indents.count ? indents[depth] : String(repeating: "  ", count: depth)
    }

    private static func write(_ node: Node, depth: Int, into out: inout String) {
        let inner = indent(depth + 1)
        let outer = indent(depth)
        switch node {
        case .literal(let text):
            out += text
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += inner
                write(item, depth: depth + 1, into: &out)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += outer + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, (key, value)) in members.enumerated() {
                out += inner + quote(key) + ": "
                write(value, depth: depth + 1, into: &out)
                out += i + 1 < members.count ? ",\n" : "\n"
            }
            out += outer + "}"
        }
    }

    /// A JSON string literal, escaped by the project's one escaper.
    ///
    /// Printable ASCII without `"` or `\\` needs no escape, and is most of what a directory
    /// holds (ids, codes, times): it is copied whole instead of scalar by scalar.
    static func quote(_ s: String) -> String {
        let plain = s.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }
        return plain ? "\"" + s + "\"" : JSONString.quote(s)
    }
}

/// Builds an object node, leaving out members whose value is absent.
struct JSONObjectBuilder {
    private(set) var members: [(String, JSONText.Node)] = []

    mutating func add(_ key: String, _ node: JSONText.Node) { members.append((key, node)) }
    mutating func add(_ key: String, _ value: String?) { if let value { members.append((key, JSONText.string(value))) } }
    mutating func add(_ key: String, _ value: Int?) { if let value { members.append((key, JSONText.int(value))) } }
    /// `illustrative` and similar flags: written only when true, since absent means false.
    mutating func flag(_ key: String, _ value: Bool) { if value { members.append((key, JSONText.bool(true))) } }

    var node: JSONText.Node { .object(members) }
}
