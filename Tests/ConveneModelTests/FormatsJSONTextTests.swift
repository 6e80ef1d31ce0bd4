import Testing
@testable import ConveneModel
import ConveneSample

/// The byte writer behind ``DirectoryEncoder`` (issue 11, item 9): it must write exactly
/// what the project's one escaper and the sample's layout say, only faster.
@Suite struct FormatsJSONTextTests {
    @Test func everyScalarIsEscapedAsTheProjectsEscaperDoes() {
        var values = Array(UInt32(0)...0xD7FF) + Array(UInt32(0xE000)...0xFFFF)
        values += [0x1_0000, 0x1_F600, 0x1_F1FB, 0xE_0001, 0x10_FFFF]
        var mismatches: [String] = []
        for value in values {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(Character(scalar)) + "b\u{0085}c"
            if JSONText.quote(text) != JSONString.quote(text) { mismatches.append(String(value, radix: 16)) }
        }
        #expect(mismatches.isEmpty, "scalars escaped differently: \(mismatches.prefix(20))")
    }

    @Test func mixedTextIsEscapedAsTheProjectsEscaperDoes() {
        let texts = ["", "plain", "Nguyễn Thị Hương", "田中 美咲", "สมชาย", "\u{FEFF}BOM", "tab\there", "\u{202E}evil\u{2066}",
                     "\"quoted\" \\ back", "del\u{7F}", "\u{1B}[2J", String(repeating: "é\u{200B}", count: 50)]
        for text in texts { #expect(JSONText.quote(text) == JSONString.quote(text), "\(text.debugDescription)") }
    }

    @Test func emptyContainersAndNestingFollowTheSampleLayout() {
        var json = JSONText()
        json.beginObject()
        json.member("a", strings: [])
        json.member("b", strings: ["x", "y"])
        json.member("c", records: [1, 2]) { json, n in
            json.beginObject()
            json.member("n", n)
            json.flag("f", n == 2)
            json.endObject()
        }
        json.member("d", records: [Int]()) { _, _ in }
        json.member("e", nil as String?)
        json.endObject()
        json.endDocument()
        let expected = """
        {
          "a": [],
          "b": [
            "x",
            "y"
          ],
          "c": [
            {
              "n": 1
            },
            {
              "n": 2,
              "f": true
            }
          ],
          "d": []
        }

        """
        #expect(String(decoding: json.bytes, as: UTF8.self) == expected)
    }

    @Test func aGeneratedDirectoryEncodesToWhatLoadsBackAndEncodesAgainTheSame() throws {
        let json = SyntheticDirectory(delegates: 2_000, seed: 7).json()
        let d = try DirectoryLoader.load(bytes: Array(json.utf8), name: "generated")
        let bytes = DirectoryEncoder.encodeBytes(d, schema: "x\u{1B}y")
        let again = try DirectoryLoader.load(bytes: bytes, name: "again")
        #expect(again == d)
        #expect(DirectoryEncoder.encodeBytes(again, schema: "x\u{1B}y") == bytes)
        #expect(DirectoryEncoder.encode(d) == String(decoding: DirectoryEncoder.encodeBytes(d), as: UTF8.self))
    }
}
