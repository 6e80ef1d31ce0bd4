import Foundation
import Testing
@testable import ConveneModel

/// Every hostile fixture in `Tests/Fixtures/hostile` and its exact outcome.
///
/// A data file ends in a loaded directory or in one ``LoadError`` whose whole
/// message is pinned here, with exit code 65: never a crash, a hang or a vague
/// message. Syntax errors give `line:column`; model errors give JSON paths. The
/// fixtures are written by `Tests/Fixtures/hostile/make-hostile.py`; the ones too
/// large for git are generated below.
@Suite struct HostileCorpusTests {
    static let folder = Fixtures.root.appendingPathComponent("hostile")

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    /// Loads `bytes` under `name`: the directory, or the error's message and exit code.
    static func outcome(_ bytes: [UInt8], name: String) -> Result<Directory, LoadError> {
        Result { () throws(LoadError) -> Directory in try DirectoryLoader.load(bytes: bytes, name: name) }
    }

    static let loads: [String] = [
        "bom-valid.json",
        "combining-marks-10000.json",
        "controls-everywhere.json",
        "nul-escaped.json",
        "surrogate-pair-valid.json",
    ]

    /// File → the complete error message (the file name is its first word). Every one exits 65.
    static let failures: [(String, String)] = [
        // Nesting: Foundation's JSONDecoder traps on the first; here it is an ordinary error.
        ("nesting-513-unclosed.json", "not valid JSON at 1:76: nesting deeper than 64 levels"),
        ("nesting-64-closed.json", "1 problem in the directory:\n  $.notice: expected a string, found an array"),
        // Strict RFC 8259.
        ("trailing-comma-array.json", "not valid JSON at 19:59: expected a value after ',', found ']' (trailing commas are not allowed)"),
        ("trailing-comma-object.json", "not valid JSON at 5:58: expected a string key after ',', found '}' (trailing commas are not allowed)"),
        ("comment-line.json", "not valid JSON at 4:3: expected a string key after ',', found a comment ('//'), and comments are not allowed in JSON"),
        ("comment-block.json", "not valid JSON at 4:3: expected a string key after ',', found a comment ('/*'), and comments are not allowed in JSON"),
        ("nan.json", "not valid JSON at 9:130: expected a value after ':', found 'NaN' (NaN and Infinity are not valid JSON numbers)"),
        ("infinity.json", "not valid JSON at 19:83: expected a digit after '-', found 'Infinity' (NaN and Infinity are not valid JSON numbers)"),
        ("leading-zero.json", "not valid JSON at 9:130: leading zeros are not allowed in numbers, found '02019'"),
        ("single-quotes.json", "not valid JSON at 6:14: expected a value after ':', found a single quote (JSON strings use double quotes)"),
        ("number-too-long.json", "not valid JSON at 1:49: number literal is longer than the limit of 1000 characters"),
        ("raw-control-in-string.json", "not valid JSON at 6:31: unescaped control character U+0009 in string (write it as \\t)"),
        ("garbage-after-document.json", "not valid JSON at 32:1: expected the end of the document after the top-level value, found '}'"),
        ("two-documents.json", "not valid JSON at 32:1: expected the end of the document after the top-level value, found '{'"),
        // Duplicate keys, including two spellings of one key that differ only in Unicode normalisation.
        ("duplicate-key.json", "not valid JSON at 4:3: duplicate key \"title\" in object"),
        ("duplicate-key-nfd.json", "not valid JSON at 9:51: duplicate key \"namé\" in object"),
        // Encoding.
        ("invalid-utf8-byte-ff.json", "not valid JSON at 6:32: invalid UTF-8: byte 0xFF never appears in UTF-8"),
        ("invalid-utf8-overlong.json", "not valid JSON at 6:32: invalid UTF-8: overlong encoding starting with byte 0xC0"),
        ("invalid-utf8-surrogate.json", "not valid JSON at 6:32: invalid UTF-8: encoded surrogate starting with bytes 0xED 0xA0"),
        ("invalid-utf8-cut-short.json", "not valid JSON at 6:34: invalid UTF-8: sequence starting with byte 0xE1 is cut short, found '\"'"),
        ("latin1-file.json", "not valid JSON at 9:31: invalid UTF-8: sequence starting with byte 0xE0 is cut short, found a space"),
        ("lone-high-surrogate.json", "not valid JSON at 6:34: unpaired high surrogate \\uD800 in string: it must be followed by a \\u escape of a low surrogate (\\uDC00–\\uDFFF)"),
        ("lone-low-surrogate.json", "not valid JSON at 6:29: unpaired low surrogate \\uDC00 in string"),
        ("utf16le-bom.json", "not a JSON document: it starts with byte 0xFF; Convene reads JSON files with \"format\": \"convene/1\", schedule.xml, iCalendar and schedule.json"),
        // Truncation: the position is the end of the file, or the start of what was cut.
        ("truncated-in-string.json", "not valid JSON at 27:29: unterminated string that starts at 27:26, found end of file"),
        ("truncated-in-utf8.json", "not valid JSON at 27:29: invalid UTF-8: sequence starting with byte 0xE1 is cut short, found end of file"),
        ("truncated-in-escape.json", "not valid JSON at 1:40: expected 4 hexadecimal digits after '\\u', found end of file"),
        ("truncated-after-colon.json", "not valid JSON at 26:15: expected a value after ':', found end of file"),
        ("truncated-in-number.json", "not valid JSON at 1:68: expected ',' or '}' after an object member, found end of file"),
        ("truncated-in-literal.json", "not valid JSON at 1:67: expected a value after ':', found 'tr'"),
        // Not a directory at all.
        ("only-bom.json", "the file is empty; a directory is a JSON object with \"format\": \"convene/1\""),
        ("only-whitespace.json", "the file is empty; a directory is a JSON object with \"format\": \"convene/1\""),
        ("nul-bytes.json", "not a JSON document: it starts with byte 0x00; Convene reads JSON files with \"format\": \"convene/1\", schedule.xml, iCalendar and schedule.json"),
        ("png-image.json", "not a JSON document: it looks like a PNG image"),
        ("top-level-array.json", "1 problem in the directory:\n  $: expected an object, found an array"),
        ("top-level-null.json", "1 problem in the directory:\n  $: expected an object, found null"),
        // Numbers that do not fit their field are model errors at their path, never traps.
        ("number-1e400.json", """
            2 problems in the directory:
              $.cities[0].memberSince: expected a whole number from 1900 to 2999 written as plain digits, found 1e400
              $.events[0].reportedDelegates: expected a whole number from 0 to 100000000 written as plain digits, found 1e400
            """),
        ("number-minus-1.json", """
            2 problems in the directory:
              $.cities[0].memberSince: -1 is out of range: expected a whole number from 1900 to 2999
              $.events[0].reportedDelegates: -1 is out of range: expected a whole number from 0 to 100000000
            """),
        ("number-2-to-the-70.json", """
            2 problems in the directory:
              $.cities[0].memberSince: 1180591620717411303424 is out of range: expected a whole number from 1900 to 2999
              $.events[0].reportedDelegates: 1180591620717411303424 is out of range: expected a whole number from 0 to 100000000
            """),
        // Only plain integer literals are read as counts and years: no guessing at 2019.0 or 2.019e3.
        ("number-fraction.json", """
            2 problems in the directory:
              $.cities[0].memberSince: expected a whole number from 1900 to 2999 written as plain digits, found 2019.5
              $.events[0].reportedDelegates: expected a whole number from 0 to 100000000 written as plain digits, found 2019.5
            """),
        ("number-exponent.json", """
            2 problems in the directory:
              $.cities[0].memberSince: expected a whole number from 1900 to 2999 written as plain digits, found 2.019e3
              $.events[0].reportedDelegates: expected a whole number from 0 to 100000000 written as plain digits, found 2.019e3
            """),
        ("number-0e1.json", "1 problem in the directory:\n  $.events[0].reportedDelegates: expected a whole number from 0 to 100000000 written as plain digits, found 0e1"),
        ("number-minus-zero.json", "1 problem in the directory:\n  $.cities[0].memberSince: -0 is out of range: expected a whole number from 1900 to 2999"),
        // References and uniqueness.
        ("duplicate-ids.json", """
            5 problems in the directory:
              $.cities[2].id: duplicate id 'hanoi' (first used at $.cities[0])
              $.organizations[1].id: duplicate id 'unesco-hanoi' (first used at $.organizations[0])
              $.delegates[2].id: duplicate id 'd1' (first used at $.delegates[0])
              $.events[1].id: duplicate id 'conf' (first used at $.events[0])
              $.events[1].sessions[0].id: duplicate session id 's1' (first used at $.events[0].sessions[0])
            """),
        ("dangling-references.json", """
            9 problems in the directory:
              $.cities[1].country: unknown country 'KR'
              $.organizations[0].city: unknown city 'hue'
              $.events[0].city: unknown city 'hanio' (did you mean 'hanoi'?)
              $.events[0].organizers[1]: unknown organization 'unesco'
              $.events[0].sessions[0].speakers[1]: unknown delegate 'd4' (did you mean 'd1'?)
              $.delegates[0].organization: unknown organization 'unesco'
              $.delegates[0].events[1]: unknown event 'conf2' (did you mean 'conf'?)
              $.delegates[1].city: unknown city 'saigon'
              $.delegates[2].country: country 'JP' does not match city 'kanazawa', which is in 'KR'
            """),
        // Keys and ids quoted in messages keep their escape sequences here; see
        // `errorMessagesAreSafeOnceSanitised` for what reaches the terminal.
        ("hostile-error-text.json", """
            2 problems in the directory:
              $["\\u001B]0;pwned\\u0007"]: unknown field '\u{1B}]0;pwned\u{07}'
              $.delegates[0].city: unknown city '\u{1B}[31mhanoi\u{202E}'
            """),
    ]

