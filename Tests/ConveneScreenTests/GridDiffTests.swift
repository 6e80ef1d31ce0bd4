import Testing
@testable import ConveneScreen

@Suite struct GridDiffTests {
    // MARK: Helpers

    /// A grid whose rows hold `lines`; characters from U+2E80 up (CJK) take two cells.
    private func grid(_ lines: [String]) -> Grid {
        var grid = Grid(width: lines.map(columns).max() ?? 0, height: lines.count)
        for (row, line) in lines.enumerated() {
            write(line, into: &grid, row: row, column: 0)
        }
        return grid
    }

    private func isWide(_ character: Character) -> Bool {
        (character.unicodeScalars.first?.value ?? 0) >= 0x2E80
    }

    private func columns(_ line: String) -> Int {
        line.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    private func write(_ text: String, into grid: inout Grid, row: Int, column: Int, style: Style = .plain) {
        var column = column
        for character in text {
            let wide = isWide(character)
            grid[row, column] = Cell(text: String(character), width: wide ? 2 : 1, style: style)
            if wide {
                grid[row, column + 1] = Cell(text: "", width: 0, style: style)
            }
            column += wide ? 2 : 1
        }
    }

    /// A run as `(row, column, text)`, continuation cells omitted: easy to read in expectations.
    private func summary(_ runs: [CellRun]) -> [String] {
        runs.map { "\($0.row),\($0.column):\($0.cells.map(\.text).joined())" }
    }

    // MARK: Whole-screen repaints

    @Test func noPreviousFrameRepaintsEveryRow() {
        let runs = grid(["ab", "cd"]).changedRuns(since: nil)
        #expect(summary(runs) == ["0,0:ab", "1,0:cd"])
    }

    @Test func previousFrameOfAnotherSizeRepaintsEverything() {
        let old = grid(["ab", "cd"])
        let new = grid(["ab ", "cd "])
        #expect(summary(new.changedRuns(since: old)) == ["0,0:ab ", "1,0:cd "])
    }

    @Test func emptyGridsHaveNothingToWrite() {
        #expect(Grid(width: 0, height: 0).changedRuns(since: nil).isEmpty)
        #expect(Grid(width: 0, height: 3).changedRuns(since: nil).isEmpty)
        #expect(Grid(width: 4, height: 0).changedRuns(since: nil).isEmpty)
    }

    // MARK: Incremental frames

    @Test func identicalFramesProduceNoRuns() {
        let frame = grid(["Phạm Thị", "北京 서울"])
        #expect(frame.changedRuns(since: frame).isEmpty)
    }

    @Test func adjacentChangedCellsMergeIntoOneRun() {
        let old = grid(["abcdef"])
        let new = grid(["aXYZef"])
        #expect(summary(new.changedRuns(since: old)) == ["0,1:XYZ"])
    }

    @Test func separatedChangesOnARowStaySeparateRuns() {
        let old = grid(["abcdef"])
        let new = grid(["Xbcdef".replacingLast("Y")])
        #expect(summary(new.changedRuns(since: old)) == ["0,0:X", "0,5:Y"])
    }

    @Test func changesOnDifferentRowsAreReportedInScreenOrder() {
        let old = grid(["aaa", "bbb", "ccc"])
        let new = grid(["aaa", "bXb", "Ycc"])
        #expect(summary(new.changedRuns(since: old)) == ["1,1:X", "2,0:Y"])
    }

    @Test func changesAtBothEndsOfARowAreIncluded() {
        let old = grid(["abc"])
        let new = grid(["XbY"])
        let runs = new.changedRuns(since: old)
        #expect(summary(runs) == ["0,0:X", "0,2:Y"])
    }

    @Test func aStyleChangeAloneCountsAsAChange() {
        let old = grid(["abc"])
        var new = old
        write("b", into: &new, row: 0, column: 1, style: Style(reverse: true))
        let runs = new.changedRuns(since: old)
        #expect(summary(runs) == ["0,1:b"])
        #expect(runs.first?.cells.first?.style.reverse == true)
    }

    // MARK: Wide characters

    @Test func aChangedWideCharacterIncludesItsContinuation() throws {
        let old = grid(["a北c"])
        let new = grid(["a京c"])
        let runs = new.changedRuns(since: old)
        let run = try #require(runs.first)
        #expect(runs.count == 1)
        #expect(run.column == 1)
        #expect(run.cells.map(\.width) == [2, 0])
    }

    @Test func aWideCharacterWhoseStyleChangedIncludesItsUnchangedContinuation() throws {
        let old = grid(["北"])
        var new = old
        new[0, 0] = Cell(text: "北", width: 2, style: Style(bold: true))
        let run = try #require(new.changedRuns(since: old).first)
        #expect(run.column == 0)
        #expect(run.cells.count == 2)
    }

    @Test func aChangedContinuationPullsInTheWideCharacterToItsLeft() throws {
        let old = grid(["北"])
        var new = old
        new[0, 1] = Cell(text: "", width: 0, style: Style(underline: true))
        let run = try #require(new.changedRuns(since: old).first)
        #expect(run.column == 0)
        #expect(run.cells.map(\.width) == [2, 0])
    }

    @Test func narrowTextReplacingAWideCharacterRewritesBothColumns() {
        let old = grid(["a北c"])
        let new = grid(["axyc"])
        #expect(summary(new.changedRuns(since: old)) == ["0,1:xy"])
    }

    @Test func runColumnsMatchScreenColumnsAcrossWideCharacters() {
        let old = grid(["北京abc"])
        let new = grid(["北京aXc"])
        // 北 and 京 take columns 0–3, so "b" is at column 5.
        #expect(summary(new.changedRuns(since: old)) == ["0,5:X"])
    }

    @Test(arguments: [
        ("Phạm Thị Thanh Hương", "Phạm Thị Thanh Hưong"),
        ("Pha\u{323}m Thi\u{323}", "Pham Thi\u{323}"),
    ])
    func vietnameseGraphemesCompareWholeClusters(old: String, new: String) {
        let runs = grid([new]).changedRuns(since: grid([old]))
        #expect(runs.count == 1)
        #expect(runs.first?.cells.count == 1)
    }
}

private extension String {
    func replacingLast(_ replacement: Character) -> String {
        String(dropLast()) + String(replacement)
    }
}
