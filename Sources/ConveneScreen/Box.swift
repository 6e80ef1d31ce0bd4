import ConveneText

/// A single-line border with an optional title in its top edge:
/// "┌ Details ───┐".
///
/// Draw the box, then draw the content into ``inner(of:)``.
public struct Box: Widget {
    /// Text set into the top border, truncated with "…" to fit.
    public var title: String?
    /// The style of the border lines.
    public var style: Style
    /// The style of the title.
    public var titleStyle: Style

    /// Makes a box.
    public init(title: String? = nil, style: Style = .plain, titleStyle: Style = Style(bold: true)) {
        self.title = title
        self.style = style
        self.titleStyle = titleStyle
    }

    /// The area inside the border; empty when the area is too small for one.
    public func inner(of area: Rect) -> Rect {
        guard area.width >= 2, area.height >= 2 else {
            return Rect(row: area.row, column: area.column, width: 0, height: 0)
        }
        return area.inset(by: 1)
    }

    /// Draws the border (only when there is room for all four corners) and title.
    public func render(into grid: inout Grid, area: Rect) {
        guard area.width >= 2, area.height >= 2 else { return }
        let horizontal = String(repeating: "─", count: area.width - 2)
        grid.write("┌" + horizontal + "┐", row: area.row, column: area.column, maxWidth: area.width, style: style)
        for row in (area.row + 1)..<(area.bottom - 1) {
            grid.write("│", row: row, column: area.column, maxWidth: 1, style: style)
            grid.write("│", row: row, column: area.right - 1, maxWidth: 1, style: style)
        }
        grid.write("└" + horizontal + "┘", row: area.bottom - 1, column: area.column, maxWidth: area.width, style: style)
        if let title, !title.isEmpty, area.width >= 5 {
            let room = area.width - 4  // a corner and a space each side
            let fitted = TextLayout.truncate(Sanitizer.line(title), toWidth: room)
            grid.write(" " + fitted + " ", row: area.row, column: area.column + 1,
                       maxWidth: area.width - 2, style: titleStyle)
        }
    }
}
