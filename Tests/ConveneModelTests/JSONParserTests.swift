import Foundation
import Testing
@testable import ConveneModel

/// A document the parser must reject, with where and why.
struct InvalidJSONCase: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    var line: Int
    var column: Int
    var fragment: String
    var limits = JSONLimits.default

    init(_ name: String, _ text: String, _ line: Int, _ column: Int, _ fragment: String, limits: JSONLimits = .default) {
        self.init(name, Array(text.utf8), line, column, fragment, limits: limits)
    }

    init(_ name: String, _ bytes: [UInt8], _ line: Int, _ column: Int, _ fragment: String, limits: JSONLimits = .default) {
        self.name = name
        self.bytes = bytes
        self.line = line
        self.column = column
        self.fragment = fragment
        self.limits = limits
    }

    var testDescription: String { name }
}

@Suite struct JSONParserTests {
    static func parse(_ text: String, limits: JSONLimits = .default) throws(JSONSyntaxError) -> JSONValue {
        try JSONParser.parse(Array(text.utf8), limits: limits)
    }

    // MARK: Valid documents

    static let validDocuments: [(String, JSONValue)] = [
        ("null", .null),
        ("true", .bool(true)),
        ("false", .bool(false)),
        ("0", .number("0")),
        ("-0", .number("-0")),
        ("0e1", .number("0e1")),
        ("1E+2", .number("1E+2")),
        ("1.5e-3", .number("1.5e-3")),
        ("-12.50", .number("-12.50")),
        ("1e400", .number("1e400")),
        ("123456789012345678901234567890", .number("123456789012345678901234567890")),
        (#""""#, .string("")),
        (#""a\"b\\c\/d\b\f\n\r\t""#, .string("a\"b\\c/d\u{8}\u{C}\n\r\t")),
        (#""\u0041\u00e9\uD83D\uDE00\u00E9""#, .string("Aé😀é")),
        (#""\u0000""#, .string("\u{0}")),
        (#""\u001b[31m\u202e""#, .string("\u{1B}[31m\u{202E}")),
        (#""Hà Nội 東京 ไทย 😀""#, .string("Hà Nội 東京 ไทย 😀")),
        (#""a long ASCII string that crosses several eight-byte words""#,
         .string("a long ASCII string that crosses several eight-byte words")),
        ("[]", .array([])),
        ("{}", .object([])),
        ("[ ]", .array([])),
        ("{ \n}", .object([])),
        ("[1,[2,[]],{}]", .array([.number("1"), .array([.number("2"), .array([])]), .object([])])),
        (" \t\r\n[ 1 , 2 ]\n ", .array([.number("1"), .number("2")])),
        (#"{"b":{"c":[true,null]},"a":"d"}"#,
         .object([(key: "b", value: .object([(key: "c", value: .array([.bool(true), .null]))])), (key: "a", value: .string("d"))])),
        (#"{"a":1,"A":2}"#, .object([(key: "a", value: .number("1")), (key: "A", value: .number("2"))])),
        (#"{"":0}"#, .object([(key: "", value: .number("0"))])),
    ]

    @Test(arguments: validDocuments)
    func parsesValidDocument(text: String, expected: JSONValue) throws {
        #expect(try Self.parse(text) == expected)
    }

    @Test func acceptsByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"{"a":[1]}"#.utf8)
        #expect(try JSONParser.parse(bytes) == .object([(key: "a", value: .array([.number("1")]))]))
    }

    @Test func acceptsZeroWithExponentThatFoundationRejects() throws {
        #expect(try Self.parse("[0e1, 0E-0, -0.0e+00]") == .array([.number("0e1"), .number("0E-0"), .number("-0.0e+00")]))
    }

    @Test func acceptsManyKeysWithoutFalseDuplicates() throws {
        let members = (0..<100).map { "\"key\($0)\":\($0)" }.joined(separator: ",")
        guard case .object(let parsed) = try Self.parse("{\(members)}") else {
            Issue.record("expected an object")
            return
        }
        #expect(parsed.map(\.key) == (0..<100).map { "key\($0)" })
    }

    @Test func acceptsNestingUpToTheLimit() throws {
        let depth = 64
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(throws: Never.self) { try Self.parse(text) }
    }

    @Test func acceptsAStringExactlyAtTheLimit() throws {
        let limits = JSONLimits(maxStringBytes: 4)
        #expect(try Self.parse(#"["abcd", "a\nbc", "é\u00e9"]"#, limits: limits)
            == .array([.string("abcd"), .string("a\nbc"), .string("éé")]))
    }

    @Test func parsesFromDataAndRawBuffers() throws {
        let bytes = Array(#"{"ok":true}"#.utf8)
        let expected = JSONValue.object([(key: "ok", value: .bool(true))])
        #expect(try bytes.withUnsafeBytes { raw in try JSONParser.parse(raw) } == expected)
        #expect(try JSONParser.parse(Foundation.Data(bytes)) == expected)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Foundation.Data()) }
    }

    // MARK: Invalid documents

    static let sessionsNest = Array(#"{"sessions":"#.utf8) + [UInt8](repeating: UInt8(ascii: "["), count: 512)

    static let invalidDocuments: [InvalidJSONCase] = [
        .init("trailing comma in array", "[1,]", 1, 4, "expected a value after ',', found ']' (trailing commas are not allowed)"),
        .init("trailing comma in object", #"{"a":1,}"#, 1, 8, "expected a string key after ',', found '}' (trailing commas are not allowed)"),
        .init("line comment", "// note\n1", 1, 1, "found a comment ('//'), and comments are not allowed"),
        .init("block comment after element", "[1 /* c */]", 1, 4, "expected ',' or ']' after an array element, found a comment ('/*')"),
        .init("NaN", "[NaN]", 1, 2, "expected a value after '[', found 'NaN' (NaN and Infinity are not valid JSON numbers)"),
        .init("Infinity", "Infinity", 1, 1, "found 'Infinity' (NaN and Infinity"),
        .init("negative Infinity", "-Infinity", 1, 2, "expected a digit after '-', found 'Infinity' (NaN and Infinity"),
        .init("leading zero", "01", 1, 1, "leading zeros are not allowed in numbers, found '01'"),
        .init("leading zero negative", "[-007]", 1, 2, "found '-007'"),
        .init("plus sign", "+1", 1, 1, "expected a value, found '+'"),
        .init("leading decimal point", ".5", 1, 1, "expected a value, found '.'"),
        .init("trailing decimal point", "1.", 1, 3, "expected a digit after the decimal point, found end of file"),
        .init("decimal point before exponent", "1.e5", 1, 3, "expected a digit after the decimal point, found 'e5'"),
        .init("lone minus", "-", 1, 2, "expected a digit after '-', found end of file"),
        .init("empty exponent", "[1e]", 1, 4, "expected a digit in the exponent, found ']'"),
        .init("hex number", "0x10", 1, 2, "expected the end of the document after the top-level value, found 'x10'"),
        .init("number too long", "123456", 1, 1, "number literal is longer than the limit of 5 characters",
              limits: JSONLimits(maxNumberLength: 5)),
        .init("truncated literal", "tru", 1, 1, "expected a value, found 'tru'"),
        .init("literal with suffix", "[nulls]", 1, 2, "found 'nulls'"),
        .init("capitalised literal", "True", 1, 1, "found 'True'"),
        .init("single quotes", "['a']", 1, 2, "found a single quote (JSON strings use double quotes)"),
        .init("smart quotes", "[“a”]", 1, 2, "found '“' (U+201C)"),
        .init("no-break space", [0xC2, 0xA0, 0x31], 1, 1, "expected a value, found U+00A0"),
        .init("NUL byte", [0x00], 1, 1, "expected a value, found byte 0x00"),
        .init("invalid escape", #""\x""#, 1, 2, #"invalid escape '\x' in string"#),
        .init("escaped single quote", #""\'""#, 1, 2, #"invalid escape '\'' in string"#),
        .init("bad unicode escape", #""\u12G4""#, 1, 6, #"expected 4 hexadecimal digits after '\u', found 'G4'"#),
        .init("short unicode escape", #""\u12""#, 1, 6, #"expected 4 hexadecimal digits after '\u', found '"'"#),
        .init("lone high surrogate", #""\uD800""#, 1, 2, #"unpaired high surrogate \uD800 in string"#),
        .init("high surrogate then text", #""ab\uD83Dx""#, 1, 4, #"unpaired high surrogate \uD83D"#),
        .init("high surrogate then non-surrogate", #""\uD800\u0041""#, 1, 2,
              #"high surrogate \uD800 is followed by \u0041, not by a low surrogate"#),
        .init("two high surrogates", #""\uD800\uD800""#, 1, 2, #"is followed by \uD800, not by a low surrogate"#),
        .init("lone low surrogate", #"["\uDC00"]"#, 1, 3, #"unpaired low surrogate \uDC00 in string"#),
        .init("newline in string", "[\"a\nb\"]", 1, 4, #"unescaped control character U+000A in string (write it as \n)"#),
        .init("tab in string", "\"a\tb\"", 1, 3, #"unescaped control character U+0009 in string (write it as \t)"#),
        .init("escape character in string", [0x22, 0x1B, 0x22], 1, 2, #"U+001B in string (write it as \u001B)"#),
        .init("invalid byte 0xFF", [0x22, 0xFF, 0x22], 1, 2, "invalid UTF-8: byte 0xFF never appears in UTF-8"),
        .init("lone continuation byte", [0x22, 0x61, 0x80, 0x22], 1, 3, "invalid UTF-8: unexpected continuation byte 0x80"),
        .init("overlong two-byte slash", [0x22, 0xC0, 0xAF, 0x22], 1, 2, "invalid UTF-8: overlong encoding starting with byte 0xC0"),
        .init("overlong three-byte", [0x22, 0xE0, 0x80, 0xAF, 0x22], 1, 2, "invalid UTF-8: overlong encoding starting with bytes 0xE0 0x80"),
        .init("overlong four-byte", [0x22, 0xF0, 0x8F, 0xBF, 0xBF, 0x22], 1, 2, "overlong encoding starting with bytes 0xF0 0x8F"),
        .init("surrogate encoded in UTF-8", [0x22, 0xED, 0xA0, 0x80, 0x22], 1, 2, "invalid UTF-8: encoded surrogate starting with bytes 0xED 0xA0"),
        .init("above U+10FFFF", [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1, 2, "code point above U+10FFFF starting with bytes 0xF4 0x90"),
        .init("five-byte lead", [0x22, 0xF8, 0x88, 0x80, 0x80, 0x80, 0x22], 1, 2, "byte 0xF8 never appears in UTF-8"),
        .init("truncated sequence before quote", [0x22, 0xE2, 0x82, 0x22], 1, 2,
              #"invalid UTF-8: sequence starting with byte 0xE2 is cut short, found '"'"#),
        .init("truncated sequence at end", [0x22, 0x61, 0xE2, 0x82], 1, 3, "sequence starting with byte 0xE2 is cut short, found end of file"),
        .init("invalid UTF-8 after valid text", Array("\"Hà Nội".utf8) + [0xFF, 0x22], 1, 8, "byte 0xFF never appears"),
        .init("invalid UTF-8 outside a string", [0x5B, 0xFF, 0x5D], 1, 2, "expected a value after '[', found byte 0xFF"),
        .init("truncated object", #"{"a":"#, 1, 6, "expected a value after ':', found end of file"),
        .init("truncated array", "[1,", 1, 4, "expected a value after ',', found end of file"),
        .init("unterminated string", #"{"name": "Hà"#, 1, 13, "unterminated string that starts at 1:10, found end of file"),
        .init("unclosed array at depth 513", sessionsNest, 1, 76, "nesting deeper than 64 levels"),
        .init("unclosed array under a raised limit", sessionsNest, 1, 525, "expected a value after '[', found end of file",
              limits: JSONLimits(maxDepth: 1000)),
        .init("100,000 open brackets", [UInt8](repeating: UInt8(ascii: "["), count: 100_000), 1, 65, "nesting deeper than 64 levels"),
        .init("100,000 open objects", Array(String(repeating: #"{"a":"#, count: 100_000).utf8), 1, 321, "nesting deeper than 64 levels"),
        .init("duplicate key", #"{"city":"hue","city":"hanoi"}"#, 1, 15, #"duplicate key "city" in object"#),
        .init("duplicate key in a large object",
              "{" + (0..<30).map { "\"k\($0)\":0," }.joined() + #""k7":1}"#, 1, 232, #"duplicate key "k7" in object"#),
        .init("duplicate key differing only in normalization", "{\"Huế\":1,\"Hu\u{65}\u{302}\u{301}\":2}", 1, 10, "duplicate key \"Hu"),
        .init("duplicate key with terminal escape", "{\"\\u001b[2J\":1,\"\\u001b[2J\":2}", 1, 16, #"duplicate key "\u001B[2J" in object"#),
        .init("missing colon", #"{"a" 1}"#, 1, 6, "expected ':' after an object key, found '1'"),
        .init("unquoted key", "{a:1}", 1, 2, "expected a string key or '}' after '{', found 'a'"),
        .init("number key", "{1:2}", 1, 2, "expected a string key or '}' after '{', found '1'"),
        .init("wrong closer for object", #"{"a":1]"#, 1, 7, "expected ',' or '}' after an object member, found ']'"),
        .init("wrong closer for array", "[1}", 1, 3, "expected ',' or ']' after an array element, found '}'"),
        .init("missing comma", "[1 2]", 1, 4, "expected ',' or ']' after an array element, found '2'"),
        .init("leading comma", "[,1]", 1, 2, "expected a value after '[', found ','"),
        .init("garbage after value", "[1] x", 1, 5, "expected the end of the document after the top-level value, found 'x'"),
        .init("two top-level values", "{} {}", 1, 4, "expected the end of the document after the top-level value, found '{'"),
        .init("empty document", "", 1, 1, "the document is empty"),
        .init("only a byte-order mark", [0xEF, 0xBB, 0xBF], 1, 1, "the document is empty"),
        .init("only whitespace", "  \n \r\n\t", 3, 2, "the document contains only whitespace"),
        .init("string over the limit", #"["abcde"]"#, 1, 2, "string is longer than the limit of 4 bytes",
              limits: JSONLimits(maxStringBytes: 4)),
        .init("escaped string over the limit", #"["ab\ncd"]"#, 1, 2, "string is longer than the limit of 4 bytes",
              limits: JSONLimits(maxStringBytes: 4)),
        .init("key over the default limit", "{\"" + String(repeating: "k", count: (1 << 20) + 1) + "\":1}", 1, 2,
              "string is longer than the limit of 1 MiB (1048576 bytes)"),
        .init("document over the limit", "[1,2]", 1, 1, "the document is 5 bytes, larger than the limit of 4 bytes",
              limits: JSONLimits(maxDocumentBytes: 4)),
    ]

    @Test(arguments: invalidDocuments)
    func rejectsInvalidDocument(_ example: InvalidJSONCase) {
        do {
            let value = try JSONParser.parse(example.bytes, limits: example.limits)
            Issue.record("parsed as \(value.typeDescription), expected an error containing \(example.fragment)")
        } catch {
            #expect(error.message.contains(example.fragment), "message: \(error.message)")
            #expect(error.line == example.line, "\(error)")
            #expect(error.column == example.column, "\(error)")
            #expect(error.description == "\(error.line):\(error.column): \(error.message)")
        }
    }

    // MARK: Positions

    @Test(arguments: [
        ("\n", 23), ("\r\n", 23),
    ])
    func countsColumnsInCharactersAfterVietnameseText(newline: String, expectedColumn: Int) {
        let text = ["{", #"  "name": "Nguyễn Thị Hương","#, #"  "city": "Huế", "x": tru"#, "}"].joined(separator: newline)
        do {
            _ = try Self.parse(text)
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 3)
            #expect(error.column == expectedColumn)
            #expect(error.message == "expected a value after ':', found 'tru'")
            #expect(error.description == "3:\(expectedColumn): expected a value after ':', found 'tru'")
        }
    }

    @Test func countsColumnsInUnicodeScalarsForDecomposedText() {
        // "Huế" written NFD is five scalars (u, e, U+0302, U+0301 after H), two more than NFC.
        let text = "{\n\"a\": 1,\n\"Hu\u{65}\u{302}\u{301}\": tru\n}"
        do {
            _ = try Self.parse(text)
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 3)
            #expect(error.column == 10)
        }
    }

    @Test func reportsByteOffsetsIncludingTheByteOrderMarkButNotInTheColumn() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("[1,]".utf8)
        do {
            _ = try JSONParser.parse(bytes)
            Issue.record("expected an error")
        } catch {
            #expect(error.offset == 6)
            #expect(error.line == 1)
            #expect(error.column == 4)
        }
    }

    @Test func neverCopiesInvisibleCharactersIntoMessages() {
        let key = "\u{202E}\u{200B}\u{9B}x"
        do {
            _ = try Self.parse("{\"\(key)\":1,\"\(key)\":2}")
            Issue.record("expected an error")
        } catch {
            #expect(error.message == #"duplicate key "\u202E\u200B\u009Bx" in object"#)
        }
    }
}

