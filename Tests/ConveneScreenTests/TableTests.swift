import Testing
import ConveneScreen

@Suite struct TableTests {
    static let columns: [Table.Column] = [
        .init("Time", width: .fixed(5)),
        .init("Title", width: .flexible(min: 4)),
        .init("N", width: .fixed(3), alignment: .right),
    ]

    @Test func vietnameseAndCJKRowsKeepTheSeparatorsAligned() {
        let table = Table(columns: Self.columns,
                          rows: [["09:00", "Hội thảo Hà Nội", "12"],
                                 ["10:30", "東京の会議", "7"],
                                 ["11:00", "Pha\u{323}m Thi\u{323}", "140"]],
                          separator: "│")
        var grid = Grid(width: 30, height: 5)
        table.render(into: &grid, area: grid.bounds)
        #expect(grid.lines == [
            "Time │Title               │  N",
            "09:00│Hội thảo Hà Nội     │ 12",
            "10:30│東京の会議          │  7",
            "11:00│Phạm Thị            │140",
            "                              ",
        ])
    }

    @Test func longCellsAreTruncatedWithAnEllipsis() {
        let table = Table(columns: Self.columns,
                          rows: [["09:00", "Opening Keynote on Creative Cities", "1"],
                                 ["10:30", "東京都庁舎の見学ツアー", "2"]])
        var grid = Grid(width: 20, height: 3)
        table.render(into: &grid, area: grid.bounds)
        #expect(grid.lines == [
            "Time  Title        N",
            "09:00 Opening K…   1",
            "10:30 東京都庁…    2",
        ])
    }

    @Test func headerIsBoldAndTheSelectedRowIsReversedAcrossTheWholeWidth() {
        let table = Table(columns: Self.columns, rows: [["09:00", "A", "1"], ["10:30", "B", "2"]],
                          selected: 1, rowStyles: [0: Style(dim: true)])
        var grid = Grid(width: 12, height: 4)
        table.render(into: &grid, area: grid.bounds)
        #expect(grid.styleLines == [
            "BBBBBBBBBBBB",
            "DDDDDDDDDDDD",
            "RRRRRRRRRRRR",
            "............",
        ])
    }

    @Test func offsetScrollsTheRows() {
        let rows = (0..<10).map { ["\($0)", "row \($0)", ""] }
        let table = Table(columns: Self.columns, rows: rows, offset: 4)
        var grid = Grid(width: 16, height: 3)
        table.render(into: &grid, area: grid.bounds)
        #expect(grid.lines == [
            "Time  Title    N",
            "4     row 4     ",
            "5     row 5     ",
        ])
        #expect(table.rowAt(screenRow: 0, in: grid.bounds) == nil)
        #expect(table.rowAt(screenRow: 2, in: grid.bounds) == 5)
        #expect(table.rowAt(screenRow: 3, in: grid.bounds) == nil)
    }

    @Test(arguments: [
        // selected, current offset, visible rows, count, expected offset
        (5, 0, 10, 50, 0),
        (12, 0, 10, 50, 3),
        (2, 8, 10, 50, 2),
        (49, 0, 10, 50, 40),
        (0, 45, 10, 50, 0),
        (3, 30, 10, 5, 0),
        (0, 0, 0, 5, 0),
    ])
    func visibleOffsetKeepsTheSelectionInView(selected: Int, current: Int, visible: Int, count: Int, expected: Int) {
        #expect(Table.visibleOffset(selected: selected, currentOffset: current, visibleRows: visible, count: count) == expected)
    }

    @Test func visibleOffsetWithoutSelectionOnlyClamps() {
        #expect(Table.visibleOffset(selected: nil, currentOffset: 99, visibleRows: 10, count: 20) == 10)
    }

    @Test func flexibleColumnsShareSpareSpaceByWeight() {
        let table = Table(columns: [.init("A", width: .flexible(min: 2, weight: 1)),
                                    .init("B", width: .flexible(min: 2, weight: 3)),
                                    .init("C", width: .fixed(4))],
                          rows: [])
        #expect(table.columnWidths(forWidth: 22) == [5, 11, 4])
        #expect(table.columnRanges(in: Rect(row: 0, column: 10, width: 22, height: 1)) == [10..<15, 16..<27, 28..<32])
    }

    @Test func columnsNarrowFromTheRightWhenTheAreaIsTooSmall() {
        let table = Table(columns: Self.columns, rows: [])
        #expect(table.columnWidths(forWidth: 8) == [5, 1, 0])
    }

    @Test func neverCrashesAtTinySizes() {
        let table = Table(columns: Self.columns, rows: [["09:00", "東京 Hà Nội", "3"]], selected: 0)
        for width in 0...12 {
            for height in 0...3 {
                var grid = Grid(width: width, height: height)
                table.render(into: &grid, area: grid.bounds)
                #expect(grid.lines.count == height)
            }
        }
        var grid = Grid(width: 1, height: 1)
        Table(columns: [], rows: [["x"]]).render(into: &grid, area: grid.bounds)
        Table(columns: Self.columns, rows: [[]], selected: 5, offset: -3).render(into: &grid, area: grid.bounds)
    }
}
