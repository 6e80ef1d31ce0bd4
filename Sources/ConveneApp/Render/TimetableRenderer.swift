import ConveneModel
import ConveneScreen
import ConveneText

/// Draws the Timetable: the day header, the pinned room headers and time column, the blocks.
///
/// Pure, like every renderer: state in, cells out. Only the rooms and rows on screen are
/// drawn, and only their blocks' titles are wrapped, so a 58-room day costs what its visible
/// part does. Every mark also reads without colour: ★ starred, ! a clash among the stars,
/// † invented, the selection reversed, the "now" line a row of ─ with the time in the time column.
enum TimetableRenderer {
    // Blocks are reversed (so they read as blocks without colour too), tinted by what they are.
    static let block = Style(foreground: .cyan, reverse: true)
    static let starred = Style(foreground: .yellow, reverse: true)
    static let clash = Style(foreground: .red, bold: true, reverse: true)
    /// The selected block: green, and bold and underlined, which also shows without colour.
    static let selected = Style(foreground: .green, bold: true, reverse: true, underline: true)
    static let separator = Style(dim: true)
    static let nowLine = Style(foreground: .red, bold: true)

    static func render(_ state: AppState, into grid: inout Grid, area: Rect) {
        guard !area.isEmpty else { return }
        let day = state.timetable.day
        guard !day.blocks.isEmpty else {
            grid.write(TimetableView.emptyNote(state) ?? "", row: area.row + 1, column: area.column + 2,
                       maxWidth: area.width - 2, style: Theme.illustrative)
            return
        }
        let g = state.timetableGeometry()
        renderHeader(state, day, g, &grid)
        renderTimeColumn(g, &grid)
        for column in g.columns {
            renderRoom(state, day, column, g, &grid)
        }
        renderNow(state, day, g, &grid)
    }

    /// "‹ Day 2 · Thu 28 Dec 2023 ›", the selected session in full ("17:05–17:10 Lightning talk 2: … ·
    /// Lightning Stage": a one-row block shows only the start of its title) and "rooms 8–14 of 58";
    /// then the room names.
    static func renderHeader(_ state: AppState, _ day: TimetableDay, _ g: TimetableGeometry, _ grid: inout Grid) {
        let a = g.area
        let i = day.dayIndex
        let title = (i > 0 ? "‹ " : "  ") + day.title + (i < day.days.count - 1 ? " ›" : "")
        var used = grid.write(title, row: a.row, column: a.column, maxWidth: a.width, style: Theme.heading)
        var rooms = ""
        if let last = g.columns.last, let first = g.columns.first, g.columns.count < day.rooms.count {
            rooms = " rooms \(first.room + 1)–\(last.room + 1) of \(day.rooms.count) "
            let x = a.column + a.width - DisplayWidth.of(rooms)
            if x > a.column + used { grid.write(rooms, row: a.row, column: x, style: Theme.illustrative) } else { rooms = "" }
        }
        if case let .session(e, s)? = state.selectedRow {
            let session = state.index.directory.events[e].sessions[s]
            let when = session.start.components().time + "–" + session.end.components().time
            let text = " │ " + when + " " + ViewText.marked(session.title, session.illustrative)
                + (session.room.map { " · " + $0 } ?? "")
            used += grid.write(text, row: a.row, column: a.column + used,
                               maxWidth: a.width - used - DisplayWidth.of(rooms) - 1)
        }
        let row = a.row + 1
        grid.write(g.firstRow > 0 ? "  ▲   " : "", row: row, column: a.column, style: Theme.illustrative)
        for column in g.columns {
            grid.write("│", row: row, column: column.x, style: separator)
            let name = day.rooms[column.room].name ?? NotRecorded.dash
            grid.write(TextLayout.pad(name, toWidth: column.width - 1), row: row, column: column.x + 1,
                       maxWidth: column.width - 1, style: Theme.header)
        }
        if g.firstRoom > 0 { grid.write("‹", row: row, column: a.column + TimetableGeometry.timeWidth - 1, style: Theme.label) }
        if let last = g.columns.last, last.room < day.rooms.count - 1 {
            grid.write("›", row: row, column: a.column + a.width - 1, style: Theme.label)
        }
    }

    /// The times down the left, on the hours and half hours (or every row when rows are an hour),
    /// and the room separators down every column.
    static func renderTimeColumn(_ g: TimetableGeometry, _ grid: inout Grid) {
        let a = g.area
        let every = max(g.step, 30)
        for k in 0..<min(g.visibleRows, g.totalRows - g.firstRow) {
            let row = g.bodyRow + k
            guard row < a.bottom else { break }
            let minute = g.minute(ofRow: g.firstRow + k)
            if (minute % every + every) % every == 0 {
                grid.write(clock(minute), row: row, column: a.column, style: minute % 60 == 0 ? Theme.label : .plain)
            }
            for column in g.columns { grid.write("│", row: row, column: column.x, style: separator) }
        }
        if g.firstRow + g.visibleRows < g.totalRows {
            grid.write("▼", row: a.bottom - 1, column: a.column + TimetableGeometry.timeWidth - 1, style: Theme.illustrative)
        }
    }

