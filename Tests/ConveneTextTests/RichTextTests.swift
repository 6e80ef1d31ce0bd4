import Testing
@testable import ConveneText

@Suite struct RichTextTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var input: String
        var expected: String
        var testDescription: String { String(input.prefix(40)) }
    }

    static let html: [Case] = [
        Case(input: "<p>One.</p><p>Two.</p>", expected: "One.\n\nTwo."),
        Case(input: "<p>Hello <b>bold</b>, <em>em</em>, <strong>strong</strong> and <code>code</code>.</p>",
             expected: "Hello bold, em, strong and code."),
        Case(input: "<ul><li>one</li><li>two</li></ul>", expected: "• one\n• two"),
        Case(input: "<ol><li>first<li>second</ol>", expected: "1. first\n2. second"),
        Case(input: "<ol start=\"4\"><li>four</li><li>five</li></ol>", expected: "4. four\n5. five"),
        Case(input: "<ul><li>a<ul><li>a1</li><li>a2</li></ul></li><li>b</li></ul>", expected: "• a\n  • a1\n  • a2\n• b"),
        Case(input: "<h2>Heading</h2><p>Text</p>", expected: "Heading\n\nText"),
        Case(input: "line one<br>line two<br/>line three", expected: "line one\nline two\nline three"),
        Case(input: "<p>Tom &amp; Jerry &lt;3 caf&eacute; &#8217;quoted&#x2019; &#146;1252&#146; a&nbsp;b</p>",
             expected: "Tom & Jerry <3 café ’quoted’ ’1252’ a b"),
        Case(input: "<p>Before</p><script>alert('x')</script><style>p{color:red}</style><p>After</p>",
             expected: "Before\n\nAfter"),
        Case(input: "<p>See <a href=\"https://example.org/a?x=1&amp;y=2\">the page</a> and "
                 + "<a href='https://example.org/b'>another</a>.</p>",
             expected: "See the page [1] and another [2].\n\nLinks: [1] https://example.org/a?x=1&y=2\n[2] https://example.org/b"),
        Case(input: "<p><a href=\"https://example.org\">https://example.org</a></p>", expected: "https://example.org"),
        Case(input: "<a href=\"javascript:alert(1)\">click</a>", expected: "click"),
        Case(input: "<p>Spaces\n   and\ttabs   collapse</p>", expected: "Spaces and tabs collapse"),
        Case(input: "<p>a < b and c > d</p>", expected: "a < b and c > d"),
        Case(input: "<pre>keep\n  this</pre>", expected: "keep\n  this"),
        Case(input: "<!-- hidden --><p>shown</p><!-- unclosed", expected: "shown"),
        // Hostile: unclosed tags, quotes and scripts never crash and keep what can be read.
        Case(input: "<p>open <b>never closed", expected: "open never closed"),
        Case(input: "<p>text <a href=\"https://x.example/", expected: "text <a href=\"https://x.example/"),
        Case(input: "<p>kept</p><script>never closed <p>gone</p>", expected: "kept"),
        Case(input: "<p>ctl\u{1B}[31m\u{7}x&#27;y&#0;z\u{85}</p>", expected: "ctl[31mxy\u{FFFD}z"),
        Case(input: "<p>quote 'in' <i title='a>b'>attr</i></p>", expected: "quote 'in' attr"),
    ]

    @Test(arguments: html)
    func htmlBecomesReadablePlainText(_ c: Case) {
        #expect(RichText.kind(of: c.input) == .html)
        #expect(RichText.plainText(c.input) == c.expected)
    }

    static let markdown: [Case] = [
        Case(input: "First paragraph\ncontinues here.\n\nSecond **strong** and *em* and `code`.",
             expected: "First paragraph continues here.\n\nSecond strong and em and code."),
        Case(input: "# Title\n\nText under it.", expected: "Title\n\nText under it."),
        Case(input: "- one\n- two\n  - nested\n- three", expected: "• one\n• two\n  • nested\n• three"),
        Case(input: "1. first\n2. second\n10) tenth", expected: "1. first\n2. second\n10. tenth"),
        Case(input: "Read [the docs](https://example.org/docs \"Docs\") and [more](<https://example.org/m>).",
             expected: "Read the docs [1] and more [2].\n\nLinks: [1] https://example.org/docs\n[2] https://example.org/m"),
        Case(input: "**Bold** with snake_case and 5 * 3 * 2 kept.\n\n__x__",
             expected: "Bold with snake_case and 5 * 3 * 2 kept.\n\nx"),
        Case(input: "```\ncode  block\n```\nafter", expected: "code  block\n\nafter"),
        Case(input: "> quoted **text**\n\n---\n\nEscaped \\*stars\\* &amp; entity",
             expected: "quoted text\n\nEscaped *stars* & entity"),
        Case(input: "Line with **break**  \nnext line\\\nthird", expected: "Line with break\nnext line\nthird"),
        Case(input: "![a logo](https://example.org/l.png) and <https://example.org>, **open [link](",
             expected: "a logo and https://example.org, open [link]("),
    ]

    @Test(arguments: markdown)
    func markdownBecomesReadablePlainText(_ c: Case) {
        #expect(RichText.kind(of: c.input) == .markdown)
        #expect(RichText.plainText(c.input) == c.expected)
    }

    static let plain: [String] = [
        "Just a sentence.",
        "a < b > c, 5 * 3 = 15, snake_case, C# and AT&T & friends",
        "Line one\nLine two\n\n  indented\twith tab",
        "- only one dash line\nand text",
        "Price: $5 (approx.) [citation needed]",
        "",
    ]

    @Test(arguments: plain)
    func plainTextIsReturnedByteForByte(_ s: String) {
        #expect(RichText.kind(of: s) == .plain)
        #expect(Array(RichText.plainText(s).utf8) == Array(s.utf8))
    }

    /// Property: any text built from words, numbers and punctuation that is not markup passes unchanged.
    @Test func randomPlainTextPassesUnchanged() {
        var generator = SplitMix(seed: 13)
        let pieces = ["word", "Hà Nội", "東京", "Ünïcödé", "5 * 3", "a < b", "c > d", "AT&T", "x & y", "snake_case",
                      "C#", "e-mail", "(note)", "[1]", "#hashtag", "50%", "1.5", "'quoted'", "\"double\"", "—", "🎉",
                      "*", "_", "\\", "]", "(", "&", "<", ">", ";"]
        let separators = [" ", " ", " ", ", ", ". ", "\n", "\n\n", "\t", "  "]
        for _ in 0..<2000 {
            var s = ""
            for _ in 0..<Int(generator.next() % 30) {
                s += pieces[Int(generator.next() % UInt64(pieces.count))]
                s += separators[Int(generator.next() % UInt64(separators.count))]
            }
            if RichText.kind(of: s) == .plain {
                #expect(RichText.plainText(s) == s)
            }
        }
    }

    /// Never a control character other than a line feed in converted text, whatever the input. (Plain text is
    /// returned as it is; its controls are the file's, and the Sanitizer treats them as in any other field.)
    @Test func outputHasNoControlCharactersButLineFeeds() {
        var generator = SplitMix(seed: 7)
        let pieces = ["<p>", "</p>", "<li>", "<ol>", "<ul>", "</ul>", "<br>", "<a href=\"x\u{1B}y\">", "</a>", "&#27;",
                      "&#x9B;", "&#128;", "\u{1B}[2J", "\r", "\t", "\u{0}", "\u{85}", "\u{9B}", "**", "# ", "- ", "[a](\u{7}b)",
                      "text", "\n"]
        for _ in 0..<2000 {
            var s = ""
            for _ in 0..<Int(generator.next() % 20) { s += pieces[Int(generator.next() % UInt64(pieces.count))] }
            for converted in [RichText.fromHTML(s), RichText.fromMarkdown(s)] {
                let bad = converted.unicodeScalars.first { ($0.value < 0x20 && $0 != "\n") || (0x7F..<0xA0).contains($0.value) }
                #expect(bad == nil, "\(s.debugDescription) → \(converted.debugDescription)")
            }
        }
    }

    /// Each input is a quarter of a megabyte of one hostile pattern: a quadratic scan would not finish (10^10 steps).
    static let hostile: [String] = [
        String(repeating: "<", count: 250000),
        String(repeating: "<a '", count: 62500),
        String(repeating: "<a href=\"", count: 30000),
        String(repeating: "<!", count: 125000),
        String(repeating: "<!--", count: 62500),
        "<script>" + String(repeating: "<p>x", count: 62500),
        String(repeating: "<ul><li>", count: 31250),
        String(repeating: "[", count: 250000),
        String(repeating: "[a](", count: 62500),
        String(repeating: "[a](b", count: 50000),
        String(repeating: "**", count: 125000) + "x",
        String(repeating: "- ", count: 125000),
        String(repeating: "&#", count: 125000),
        String(repeating: "<b <i ", count: 42500),
    ]

    @Test(arguments: hostile.indices)
    func hugeHostileInputsFinish(_ index: Int) {
        let input = Self.hostile[index]
        for converted in [RichText.fromHTML(input), RichText.fromMarkdown(input), RichText.plainText(input)] {
            #expect(converted.utf8.count <= input.utf8.count * 4 + 64)
        }
    }
}

/// A small deterministic generator for the property tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
