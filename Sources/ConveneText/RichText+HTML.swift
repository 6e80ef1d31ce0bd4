extension RichText {
    /// HTML to plain text with a tolerant tag scanner: no tree, no nesting rules, every byte read a bounded
    /// number of times. What is not a tag (`a < b`, `<3`, an unclosed `<a href="…`) is text.
    public static func fromHTML(_ text: String) -> String {
        let b = Array(text.utf8)
        var w = PlainWriter()
        var lists: [(ordered: Bool, next: Int)] = []
        var preformatted = 0
        var link: (href: String, textStart: Int)?
        var i = 0
        var textStart = 0
        func flushText(to end: Int) {
            guard textStart < end else { return }
            if preformatted > 0 {
                var start = textStart
                for k in textStart..<end where b[k] == 0x0A {
                    w.append(b[start..<k])
                    w.breakLine(1)
                    start = k + 1
                }
                w.append(b[start..<end].map { $0 == 0x09 ? 0x20 : $0 })
            } else {
                w.text(b[textStart..<end])
            }
        }
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "&"), let (decoded, next) = entity(b, at: i) {
                flushText(to: i)
                if decoded == " " { w.space() } else { w.append(decoded) }
                i = next
                textStart = i
                continue
            }
            guard c == UInt8(ascii: "<"), let tag = scanTag(b, at: i) else {
                i += 1
                continue
            }
            flushText(to: i)
            i = tag.end
            textStart = i
            switch (tag.name, tag.closing) {
            case ("script", false), ("style", false), ("template", false), ("noscript", false), ("iframe", false),
                 ("object", false):
                // Removed with their content: to the matching end tag, or to the end when there is none.
                i = find(b, "</" + tag.name, from: i, caseInsensitive: true).flatMap { end in
                    b[end...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 }
                } ?? b.count
                textStart = i
            case ("br", _):
                w.breakLine(1)
            case ("ul", false), ("ol", false):
                w.breakLine(lists.isEmpty ? 2 : 1)
                lists.append((tag.name == "ol", tag.start ?? 1))
            case ("ul", true), ("ol", true):
                if !lists.isEmpty { lists.removeLast() }
                w.breakLine(lists.isEmpty ? 2 : 1)
            case ("li", false):
                if lists.isEmpty {
                    w.listItem("•", depth: 1)
                } else if lists[lists.count - 1].ordered {
                    w.listItem("\(lists[lists.count - 1].next).", depth: lists.count)
                    lists[lists.count - 1].next += 1
                } else {
                    w.listItem("•", depth: lists.count)
                }
            case ("li", true), ("tr", _), ("dt", _), ("dd", _):
                w.breakLine(1)
            case ("td", _), ("th", _):
                w.space()
            case ("pre", let closing):
                preformatted = max(0, preformatted + (closing ? -1 : 1))
                w.breakLine(2)
            case ("a", false):
                link = tag.href.map { ($0, w.out.count) }
            case ("a", true):
                if let open = link { w.endLink(url: open.href, textStart: open.textStart) }
                link = nil
            case ("img", _):
                if let alt = tag.alt, !alt.isEmpty { w.space(); w.text(Array(alt.utf8)); w.space() }
            case (let name, _) where blockTags.contains(name):
                w.breakLine(2)
            default:
                break  // emphasis, code, span, font, unknown tags: only their text shows
            }
        }
        flushText(to: b.count)
        return w.finish()
    }

    /// A scanned tag: its lower-cased name, whether it closes, the index after its `>`, and the attributes used.
    struct Tag {
        var name: String
        var closing: Bool
        var end: Int
        var href: String?
        var alt: String?
        var start: Int?
    }

    /// The tag, comment or declaration at `b[i]` (a `<`), or nil when the `<` is text.
    ///
    /// A quoted attribute value may hold `>`; when the quote never closes, the tag ends at the first `>`
    /// (after one failed quote scan no quote of that kind is left, so this costs linear time overall).
    /// An unclosed comment runs to the end, as in a browser.
    static func scanTag(_ b: [UInt8], at i: Int) -> Tag? {
        if b[i...].starts(with: [0x3C, 0x21, 0x2D, 0x2D]) {  // <!--
            let end = find(b, "-->", from: i + 4).map { $0 + 3 } ?? b.count
            return Tag(name: "!--", closing: false, end: end)
        }
        guard i + 1 < b.count else { return nil }
        let next = b[i + 1]
        if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
            // `<!DOCTYPE …>`, `<?xml …?>`, `<![CDATA[`: skipped to the next `>`, or to the end, as a browser does.
            let close = b[(i + 2)...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? b.count
            return Tag(name: "!", closing: false, end: close)
        }
        let closing = next == UInt8(ascii: "/")
        let (name, afterName) = tagName(b, from: closing ? i + 2 : i + 1)
        guard !name.isEmpty else { return nil }
        // The end: the first '>' outside quotes, or the first '>' at all when a quote is left open.
        var j = afterName
        var quote: UInt8?
        var end: Int?
        while j < b.count {
            let c = b[j]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                quote = c
            } else if c == UInt8(ascii: ">") {
                end = j
                break
            } else if c == UInt8(ascii: "<") {
                break  // `<b <i>`: the first is text
            }
            j += 1
        }
        if end == nil, quote != nil { end = b[afterName...].firstIndex(of: UInt8(ascii: ">")) }
        guard let close = end else { return nil }
        var tag = Tag(name: name, closing: closing, end: close + 1)
        if !closing, name == "a" || name == "img" || name == "ol" {
            let attributes = attributeList(b[afterName..<close])
            tag.href = attributes["href"]
            tag.alt = attributes["alt"]
            tag.start = attributes["start"].flatMap { Int($0) }
        }
        return tag
    }

    /// `name="value"`, `name='value'` and `name=value` pairs of a tag, names lower-cased, entities decoded.
    static func attributeList(_ s: ArraySlice<UInt8>) -> [String: String] {
        var out: [String: String] = [:]
        let b = Array(s)
        var i = 0
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == UInt8(ascii: "/") }
        while i < b.count {
            while i < b.count, isSpace(b[i]) { i += 1 }
            var name: [UInt8] = []
            while i < b.count, !isSpace(b[i]), b[i] != UInt8(ascii: "=") { name.append(b[i] | (isLetter(b[i]) ? 0x20 : 0)); i += 1 }
            while i < b.count, b[i] == 0x20 { i += 1 }
            guard i < b.count, b[i] == UInt8(ascii: "=") else {
                if name.isEmpty { i += 1 }
                continue
            }
            i += 1
            while i < b.count, b[i] == 0x20 { i += 1 }
            var value: [UInt8] = []
            if i < b.count, b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") {
                let q = b[i]
                i += 1
                while i < b.count, b[i] != q { value.append(b[i]); i += 1 }
                i += 1
            } else {
                while i < b.count, !isSpace(b[i]) { value.append(b[i]); i += 1 }
            }
            out[String(decoding: name, as: UTF8.self)] = decodeEntities(value)
        }
        return out
    }

    /// Entities in an attribute value (`?a=1&amp;b=2`).
    static func decodeEntities(_ b: [UInt8]) -> String {
        guard b.contains(UInt8(ascii: "&")) else { return String(decoding: b, as: UTF8.self) }
        var out = ""
        var i = 0
        var start = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "&"), let (text, next) = entity(b, at: i) {
                out += String(decoding: b[start..<i], as: UTF8.self) + text
                i = next
                start = i
            } else {
                i += 1
            }
        }
        return out + String(decoding: b[start...], as: UTF8.self)
    }
}
