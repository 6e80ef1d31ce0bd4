import Testing
import ConveneScreen

@Suite struct TabBarTests {
    @Test func activeTabIsReversedAndTabsAreSpaced() {
        var grid = Grid(width: 24, height: 1)
        let bar = TabBar(titles: ["1 Events", "2 Cities"], active: 1)
        bar.render(into: &grid, area: grid.bounds)
        #expect(grid.lines == [" 1 Events   2 Cities    "])
        #expect(grid.styleLines == ["...........RRRRRRRRRR..."])
    }

    @Test func tabRangesMapClicksBackToTabs() {
        let bar = TabBar(titles: ["1 Events", "2 東京"], active: 0)
        let area = Rect(row: 0, column: 2, width: 30, height: 1)
        #expect(bar.tabRanges(in: area) == [2..<12, 13..<21])
        #expect(bar.tabAt(column: 12, in: area) == nil)
        #expect(bar.tabAt(column: 15, in: area) == 1)
        #expect(bar.tabAt(column: 0, in: area) == nil)
    }

    @Test func aRuledStripWithoutPaddingMeasuresWideTitlesByDisplayWidth() {
        var grid = Grid(width: 22, height: 1)
        let bar = TabBar(titles: ["1 東京", "2 Hà Nội", "3 X"], active: 0, padding: 0,
                         separator: " │ ", separatorStyle: Style(dim: true))
        bar.render(into: &grid, area: grid.bounds)
        #expect(grid.lines == ["1 東京 │ 2 Hà Nội │ 3 "])
        #expect(bar.tabRanges(in: grid.bounds) == [0..<6, 9..<17, 20..<22])
        #expect(grid.styleLines == ["RRRRRRDDD........DDD.."])
    }

    @Test func tabsPastTheRightEdgeAreClipped() {
        var grid = Grid(width: 12, height: 1)
        let bar = TabBar(titles: ["1 Events", "2 Cities"], active: 0)
        bar.render(into: &grid, area: grid.bounds)
        #expect(grid.lines == [" 1 Events   "])
        #expect(bar.tabRanges(in: grid.bounds) == [0..<10, 11..<12])
    }
}

@Suite struct BarChartTests {
    @Test func barsAreScaledToTheLargestValueInEighths() {
        let chart = BarChart(bars: [.init(label: "Hà Nội", value: 8, share: "50%"),
                                    .init(label: "東京", value: 5, share: "31%"),
                                    .init(label: "Bangkok", value: 3, share: "19%")])
        var grid = Grid(width: 24, height: 3)
        chart.render(into: &grid, area: grid.bounds)
        #expect(grid.lines == [
            "Hà Nội  ████████████ 50%",
            "東京    ███████▌     31%",
            "Bangkok ████▌        19%",
        ])
    }

    @Test func barTextShowsAnyPositiveValue() {
        #expect(BarChart.barText(value: 1, maximum: 1000, width: 4) == "▏   ")
        #expect(BarChart.barText(value: 0, maximum: 10, width: 3) == "   ")
        #expect(BarChart.barText(value: .nan, maximum: 10, width: 2) == "  ")
        #expect(BarChart.barText(value: 5, maximum: 10, width: 3) == "█▌ ")
        #expect(BarChart.barText(value: 5, maximum: 10, width: 0) == "")
    }

    @Test func selectedBarRowIsReversed() {
        let chart = BarChart(bars: [.init(label: "a", value: 1), .init(label: "b", value: 2)], selected: 1)
        var grid = Grid(width: 6, height: 2)
        chart.render(into: &grid, area: grid.bounds)
        #expect(grid.styleLines == ["......", "RRRRRR"])
        #expect(chart.rowAt(screenRow: 1, in: grid.bounds) == 1)
        #expect(chart.rowAt(screenRow: 2, in: grid.bounds) == nil)
    }
}

@Suite struct ParagraphTests {
    @Test func wrapsStyledSpansAndKeepsTheirStyles() {
        let paragraph = Paragraph(lines: [[Span("Room: ", style: Style(bold: true)), Span("Hội trường lớn A")]])
        var grid = Grid(width: 12, height: 3)
        paragraph.render(into: &grid, area: grid.bounds)
        #expect(grid.lines == [
            "Room: Hội   ",
            "trường lớn A",
            "            ",
        ])
        #expect(grid.styleLines[0] == "BBBBBB......")
    }

    @Test func textInitialiserKeepsLineBreaksAndNeutralisesControls() {
        let paragraph = Paragraph(text: "Line one\r\n\u{1b}[2Jtwo")
        var grid = Grid(width: 10, height: 2)
        paragraph.render(into: &grid, area: grid.bounds)
        #expect(grid.lines == ["Line one  ", "␛[2Jtwo   "])
    }

    @Test func aHighlightedLineIsReversedInAllItsWrappedPieces() {
        var grid = Grid(width: 6, height: 3)
        Paragraph(lines: [[Span("ab")], [Span("cd efgh")]], highlighted: 1).render(into: &grid, area: grid.bounds)
        #expect(grid.lines == ["ab    ", "cd    ", "efgh  "])
        #expect(grid.styleLines == ["......", "RR....", "RRRR.."])
    }

    @Test func scrollSkipsWrappedLines() {
        let paragraph = Paragraph(text: "one two three four", scroll: 1)
        #expect(paragraph.lineCount(width: 5) == 4)
        var grid = Grid(width: 5, height: 2)
        paragraph.render(into: &grid, area: grid.bounds)
        #expect(grid.lines == ["two  ", "three"])
    }

    @Test func cjkWrapsByColumns() {
        var grid = Grid(width: 5, height: 3)
        Paragraph(text: "東京都庁舎").render(into: &grid, area: grid.bounds)
        #expect(grid.lines == ["東京 ", "都庁 ", "舎   "])
    }
}

