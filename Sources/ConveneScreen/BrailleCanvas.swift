/// A grid of dots drawn with Braille characters: each cell holds 2 dots across and 4 down.
///
/// Like ratatui's `Canvas` with its Braille marker: the caller sets dots in its own
/// coordinates (column 0…`dotWidth`-1 from the left, row 0…`dotHeight`-1 from the top),
/// and ``render(into:area:)`` turns each 2×4 block into one of the 256 patterns
/// U+2800…U+28FF. A cell with no dot is left as it was, so text drawn before stays.
/// The dots of a terminal cell (about twice as tall as wide) come out nearly square.
public struct BrailleCanvas: Widget {
    /// The canvas size in cells; dots are twice as many across and four times as many down.
    public let width: Int
    public let height: Int
    public var dotWidth: Int { width * 2 }
    public var dotHeight: Int { height * 4 }
    /// The style of every drawn cell.
    public var style: Style
    /// One byte per cell: the Braille pattern's bits.
    private var bits: [UInt8]

    public init(width: Int, height: Int, style: Style = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.style = style
        bits = [UInt8](repeating: 0, count: self.width * self.height)
    }

    /// Sets the dot at `column`, `row` (in dots); outside the canvas it does nothing.
    @inlinable
    public mutating func set(column: Int, row: Int) {
        guard column >= 0, row >= 0, column < dotWidth, row < dotHeight else { return }
        setUnchecked(column: column, row: row)
    }

    @usableFromInline
    mutating func setUnchecked(column: Int, row: Int) {
        // Braille numbers its dots 1-2-3-7 down the left and 4-5-6-8 down the right.
        let bit: UInt8 = BrailleCanvas.dotBits[(row & 3) * 2 + (column & 1)]
        bits[(row >> 2) * width + (column >> 1)] |= bit
    }

    /// Whether the cell at `column`, `row` (in cells) has any dot.
    public func hasDots(column: Int, row: Int) -> Bool {
        column >= 0 && row >= 0 && column < width && row < height && bits[row * width + column] != 0
    }

    /// The bit of each dot, by (row in the cell) × 2 + (column in the cell).
    @usableFromInline
    static let dotBits: [UInt8] = [0x01, 0x08, 0x02, 0x10, 0x04, 0x20, 0x40, 0x80]

    /// The 256 Braille patterns as one-cell strings, made once.
    static let patterns: [String] = (0..<256).map { String(UnicodeScalar(0x2800 + $0).map(Character.init) ?? " ") }

    public func render(into grid: inout Grid, area: Rect) {
        let rows = min(height, area.height), columns = min(width, area.width)
        guard rows > 0, columns > 0 else { return }
        for r in 0..<rows {
            for c in 0..<columns {
                let b = bits[r * width + c]
                if b != 0 {
                    grid.place(Cell(text: BrailleCanvas.patterns[Int(b)], width: 1, style: style), row: area.row + r, column: area.column + c)
                }
            }
        }
    }
}
