/// A whole XML document as a flat array of elements, built from libxml2's SAX2 events (``XMLSAXBuilder``).
///
/// The schedule readers need random access (a `<conference>` after the days, an
/// event's `<date>` before or after its `<start>`), so the SAX events are kept as
/// a tree. Nodes live in one array and refer to each other by index, so a deep
/// document costs no recursion to build or to free.
///
/// Entities and DTDs: the parser is given no DTD handlers, so a declared entity
/// would read as an undeclared one or as nothing, and nothing external is ever
/// fetched (`XML_PARSE_NONET`, no `XML_PARSE_NOENT`/`DTDLOAD`). Dropping text
/// silently is not acceptable and fetching would be worse, so a document that
/// declares a DTD (`<!DOCTYPE x [ … ]>` or `<!DOCTYPE x SYSTEM "…">`) is refused
/// before the parser sees it. A bare `<!DOCTYPE schedule>` is harmless and allowed.
struct XMLTree {
    /// One element. Children are linked (first child, next sibling) and text is a range of
    /// ``XMLTree/textBytes``, so building a tree of 30,000 elements allocates almost nothing per element.
    ///
    /// Nodes are kept small (36 bytes): a congress file has 30,000 of them, and every page of the array is a
    /// page fault in a short-lived process. The name is ``XMLTree/name(_:)``.
    struct Node {
        /// The same for every element of one name: a whole number to compare instead of a string.
        var nameID: Int32
        /// The element's attributes: a range of ``XMLTree/attributeList`` (a handful at most, so a scan finds one).
        var attributeStart: Int32
        var attributeCount: Int32
        var parent: Int32
        var firstChild: Int32 = -1
        var lastChild: Int32 = -1
        var nextSibling: Int32 = -1
        /// The element's own text (leaf elements only), as a range of ``XMLTree/textBytes``.
        var textStart: Int32 = 0
        var textLength: Int32 = 0
        /// The line of the start tag's end, as libxml2 reports it.
        var line: Int32
    }

    /// Nesting beyond this is refused: no schedule is deeper than six or seven elements.
    static let depthLimit = 64

    var nodes: [Node] = []
    /// Every element's attributes (name as written, value), element after element in document order.
    var attributeList: [(name: String, value: String)] = []
    /// The text of every leaf element, one after the other.
    var textBytes: [UInt8] = []
    /// Each distinct element name's ``Node/nameID`` (the names a schedule's reader asks for first, with fixed ids).
    var nameCodes = TextCoder(values: XMLName.names, codes: XMLName.ids)
    /// The element being built (while parsing), or -1.
    private(set) var current = -1

    /// The root element's index (always 0 when parsing succeeded).
    var root: Int { 0 }

    subscript(i: Int) -> Node { nodes[i] }

    /// Element `i`'s name as written (`prefix:name` when it has a prefix).
    func name(_ i: Int) -> String { nameCodes.values[Int(nodes[i].nameID)] }

    // MARK: Building, in document order

    /// Starts element `name` inside the current one.
    mutating func open(_ name: String, attributes: [String: String], line: Int) {
        let start = attributeList.count
        for (key, value) in attributes { attributeList.append((key, value)) }
        open(nameID: nameID(name), attributesFrom: start, line: line)
    }

    /// The ``Node/nameID`` for `name`, made when the name is new.
    mutating func nameID(_ name: String) -> Int32 { nameCodes.code(name) }

    /// Starts the element whose name has id `id` (from ``nameID(_:)``; the SAX builder keeps it per name
    /// pointer); its attributes are those the caller appended to ``attributeList`` from index `start` on.
    mutating func open(nameID id: Int32, attributesFrom start: Int, line: Int) {
        let index = nodes.count
        nodes.append(Node(nameID: id, attributeStart: Int32(start),
                          attributeCount: Int32(attributeList.count - start), parent: Int32(current),
                          textStart: Int32(textBytes.count), line: Int32(truncatingIfNeeded: line)))
        if current >= 0 {
            if nodes[current].lastChild >= 0 {
                nodes[Int(nodes[current].lastChild)].nextSibling = Int32(index)
            } else {
                nodes[current].firstChild = Int32(index)
            }
            nodes[current].lastChild = Int32(index)
        }
        current = index
    }

    /// Ends the current element.
    mutating func close() {
        if current >= 0 { current = Int(nodes[current].parent) }
    }

