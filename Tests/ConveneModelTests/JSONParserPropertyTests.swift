import Foundation
import Testing
@testable import ConveneModel


/// Writes random valid JSON text: every token kind, escapes, non-ASCII text and varied whitespace.
struct RandomJSONWriter {
    var random: SeededGenerator

    static let stringPieces = [
        "a", "Z", "0", " ", "delegate", "Nguyễn Thị Hương", "Hu\u{65}\u{302}\u{301}", "東京", "ไทย", "😀", "Đặng",
        #"\n"#, #"\""#, #"\\"#, #"\/"#, #"\t"#, #"\u00e9"#, #"\u0000"#, #"\u001B"#, #"\uD83D\uDE00"#, #"\u202E"#, "é",
    ]

    static let numbers = [
        "0", "-0", "1", "-1", "42", "2023", "-273", "9007199254740991", "3.25", "-0.5", "1.5e3", "1E-2", "2e+10",
        "6.02214076e23", "-1.25E-7", "100.0", "0.001",
    ]

    mutating func document() -> String {
        // Top level is a container, as a directory file is.
        Bool.random(using: &random) ? object(depth: 0) : array(depth: 0)
    }

    mutating func space() -> String {
        ["", "", " ", "\n", "\t", "\r\n  "].randomElement(using: &random) ?? ""
    }

    mutating func value(depth: Int) -> String {
        // Containers are likelier near the top, so documents grow wide as well as deep.
        let choice = Int.random(in: 0..<(depth < 4 ? 10 : 6), using: &random)
        switch choice {
        case 0: return "null"
        case 1: return Bool.random(using: &random) ? "true" : "false"
        case 2, 3: return number()
        case 4, 5: return string()
        case 6, 7: return array(depth: depth + 1)
        default: return object(depth: depth + 1)
        }
    }

    mutating func number() -> String {
        if Bool.random(using: &random) {
            return Self.numbers.randomElement(using: &random) ?? "0"
        }
        return String(Int.random(in: -1_000_000...1_000_000, using: &random))
    }

    mutating func string() -> String {
        let count = Int.random(in: 0...6, using: &random)
        return "\"" + (0..<count).map { _ in Self.stringPieces.randomElement(using: &random) ?? "" }.joined() + "\""
    }

    mutating func array(depth: Int) -> String {
        let count = Int.random(in: 0...6, using: &random)
        let elements = (0..<count).map { _ in space() + value(depth: depth) + space() }
        return "[" + space() + elements.joined(separator: ",") + "]"
    }

    mutating func object(depth: Int) -> String {
        let count = Int.random(in: 0...6, using: &random)
        var seen = Set<String>()
        var members: [String] = []
        for _ in 0..<count {
            let key = string()
            // Keys must differ after decoding, as Foundation and the parser both see them.
            guard let decoded = try? JSONParser.parse(Array(key.utf8)), case .string(let text) = decoded,
                  seen.insert(text).inserted else { continue }
            members.append(space() + key + space() + ":" + space() + value(depth: depth) + space())
        }
        return "{" + space() + members.joined(separator: ",") + "}"
    }
}

@Suite struct JSONParserPropertyTests {
    /// Whether the parser's value and Foundation's view of the same document agree (numbers as Double).
    static func agrees(_ value: JSONValue, _ other: Any) -> Bool {
        switch value {
        case .null:
            return other is NSNull
        case .bool(let flag):
            if let number = other as? NSNumber { return number.boolValue == flag }
            return (other as? Bool) == flag
        case .number(let literal):
            guard let expected = Double(literal), let number = other as? NSNumber else { return false }
            return number.doubleValue == expected
        case .string(let text):
            guard let string = other as? String else { return false }
            return Array(string.unicodeScalars) == Array(text.unicodeScalars)
        case .array(let elements):
            guard let array = other as? [Any], array.count == elements.count else { return false }
            return zip(elements, array).allSatisfy { agrees($0, $1) }
        case .object(let members):
            guard let dictionary = other as? [String: Any], dictionary.count == members.count else { return false }
            return members.allSatisfy { member in dictionary[member.key].map { agrees(member.value, $0) } ?? false }
        }
    }

