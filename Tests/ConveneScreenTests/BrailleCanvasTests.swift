import ConveneScreen
import Testing

/// The Map's dots: 2×4 per cell, Braille's own dot numbering, cells without dots left alone.
@Suite struct BrailleCanvasTests {
    @Test func dotsBecomeBraillePatternsInTheirCells() {
        var canvas = BrailleCanvas(width: 3, height: 1)
        canvas.set(column: 0, row: 0)                       // dot 1
        canvas.set(column: 3, row: 3)                       // dot 8 of the second cell
        for row in 0..<4 { for column in 4..<6 { canvas.set(column: column, row: row) } }   // every dot of the third
        var grid = Grid(width: 4, height: 1)
        grid.write("abcd", row: 0, column: 0)
        canvas.render(into: &grid, area: Rect(row: 0, column: 0, width: 4, height: 1))
        #expect(grid.lines == ["⠁⢀⣿d"])
    }

    @Test func aCellWithoutDotsKeepsWhatWasThere() {
        var canvas = BrailleCanvas(width: 2, height: 1)
        canvas.set(column: 2, row: 1)                       // dot 2 of the second cell
        var grid = Grid(width: 2, height: 1)
        grid.write("xy", row: 0, column: 0)
        canvas.render(into: &grid, area: grid.bounds)
        #expect(grid.lines == ["x⠂"])
        #expect(canvas.hasDots(column: 1, row: 0) && !canvas.hasDots(column: 0, row: 0))
    }

    @Test(arguments: [(0, 0), (1, 0), (0, 1), (3, 2)])
    func dotsOutsideAndAreasOfAnySizeDoNotCrash(width: Int, height: Int) {
        var canvas = BrailleCanvas(width: width, height: height)
        for (column, row) in [(-1, 0), (0, -1), (width * 2, 0), (0, height * 4), (Int.max, Int.max)] {
            canvas.set(column: column, row: row)
        }
        var grid = Grid(width: width, height: height)
        canvas.render(into: &grid, area: Rect(row: 0, column: 0, width: width + 5, height: height + 5))
        #expect(grid.lines.allSatisfy { $0.allSatisfy { $0 == " " } })
    }
}
