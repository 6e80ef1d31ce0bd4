/// Writes pretty-printed JSON text straight into one byte buffer, for the writers in this folder.
///
/// Members are written in the order they are given, so output is stable and diffs
/// of a rewritten file show only what changed. Layout follows the bundled sample:
/// two-space indent, one member or element per line, `"key": value`, `[]` and `{}`
/// for empty containers, and a newline at the end of the document.
///
/// It streams: nothing is built per value but the bytes themselves. A tree of nodes
/// and a `String` per field cost seconds and gigabytes for a million delegates
/// (issue 11, item 9); this writes the same bytes into one reserved buffer.
///
/// ```swift
/// var json = JSONText(reservingCapacity: 64)
/// json.beginObject()
/// json.member("id", "an")          // {\n  "id": "an"
/// json.endObject()                 // \n}
/// json.endDocument()               // \n
/// ```
struct JSONText {
    /// The text so far, UTF-8.
    private(set) var bytes: [UInt8] = []
    /// For each open container: true while it has no member or element yet.
    private var openIsEmpty: [Bool] = []

    init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
        openIsEmpty.reserveCapacity(8)
    }

    // MARK: Containers

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Ends the document with its newline.
    mutating func endDocument() { bytes.append(0x0A) }

    private mutating func open(_ opener: UInt8) {
        bytes.append(opener)
        openIsEmpty.append(true)
    }

    /// `{}` or `[]` when nothing was written inside; otherwise the closer on its own line.
    private mutating func close(_ closer: UInt8) {
        let wasEmpty = openIsEmpty.removeLast()
        if !wasEmpty {
            bytes.append(0x0A)
            indent(openIsEmpty.count)
        }
        bytes.append(closer)
    }

    /// Starts the next member or element: the comma after the previous one, a line break, the indent.
    private mutating func next() {
        let last = openIsEmpty.count - 1
        if openIsEmpty[last] {
            openIsEmpty[last] = false
        } else {
            bytes.append(UInt8(ascii: ","))
        }
        bytes.append(0x0A)
        indent(openIsEmpty.count)
    }

    /// Spaces enough for any depth the format has; copied from, never built per line.
    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    private mutating func indent(_ depth: Int) {
        let count = 2 * depth
        if count <= Self.spaces.count {
            Self.spaces.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<count])) }
        } else {
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
        }
    }

    // MARK: Members and elements

    /// Starts an object member: `"key": `; its value follows. Keys are the format's own, plain ASCII.
    mutating func key(_ key: StaticString) {
        next()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
    }

    /// Starts an array element; its value follows.
    mutating func element() { next() }

    /// A string member, left out when the value is absent.
    mutating func member(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    /// A number member, left out when the value is absent.
    mutating func member(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        key(name)
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A number member with a fraction (a coordinate), left out when absent.
    ///
    /// Swift's `description` is the shortest text that reads back as the same value, as
    /// Python's `repr` is, so the sample (written by Python) re-encodes to the same bytes.
    mutating func member(_ name: StaticString, _ value: Double?) {
        guard let value, value.isFinite else { return }
        key(name)
        bytes.append(contentsOf: value.description.utf8)
    }

    /// A `true`/`false` member, written whatever its value (absent is a third value, "not said").
    mutating func member(_ name: StaticString, bool value: Bool) {
        key(name)
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// `illustrative` and similar flags: written only when true, since absent means false.
    mutating func flag(_ name: StaticString, _ value: Bool) {
        guard value else { return }
        key(name)
        bytes.append(contentsOf: "true".utf8)
    }

    /// A member holding a list of strings, written even when empty.
    mutating func member(_ name: StaticString, strings items: [String]) {
        key(name)
        beginArray()
        for item in items {
            element()
            string(item)
        }
        endArray()
    }

    /// A member holding a list of records, each written by `write`; written even when empty.
    mutating func member<S: Sequence>(_ name: StaticString, records items: S, _ write: (inout JSONText, S.Element) -> Void) {
        key(name)
        beginArray()
        for item in items {
            element()
            write(&self, item)
        }
        endArray()
    }

    // MARK: Strings

    /// A JSON string literal, escaped exactly as ``JSONString/quote(_:)``, the project's one escaper.
    ///
    /// Runs of bytes that need no escape — most of a directory — are copied whole. Quotes,
    /// backslashes, C0 and C1 controls and DEL, and the invisible scalars
    /// (``JSONString/isInvisible(_:)``) become escapes, the same ones `JSONString` writes;
    /// a test compares the two over every scalar up to U+FFFF.
    mutating func string(_ text: String) {
        var text = text
        bytes.append(UInt8(ascii: "\""))
        text.withUTF8 { utf8 in
            let count = utf8.count
            var i = 0
            var run = 0
            while i < count {
                let b = utf8[i]
                if b < 0x80 {
                    if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0x7F {
                        i &+= 1
                        continue
                    }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
                    escapeASCII(b)
                    i &+= 1
                    run = i
                    continue
                }
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                // Only these lead bytes begin a C1 control or an invisible scalar.
                if b == 0xC2 || b == 0xD8 || b == 0xE1 || b == 0xE2 || b == 0xEF, i + length <= count {
                    let value: UInt32 = length == 2
                        ? UInt32(b & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
                        : UInt32(b & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
                    if (0x80...0x9F).contains(value) || JSONString.isInvisible(value) {
                        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
                        escapeUnicode(value)
                        i &+= length
                        run = i
                        continue
                    }
                }
                i &+= length
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<min(i, count)]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escapeASCII(_ b: UInt8) {
        switch b {
        case 0x22: bytes.append(contentsOf: [0x5C, 0x22])                   // \"
        case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])                   // \\
        case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        default: escapeUnicode(UInt32(b))
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// `\u` and four lower-case hex digits; every escaped scalar is below U+10000.
    private mutating func escapeUnicode(_ value: UInt32) {
        bytes.append(contentsOf: [0x5C, UInt8(ascii: "u")])
        for shift in stride(from: 12, through: 0, by: -4) {
            bytes.append(Self.hexDigits[Int((value >> UInt32(shift)) & 0xF)])
        }
    }

    /// A JSON string literal as text: what ``string(_:)`` writes.
    static func quote(_ s: String) -> String {
        var json = JSONText(reservingCapacity: s.utf8.count + 2)
        json.string(s)
        return String(decoding: json.bytes, as: UTF8.self)
    }
}
