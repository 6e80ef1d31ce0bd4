/// One terminal cell: a grapheme cluster and its style.
///
/// A wide character (CJK, some symbols) occupies two cells: the first holds the
/// text with `width == 2`, the second is a continuation cell with empty text and
/// `width == 0`. The backend skips continuation cells when it writes.
public struct Cell: Sendable, Hashable {
    /// The grapheme drawn here; a single space for an empty cell, "" for a continuation.
    public var text: String
    /// Display columns the text takes: 1, 2, or 0 for a continuation cell.
    public var width: Int
    public var style: Style

    public init(text: String = " ", width: Int = 1, style: Style = .plain) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell()
    public var isContinuation: Bool { width == 0 }
}

/// An in-memory screen: the pure target every view renders into.
///
/// Rendering is a function of state into a `Grid`; the ncurses backend compares
/// it with the previous frame and writes only the cells that changed. Every write
/// clips to the grid, so a widget can never draw outside it or crash at any size,
/// down to 0×0.
public struct Grid: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Row-major cells, `width * height` of them.
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The cell at a position, or a blank cell outside the grid.
    public subscript(row: Int, column: Int) -> Cell {
        get {
            guard row >= 0, row < height, column >= 0, column < width else { return .blank }
            return cells[row * width + column]
        }
        set {
            guard row >= 0, row < height, column >= 0, column < width else { return }
            cells[row * width + column] = newValue
        }
    }
}
