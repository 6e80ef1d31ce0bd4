import Testing
@testable import ConveneText

@Suite struct DisplayWidthTests {
    @Test func asciiTakesOneColumnPerCharacter() {
        #expect(DisplayWidth.of("Keynote") == 7)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test func precomposedVietnameseTakesOneColumnPerLetter() {
        #expect(DisplayWidth.of("Phạm Thị Thanh Hương") == 20)
        #expect(DisplayWidth.of("Đặng") == 4)
    }

    @Test func decomposedVietnameseMeasuresTheSameAsPrecomposed() {
        // "ệ" as e + circumflex + dot below, "ư" as u + horn.
        let decomposed = "Nguye\u{302}\u{323}n Hu\u{31B}o\u{31B}ng"
        #expect(decomposed.unicodeScalars.count > decomposed.count)
        #expect(DisplayWidth.of(decomposed) == DisplayWidth.of("Nguyễn Hương"))
        #expect(DisplayWidth.of(decomposed) == 12)
    }

    @Test func thaiVowelsAndToneMarksTakeNoColumn() {
        // "น้ำ" is one grapheme: น, a tone mark (0 wide) and SARA AM, a spacing letter.
        #expect(DisplayWidth.of("ภาษาไทย") == 7)
        #expect(DisplayWidth.of("\u{E49}" as Unicode.Scalar) == 0)
        #expect(DisplayWidth.of("\u{E34}" as Unicode.Scalar) == 0)
        #expect(DisplayWidth.of("น้ำ") == 2)
        #expect(DisplayWidth.of("กรุงเทพฯ") == 7)
    }

    @Test func graphemeWithTwoSpacingScalarsTakesBothColumnsLikeTheTerminal() {
        let thaiWater: Character = "น้ำ"
        #expect(thaiWater.unicodeScalars.count == 3)
        #expect(DisplayWidth.of(thaiWater) == 2)
    }

    @Test func cjkIdeographsKanaAndHangulTakeTwoColumns() {
        #expect(DisplayWidth.of("東京") == 4)
        #expect(DisplayWidth.of("ひらがなカタカナ") == 16)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("ＡＢ") == 4)
        #expect(DisplayWidth.of("\u{3000}" as Unicode.Scalar) == 2)
    }

    @Test func emojiWithEmojiPresentationTakeTwoColumns() {
        #expect(DisplayWidth.of("🎉" as Character) == 2)
        #expect(DisplayWidth.of("👍" as Character) == 2)
    }

    @Test func zeroWidthCharactersTakeNoColumn() {
        for value: UInt32 in [0x200B, 0x200D, 0x2060, 0xFEFF, 0x0301] {
            guard let scalar = Unicode.Scalar(value) else { Issue.record("bad scalar"); continue }
            #expect(DisplayWidth.of(scalar) == 0, "U+\(String(value, radix: 16))")
        }
    }

    @Test func controlCharactersCountAsZeroUntilSanitised() {
        #expect(DisplayWidth.of("\u{1B}" as Unicode.Scalar) == 0)
        #expect(DisplayWidth.of("\u{9B}" as Unicode.Scalar) == 0)
    }

    @Test func unassignedAndPrivateUseScalarsTakeOneColumn() {
        #expect(DisplayWidth.of("\u{E000}" as Unicode.Scalar) == 1)
        #expect(DisplayWidth.of("\u{378}" as Unicode.Scalar) == 1)
    }

    @Test(arguments: [
        (0x41, 1), (0xE9, 1), (0x0E31, 0), (0x1160, 0), (0x1100, 2), (0xAC00, 2), (0xD7A3, 2),
        (0xD7B0, 0), (0x0E33, 1), (0x4E00, 2), (0x20000, 2), (0x1F600, 2), (0x2764, 1), (0x0903, 1), (0xFF61, 1),
    ])
    func scalarWidthsMatchGlibcWcwidth(value: UInt32, expected: Int) throws {
        let scalar = try #require(Unicode.Scalar(value))
        #expect(DisplayWidth.of(scalar) == expected)
    }

    @Test func rangeTablesAreSortedAndDisjoint() {
        for table in [DisplayWidth.zeroWidthRanges, DisplayWidth.wideRanges] {
            #expect(table.count % 2 == 0)
            var previousHigh: UInt32? = nil
            for pair in stride(from: 0, to: table.count, by: 2) {
                #expect(table[pair] <= table[pair + 1])
                if let previousHigh { #expect(previousHigh < table[pair]) }
                previousHigh = table[pair + 1]
            }
        }
    }
}
