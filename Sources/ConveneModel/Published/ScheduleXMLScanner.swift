#if canImport(Glibc)
import Glibc
#endif

/// A strict scanner for the plain XML that schedules are written in, feeding ``ScheduleXMLStream``.
///
/// libxml2 was two thirds of reading a 1,400-event congress file (about 63 M instructions of
/// 123 M, callgrind), most of it in machinery a schedule never uses: its input buffers, entity
/// and DTD handling, the dictionary, several encodings. A schedule.xml is UTF-8 with elements,
/// attributes, text, the five predefined entities, character references, comments and
/// sometimes CDATA. This scanner reads exactly that and **declines** (returns nil) on
/// anything else or anything it is not sure is well-formed, so that libxml2 reads the document
/// as before and any error is reported by the tree in its words. It is therefore stricter
/// than XML, never looser:
///
/// - UTF-8 only: a byte-order mark is skipped; an XML declaration must be `version="1.0"` with
///   no encoding or UTF-8; the document must be valid UTF-8 (checked before, by the caller).
/// - No DOCTYPE, no processing instructions, no carriage returns (libxml2 would normalise
///   line ends), no control characters, no U+FFFE/U+FFFF anywhere in the document.
/// - Names are ASCII letters, digits, `_`, `-` and `.`, with no namespace prefix.
/// - References: `&lt; &gt; &amp; &quot; &apos;` and `&#…;`/`&#x…;` of characters XML allows.
/// - Attribute values are normalised as XML (and libxml2) do without a DTD: tab and line feed
///   become a space; a `<` in one, or the same attribute twice, declines.
/// - Comments may not contain `--`; text may not contain `]]>`; at most ``XMLTree/depthLimit``
///   levels; one root element with only white space and comments around it.
struct ScheduleXMLScanner {
    let base: UnsafePointer<UInt8>
    let end: Int
    var at = 0
    var stream: ScheduleXMLStream
    /// The current start tag's attributes: name and value ranges, and whether the value needs decoding.
    var attributes: [(name: Range<Int>, value: Range<Int>, plain: Bool)] = []
    /// Names of the open elements, as byte ranges, to match their end tags.
    var open: [Range<Int>] = []
    /// Decoded text of one piece (references, attribute normalisation).
    var scratch: [UInt8] = []

    struct Decline: Error {}

