import ConveneText

extension Grid {
    /// The whole grid as a rectangle: the area a full-screen view renders into.
    public var bounds: Rect { Rect(row: 0, column: 0, width: width, height: height) }

    /// Writes one line of text, clipped to the grid and to `maxWidth` columns,
    /// and returns the number of columns it advanced.
    ///
    /// This is the only way text gets into a grid, and it always passes the
    /// text through ``Sanitizer/line(_:)`` first, so no drawing path can put a
    /// control character, a bidi override or a stack of combining marks on the
    /// terminal. Text is laid out the way the terminal lays it out: each
    /// spacing scalar starts a cell and takes its ``DisplayWidth`` (a wide one
    /// takes a cell plus a continuation cell), and zero-width scalars such as
    /// combining marks join the cell before them.
    ///
    /// A wide character that would be cut by the right edge is not drawn
    /// half: a blank cell takes its place. Writing over half of an existing
    /// wide character blanks its other half.
    ///
    /// ```swift
    /// var grid = Grid(width: 10, height: 1)
    /// let used = grid.write("東京 Hà Nội", row: 0, column: 0, maxWidth: 8)  // 8
    /// grid.lines  // ["東京 Hà N "]
    /// ```
    @discardableResult
    public mutating func write(_ text: String, row: Int, column: Int,
                               maxWidth: Int? = nil, style: Style = .plain) -> Int {
        guard row >= 0, row < height else { return 0 }
        let limit = min(width, maxWidth.map { column + max(0, $0) } ?? width)
        guard column < limit else { return 0 }
        let clean = Sanitizer.line(text)
        var cursor = column
        var pending: String.UnicodeScalarView? = nil  // the cell being gathered
        var pendingWidth = 0

        // Places the gathered cell; returns false once the right edge is reached.
        func flush() -> Bool {
            guard let scalars = pending else { return true }
            pending = nil
            if cursor + pendingWidth > limit {
                // A wide character cut by the edge: leave a blank instead of half of it.
                if cursor < limit && cursor >= 0 {
                    place(Cell(text: " ", width: 1, style: style), row: row, column: cursor)
                    cursor += 1
                }
                return false
            }
            if cursor >= 0 {
                place(Cell(text: String(scalars), width: pendingWidth, style: style), row: row, column: cursor)
            } else if cursor + pendingWidth > 0 {
                // A wide character cut by the left edge: blank its visible half.
                place(Cell(text: " ", width: 1, style: style), row: row, column: 0)
            }
            cursor += pendingWidth
            return true
        }

        for scalar in clean.unicodeScalars {
            let scalarWidth = DisplayWidth.of(scalar)
            if scalarWidth == 0 {
                // Combining marks join the cell before them; with none, there is nothing to mark.
                pending?.append(scalar)
                continue
            }
            guard flush() else { return cursor - column }
            pending = String.UnicodeScalarView([scalar])
            pendingWidth = scalarWidth
        }
        _ = flush()
        return cursor - column
    }

    /// Puts one cell (1 or 2 columns wide) at a position, keeping wide
    /// characters whole: any wide character it overlaps is replaced by blanks.
    ///
    /// Prefer ``write(_:row:column:maxWidth:style:)`` for text: this does not
    /// sanitise. A wide cell that does not fit before the right edge becomes a blank.
    public mutating func place(_ cell: Cell, row: Int, column: Int) {
        guard row >= 0, row < height, column >= 0, column < width else { return }
        var cell = cell
        if cell.width >= 2 && column + 1 >= width {
            cell = Cell(text: " ", width: 1, style: cell.style)
        }
        breakWideCharacter(row: row, column: column)
        if cell.width >= 2 {
            breakWideCharacter(row: row, column: column + 1)
            self[row, column] = Cell(text: cell.text, width: 2, style: cell.style)
            self[row, column + 1] = Cell(text: "", width: 0, style: cell.style)
        } else {
            self[row, column] = Cell(text: cell.text, width: 1, style: cell.style)
        }
    }

    /// Fills a rectangle with one cell: clearing a pane or painting a background.
    ///
    /// The cell's text is sanitised; anything that is not exactly one column
    /// wide is drawn as a space in the cell's style.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let text = Sanitizer.line(cell.text)
        let filler = DisplayWidth.of(text) == 1 && text.unicodeScalars.count <= 5
            ? Cell(text: text, width: 1, style: cell.style)
            : Cell(text: " ", width: 1, style: cell.style)
        for row in area.row..<area.bottom {
            for column in area.column..<area.right {
                place(filler, row: row, column: column)
            }
        }
    }

    /// Changes the style of every cell in a rectangle without touching its
    /// text: highlighting a selected row, dimming a pane.
    ///
    /// ```swift
    /// grid.updateStyle(in: rowRect) { $0.reverse = true }
    /// ```
    public mutating func updateStyle(in rect: Rect, _ transform: (inout Style) -> Void) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.row..<area.bottom {
            for column in area.column..<area.right {
                var cell = self[row, column]
                transform(&cell.style)
                self[row, column] = cell
            }
        }
    }

    /// Sets the style of every cell in a rectangle, keeping the text.
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        updateStyle(in: rect) { $0 = style }
    }

    /// Blanks the whole grid: the first step of drawing a frame.
    public mutating func clear() {
        fill(bounds, with: .blank)
    }

    /// Blanks both halves of a wide character when one of them is about to be overwritten.
    private mutating func breakWideCharacter(row: Int, column: Int) {
        guard row >= 0, row < height, column >= 0, column < width else { return }
        let existing = self[row, column]
        if existing.isContinuation, column > 0 {
            let lead = self[row, column - 1]
            self[row, column - 1] = Cell(text: " ", width: 1, style: lead.style)
            self[row, column] = Cell(text: " ", width: 1, style: existing.style)
        } else if existing.width >= 2, column + 1 < width {
            let continuation = self[row, column + 1]
            self[row, column + 1] = Cell(text: " ", width: 1, style: continuation.style)
        }
    }
}