    /// Text is kept for leaf elements only: what lies between the children of `<day>` or `<event>` is
    /// indentation, and a schedule's fields (`<title>`, `<abstract>`) have no child elements. A leaf's
    /// text arrives in pieces (around `&amp;`) with nothing between them, so it stays one range.
    mutating func appendText<C: Collection<UInt8>>(_ bytes: C) {
        guard current >= 0, nodes[current].firstChild < 0 else { return }
        if nodes[current].textLength == 0 { nodes[current].textStart = Int32(textBytes.count) }
        textBytes.append(contentsOf: bytes)
        nodes[current].textLength += Int32(bytes.count)
    }

    // MARK: Reading

    /// The children of `i`, in document order.
    func children(_ i: Int) -> [Int] {
        var out: [Int] = []
        var c = nodes[i].firstChild
        while c >= 0 { out.append(Int(c)); c = nodes[Int(c)].nextSibling }
        return out
    }

    /// The first child of `i` named `name`.
    func child(_ i: Int, _ name: String) -> Int? {
        guard let id = nameCodes.existingCode(name) else { return nil }
        return child(i, id: id)
    }

    /// The first child of `i` with a schedule's element name (no string is hashed).
    func child(_ i: Int, _ name: XMLName) -> Int? { child(i, id: name.rawValue) }

    func child(_ i: Int, id: Int32) -> Int? {
        var c = nodes[i].firstChild
        while c >= 0 {
            if nodes[Int(c)].nameID == id { return Int(c) }
            c = nodes[Int(c)].nextSibling
        }
        return nil
    }

    /// Every child of `i` named `name`, in document order.
    func children(_ i: Int, _ name: String) -> [Int] {
        guard let id = nameCodes.existingCode(name) else { return [] }
        return children(i, id: id)
    }

    /// Every child of `i` with a schedule's element name, in document order.
    func children(_ i: Int, _ name: XMLName) -> [Int] { children(i, id: name.rawValue) }

    func children(_ i: Int, id: Int32) -> [Int] {
        var out: [Int] = []
        var c = nodes[i].firstChild
        while c >= 0 {
            if nodes[Int(c)].nameID == id { out.append(Int(c)) }
            c = nodes[Int(c)].nextSibling
        }
        return out
    }

    /// How many elements are named `name`, anywhere.
    func count(_ name: String) -> Int {
        guard let id = nameCodes.existingCode(name) else { return 0 }
        return count(id: id)
    }

    func count(id: Int32) -> Int {
        var n = 0
        for node in nodes where node.nameID == id { n += 1 }
        return n
    }

    /// The element's own text, untrimmed.
    func ownText(_ i: Int) -> String {
        let n = nodes[i]
        return String(decoding: textBytes[Int(n.textStart)..<Int(n.textStart + n.textLength)], as: UTF8.self)
    }

    /// The element's own text without XML white space at either end; empty when blank.
    func trimmedText(_ i: Int) -> String {
        let n = nodes[i]
        var start = Int(n.textStart), end = start + Int(n.textLength)
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        while start < end, isSpace(textBytes[start]) { start += 1 }
        while end > start, isSpace(textBytes[end - 1]) { end -= 1 }
        return String(decoding: textBytes[start..<end], as: UTF8.self)
    }

    /// The trimmed text of the first child named `name`; nil when absent or blank.
    func text(_ i: Int, _ name: String) -> String? {
        guard let c = child(i, name) else { return nil }
        let t = trimmedText(c)
        return t.isEmpty ? nil : t
    }

    /// The trimmed text of the first child with a schedule's element name; nil when absent or blank.
    func text(_ i: Int, _ name: XMLName) -> String? {
        guard let c = child(i, name) else { return nil }
        let t = trimmedText(c)
        return t.isEmpty ? nil : t
    }

    /// Element `i`'s attributes, in the order they were written.
    func attributes(_ i: Int) -> ArraySlice<(name: String, value: String)> {
        let start = Int(nodes[i].attributeStart)
        return attributeList[start..<(start + Int(nodes[i].attributeCount))]
    }

    /// An attribute's value as written, or nil.
    func rawAttribute(_ i: Int, _ name: String) -> String? {
        attributes(i).first { $0.name == name }?.value
    }

    /// A trimmed, non-blank attribute value.
    func attribute(_ i: Int, _ name: String) -> String? {
        guard let v = rawAttribute(i, name) else { return nil }
        let t = v.trimmingXMLSpace()
        return t.isEmpty ? nil : t
    }