    /// The schedule, or nil for libxml2 and the tree to read the document.
    static func read(_ bytes: [UInt8]) -> PublishedSchedule? {
        guard UTF8Check.firstInvalidOffset(bytes[...]) == nil else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> PublishedSchedule? in
            guard let base = buffer.baseAddress, buffer.count > 0, Self.plainCharacters(buffer) else { return nil }
            var scanner = ScheduleXMLScanner(base: base, end: buffer.count, stream: ScheduleXMLStream())
            scanner.stream.frames.reserveCapacity(XMLTree.depthLimit + 1)
            scanner.stream.text.reserveCapacity(64 * 1024)
            scanner.open.reserveCapacity(XMLTree.depthLimit + 1)
            do { try scanner.document() } catch { return nil }
            return scanner.stream.finish()
        }
    }

    /// No carriage return, no control character but tab and line feed, no U+FFFE or U+FFFF (EF BF BE/BF).
    ///
    /// Eight bytes at a time: a byte below 0x20 sets its top bit in `(x - 0x20…) & ~x & 0x80…`.
    static func plainCharacters(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        let n = buffer.count
        var i = 0
        let low: UInt64 = 0x2020_2020_2020_2020, high: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= n {
            let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if (x &- low) & ~x & high != 0 {
                for j in i..<(i + 8) where !allowedBelowSpace(base[j]) { return false }
            }
            i += 8
        }
        while i < n {
            if !allowedBelowSpace(base[i]) { return false }
            i += 1
        }
        // U+FFFE and U+FFFF: every one starts with 0xEF, rare in a schedule; memchr finds each.
        var from = 0
        while from < n, let found = memchr(base + from, 0xEF, n - from) {
            let k = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            if k + 2 < n, base[k + 1] == 0xBF, base[k + 2] == 0xBE || base[k + 2] == 0xBF { return false }
            from = k + 1
        }
        return true
    }

    @inline(__always) static func allowedBelowSpace(_ b: UInt8) -> Bool { b >= 0x20 || b == 0x09 || b == 0x0A }

    @inline(__always) func byte(_ i: Int) -> UInt8 { base[i] }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 }

    @inline(__always) static func isNameStart(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F
    }

    @inline(__always) static func isName(_ b: UInt8) -> Bool {
        isNameStart(b) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2E
    }

    func starts(_ literal: StaticString, at i: Int) -> Bool {
        let n = literal.utf8CodeUnitCount
        return i + n <= end && memcmp(base + i, literal.utf8Start, n) == 0
    }

    /// The first `byte` at or after `from`, or nil.
    func find(_ byte: UInt8, from: Int) -> Int? {
        guard from < end, let found = memchr(base + from, Int32(byte), end - from) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    func find(_ literal: StaticString, from: Int) -> Int? {
        var i = from
        let first = literal.utf8Start.pointee
        while let k = find(first, from: i) {
            if starts(literal, at: k) { return k }
            i = k + 1
        }
        return nil
    }

    mutating func skipSpace() {
        while at < end, Self.isSpace(byte(at)) { at += 1 }
    }

    // MARK: The document

    mutating func document() throws(Decline) {
        if starts("\u{FEFF}", at: 0) { at = 3 }
        if starts("<?xml", at: at) { try declaration() }
        try misc()
        guard at < end, byte(at) == UInt8(ascii: "<") else { throw Decline() }
        try content()
        try misc()
        guard at == end, stream.frames.isEmpty, !stream.declined else { throw Decline() }
    }

    /// `<?xml version="1.0" [encoding="UTF-8"] [standalone="yes|no"] ?>`, at the very start only.
    mutating func declaration() throws(Decline) {
        at += 5
        var sawVersion = false, sawEncoding = false, sawStandalone = false
        while true {
            let hadSpace = at < end && Self.isSpace(byte(at))
            skipSpace()
            if starts("?>", at: at) { at += 2; break }
            guard hadSpace else { throw Decline() }
            let nameStart = at
            while at < end, Self.isName(byte(at)) { at += 1 }
            let name = String(decoding: UnsafeBufferPointer(start: base + nameStart, count: at - nameStart), as: UTF8.self)
            skipSpace()
            guard at < end, byte(at) == UInt8(ascii: "=") else { throw Decline() }
            at += 1
            skipSpace()
            guard at < end, byte(at) == UInt8(ascii: "\"") || byte(at) == UInt8(ascii: "'") else { throw Decline() }
            let quote = byte(at)
            guard let close = find(quote, from: at + 1) else { throw Decline() }
            let value = String(decoding: UnsafeBufferPointer(start: base + at + 1, count: close - at - 1), as: UTF8.self)
            at = close + 1
            switch name {
            case "version" where !sawVersion && !sawEncoding && !sawStandalone && value == "1.0": sawVersion = true
            case "encoding" where sawVersion && !sawEncoding && !sawStandalone && value.lowercased() == "utf-8":
                sawEncoding = true
            case "standalone" where sawVersion && !sawStandalone && (value == "yes" || value == "no"): sawStandalone = true
            default: throw Decline()
            }
        }
        guard sawVersion else { throw Decline() }
    }

    /// White space and comments outside the root element.
    mutating func misc() throws(Decline) {
        while true {
            skipSpace()
            if starts("<!--", at: at) { try comment() } else { return }
        }
    }

    /// `<!-- … -->` with no `--` inside and no `-` before the end.
    mutating func comment() throws(Decline) {
        let bodyStart = at + 4
        guard let close = find("--", from: bodyStart), close + 2 < end, byte(close + 2) == UInt8(ascii: ">") else {
            throw Decline()
        }
        at = close + 3
    }

    /// The root element and everything in it, without recursion.
    mutating func content() throws(Decline) {
        repeat {
            guard let lt = find(UInt8(ascii: "<"), from: at) else { throw Decline() }
            if lt > at { try text(at..<lt) }
            at = lt
            guard at + 1 < end else { throw Decline() }
            switch byte(at + 1) {
            case UInt8(ascii: "/"): try endTag()
            case UInt8(ascii: "!"):
                if starts("<!--", at: at) {
                    try comment()
                } else if starts("<![CDATA[", at: at) {
                    guard let close = find("]]>", from: at + 9) else { throw Decline() }
                    if close > at + 9 { stream.append(UnsafeBufferPointer(start: base + at + 9, count: close - at - 9)) }
                    at = close + 3
                } else {
                    throw Decline()
                }
            default: try startTag()
            }
            if stream.declined { throw Decline() }
        } while !open.isEmpty
    }

    /// Text between tags: references decoded, `]]>` refused.
    mutating func text(_ range: Range<Int>) throws(Decline) {
        let start = base + range.lowerBound
        let piece = UnsafeBufferPointer(start: start, count: range.count)
        if memchr(start, Int32(UInt8(ascii: "]")), piece.count) != nil,
           find("]]>", from: range.lowerBound).map({ $0 < range.upperBound }) == true {
            throw Decline()
        }
        guard memchr(start, Int32(UInt8(ascii: "&")), piece.count) != nil else {
            stream.append(piece)
            return
        }
        scratch.removeAll(keepingCapacity: true)
        try Self.decode(base, range, normalisingSpace: false, into: &scratch)
        scratch.withUnsafeBufferPointer { stream.append($0) }
    }

    /// `start..<end` with references decoded (and, in attribute values, tab and line feed as spaces).
    static func decode(_ base: UnsafePointer<UInt8>, _ range: Range<Int>, normalisingSpace: Bool,
                       into out: inout [UInt8]) throws(Decline) {
        var i = range.lowerBound
        while i < range.upperBound {
            let b = base[i]
            if b == UInt8(ascii: "&") {
                guard let found = memchr(base + i + 1, Int32(UInt8(ascii: ";")), range.upperBound - i - 1) else { throw Decline() }
                let semicolon = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                try reference(base, i + 1..<semicolon, into: &out)
                i = semicolon + 1
            } else {
                out.append(normalisingSpace && (b == 0x09 || b == 0x0A) ? 0x20 : b)
                i += 1
            }
        }
    }

    /// One reference's body (between `&` and `;`), decoded onto `out`.
    static func reference(_ base: UnsafePointer<UInt8>, _ body: Range<Int>, into out: inout [UInt8]) throws(Decline) {
        func byte(_ i: Int) -> UInt8 { base[i] }
        let n = body.count
        func equals(_ s: StaticString) -> Bool { n == s.utf8CodeUnitCount && memcmp(base + body.lowerBound, s.utf8Start, n) == 0 }
        if equals("amp") { out.append(UInt8(ascii: "&")); return }
        if equals("lt") { out.append(UInt8(ascii: "<")); return }
        if equals("gt") { out.append(UInt8(ascii: ">")); return }
        if equals("quot") { out.append(UInt8(ascii: "\"")); return }
        if equals("apos") { out.append(UInt8(ascii: "'")); return }
        guard n >= 2, byte(body.lowerBound) == UInt8(ascii: "#") else { throw Decline() }
        var i = body.lowerBound + 1
        let hex = byte(i) == UInt8(ascii: "x")
        if hex { i += 1 }
        guard i < body.upperBound, body.upperBound - i <= 8 else { throw Decline() }
        var value: UInt32 = 0
        while i < body.upperBound {
            let b = byte(i)
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x61...0x66 where hex: digit = UInt32(b - 0x61 + 10)
            case 0x41...0x46 where hex: digit = UInt32(b - 0x41 + 10)
            default: throw Decline()
            }
            value = value * (hex ? 16 : 10) + digit
            i += 1
        }
        // The characters XML allows (libxml2 refuses the others as errors); carriage return is left to libxml2.
        let allowed = value == 0x09 || value == 0x0A || (value >= 0x20 && value <= 0xD7FF)
            || (value >= 0xE000 && value <= 0xFFFD) || (value >= 0x10000 && value <= 0x10FFFF)
        guard allowed, let scalar = Unicode.Scalar(value) else { throw Decline() }
        guard let encoded = UTF8.encode(scalar) else { throw Decline() }
        out.append(contentsOf: encoded)
    }

    /// `<name attr="value" …>` or `<name … />`.
    mutating func startTag() throws(Decline) {
        at += 1
        let name = try nameHere()
        attributes.removeAll(keepingCapacity: true)
        while true {
            let hadSpace = at < end && Self.isSpace(byte(at))
            skipSpace()
            guard at < end else { throw Decline() }
            let b = byte(at)
            if b == UInt8(ascii: ">") || b == UInt8(ascii: "/") { break }
            guard hadSpace else { throw Decline() }
            let attributeName = try nameHere()
            skipSpace()
            guard at < end, byte(at) == UInt8(ascii: "=") else { throw Decline() }
            at += 1
            skipSpace()
            guard at < end, byte(at) == UInt8(ascii: "\"") || byte(at) == UInt8(ascii: "'") else { throw Decline() }
            let quote = byte(at)
            guard let close = find(quote, from: at + 1) else { throw Decline() }
            let value = (at + 1)..<close
            let raw = base + value.lowerBound, count = value.count
            if memchr(raw, Int32(UInt8(ascii: "<")), count) != nil { throw Decline() }
            let plain = memchr(raw, Int32(UInt8(ascii: "&")), count) == nil
                && memchr(raw, 0x09, count) == nil && memchr(raw, 0x0A, count) == nil
            for other in attributes where other.name.count == attributeName.count
                && memcmp(base + other.name.lowerBound, base + attributeName.lowerBound, attributeName.count) == 0 {
                throw Decline()
            }
            attributes.append((attributeName, value, plain))
            at = close + 1
        }
        let empty = byte(at) == UInt8(ascii: "/")
        if empty {
            guard at + 1 < end, byte(at + 1) == UInt8(ascii: ">") else { throw Decline() }
            at += 2
        } else {
            at += 1
        }
        // Every value that needs decoding is checked here, read or not: a bad reference anywhere declines.
        for a in attributes where !a.plain {
            var ignored: [UInt8] = []
            try Self.decode(base, a.value, normalisingSpace: true, into: &ignored)
        }
        guard open.count < XMLTree.depthLimit else { throw Decline() }
        stream.open(XMLName.id(of: UnsafeBufferPointer(start: base + name.lowerBound, count: name.count)),
                    attributes: Attributes(base: base, list: attributes))
        if empty {
            stream.close()
        } else {
            open.append(name)
        }
    }

    /// `</name>` matching the innermost open element.
    mutating func endTag() throws(Decline) {
        at += 2
        let name = try nameHere()
        skipSpace()
        guard at < end, byte(at) == UInt8(ascii: ">"), let expected = open.popLast(), expected.count == name.count,
              memcmp(base + expected.lowerBound, base + name.lowerBound, name.count) == 0 else { throw Decline() }
        at += 1
        stream.close()
    }

    /// An ASCII name without a prefix, at `at`.
    mutating func nameHere() throws(Decline) -> Range<Int> {
        let start = at
        guard at < end, Self.isNameStart(byte(at)) else { throw Decline() }
        at += 1
        while at < end, Self.isName(byte(at)) { at += 1 }
        // A ':' (a prefix) or any byte a name may not end on that is not a delimiter declines.
        guard at < end else { throw Decline() }
        let b = byte(at)
        guard Self.isSpace(b) || b == UInt8(ascii: ">") || b == UInt8(ascii: "/") || b == UInt8(ascii: "=") else {
            throw Decline()
        }
        return start..<at
    }

    /// The current start tag's attributes, for ``ScheduleXMLStream``.
    struct Attributes: XMLAttributeSource {
        let base: UnsafePointer<UInt8>
        let list: [(name: Range<Int>, value: Range<Int>, plain: Bool)]

        func trimmed(_ name: StaticString) -> String? {
            let n = name.utf8CodeUnitCount
            for a in list where a.name.count == n && memcmp(base + a.name.lowerBound, name.utf8Start, n) == 0 {
                let value: String
                if a.plain {
                    value = String(decoding: UnsafeBufferPointer(start: base + a.value.lowerBound, count: a.value.count),
                                   as: UTF8.self)
                } else {
                    var out: [UInt8] = []
                    guard (try? ScheduleXMLScanner.decode(base, a.value, normalisingSpace: true, into: &out)) != nil else {
                        return nil
                    }
                    value = String(decoding: out, as: UTF8.self)
                }
                let t = value.trimmingXMLSpace()
                return t.isEmpty ? nil : t
            }
            return nil
        }
    }
}

extension XMLName {
    /// The schedule element named by `bytes`, or nil; compared by length first, with no string made.
    static func id(of bytes: UnsafeBufferPointer<UInt8>) -> XMLName? {
        guard bytes.count < byLength.count, let base = bytes.baseAddress else { return nil }
        for (name, utf8) in byLength[bytes.count] where memcmp(base, utf8, bytes.count) == 0 { return name }
        return nil
    }

    /// Each name's bytes, grouped by length.
    private static let byLength: [[(XMLName, [UInt8])]] = {
        var table = [[(XMLName, [UInt8])]](repeating: [], count: 17)
        for name in XMLName.allCases {
            let utf8 = Array(names[Int(name.rawValue)].utf8)
            if utf8.count < table.count { table[utf8.count].append((name, utf8)) }
        }
        return table
    }()
}
