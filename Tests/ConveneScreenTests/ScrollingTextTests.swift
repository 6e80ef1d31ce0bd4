import ConveneScreen
import Testing

/// ``ScrollingText``: text in a frame that scrolls by wrapped lines and marks "more" on the frame.
@Suite struct ScrollingTextTests {
    static let lines: [[Span]] = (1...6).map { [Span("line \($0)")] }

    static func framed(offset: Int) -> [String] {
        var grid = Grid(width: 14, height: 5)
        let frame = Rect(row: 0, column: 0, width: 14, height: 5)
        Box().render(into: &grid, area: frame)
        ScrollingText(lines: lines, offset: offset).render(into: &grid, inner: Box().inner(of: frame), frame: frame)
        return grid.lines
    }

    @Test func atTheTopItMarksMoreBelowOnly() {
        #expect(Self.framed(offset: 0) == [
            "┌────────────┐",
            "│line 1      │",
            "│line 2      │",
            "│line 3      │",
            "└─── ↓ more ─┘",
        ])
    }

    @Test func inTheMiddleItMarksBothEdges() {
        #expect(Self.framed(offset: 2) == [
            "┌─── ↑ more ─┐",
            "│line 3      │",
            "│line 4      │",
            "│line 5      │",
            "└─── ↓ more ─┘",
        ])
    }

    @Test func anOffsetPastTheEndShowsTheLastScreenful() {
        #expect(Self.framed(offset: 99) == [
            "┌─── ↑ more ─┐",
            "│line 4      │",
            "│line 5      │",
            "│line 6      │",
            "└────────────┘",
        ])
        #expect(ScrollingText(lines: Self.lines, offset: 99).clampedOffset(width: 12, height: 3) == 3)
        #expect(ScrollingText(lines: Self.lines).maximumOffset(width: 12, height: 3) == 3)
    }

    @Test func wrappedLinesCountAndTheHighlightedLineIsFound() {
        let text = ScrollingText(lines: [[Span("one two three")], [Span("four")]], highlighted: 1)
        #expect(text.maximumOffset(width: 5, height: 1) == 3, "three wrapped lines, then four")
        #expect(text.firstWrappedLine(of: 1, width: 5) == 3)
    }

    @Test(arguments: [(0, 0), (1, 1), (2, 2), (9, 2), (3, 9)])
    func itNeverCrashesAtTinySizes(width: Int, height: Int) {
        var grid = Grid(width: width, height: height)
        let frame = Rect(row: 0, column: 0, width: width, height: height)
        ScrollingText(lines: Self.lines, offset: 4).render(into: &grid, inner: Box().inner(of: frame), frame: frame)
        #expect(grid.lines.count == height)
    }
}