@Suite struct BoxTests {
    @Test func drawsABorderWithItsTitle() {
        var grid = Grid(width: 12, height: 3)
        Box(title: "Chi tiết").render(into: &grid, area: grid.bounds)
        #expect(grid.lines == [
            "┌ Chi tiết ┐",
            "│          │",
            "└──────────┘",
        ])
        #expect(Box().inner(of: grid.bounds) == Rect(row: 1, column: 1, width: 10, height: 1))
    }

    @Test func longTitleIsTruncated() {
        var grid = Grid(width: 10, height: 2)
        Box(title: "東京の会議の詳細").render(into: &grid, area: grid.bounds)
        #expect(grid.lines == ["┌ 東京… ─┐", "└────────┘"])
    }

    @Test func titleOffsetPaddingAndClearingMakeAPanelOverOtherText() {
        var grid = Grid(width: 14, height: 4)
        for row in 0..<4 { grid.write("xxxxxxxxxxxxxx", row: row, column: 0) }
        let box = Box(title: "Details", titleOffset: 2, padding: 1, clears: true)
        box.render(into: &grid, area: grid.bounds)
        #expect(grid.lines == [
            "┌─ Details ──┐",
            "│            │",
            "│            │",
            "└────────────┘",
        ])
        #expect(box.inner(of: grid.bounds) == Rect(row: 1, column: 2, width: 10, height: 2))
    }

    @Test func anOffsetTitleIsTruncatedToLeaveTheBorderSymmetric() {
        var grid = Grid(width: 12, height: 2)
        Box(title: "Session details", titleOffset: 2).render(into: &grid, area: grid.bounds)
        #expect(grid.lines == ["┌─ Sessi… ─┐", "└──────────┘"])
    }

    @Test func tooSmallForABorderDrawsNothing() {
        var grid = Grid(width: 1, height: 5)
        Box(title: "x").render(into: &grid, area: grid.bounds)
        #expect(grid.lines == [" ", " ", " ", " ", " "])
        #expect(Box().inner(of: grid.bounds).isEmpty)
    }
}

@Suite struct KeyHintsTests {
    @Test func showsAsManyWholeHintsAsFitWithKeysBold() {
        let hints = KeyHints([("q", "Quit"), ("/", "Search"), ("?", "Help")])
        var grid = Grid(width: 17, height: 1)
        hints.render(into: &grid, area: grid.bounds)
        #expect(grid.lines == ["q Quit  / Search "])
        #expect(grid.styleLines == ["B.......B........"])
        #expect(hints.hintRanges(in: grid.bounds) == [0..<6, 8..<16])
    }

    @Test func rightAlignedPaddedHintsKeepTheMostImportantInTheirOrder() {
        let hints = KeyHints([.init(key: "/", label: "search", priority: 2), .init(key: "x", label: "clear", priority: 3),
                              .init(key: "?", label: "help", priority: 1), .init(key: "q", label: "quit", priority: 0)],
                             keyStyle: Style(bold: true), alignment: .right, padding: 1, gap: 0)
        var grid = Grid(width: 30, height: 1)
        hints.render(into: &grid, area: grid.bounds)
        #expect(grid.lines == ["     / search  ? help  q quit "], "x clear does not fit: the less important hint goes")
        #expect(grid.styleLines == [".....B.........B.......B......"])
        #expect(hints.hintRanges(in: grid.bounds) == [4..<14, 14..<22, 22..<30])
    }

    @Test func aSeparatorSitsBetweenHintsAndCountsAsTheGap() {
        let hints = KeyHints([.init(key: "Enter", label: "keep"), .init(key: "Esc", label: "clear", priority: 1)],
                             keyStyle: Style(bold: true, reverse: true), style: Style(reverse: true), alignment: .right,
                             padding: 1, separator: "·")
        var grid = Grid(width: 26, height: 1)
        hints.render(into: &grid, area: grid.bounds)
        #expect(grid.lines == ["   Enter keep · Esc clear "])
        #expect(grid.styleLines { $0.bold ? "B" : $0.reverse ? "R" : "." } == ["RRRBBBBBRRRRRRRRBBBRRRRRRR"])
        #expect(hints.usedWidth(in: 26) == 24)
        var narrow = Grid(width: 14, height: 1)
        hints.render(into: &narrow, area: narrow.bounds)
        #expect(narrow.lines == ["   Enter keep "], "a hint that does not fit goes whole, separator and all")
        #expect(hints.usedWidth(in: 14) == 12)
        #expect(hints.usedWidth(in: 5) == 0)
    }
}

