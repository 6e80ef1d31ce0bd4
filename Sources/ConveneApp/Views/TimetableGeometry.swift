import ConveneScreen

/// Where the Timetable's parts go in its area: the time step, the room columns shown and the scroll.
///
/// Drawing, the reducer's scrolling and mouse clicks all use this one computation. The two
/// header rows (the day, the room names) and the time column stay pinned; the rooms scroll
/// sideways and the time rows up and down.
struct TimetableGeometry: Sendable, Equatable {
    /// A room column on screen: the room, its leftmost column (its "│" separator) and its width.
    struct Column: Sendable, Equatable {
        var room: Int
        var x: Int
        var width: Int
    }

    /// Columns of the time labels ("10:30 ").
    static let timeWidth = 6
    /// The narrowest a room column gets before the rooms scroll sideways (separator included).
    static let roomWidth = 16
    /// The narrowest a lane of overlapping sessions gets.
    static let laneWidth = 6
    /// The minutes one row can stand for, finest first.
    static let steps = [5, 10, 15, 30, 60]

    var area: Rect
    /// Minutes per row.
    var step: Int
    /// The minute of the first row (a multiple of the step).
    var origin: Int
    /// Rows of the whole day.
    var totalRows: Int
    /// Time rows on screen (the area less the two header rows).
    var visibleRows: Int
    /// The first time row shown.
    var firstRow: Int
    /// The first room shown.
    var firstRoom: Int
    var columns: [Column]

    /// The geometry for `day` in `area`, scrolled as little as possible from `scroll` to show the
    /// block `selected`.
    init(_ day: TimetableDay, area: Rect, scroll: TimetableScroll, selected: Int?) {
        self.area = area
        let visible = max(1, area.height - 2)
        visibleRows = visible
        // The coarsest step no session is shorter than and every start and end falls on: a
        // 5-minute lightning talk gets a row of its own. When the whole day fits in the height
        // at a finer step, the finer one: longer blocks, more of each title.
        let times = day.blocks.flatMap { [$0.start, $0.end] }
        let fitting = Self.steps.filter { s in s <= max(5, day.shortest) && times.allSatisfy { ($0 % s + s) % s == 0 } }
        var chosen = fitting.last ?? 5
        let span = max(1, day.last - day.first), coarsest = chosen
        if let fine = Self.steps.first(where: { $0 < coarsest && (span + $0 - 1) / $0 <= visible }) { chosen = fine }
        step = chosen
        origin = Self.floor(day.first, step)
        totalRows = max(1, (Self.ceil(day.last, step) - origin) / step)
        firstRow = 0
        firstRoom = 0
        columns = []
        let widths = day.rooms.map { room in
            max(Self.roomWidth, room.lanes * Self.laneWidth + 1)
        }
        // Scroll: the stored position, moved just enough to show the selected block.
        var top = scroll.firstRow
        var left = min(max(0, scroll.firstRoom), max(0, day.rooms.count - 1))
        if let selected, day.blocks.indices.contains(selected) {
            let b = day.blocks[selected]
            let r0 = row(of: b.start), r1 = max(r0 + 1, rowEnd(of: b.end))
            if r0 >= top + visibleRows || r1 <= top {
                // Out of sight (a jump to another room, a day, the end): a third of the height above it.
                top = r0 - visibleRows / 3
            } else {
                // Partly in sight (the next block down): as little as shows all of it, its start first.
                if r1 > top + visibleRows { top = r1 - visibleRows }
                if r0 < top { top = r0 }
            }
            if b.room < left { left = b.room }
            while left < b.room, !Self.fits(widths, from: left, through: b.room, in: area.width - Self.timeWidth) {
                left += 1
            }
        }
        firstRow = max(0, min(top, totalRows - visibleRows))
        firstRoom = left
        columns = Self.layout(widths, from: left, x: area.column + Self.timeWidth, width: area.width - Self.timeWidth)
    }

    /// The row a minute falls in.
    func row(of minute: Int) -> Int { Self.floor(minute - origin, step) / step }
    /// One past the last row a block ending at `minute` covers.
    func rowEnd(of minute: Int) -> Int { Self.ceil(minute - origin, step) / step }

    /// The minute a row starts at.
    func minute(ofRow row: Int) -> Int { origin + row * step }

    /// Screen row of the first time row.
    var bodyRow: Int { area.row + 2 }

    /// The lanes of a room column: (column, width) of each, a blank column between neighbours.
    func lanes(of column: Column, count: Int) -> [(x: Int, width: Int)] {
        let inner = column.width - 1
        let each = max(1, inner / max(1, count))
        return (0..<count).map { i in
            let x = column.x + 1 + i * each
            let width = i == count - 1 ? column.x + column.width - x : each - 1
            return (x, max(1, width))
        }
    }

    /// Whether rooms `from...through` fit side by side in `width` columns.
    static func fits(_ widths: [Int], from: Int, through: Int, in width: Int) -> Bool {
        widths[from...through].reduce(0, +) <= width
    }

    /// As many whole room columns as fit from `from`, the room left over shared out among them
    /// (one room always shows, cut to the width if it must be).
    static func layout(_ widths: [Int], from: Int, x: Int, width: Int) -> [Column] {
        guard width > 0, widths.indices.contains(from) else { return [] }
        var shown: [Int] = []
        var used = 0
        for i in from..<widths.count {
            if used + widths[i] > width && !shown.isEmpty { break }
            shown.append(i)
            used += widths[i]
        }
        let spare = max(0, width - used)
        var out: [Column] = []
        var cursor = x
        for (k, i) in shown.enumerated() {
            let extra = spare / shown.count + (k < spare % shown.count ? 1 : 0)
            let w = min(widths[i] + extra, x + width - cursor)
            out.append(Column(room: i, x: cursor, width: w))
            cursor += w
        }
        return out
    }

    static func floor(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b * b : -((-a + b - 1) / b * b) }
    static func ceil(_ a: Int, _ b: Int) -> Int { -floor(-a, b) }
}
