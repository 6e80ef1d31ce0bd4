/// HTML and Markdown, as conferences write them in abstracts and descriptions, made into readable plain text.
///
/// ```
/// RichText.plainText("<p>Hello <b>world</b>.</p><ul><li>one</li><li>two</li></ul>")
/// // "Hello world.\n\n• one\n• two"
/// RichText.plainText("See **the docs** at [our site](https://example.org).")
/// // "See the docs at our site [1].\n\nLinks: [1] https://example.org"
/// ```
///
/// Paragraphs are separated by a blank line, list items start with `• ` (numbered lists
/// keep their numbers), headings become lines of their own, `<br>` a line break;
/// emphasis, strong and code markers are dropped; entities are decoded; scripts and
/// styles are removed with their content; a link keeps its text and its address is
/// listed after the text. Text that is neither HTML nor Markdown (``kind(of:)``) is
/// returned unchanged, byte for byte.
///
/// Not a full HTML or CommonMark parser, on purpose: a tolerant scanner that reads
/// each byte a bounded number of times, so hostile input (unclosed tags, comments,
/// quotes, brackets) costs linear time and never fails. The result has no control
/// characters except `\n`; it still goes through ``Sanitizer`` before a terminal.
///
/// Markdown is read directly rather than through a Markdown→HTML package (JohnSundell/Ink
/// is available): the abstracts use a small subset, a package would be a dependency with
/// no linear-time promise on hostile input, and the HTML step would then read its output.
public enum RichText {
    /// What a text is written in, as far as its content shows.
    public enum Kind: Sendable, Equatable {
        case plain, html, markdown
    }

    /// The readable plain text of `text`: converted when it is HTML or Markdown, unchanged when plain.
    public static func plainText(_ text: String) -> String {
        switch kind(of: text) {
        case .plain: return text
        case .html: return fromHTML(text)
        case .markdown: return fromMarkdown(text)
        }
    }

    /// HTML when the text has a tag HTML defines (`<p>`, `</a>`, `<br/>`…) or a comment; Markdown when it has
    /// a heading, two list lines, a link `[text](url)`, a fenced block, `**strong**`, `__strong__` or
    /// `` `code` ``; otherwise plain. `a < b`, `5 * 3`, `snake_case`, `C#` and `AT&T` stay plain.
    public static func kind(of text: String) -> Kind {
        let bytes = Array(text.utf8)
        if hasHTMLTag(bytes) { return .html }
        if hasMarkdown(bytes) { return .markdown }
        return .plain
    }

    // MARK: Detection

    static let blockTags: Set<String> = [
        "p", "div", "section", "article", "header", "footer", "aside", "nav", "main", "blockquote", "pre", "table",
        "thead", "tbody", "tfoot", "figure", "figcaption", "address", "details", "summary", "dl", "hr",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "center",
    ]
    static let inlineTags: Set<String> = [
        "a", "b", "i", "u", "s", "em", "strong", "code", "span", "br", "li", "img", "sup", "sub", "small", "big",
        "strike", "del", "ins", "mark", "font", "tt", "kbd", "samp", "var", "q", "cite", "abbr", "dfn", "tr", "td",
        "th", "dt", "dd", "script", "style", "iframe", "object", "noscript", "template", "wbr", "label", "time",
    ]

    static func isKnownTag(_ name: String) -> Bool { blockTags.contains(name) || inlineTags.contains(name) }

    private static func hasHTMLTag(_ b: [UInt8]) -> Bool {
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "<") {
                if b[i...].starts(with: Array("<!--".utf8)) { return true }
                var j = i + 1
                if j < b.count, b[j] == UInt8(ascii: "/") { j += 1 }
                let (name, end) = tagName(b, from: j)
                if !name.isEmpty, isKnownTag(name), end < b.count,
                   [UInt8(ascii: ">"), UInt8(ascii: "/"), 0x20, 0x09, 0x0A, 0x0D].contains(b[end]) {
                    return true
                }
            }
            i += 1
        }
        return false
    }

    /// A lower-cased ASCII tag name starting at `from` (at most 12 letters and digits), and where it ends.
    static func tagName(_ b: [UInt8], from: Int) -> (String, Int) {
        var j = from
        var name: [UInt8] = []
        guard j < b.count, isLetter(b[j]) else { return ("", from) }
        while j < b.count, isLetter(b[j]) || (b[j] >= 0x30 && b[j] <= 0x39), name.count <= 12 {
            name.append(b[j] | 0x20)
            j += 1
        }
        return (String(decoding: name, as: UTF8.self), j)
    }

    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }

    private static func hasMarkdown(_ b: [UInt8]) -> Bool {
        var listLines = 0
        for line in b.split(separator: 0x0A, omittingEmptySubsequences: true) {
            let l = line.drop { $0 == 0x20 }
            if MarkdownLine.heading(l) != nil || l.starts(with: Array("```".utf8)) || l.starts(with: Array("~~~".utf8)) {
                return true
            }
            if MarkdownLine.listMarker(l) != nil { listLines += 1 }
        }
        if listLines >= 2 { return true }
        if find(b, "](", from: 0) != nil {
            // `[text](url)` with the text and the address on one line.
            var i = 0
            while i < b.count {
                if b[i] == UInt8(ascii: "["), MarkdownInline.link(b, at: i) != nil { return true }
                i += 1
            }
        }
        for marker in ["**", "__"] {
            if let first = find(b, marker, from: 0), find(b, marker, from: first + 2) != nil { return true }
        }
        // A code span: two backticks with something other than space between them.
        if let open = b.firstIndex(of: UInt8(ascii: "`")), let close = b[(open + 1)...].firstIndex(of: UInt8(ascii: "`")),
           close > open + 1 {
            return true
        }
        return false
    }

    /// Where `pattern` first occurs in `b` at or after `from` (patterns here are two to nine bytes).
    static func find(_ b: [UInt8], _ pattern: String, from: Int, caseInsensitive: Bool = false) -> Int? {
        let p = Array(pattern.utf8)
        guard let first = p.first, b.count >= p.count else { return nil }
        var i = from
        while i + p.count <= b.count {
            let c = caseInsensitive ? b[i] | 0x20 : b[i]
            if c == first {
                var k = 1
                while k < p.count, (caseInsensitive ? b[i + k] | 0x20 : b[i + k]) == p[k] { k += 1 }
                if k == p.count { return i }
            }
            i += 1
        }
        return nil
    }

    // MARK: Output hygiene

    /// `text` without C0 and C1 control characters (a line feed stays) and without DEL.
    static func withoutControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isDroppedControl) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars where !isDroppedControl(s) { out.append(s) }
        return String(out)
    }

    private static func isDroppedControl(_ s: Unicode.Scalar) -> Bool {
        (s.value < 0x20 && s.value != 0x0A) || (s.value >= 0x7F && s.value < 0xA0)
    }

    /// A link address worth listing: trimmed, without controls or spaces, and not `javascript:` or `data:`.
    static func cleanURL(_ url: String) -> String? {
        let kept = String(String.UnicodeScalarView(url.unicodeScalars.filter {
            !(isDroppedControl($0) || $0 == "\n" || $0 == " " || $0.properties.generalCategory == .format)
        }))
        let lower = kept.lowercased()
        if kept.isEmpty || lower.hasPrefix("javascript:") || lower.hasPrefix("data:") || lower.hasPrefix("vbscript:") {
            return nil
        }
        return kept
    }
}
