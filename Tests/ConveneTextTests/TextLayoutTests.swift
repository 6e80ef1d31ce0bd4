import Testing
import ConveneText

@Suite struct TextLayoutTests {
    @Test func shortTextIsNotTruncated() {
        #expect(TextLayout.truncate("Keynote", toWidth: 7) == "Keynote")
        #expect(TextLayout.truncate("東京", toWidth: 4) == "東京")
    }

    @Test func longTextEndsWithAnEllipsis() {
        #expect(TextLayout.truncate("Opening Keynote", toWidth: 8) == "Opening…")
        #expect(TextLayout.truncate("Nguyễn Văn An", toWidth: 8) == "Nguyễn …")
    }

    @Test func decomposedTextTruncatesByColumnsNotScalars() {
        let decomposed = "Nguye\u{302}\u{303}n Va\u{306}n An"
        #expect(DisplayWidth.of(TextLayout.truncate(decomposed, toWidth: 8)) == 8)
    }

    @Test func wideCharacterThatWouldStraddleTheEdgeIsDropped() {
        let cut = TextLayout.truncate("東京都庁", toWidth: 6)
        #expect(cut == "東京…")
        #expect(DisplayWidth.of(cut) == 5)
    }

    @Test func truncatingToNothingGivesEmptyOrEllipsis() {
        #expect(TextLayout.truncate("Keynote", toWidth: 0) == "")
        #expect(TextLayout.truncate("Keynote", toWidth: -3) == "")
        #expect(TextLayout.truncate("Keynote", toWidth: 1) == "…")
    }

    @Test func paddingMakesTextExactlyTheWidth() {
        #expect(TextLayout.pad("An", toWidth: 5) == "An   ")
        #expect(TextLayout.pad("42", toWidth: 5, alignment: .right) == "   42")
        #expect(TextLayout.pad("東京都庁", toWidth: 6) == "東京… ")
        #expect(DisplayWidth.of(TextLayout.pad("Hương", toWidth: 8)) == 8)
        #expect(TextLayout.pad("x", toWidth: 0) == "")
    }

    @Test func wrapBreaksAtSpaces() {
        #expect(TextLayout.wrap("the quick brown fox", width: 10) == ["the quick", "brown fox"])
    }

    @Test func wrapBreaksWordsLongerThanALine() {
        #expect(TextLayout.wrap("abcdefghij xy", width: 4) == ["abcd", "efgh", "ij", "xy"])
    }

    @Test func wrapMeasuresCJKByColumns() {
        #expect(TextLayout.wrap("東京都庁舎", width: 4) == ["東京", "都庁", "舎"])
        #expect(TextLayout.wrap("東京都", width: 5) == ["東京", "都"])
    }

    @Test func wrapKeepsLineBreaksAndBlankLines() {
        #expect(TextLayout.wrap("Hà Nội\n\nSài Gòn", width: 20) == ["Hà Nội", "", "Sài Gòn"])
        #expect(TextLayout.wrap("", width: 5) == [""])
    }

    @Test func wrapGivesAWideCharacterItsOwnLineInOneColumn() {
        #expect(TextLayout.wrap("東京", width: 1) == ["東", "京"])
    }

    @Test func wrapToNoWidthGivesNoLines() {
        #expect(TextLayout.wrap("anything", width: 0).isEmpty)
    }

    @Test func everyWrappedLineFitsItsWidth() {
        let text = "Phạm Thị Thanh Hương giới thiệu 東京 và กรุงเทพฯ trong một bài nói rất dài"
        for width in 1...30 {
            for line in TextLayout.wrap(text, width: width) {
                #expect(DisplayWidth.of(line) <= max(width, 2), "width \(width): \(line)")
            }
        }
    }
}
