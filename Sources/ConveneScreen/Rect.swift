/// A rectangle of cells on the screen: where a widget may draw.
///
/// Geometry is `row`/`column`/`width`/`height`, 0-based from the top-left.
/// Nothing is ever negative: the initialiser clamps, and every helper clamps
/// again, so layout arithmetic on a tiny terminal degrades to empty rectangles
/// instead of crashing.
public struct Rect: Sendable, Hashable, CustomStringConvertible {
    /// The top row.
    public var row: Int
    /// The leftmost column.
    public var column: Int
    /// How many columns wide.
    public var width: Int
    /// How many rows tall.
    public var height: Int

    /// Makes a rectangle, clamping any negative value to 0.
    public init(row: Int, column: Int, width: Int, height: Int) {
        self.row = max(0, row)
        self.column = max(0, column)
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The empty rectangle at the origin.
    public static let zero = Rect(row: 0, column: 0, width: 0, height: 0)

    /// A rectangle at the origin covering a whole screen of the given size.
    public static func screen(width: Int, height: Int) -> Rect {
        Rect(row: 0, column: 0, width: width, height: height)
    }

    /// One past the bottom row.
    public var bottom: Int { row + height }
    /// One past the rightmost column.
    public var right: Int { column + width }
    /// Whether there is no cell inside at all.
    public var isEmpty: Bool { width == 0 || height == 0 }
    /// The number of cells inside.
    public var area: Int { width * height }

    /// Whether a screen position falls inside: for mouse hit tests.
    public func contains(row: Int, column: Int) -> Bool {
        row >= self.row && row < bottom && column >= self.column && column < right
    }

    /// The part shared with another rectangle (empty if they do not overlap).
    public func intersection(_ other: Rect) -> Rect {
        let top = max(row, other.row)
        let left = max(column, other.column)
        return Rect(row: top, column: left,
                    width: min(right, other.right) - left,
                    height: min(bottom, other.bottom) - top)
    }

    /// Shrinks by `amount` on every side: the inside of a border or a margin.
    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    /// Shrinks by a different amount on each side, never below empty.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let top = max(0, top), left = max(0, left), bottom = max(0, bottom), right = max(0, right)
        let newWidth = max(0, width - left - right)
        let newHeight = max(0, height - top - bottom)
        return Rect(row: row + min(top, height), column: column + min(left, width),
                    width: newWidth, height: newHeight)
    }

    /// Splits into a left part `leftWidth` wide and the rest, with `gap`
    /// columns between them left to neither: a list beside a detail pane.
    public func splitColumns(leftWidth: Int, gap: Int = 0) -> (left: Rect, right: Rect) {
        let leftWidth = min(max(0, leftWidth), width)
        let gap = min(max(0, gap), width - leftWidth)
        let left = Rect(row: row, column: column, width: leftWidth, height: height)
        let right = Rect(row: row, column: column + leftWidth + gap,
                         width: width - leftWidth - gap, height: height)
        return (left, right)
    }

    /// Splits into a top part `topHeight` tall and the rest: a header above a body.
    public func splitRows(topHeight: Int) -> (top: Rect, bottom: Rect) {
        let topHeight = min(max(0, topHeight), height)
        return (Rect(row: row, column: column, width: width, height: topHeight),
                Rect(row: row + topHeight, column: column, width: width, height: height - topHeight))
    }

    /// Splits into the rest and a bottom part `bottomHeight` tall: a body above a status line.
    public func splitRows(bottomHeight: Int) -> (top: Rect, bottom: Rect) {
        splitRows(topHeight: height - min(max(0, bottomHeight), height))
    }

    /// A rectangle of at most the given size, centred inside this one: a dialog.
    public func centered(width: Int, height: Int) -> Rect {
        let newWidth = min(max(0, width), self.width)
        let newHeight = min(max(0, height), self.height)
        return Rect(row: row + (self.height - newHeight) / 2,
                    column: column + (self.width - newWidth) / 2,
                    width: newWidth, height: newHeight)
    }

    /// The one-row rectangle at `offset` rows from the top, or empty below the bottom.
    public func line(_ offset: Int) -> Rect {
        guard offset >= 0, offset < height else { return Rect(row: bottom, column: column, width: width, height: 0) }
        return Rect(row: row + offset, column: column, width: width, height: 1)
    }

    /// "row,column widthxheight", for test failure messages.
    public var description: String { "(\(row),\(column) \(width)x\(height))" }
}
