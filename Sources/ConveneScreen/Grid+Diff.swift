/// A horizontal stretch of cells on one row that a backend should write.
///
/// The backend writes each run with one cursor move followed by its cells, so
/// a frame that changes a few words costs a few short writes instead of a full
/// repaint. Continuation cells (the right half of a wide character) are kept in
/// `cells` so that `column + index` is always the screen column of `cells[index]`.
public struct CellRun: Sendable, Hashable {
    /// The 0-based screen row.
    public var row: Int
    /// The 0-based screen column of the first cell.
    public var column: Int
    /// The cells to write, left to right, one per screen column.
    public var cells: [Cell]

    public init(row: Int, column: Int, cells: [Cell]) {
        self.row = row
        self.column = column
        self.cells = cells
    }
}

extension Grid {
    /// The runs of cells that differ from `previous`, row by row, left to right.
    ///
    /// This is what keeps the ncurses backend thin: the app renders a whole new
    /// `Grid` each frame, and only the difference reaches the terminal.
    ///
    /// - With no previous frame, or one of another size, every row is one run:
    ///   the terminal must be repainted in full.
    /// - Adjacent changed cells on a row merge into one run.
    /// - A wide character is written together with its continuation cell, and a
    ///   changed continuation pulls in the wide character to its left, so a
    ///   backend never writes half a wide character.
    ///
    /// - Parameter previous: The frame currently on screen, or `nil` if unknown.
    /// - Returns: Runs in screen order; empty when nothing changed.
    public func changedRuns(since previous: Grid?) -> [CellRun] {
        guard let previous, previous.width == width, previous.height == height else {
            return fullRuns()
        }
        var runs: [CellRun] = []
        var changed = [Bool](repeating: false, count: width)
        for row in 0..<height {
            let start = row * width
            var anyChange = false
            for column in 0..<width where cells[start + column] != previous.cells[start + column] {
                changed[column] = true
                anyChange = true
            }
            guard anyChange else { continue }
            widenToWholeCharacters(&changed, rowStart: start)
            appendRuns(from: &changed, row: row, to: &runs)
        }
        return runs
    }

    /// One run per row covering the whole grid.
    private func fullRuns() -> [CellRun] {
        guard width > 0 else { return [] }
        return (0..<height).map { row in
            CellRun(row: row, column: 0, cells: Array(cells[(row * width)..<((row + 1) * width)]))
        }
    }

    /// Marks the continuation of every changed wide character, and the wide
    /// character to the left of every changed continuation.
    private func widenToWholeCharacters(_ changed: inout [Bool], rowStart: Int) {
        // Left to right: a changed lead marks its continuation before the loop reaches it.
        for column in 0..<width where changed[column] {
            if cells[rowStart + column].width == 2, column + 1 < width {
                changed[column + 1] = true
            }
        }
        // Right to left: a changed continuation marks its lead (a run of
        // malformed continuations walks back to the lead that owns them).
        for column in stride(from: width - 1, to: 0, by: -1) where changed[column] {
            if cells[rowStart + column].isContinuation, cells[rowStart + column - 1].width != 1 {
                changed[column - 1] = true
            }
        }
    }

    /// Turns the marked columns of one row into runs and clears the marks.
    private func appendRuns(from changed: inout [Bool], row: Int, to runs: inout [CellRun]) {
        let start = row * width
        var column = 0
        while column < width {
            guard changed[column] else {
                column += 1
                continue
            }
            let first = column
            while column < width, changed[column] {
                changed[column] = false
                column += 1
            }
            runs.append(CellRun(row: row, column: first, cells: Array(cells[(start + first)..<(start + column)])))
        }
    }
}
