import ConveneText

/// A single-line border with an optional title in its top edge:
/// "┌ Details ───┐".
///
/// Draw the box, then draw the content into ``inner(of:)``. A box drawn over
/// other content (a panel over a list) sets `clears` so nothing shows through.
public struct Box: Widget {
    /// Text set into the top border, truncated with "…" to fit.
    public var title: String?
    /// The style of the border lines.
    public var style: Style
    /// The style of the title.
    public var titleStyle: Style
    /// Border cells between the left corner and the title: 1 draws "┌ Title", 2 draws "┌─ Title".
    public var titleOffset: Int
    /// Blank columns kept inside the left and right borders, so text does not touch them.
    public var padding: Int
    /// Whether the whole area is blanked first.
    public var clears: Bool

    /// Makes a box.
    public init(title: String? = nil, style: Style = .plain, titleStyle: Style = Style(bold: true),
                titleOffset: Int = 1, padding: Int = 0, clears: Bool = false) {
        self.title = title
        self.style = style
        self.titleStyle = titleStyle
        self.titleOffset = max(1, titleOffset)
        self.padding = max(0, padding)
        self.clears = clears
    }

    /// The area inside the border and padding; empty when the area is too small for one.
    public func inner(of area: Rect) -> Rect {
        guard area.width >= 2, area.height >= 2 else {
            return Rect(row: area.row, column: area.column, width: 0, height: 0)
        }
        return area.inset(top: 1, left: 1 + padding, bottom: 1, right: 1 + padding)
    }

    /// Draws the border (only when there is room for all four corners) and title.
    public func render(into grid: inout Grid, area: Rect) {
        guard area.width >= 2, area.height >= 2 else { return }
        if clears { grid.fill(area, with: .blank) }
        let horizontal = String(repeating: "─", count: area.width - 2)
        grid.write("┌" + horizontal + "┐", row: area.row, column: area.column, maxWidth: area.width, style: style)
        for row in (area.row + 1)..<(area.bottom - 1) {
            grid.write("│", row: row, column: area.column, maxWidth: 1, style: style)
            grid.write("│", row: row, column: area.right - 1, maxWidth: 1, style: style)
        }
        grid.write("└" + horizontal + "┘", row: area.bottom - 1, column: area.column, maxWidth: area.width, style: style)
        // Room for the title: the offset and a space each side (the border mirrors the offset on the right).
        let room = area.width - 2 * titleOffset - 2
        if let title, !title.isEmpty, room >= 1 {
            let fitted = TextLayout.truncate(Sanitizer.line(title), toWidth: room)
            grid.write(" " + fitted + " ", row: area.row, column: area.column + titleOffset,
                       maxWidth: area.width - 2 * titleOffset, style: titleStyle)
        }
    }
}
