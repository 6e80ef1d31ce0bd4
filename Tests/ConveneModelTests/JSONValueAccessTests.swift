import Testing
@testable import ConveneModel

@Suite struct JSONValueAccessTests {
    @Test(arguments: [
        ("0", 0), ("-0", 0), ("2023", 2023), ("-17", -17), ("2.023e3", 2023), ("2023.0", 2023), ("1e2", 100),
        ("1E+2", 100), ("12300e-2", 123), ("0e400", 0), ("0.0e-99999999999999999999", 0),
        ("9223372036854775807", Int.max), ("-9223372036854775808", Int.min), ("9.223372036854775807e18", Int.max),
    ])
    func readsExactIntegers(literal: String, expected: Int) {
        #expect(JSONValue.integerValue(fromLiteral: literal) == expected)
        #expect(JSONValue.number(literal).integerValue == expected)
    }

    @Test(arguments: [
        "1.5", "1e-1", "1e400", "2e70", "9223372036854775808", "-9223372036854775809", "1e99999999999999999999",
        "12345e-2", "", "-", "+1", "01", "1.", ".5", "1e", " 1", "1 ", "0x10", "NaN", "١٢",
    ])
    func rejectsLiteralsThatAreNotExactIntegers(literal: String) {
        #expect(JSONValue.integerValue(fromLiteral: literal) == nil)
    }

    @Test func integerValueIsNilForOtherTypes() {
        #expect(JSONValue.string("12").integerValue == nil)
        #expect(JSONValue.bool(true).integerValue == nil)
    }

    @Test func looksUpObjectMembersByKey() throws {
        let value = try JSONParser.parse(Array(#"{"city":"hue","count":3}"#.utf8))
        #expect(value["city"] == .string("hue"))
        #expect(value["count"]?.integerValue == 3)
        #expect(value["missing"] == nil)
        #expect(JSONValue.array([.null])["city"] == nil)
    }
}
