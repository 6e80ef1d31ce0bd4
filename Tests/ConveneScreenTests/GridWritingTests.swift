import Testing
import ConveneScreen

@Suite struct GridWritingTests {
    @Test func writesAsciiAndReturnsColumnsUsed() {
        var grid = Grid(width: 10, height: 1)
        #expect(grid.write("Hello", row: 0, column: 2) == 5)
        #expect(grid.lines == ["  Hello   "])
    }

    @Test func rendersDoubleWidthGraphemesWithContinuationCells() {
        var grid = Grid(width: 6, height: 1)
        #expect(grid.write("東京", row: 0, column: 1) == 4)
        #expect(grid.lines == [" 東京 "])
        #expect(grid[0, 1].width == 2)
        #expect(grid[0, 2].isContinuation)
    }

    @Test func clipsAtTheRightEdgeOfTheGrid() {
        var grid = Grid(width: 5, height: 1)
        #expect(grid.write("Keynote", row: 0, column: 0) == 5)
        #expect(grid.lines == ["Keyno"])
    }

    @Test func wideCharacterAtTheClippingEdgeBecomesABlank() {
        var grid = Grid(width: 5, height: 1)
        grid.fill(grid.bounds, with: Cell(text: "x"))
        grid.write("ab東", row: 0, column: 1, maxWidth: 3)
        #expect(grid.lines == ["xab x"])
        var edge = Grid(width: 3, height: 1)
        edge.write("a東", row: 0, column: 1)
        #expect(edge.lines == [" a "])
        #expect(!edge[0, 2].isContinuation)
    }

    @Test func maxWidthLimitsTheWrite() {
        var grid = Grid(width: 10, height: 1)
        #expect(grid.write("Hà Nội Hà Nội", row: 0, column: 0, maxWidth: 6) == 6)
        #expect(grid.lines == ["Hà Nội    "])
    }

    @Test func decomposedVietnameseTakesOneCellPerLetter() {
        var grid = Grid(width: 8, height: 1)
        #expect(grid.write("Nguye\u{302}\u{303}n", row: 0, column: 0) == 6)
        #expect(grid.lines == ["Nguyễn  "])
        #expect(grid[0, 4].text == "ễ")
    }

    @Test func thaiCombiningMarksJoinTheCellBeforeThem() {
        var grid = Grid(width: 4, height: 1)
        #expect(grid.write("น้ำ", row: 0, column: 0) == 2)
        #expect(grid[0, 0].text == "น\u{E49}")
        #expect(grid[0, 1].text == "\u{E33}")
        #expect(grid.lines == ["น้ำ  "])
    }

    @Test func hostileTextIsNeutralisedInTheGrid() {
        var grid = Grid(width: 14, height: 3)
        grid.write("Keynote\rFAKE", row: 0, column: 0)
        grid.write("\u{1b}]0;pwned\u{7}", row: 1, column: 0)
        grid.write("\u{202e}evil", row: 2, column: 0)
        #expect(grid.lines == ["Keynote␍FAKE  ", "␛]0;pwned␇    ", "evil          "])
        for cell in grid.cells {
            for scalar in cell.text.unicodeScalars {
                #expect(scalar.value >= 0x20 && scalar.value != 0x7F && !(0x80..<0xA0).contains(scalar.value))
            }
        }
    }

    @Test func tenThousandCombiningMarksStayInOneSmallCell() {
        var grid = Grid(width: 4, height: 1)
        grid.write("a" + String(repeating: "\u{301}", count: 10_000) + "b", row: 0, column: 0)
        #expect(grid[0, 0].text.unicodeScalars.count <= 5)
        #expect(grid[0, 1].text == "b")
    }

    @Test func overwritingHalfOfAWideCharacterBlanksTheOtherHalf() {
        var grid = Grid(width: 6, height: 1)
        grid.write("東京", row: 0, column: 0)
        grid.write("x", row: 0, column: 1)
        #expect(grid.lines == [" x京  "])
        grid.write("y", row: 0, column: 2)
        #expect(grid.lines == [" xy   "])
        for cell in grid.cells { #expect(!cell.isContinuation) }
    }

    @Test func writingOutsideTheGridDoesNothing() {
        var grid = Grid(width: 3, height: 1)
        #expect(grid.write("abc", row: 5, column: 0) == 0)
        #expect(grid.write("abc", row: 0, column: 9) == 0)
        #expect(grid.write("abc", row: -1, column: 0) == 0)
        #expect(grid.lines == ["   "])
        var empty = Grid(width: 0, height: 0)
        #expect(empty.write("abc", row: 0, column: 0) == 0)
    }

    @Test func negativeColumnClipsTheStartOfTheText() {
        var grid = Grid(width: 4, height: 1)
        grid.write("abcdef", row: 0, column: -2)
        #expect(grid.lines == ["cdef"])
        var wide = Grid(width: 4, height: 1)
        wide.write("東京", row: 0, column: -1)
        #expect(wide.lines == [" 京 "])
    }

    @Test func fillAndStyleTouchOnlyTheRectangle() {
        var grid = Grid(width: 4, height: 3)
        grid.fill(Rect(row: 1, column: 1, width: 2, height: 5), with: Cell(text: "#"))
        grid.updateStyle(in: Rect(row: 0, column: 0, width: 4, height: 1)) { $0.reverse = true }
        #expect(grid.lines == ["    ", " ## ", " ## "])
        #expect(grid.styleLines == ["RRRR", "....", "...."])
    }

    @Test func fillWithAWideOrControlCellDrawsSpaces() {
        var grid = Grid(width: 3, height: 1)
        grid.fill(grid.bounds, with: Cell(text: "東", width: 2))
        #expect(grid.lines == ["   "])
        grid.fill(grid.bounds, with: Cell(text: "\u{1b}"))
        #expect(grid.lines == ["␛␛␛"])
    }

    @Test func styleLinesMarkEachCellByItsMostTellingAttribute() {
        var grid = Grid(width: 5, height: 1)
        grid.write("ab", row: 0, column: 0, style: Style(bold: true, underline: true))
        grid.write("c", row: 0, column: 2, style: Style(underline: true))
        grid.write("d", row: 0, column: 3, style: Style(foreground: .red))
        #expect(grid.styleLines == ["BBUC."])
    }
}