    /// `schedule/day[2]/room[@name="Saal 1"]/event[5]/start`: how to find element `i`, with `leaf` appended.
    func path(_ i: Int, leaf: String? = nil) -> String {
        var parts: [String] = []
        var at = i
        while at >= 0 {
            let n = nodes[at]
            let parent = Int(n.parent), elementName = name(at)
            if parent < 0 {
                parts.append(elementName)
            } else if elementName == "room", let name = rawAttribute(at, "name") {
                parts.append("room[@name=\"\(Quote.text(name, limit: 40))\"]")
            } else {
                // Positions are counted only here, when a message needs one, so building the tree pays nothing.
                let same = children(parent, id: n.nameID)
                let ordinal = (same.firstIndex(of: at) ?? 0) + 1
                parts.append(same.count > 1 ? "\(elementName)[\(ordinal)]" : elementName)
            }
            at = parent
        }
        let path = parts.reversed().joined(separator: "/")
        return leaf.map { path + "/" + $0 } ?? path
    }

    /// Parses a document; a syntax error or a declared DTD becomes an error at its line and column.
    static func parse(_ bytes: [UInt8], file: String) throws(PublishedReadError) -> XMLTree {
        if let (line, column) = declaredDTD(bytes) {
            throw PublishedReadError(
                file: file, place: .lineColumn(line: line, column: column),
                problem: "the document declares a DTD or entities (<!DOCTYPE … [ … ]> or SYSTEM/PUBLIC); "
                    + "schedules need neither, and Convene reads no DTDs so that nothing outside the file is fetched "
                    + "and no text is silently replaced")
        }
        // libxml2 hands invalid UTF-8 in a comment straight through for a document read as UTF-8 (FoundationXML
        // trapped on it, Swift 6.3.1), and its own message for bad bytes elsewhere names no byte. So a document
        // read as UTF-8 (no declared encoding, or UTF-8) must be valid UTF-8 before the parser sees it.
        if readsAsUTF8(bytes), let bad = UTF8Check.firstInvalidOffset(bytes[...]) {
            let (line, column) = position(of: bad, in: bytes)
            throw PublishedReadError(file: file, place: .lineColumn(line: line, column: column),
                                     problem: "byte 0x" + String(bytes[bad], radix: 16, uppercase: true)
                                         + " is not valid UTF-8, the document's encoding")
        }
        return try XMLSAXBuilder.build(bytes, file: file)
    }

