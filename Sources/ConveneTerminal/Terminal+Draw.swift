import CNCursesW
import ConveneScreen
import Glibc

extension Terminal {
    /// Shows a frame, writing only the cells that changed since the last one.
    ///
    /// The whole screen is repainted after a resize, a suspend or continue,
    /// `invalidate()`, or when the frame's size differs from the last one.
    /// Cells outside the terminal are clipped. The screen is refreshed once,
    /// at the end, so a frame never appears half drawn. Does nothing before `start()`.
    ///
    /// Cell text is expected to be sanitised already; as defence in depth a
    /// control character, a format character (bidi overrides, zero-width
    /// space) or a width that disagrees with `wcwidth` is drawn as `?`, so no
    /// data can move the cursor or shift the columns after it.
    public func draw(_ grid: Grid) {
        guard isActive, let window = sh_stdscr() else { return }
        let full = needsFullRepaint || previousFrame?.width != grid.width || previousFrame?.height != grid.height
        if full {
            werase(window)                  // clears what a smaller frame would not cover
            if needsFullRepaint {
                clearok(sh_curscr(), true)  // and redraw the real screen, not only our idea of it
            }
        }
        let runs = grid.changedRuns(since: full ? nil : previousFrame)
        guard full || !runs.isEmpty else { return }

        let (width, height) = size
        for run in runs where run.row < height {
            drawRun(run, in: window, screenWidth: width)
        }
        wrefresh(window)
        previousFrame = grid
        needsFullRepaint = false
    }

    private func drawRun(_ run: CellRun, in window: UnsafeMutablePointer<WINDOW>, screenWidth: Int) {
        // Columns already covered by a wide character drawn in this run.
        var coveredUntil = run.column
        for (offset, cell) in run.cells.enumerated() {
            let column = run.column + offset
            guard column < screenWidth else { return }
            if cell.isContinuation {
                // Normally the wide character to the left drew this column; a
                // stray continuation (malformed grid) is drawn blank.
                if column >= coveredUntil {
                    put(Cell(text: " ", style: cell.style), row: run.row, column: column, in: window)
                }
                continue
            }
            var cell = cell
            if cell.width == 2, column + 1 >= screenWidth {
                cell = Cell(text: " ", style: cell.style)      // half a wide character never fits
            }
            coveredUntil = column + put(cell, row: run.row, column: column, in: window)
        }
    }

    /// Writes one cell with its attributes and colour pair; returns the columns it took.
    @discardableResult
    private func put(_ cell: Cell, row: Int, column: Int, in window: UnsafeMutablePointer<WINDOW>) -> Int {
        let (scalars, columns) = Terminal.drawableScalars(for: cell)
        let (attributes, pair) = attributesAndPair(for: cell.style)
        var text = scalars.map { wchar_t(bitPattern: $0.value) }
        text.append(0)
        if sh_put_cell(window, Int32(row), Int32(column), text, attributes, pair) == ERR {
            // setcchar refused the cluster: keep the column count right with a placeholder.
            _ = sh_put_cell(window, Int32(row), Int32(column), [wchar_t(0x3F), 0], attributes, pair)
            return 1
        }
        if columns < cell.width {
            // A narrow character in a cell the grid thinks is wide: blank the other column.
            _ = sh_put_cell(window, Int32(row), Int32(column + 1), [wchar_t(0x20), 0], attributes, pair)
            return cell.width
        }
        return columns
    }

    private func attributesAndPair(for style: Style) -> (Int32, Int16) {
        var attributes = sh_a_normal()
        if style.bold { attributes |= sh_a_bold() }
        if style.reverse { attributes |= sh_a_reverse() }
        if style.underline { attributes |= sh_a_underline() }
        if style.dim { attributes |= sh_a_dim() }
        let pair = colorPairs?.pair(foreground: style.foreground, background: style.background) ?? 0
        return (attributes, pair)
    }

    /// The scalars to hand to `setcchar` for a cell, and the columns they take.
    ///
    /// A spacing base character plus up to four combining marks (ncurses'
    /// CCHARW_MAX is 5): Vietnamese in NFD keeps its tone marks. Anything a
    /// terminal would act on or that would upset the column count becomes `?`.
    static func drawableScalars(for cell: Cell) -> ([Unicode.Scalar], Int) {
        let placeholder: ([Unicode.Scalar], Int) = (["?"], 1)
        var scalars = cell.text.unicodeScalars.makeIterator()
        guard let base = scalars.next() else { return ([" "], 1) }
        guard isSafeBase(base) else { return placeholder }
        let baseWidth = Int(wcwidth(wchar_t(bitPattern: base.value)))
        guard baseWidth == 1 || baseWidth == 2, baseWidth <= max(cell.width, 1) else { return placeholder }

        // Up to four combining marks; anything else in the cluster (a control
        // smuggled after a letter, a zero-width joiner) makes the whole cell
        // a visible placeholder rather than being dropped silently.
        var result = [base]
        while let mark = scalars.next() {
            guard isCombiningMark(mark), wcwidth(wchar_t(bitPattern: mark.value)) == 0 else { return placeholder }
            if result.count < 5 { result.append(mark) }
        }
        return (result, baseWidth)
    }

    /// Whether a scalar may start a cell: not a control (C0, DEL, C1), not a
    /// format character (bidi controls, zero-width space, BOM), not a
    /// separator, surrogate or unassigned code point, and not a lone mark.
    private static func isSafeBase(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned,
             .nonspacingMark, .enclosingMark, .spacingMark:
            return false
        default:
            return true
        }
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
