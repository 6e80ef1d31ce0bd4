import Testing
@testable import ConveneModel
import ConveneSample

@Suite struct FormatsEncoderTests {
    @Test func encodingTheBundledSampleGivesItsBytesBack() throws {
        let d = BundledSample.directory
        let text = DirectoryEncoder.encode(d)
        let expected = SampleData.json.hasSuffix("\n") ? SampleData.json : SampleData.json + "\n"
        #expect(text == expected)
    }

    @Test func encodedDirectoriesLoadAgainUnchanged() throws {
        let minimal = try DirectoryLoader.load(path: Fixtures.path("valid/minimal.json"))
        let again = try DirectoryLoader.load(bytes: DirectoryEncoder.encodeBytes(minimal), name: "again")
        #expect(again == minimal)
        let schedule = try DirectoryLoader.load(path: Fixtures.path("formats/schedule-frab.json"))
        let converted = try DirectoryLoader.load(bytes: DirectoryEncoder.encodeBytes(schedule), name: "converted")
        #expect(converted == schedule)
    }

    @Test func optionalFieldsAreOmittedAndSchemaPointerKept() {
        let d = Directory(title: "T", countries: [Country(code: "VN", name: "Viet Nam")])
        let text = DirectoryEncoder.encode(d, schema: "./convene.schema.json")
        #expect(text.hasPrefix("{\n  \"$schema\": \"./convene.schema.json\",\n  \"format\": \"convene/1\",\n  \"title\": \"T\",\n"))
        #expect(!text.contains("notice"))
        #expect(!text.contains("region"))
        #expect(!text.contains("illustrative"))
    }

    @Test func hostileTextIsEscaped() {
        let text = JSONText.quote("a\"b\\c\nd\u{1B}[31m\u{2028}")
        #expect(text == #""a\"b\\c\nd\u001b[31m\u2028""#)
    }

    @Test(arguments: [
        ("Phạm Thị Thanh Hương", "pham-thi-thanh-huong"), ("Đỗ Đình Hồng", "do-dinh-hong"),
        ("36C3", "36c3"), ("  Jürgen  Groß ", "jurgen-gross"), ("田中 美咲", ""),
    ])
    func slugsAreValidIDs(name: String, slug: String) {
        #expect(RecordID.slug(name) == slug)
        if !slug.isEmpty { #expect(RecordID.isValid(slug)) }
    }
}
