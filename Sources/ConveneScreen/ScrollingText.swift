/// Styled text in a framed area that scrolls by whole wrapped lines, and says on
/// its frame when there is more above ("↑ more") or below ("↓ more").
///
/// Shared by the help screen, the session and delegate panels, the Changes panel
/// and the detail pane, so they all scroll the same way. The state that owns the
/// offset clamps it with ``maximumOffset(width:height:)`` (the same wrapping the
/// drawing uses), so scrolling past the end and back costs no extra key presses.
public struct ScrollingText: Widget {
    /// The text: wrapped, scrolled and highlighted as a ``Paragraph``.
    public var paragraph: Paragraph
    /// The style of the "more" marks.
    public var markStyle: Style

    /// Makes scrolling text from lines, the first wrapped line shown and a highlighted logical line.
    public init(lines: [[Span]], offset: Int = 0, highlighted: Int? = nil, markStyle: Style = Style(bold: true)) {
        paragraph = Paragraph(lines: lines, scroll: offset, highlighted: highlighted)
        self.markStyle = markStyle
    }

    /// The mark on the bottom edge when text continues below.
    public static let moreBelow = " ↓ more "
    /// The mark on the top edge when text was scrolled past above.
    public static let moreAbove = " ↑ more "
    /// Both marks' display width.
    static let markWidth = 8

    /// The largest useful offset at a size: the one that shows the last line at the bottom.
    public func maximumOffset(width: Int, height: Int) -> Int {
        Scrolling.lastOffset(count: paragraph.lineCount(width: width), visibleRows: height)
    }

    /// The offset clamped to the text at a size.
    public func clampedOffset(width: Int, height: Int) -> Int {
        min(max(0, paragraph.scroll), maximumOffset(width: width, height: height))
    }

    /// The wrapped line on which a logical line starts, at a width: to keep a highlighted line in view.
    public func firstWrappedLine(of logical: Int, width: Int) -> Int? {
        paragraph.firstWrappedLine(of: logical, width: width)
    }

    /// Draws the text into `area` (no marks: there is no frame to put them on).
    public func render(into grid: inout Grid, area: Rect) {
        draw(into: &grid, area: area)
    }

    /// Draws the text into `inner` and the marks on the edges of `frame` (a box around it):
    /// "↑ more" at the right of the top edge, "↓ more" at the right of the bottom edge.
    public func render(into grid: inout Grid, inner: Rect, frame: Rect) {
        let (top, count) = draw(into: &grid, area: inner)
        guard !inner.isEmpty, frame.width >= Self.markWidth + 4, frame.height >= 2 else { return }
        let column = frame.right - Self.markWidth - 2
        if top > 0 {
            grid.write(Self.moreAbove, row: frame.row, column: column, style: markStyle)
        }
        if top + inner.height < count {
            grid.write(Self.moreBelow, row: frame.bottom - 1, column: column, style: markStyle)
        }
    }

    /// Draws the text from its clamped offset; returns that offset and the number of wrapped lines
    /// (the text is wrapped once to count it and once to draw it).
    @discardableResult
    private func draw(into grid: inout Grid, area: Rect) -> (top: Int, count: Int) {
        let count = paragraph.lineCount(width: area.width)
        var text = paragraph
        text.scroll = min(max(0, paragraph.scroll), Scrolling.lastOffset(count: count, visibleRows: area.height))
        text.render(into: &grid, area: area)
        return (text.scroll, count)
    }
}