@Suite struct TextInputTests {
    @Test func drawsPromptTextAndAReverseCursorAtTheEnd() {
        let input = TextInput(prompt: "/", text: "Hà Nội")
        var grid = Grid(width: 10, height: 1)
        input.render(into: &grid, area: grid.bounds)
        #expect(grid.lines == ["/Hà Nội   "])
        #expect(grid.styleLines == ["B......R.."])
        #expect(input.cursorColumn(in: grid.bounds) == 7)
    }

    @Test func cursorInsideTheTextReversesTheCharacterUnderIt() {
        let input = TextInput(prompt: "> ", text: "東京", cursor: 1)
        var grid = Grid(width: 8, height: 1)
        input.render(into: &grid, area: grid.bounds)
        #expect(grid.lines == ["> 東京  "])
        #expect(grid.styleLines == ["BB..RR.."])
    }

    @Test func longTextScrollsToKeepTheCursorVisible() {
        let input = TextInput(prompt: "/", text: "abcdefghij")
        var grid = Grid(width: 6, height: 1)
        input.render(into: &grid, area: grid.bounds)
        #expect(grid.lines == ["/ghij "])
        #expect(grid.styleLines == ["B....R"])
    }

    @Test func aGlyphCursorShowsOnAReversedLine() {
        let reversed = Style(reverse: true)
        let input = TextInput(prompt: "/", text: "Huế", style: reversed, cursorShape: .glyph("▏", Style(bold: true, reverse: true)))
        var grid = Grid(width: 7, height: 1)
        input.render(into: &grid, area: grid.bounds)
        #expect(grid.lines == ["/Huế▏  "])
        #expect(grid.styleLines { $0.bold ? "B" : $0.reverse ? "R" : "." } == ["BRRRBRR"])
    }

    @Test func aGlyphCursorInsideTheTextStylesTheCharacterUnderIt() {
        let input = TextInput(prompt: "", text: "ab", cursor: 0, cursorShape: .glyph("▏", Style(underline: true)))
        var grid = Grid(width: 4, height: 1)
        input.render(into: &grid, area: grid.bounds)
        #expect(grid.lines == ["ab  "])
        #expect(grid.styleLines == ["U..."])
    }

    @Test func emptyTextShowsThePlaceholderDimmed() {
        let input = TextInput(prompt: "/", text: "", placeholder: "search")
        var grid = Grid(width: 10, height: 1)
        input.render(into: &grid, area: grid.bounds)
        #expect(grid.lines == ["/ search  "])
        #expect(grid.styleLines == ["BRDDDDDD.."])
    }
}

@Suite struct TinySizeTests {
    static let widgets: [any Widget] = [
        Table(columns: [.init("Time", width: .fixed(5)), .init("Tên", width: .flexible(min: 3))],
              rows: [["09:00", "東京 Hương"]], selected: 0),
        TabBar(titles: ["1 Events", "2 東京"], active: 1),
        BarChart(bars: [.init(label: "Hà Nội", value: 3, share: "100%")], selected: 0),
        Paragraph(text: "Phạm Thị Thanh Hương 東京都庁舎\nline two"),
        Box(title: "Chi tiết"),
        KeyHints([("q", "Quit"), ("/", "Search")]),
        TextInput(prompt: "/", text: "東京 Hà Nội", cursor: 2, placeholder: "x"),
        TextInput(prompt: "/", text: "東京", cursorShape: .glyph("▏", .plain)),
        KeyHints([.init(key: "Enter", label: "keep"), .init(key: "Esc", label: "clear")], separator: " · "),
    ]

    @Test func everyWidgetSurvivesEverySizeFromZeroByZero() {
        for widget in Self.widgets {
            for width in 0...6 {
                for height in 0...3 {
                    var grid = Grid(width: width, height: height)
                    widget.render(into: &grid, area: grid.bounds)
                    #expect(grid.lines.count == height)
                    // An area larger than the grid is clipped, not trusted.
                    widget.render(into: &grid, area: Rect(row: 1, column: 1, width: 40, height: 40))
                    #expect(grid.cells.count == width * height)
                }
            }
        }
    }

    @Test func noWidgetLeavesHalfAWideCharacter() {
        for widget in Self.widgets {
            for width in 1...9 {
                var grid = Grid(width: width, height: 3)
                widget.render(into: &grid, area: grid.bounds)
                for row in 0..<grid.height {
                    for column in 0..<grid.width where grid[row, column].width == 2 {
                        #expect(column + 1 < grid.width && grid[row, column + 1].isContinuation)
                    }
                    for column in 0..<grid.width where grid[row, column].isContinuation {
                        #expect(column > 0 && grid[row, column - 1].width == 2)
                    }
                }
            }
        }
    }
}