    /// False only where libxml2 is known to transcode to UTF-8 before any callback: a UTF-16 byte-order
    /// mark, or a declared single-byte encoding (ISO-8859-*, Latin-1, windows-125*). Anything else — no
    /// declaration, UTF-8, or a name libxml2 does not know (it then reads on as UTF-8; the fuzzer
    /// found `encoding="UT\\ufeffF-8"`) — must be valid UTF-8.
    static func readsAsUTF8(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { return false }
        var head = bytes.prefix(200)
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head = head.dropFirst(3) }
        guard head.starts(with: Array("<?xml".utf8)), let close = find("?>", from: head.startIndex, in: Array(head)) else {
            return true
        }
        let declaration = String(decoding: head[head.startIndex..<(head.startIndex + close)], as: UTF8.self).lowercased()
        guard let range = declaration.range(of: "encoding") else { return true }
        let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
        let name = String(rest.prefix { $0 != "\"" && $0 != "'" && $0 != " " })
        let transcoded = name.hasPrefix("iso-8859-") || name == "latin1" || name == "latin-1"
            || name.hasPrefix("windows-125") || name.hasPrefix("cp125")
        return !transcoded
    }

    /// The line and column of a `<!DOCTYPE` that has an internal subset or an external id, if the prolog has one.
    static func declaredDTD(_ bytes: [UInt8]) -> (Int, Int)? {
        if case .refusedDTD(let line, let column) = prolog(bytes) { return (line, column) }
        return nil
    }

    /// What the bytes' prolog (declaration, comments, processing instructions, a doctype) comes to.
    enum Prolog: Equatable {
        /// A `<!DOCTYPE` with an internal subset or an external id, at this line and column.
        case refusedDTD(line: Int, column: Int)
        /// The prolog ends, without such a doctype, where the root element starts (this offset).
        case root(at: Int)
        /// The bytes end first, or do not start as XML in UTF-8 does: nothing can be said from them.
        case undecided
    }

    /// Scans the prolog of `bytes` (a whole document, or only its first bytes).
    static func prolog(_ bytes: [UInt8]) -> Prolog {
        var i = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        let n = bytes.count
        func at(_ s: String) -> Bool { bytes[i...].starts(with: s.utf8) }
        func refused() -> Prolog {
            let (line, column) = position(of: i, in: bytes)
            return .refusedDTD(line: line, column: column)
        }
        while i < n {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { i += 1; continue }
            guard b == UInt8(ascii: "<") else { return .undecided }
            if at("<?") {
                guard let end = find("?>", from: i, in: bytes) else { return .undecided }
                i = end + 2
            } else if at("<!--") {
                guard let end = find("-->", from: i, in: bytes) else { return .undecided }
                i = end + 3
            } else if at("<!DOCTYPE") || at("<!doctype") {
                // The declaration runs to the first '>' outside an internal subset; any '[' or external id refuses it.
                var j = i + 9
                while j < n, bytes[j] != UInt8(ascii: ">") {
                    if bytes[j] == UInt8(ascii: "[") { return refused() }
                    j += 1
                }
                let declaration = String(decoding: bytes[i..<min(j, n)], as: UTF8.self)
                if declaration.contains("SYSTEM") || declaration.contains("PUBLIC") || j >= n {
                    return refused()
                }
                i = j + 1
            } else {
                return .root(at: i)  // the root element: the prolog is over
            }
        }
        return .undecided
    }

    private static func find(_ needle: String, from: Int, in bytes: [UInt8]) -> Int? {
        let pattern = Array(needle.utf8)
        guard bytes.count >= pattern.count else { return nil }
        var i = from
        while i + pattern.count <= bytes.count {
            if bytes[i] == pattern[0], bytes[i..<(i + pattern.count)].elementsEqual(pattern) { return i }
            i += 1
        }
        return nil
    }

    /// 1-based line and column (in Unicode scalars) of byte `offset`.
    static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1
        for b in bytes[..<offset] {
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }
}

/// The element names a schedule's reader asks for, each with a fixed ``XMLTree/Node/nameID``: every tree
/// starts with them registered in this order, so the reader compares whole numbers and hashes no string.
enum XMLName: Int32, CaseIterable {
    case schedule, conference, title, acronym, url, base_url, time_zone_name, city, venue, country, day_change
    case tracks, track, day, room, event, date, start, duration, persons, person, name, links, link
    case recording, optout, slug, subtitle, abstract, description, language, type

    /// Each case's name as written in the document, in case order (spelt out: describing a case at run time
    /// would cost a reflection lookup on every start; a test checks the two agree).
    static let names: [String] = [
        "schedule", "conference", "title", "acronym", "url", "base_url", "time_zone_name", "city", "venue", "country",
        "day_change", "tracks", "track", "day", "room", "event", "date", "start", "duration", "persons", "person",
        "name", "links", "link", "recording", "optout", "slug", "subtitle", "abstract", "description", "language",
        "type",
    ]

    /// Each name's id.
    static let ids: [String: Int32] = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, Int32($0)) })
}

/// libxml2's error codes (xmlParserErrors) in words, for the ones a hand-edited schedule runs into.
enum XMLErrorWords {
    static func describe(code: Int) -> String {
        switch code {
        case 4: return "the document is empty"
        case 5: return "extra content after the root element's end"
        case 9: return "a character that XML does not allow"
        case 23: return "an entity reference without its ';' (write & as &amp;)"
        case 26, 27: return "an undeclared entity (only &amp; &lt; &gt; &quot; &apos; and &#…; exist without a DTD)"
        case 34, 40: return "an attribute value is not closed"
        case 38: return "a '<' in an attribute value (write it as &lt;)"
        case 39, 41: return "an attribute without a quoted value"
        case 42: return "an attribute given twice in one element"
        case 45: return "a comment is not closed"
        case 63: return "a CDATA section is not closed"
        case 68: return "a name was expected (a '<' or '&' that starts nothing; write them as &lt; and &amp;)"
        case 73: return "a '>' was expected to end the tag"
        case 76: return "an end tag does not match the element it closes"
        case 77: return "the document ends before every element is closed"
        case 81: return "the bytes are not in the declared encoding"
        case 85: return "the document is not well balanced"
        case 89: return "an entity refers to itself"
        default: return "libxml2 error \(code)"
        }
    }
}