    /// A room's blocks that show, each in its lane: marks, start time and title, wrapped.
    static func renderRoom(_ state: AppState, _ day: TimetableDay, _ column: TimetableGeometry.Column,
                           _ g: TimetableGeometry, _ grid: inout Grid) {
        let room = day.rooms[column.room]
        let top = g.firstRow, bottom = g.firstRow + g.visibleRows
        for i in room.blocks {
            let b = day.blocks[i]
            let r0 = g.row(of: b.start), r1 = max(r0 + 1, g.rowEnd(of: b.end))
            guard r1 > top, r0 < bottom else { continue }
            let first = max(r0, top), end = min(r1, bottom)
            let lanes = g.lanes(of: column, count: b.lanes)
            let lane = lanes[min(b.lane, lanes.count - 1)]
            let rect = Rect(row: g.bodyRow + first - top, column: lane.x, width: lane.width, height: end - first)
            let style = blockStyle(state, b.ref, selected: i == state.position.selected)
            var fill = style
            fill.underline = false   // only the text lines: underlined empty rows would read as stripes
            grid.fill(rect, with: Cell(style: fill))
            let lines = blockLines(state, b.ref, width: rect.width, height: rect.height)
            for (k, line) in lines.enumerated() {
                grid.write(line, row: rect.row + k, column: rect.column, maxWidth: rect.width,
                           style: k == 0 ? Style(foreground: style.foreground, background: style.background, bold: true,
                                                 reverse: style.reverse, underline: style.underline, dim: style.dim) : style)
            }
        }
    }

    /// The block's text: "★! 10:30 Title" wrapped to the block, the last line cut with "…".
    static func blockLines(_ state: AppState, _ ref: SessionRef, width: Int, height: Int) -> [String] {
        guard width > 0, height > 0 else { return [] }
        let session = state.index.session(ref)
        let starred = state.agenda.stars.contains(session.id)
        let marks = starred ? Marker.star + (state.agenda.clashes[ref] != nil ? Marker.clash : "") + " " : ""
        let time = session.start.components().time
        let title = ViewText.marked(Sanitizer.line(session.title), session.illustrative)
        let text = marks + (width >= 12 ? time + " " : "") + title
        var lines = TextLayout.wrap(text, width: width)
        if lines.count > height {
            let rest = lines[(height - 1)...].joined(separator: " ")
            lines = Array(lines.prefix(height - 1)) + [TextLayout.truncate(rest, toWidth: width)]
        }
        return lines
    }

    /// Green, bold and underlined when selected; a starred clash red; a starred block yellow;
    /// over (with a known now) dimmed.
    static func blockStyle(_ state: AppState, _ ref: SessionRef, selected isSelected: Bool) -> Style {
        var style = isSelected ? selected : state.agenda.clashes[ref] != nil ? clash : state.isStarred(ref) ? starred : block
        if state.isPast(ref) { style.dim = true }
        return style
    }

    /// A line of ─ across the empty cells of the row "now" falls in, and the time in the time column,
    /// when now is within the day shown.
    static func renderNow(_ state: AppState, _ day: TimetableDay, _ g: TimetableGeometry, _ grid: inout Grid) {
        guard let now = state.agenda.now else { return }
        let minute = day.minute(of: now)
        guard minute >= day.first, minute < day.last else { return }
        let k = g.row(of: minute) - g.firstRow
        guard k >= 0, k < g.visibleRows else { return }
        let row = g.bodyRow + k
        grid.write(clock(minute), row: row, column: g.area.column, style: Style(foreground: .red, bold: true, reverse: true))
        for column in g.columns {
            for x in (column.x + 1)..<(column.x + column.width) where grid[row, x].text == " " && grid[row, x].style == .plain {
                grid.place(Cell(text: "─", style: nowLine), row: row, column: x)
            }
        }
    }

    /// The block drawn at a screen position, if any: for mouse clicks, from the same geometry as the drawing.
    static func block(at row: Int, column: Int, _ day: TimetableDay, _ g: TimetableGeometry) -> Int? {
        guard let c = g.columns.first(where: { column > $0.x && column < $0.x + $0.width }) else { return nil }
        let r = g.firstRow + row - g.bodyRow
        for i in day.rooms[c.room].blocks {
            let b = day.blocks[i]
            let r0 = g.row(of: b.start), r1 = max(r0 + 1, g.rowEnd(of: b.end))
            let lane = g.lanes(of: c, count: b.lanes)[min(b.lane, b.lanes - 1)]
            if r >= r0, r < r1, column >= lane.x, column < lane.x + lane.width { return i }
        }
        return nil
    }

    /// "HH:MM" of a minute from the day's midnight; past midnight the clock starts again (01:00).
    static func clock(_ minute: Int) -> String {
        let m = (minute % 1440 + 1440) % 1440
        let h = m / 60, mm = m % 60
        return (h < 10 ? "0" : "") + "\(h):" + (mm < 10 ? "0" : "") + "\(mm)"
    }
}