    @Test func everyFixtureHasAnExpectedOutcome() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".json") }
        let pinned = Set(Self.loads + Self.failures.map(\.0))
        #expect(Set(files) == pinned)
    }

    @Test(arguments: loads)
    func fixtureLoads(file: String) throws {
        let result = Self.outcome(try Self.bytes(file), name: file)
        if case .failure(let error) = result { Issue.record("\(file) should load: \(error)") }
    }

    @Test(arguments: failures)
    func fixtureFailsWithExactlyThisMessage(file: String, message: String) throws {
        switch Self.outcome(try Self.bytes(file), name: file) {
        case .success:
            Issue.record("\(file) loaded but should not")
        case .failure(let error):
            #expect(error.description == "\(file): \(message)")
            #expect(error.exitCode == 65)
        }
    }

    @Test func loadingFromAPathNamesThePathAndUsesTheSameMessage() {
        let path = Self.folder.appendingPathComponent("duplicate-key.json").path
        do {
            _ = try DirectoryLoader.load(path: path)
            Issue.record("loaded")
        } catch {
            #expect(error.description == "\(path): not valid JSON at 4:3: duplicate key \"title\" in object")
            #expect(error.exitCode == 65)
        }
    }

    @Test func aMissingFileExits66() {
        let path = Self.folder.appendingPathComponent("no-such-file.json").path
        do {
            _ = try DirectoryLoader.load(path: path)
            Issue.record("loaded")
        } catch {
            #expect(error.description == "\(path): cannot read: no such file")
            #expect(error.exitCode == 66)
        }
    }

    // MARK: - Generated: too large for git

    /// Nesting built from an opener repeated `count` times (and a closer, when given).
    @Test(arguments: [
        ("{\"sessions\":", "[", 100_000, "", "not valid JSON at 1:76: nesting deeper than 64 levels"),
        ("", "[", 100_000, "", "not valid JSON at 1:65: nesting deeper than 64 levels"),
        ("", "{\"a\":", 100_000, "", "not valid JSON at 1:321: nesting deeper than 64 levels"),
        ("", "[", 64, "]", "1 problem in the directory:\n  $: expected an object, found an array"),
    ])
    func deepNestingIsAnErrorNamingTheLimit(prefix: String, opener: String, count: Int, closer: String, message: String) {
        let text = prefix + String(repeating: opener, count: count) + String(repeating: closer, count: count)
        guard case .failure(let error) = Self.outcome(Array(text.utf8), name: "deep.json") else {
            Issue.record("loaded")
            return
        }
        #expect(error.description == "deep.json: " + message)
        #expect(error.exitCode == 65)
    }

    /// A title just over the 1 MiB string limit, plain and with an escape (which takes the copying path).
    @Test(arguments: ["", "\\u00e9"])
    func aStringOverTheLimitIsAnErrorNamingTheLimit(escape: String) {
        let limit = JSONLimits.default.maxStringBytes
        let text = #"{"format": "convene/1", "title": ""# + escape + String(repeating: "a", count: limit + 1) + #""}"#
        guard case .failure(let error) = Self.outcome(Array(text.utf8), name: "huge.json") else {
            Issue.record("loaded")
            return
        }
        #expect(error.description == "huge.json: not valid JSON at 1:34: string is longer than the limit of 1 MiB (1048576 bytes)")
        #expect(error.exitCode == 65)
    }

    @Test func aStringExactlyAtTheLimitLoads() throws {
        let limit = JSONLimits.default.maxStringBytes
        let text = #"{"format": "convene/1", "title": ""# + String(repeating: "é", count: limit / 2) + #""}"#
        let directory = try DirectoryLoader.load(bytes: Array(text.utf8), name: "limit.json")
        #expect(directory.title.utf8.count == limit)
    }

    /// Thousands of dangling references or unknown time zones: every one is counted, the first
    /// 100 are listed with their suggestions, and finding suggestions for the rest does not
    /// make loading quadratic (5,000 × 5,000 edit distances took over a minute).
    @Test(arguments: ["city", "timeZone"])
    func thousandsOfBadReferencesAreCountedQuickly(field: String) throws {
        let count = 5_000
        var text = #"{"format": "convene/1", "title": "t", "countries": [{"code": "VN", "name": "V"}], "cities": ["#
        text += (0..<count).map { i in
            let zone = field == "timeZone" ? "Asia/Hanoi\(i)" : "Asia/Ho_Chi_Minh"
            return #"{"id": "city\#(i)", "name": "c", "country": "VN", "timeZone": "\#(zone)"}"#
        }.joined(separator: ",")
        text += #"], "delegates": ["#
        text += (0..<count).map { i in
            let city = field == "city" ? "town\(i)" : "city\(i)"
            return #"{"id": "d\#(i)", "name": "n", "city": "\#(city)", "country": "VN"}"#
        }.joined(separator: ",")
        text += "]}"

        let result = Self.outcome(Array(text.utf8), name: "many.json")
        guard case .failure(.invalid(_, let problems, let dropped)) = result else {
            Issue.record("expected model problems, got \(result)")
            return
        }
        #expect(problems.count == 100)
        #expect(problems.count + dropped == count)
    }

    /// What keeps the file above linear: suggestions are computed only for listed problems and
    /// only while a fixed budget of candidate comparisons lasts. Checked by counting, not by a
    /// clock, so it holds on a busy machine and under the sanitizers.
    @Test func suggestionsStopOnceTheirBudgetIsSpent() {
        var spent = ProblemList()
        var granted = 0
        for _ in 0..<1_000 where spent.affordsSuggestion(among: 100_000) { granted += 1 }
        #expect(granted == 20, "2,000,000 comparisons allow 20 suggestions among 100,000 ids")
        var list = ProblemList()
        let before = list.affordsSuggestion(among: 1)
        #expect(before)
        for i in 0..<ProblemList.cap { list.add("$[\(i)]", "x") }
        let after = list.affordsSuggestion(among: 1)
        #expect(!after, "no suggestion once problems are only counted")
    }

    /// Every prefix of a valid file cut before its closing brace is an error with exit 65, never a directory.
    @Test func everyTruncationOfAValidFileIsASyntaxError() throws {
        let whole = Array(try Data(contentsOf: Fixtures.root.appendingPathComponent("valid/minimal.json")))
        let closingBrace = try #require(whole.lastIndex(of: UInt8(ascii: "}")))
        var syntaxErrors = 0
        for length in 0...closingBrace {
            switch Self.outcome(Array(whole[..<length]), name: "cut.json") {
            case .success:
                Issue.record("a prefix of \(length) bytes loaded")
            case .failure(let error):
                #expect(error.exitCode == 65)
                switch error {
                case .syntax: syntaxErrors += 1
                case .empty: #expect(length == 0)
                default: Issue.record("prefix of \(length) bytes: \(error)")
                }
            }
        }
        #expect(syntaxErrors == closingBrace)
    }
}
