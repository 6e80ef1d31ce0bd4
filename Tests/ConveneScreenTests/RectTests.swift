import Testing
import ConveneScreen

@Suite struct RectTests {
    @Test func negativeValuesAreClampedToZero() {
        let rect = Rect(row: -1, column: -2, width: -3, height: -4)
        #expect(rect == Rect.zero)
        #expect(rect.isEmpty)
    }

    @Test func insetShrinksEverySideButNeverBelowEmpty() {
        let rect = Rect(row: 1, column: 2, width: 10, height: 5)
        #expect(rect.inset(by: 1) == Rect(row: 2, column: 3, width: 8, height: 3))
        #expect(rect.inset(by: 9).isEmpty)
        #expect(Rect.zero.inset(by: 1) == Rect.zero)
    }

    @Test func splitColumnsLeavesTheGapToNeitherSide() {
        let (left, right) = Rect(row: 0, column: 0, width: 80, height: 24).splitColumns(leftWidth: 30, gap: 1)
        #expect(left == Rect(row: 0, column: 0, width: 30, height: 24))
        #expect(right == Rect(row: 0, column: 31, width: 49, height: 24))
    }

    @Test func splitColumnsWiderThanTheRectGivesEverythingToTheLeft() {
        let (left, right) = Rect(row: 0, column: 0, width: 10, height: 2).splitColumns(leftWidth: 50, gap: 3)
        #expect(left.width == 10)
        #expect(right.width == 0)
    }

    @Test func splitRowsFromTopOrBottom() {
        let screen = Rect.screen(width: 80, height: 24)
        #expect(screen.splitRows(topHeight: 1).bottom == Rect(row: 1, column: 0, width: 80, height: 23))
        #expect(screen.splitRows(bottomHeight: 1).bottom == Rect(row: 23, column: 0, width: 80, height: 1))
        #expect(screen.splitRows(bottomHeight: 99).top.isEmpty)
    }

    @Test func centeredRectFitsInside() {
        let screen = Rect.screen(width: 80, height: 24)
        #expect(screen.centered(width: 40, height: 10) == Rect(row: 7, column: 20, width: 40, height: 10))
        #expect(Rect.screen(width: 5, height: 3).centered(width: 40, height: 10) == Rect.screen(width: 5, height: 3))
    }

    @Test func containsIsHalfOpen() {
        let rect = Rect(row: 2, column: 3, width: 4, height: 2)
        #expect(rect.contains(row: 2, column: 3))
        #expect(rect.contains(row: 3, column: 6))
        #expect(!rect.contains(row: 4, column: 3))
        #expect(!rect.contains(row: 2, column: 7))
        #expect(!Rect.zero.contains(row: 0, column: 0))
    }

    @Test func intersectionOfDisjointRectsIsEmpty() {
        let a = Rect(row: 0, column: 0, width: 5, height: 5)
        let b = Rect(row: 10, column: 10, width: 5, height: 5)
        #expect(a.intersection(b).isEmpty)
        #expect(a.intersection(Rect(row: 3, column: 3, width: 5, height: 5)) == Rect(row: 3, column: 3, width: 2, height: 2))
    }
}