    @Test func agreementCheckNoticesDifferences() throws {
        let ours = try JSONParser.parse(Array(#"{"a":[1,"x",true,null]}"#.utf8))
        for other in [#"{"a":[1,"x",true,null]}"#, #"{"a":[2,"x",true,null]}"#, #"{"a":[1,"y",true,null]}"#,
                      #"{"a":[1,"x",false,null]}"#, #"{"a":[1,"x",true]}"#, #"{"b":[1,"x",true,null]}"#] {
            let theirs = try JSONSerialization.jsonObject(with: Data(other.utf8))
            #expect(Self.agrees(ours, theirs) == (other == #"{"a":[1,"x",true,null]}"#), "\(other)")
        }
    }

    @Test func agreesWithFoundationOnRandomValidDocuments() throws {
        var writer = RandomJSONWriter(random: SeededGenerator(seed: 0xC0FFEE))
        var totalBytes = 0
        for _ in 0..<400 {
            let text = writer.document()
            let bytes = Array(text.utf8)
            let ours = try JSONParser.parse(bytes)
            let theirs = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            #expect(Self.agrees(ours, theirs), "disagreement on \(text)")
            totalBytes += bytes.count
        }
        // The documents are not trivially small.
        #expect(totalBytes > 150_000)
    }

    static let mutationBase = Array(#"""
    {"name": "Hội nghị Đà Nẵng 2024", "id": "dn-2024", "year": 2024, "rating": 4.5e0,
     "tags": ["tech", "東京", "ไทย", "\u00e9\uD83D\uDE00"], "venue": null, "open": true,
     "delegates": [{"id": 1, "name": "Nguyễn Thị Hương", "country": "VN", "scores": [1, -2.5, 3e2]},
                   {"id": 2, "name": "Đặng \"Bảo\"\n", "country": "JP", "extra": {"a": {}, "b": [[]]}}]}
    """#.utf8)

    static let interestingBytes: [UInt8] = Array(#"{}[],:"\-+.0123456789eEtfnu/ "#.utf8)
        + [0x00, 0x0A, 0x0D, 0x1B, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xF5, 0xFF]

    @Test func survivesRandomMutationsOfAValidDocument() {
        var random = SeededGenerator(seed: 42)
        var parsed = 0
        var rejected = 0
        for _ in 0..<4000 {
            var bytes = Self.mutationBase
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                Self.mutate(&bytes, using: &random)
            }
            do {
                _ = try JSONParser.parse(bytes, limits: JSONLimits(maxDepth: 8, maxStringBytes: 256))
                parsed += 1
            } catch {
                rejected += 1
                #expect(error.line >= 1 && error.column >= 1)
                #expect(error.offset >= 0 && error.offset <= bytes.count)
                #expect(!error.message.isEmpty)
                // Messages are printed to terminals: nothing in them may be a control or format character.
                #expect(!error.message.unicodeScalars.contains { scalar in
                    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.properties.generalCategory == .format
                }, "unsafe message: \(error.message.debugDescription)")
            }
        }
        #expect(parsed > 0)
        #expect(rejected > 0)
    }

    static func mutate(_ bytes: inout [UInt8], using random: inout SeededGenerator) {
        let position = Int.random(in: 0...bytes.count, using: &random)
        let byte = Bool.random(using: &random)
            ? interestingBytes.randomElement(using: &random) ?? 0
            : UInt8.random(in: 0...255, using: &random)
        switch Int.random(in: 0..<6, using: &random) {
        case 0 where position < bytes.count:
            bytes[position] = byte
        case 1:
            bytes.insert(byte, at: position)
        case 2 where position < bytes.count:
            bytes.remove(at: position)
        case 3:
            bytes.removeSubrange(position...)
        case 4 where position < bytes.count:
            let length = Int.random(in: 1...min(40, bytes.count - position), using: &random)
            bytes.insert(contentsOf: bytes[position..<position + length], at: position)
        default:
            let other = Int.random(in: 0...bytes.count, using: &random)
            let (low, high) = (min(position, other), max(position, other))
            bytes.removeSubrange(low..<high)
        }
    }
}
