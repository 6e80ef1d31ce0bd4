import ConveneModel
import ConveneScreen

/// Where the Timetable is scrolled: the first time row and the first room column shown.
public struct TimetableScroll: Sendable, Hashable {
    public var firstRow = 0
    public var firstRoom = 0
}

/// The Timetable's own state: the day asked for, the scroll, and the day laid out.
///
/// The selected block is the view's list position (``AppState/position``), an index
/// into its rows, which are the day's blocks. `day` is derived (rebuilt by
/// ``AppState/refresh()`` through ``TimetableView/didRefresh(_:)``), so frames never
/// re-filter or re-lay out the sessions.
public struct TimetableState: Sendable {
    /// The conference day asked for (`YYYY-MM-DD`); nil for today's, else the first.
    public var wantedDay: String?
    public var scroll = TimetableScroll()
    /// The day shown, laid out.
    var day = TimetableDay()

    public init() {}
}

extension AppState {
    /// The Timetable's area and geometry at the current size.
    func timetableGeometry() -> TimetableGeometry {
        let area = Layout(width: width, height: height, view: .timetable).list
        return TimetableGeometry(timetable.day, area: area, scroll: timetable.scroll,
                                 selected: rows.isEmpty ? nil : position.selected)
    }

    /// The Timetable's part of the list actions: moving between blocks and days.
    ///
    /// Returns false for an action it leaves to ``apply(_:)`` (Enter, stars, search, …).
    mutating func applyTimetable(_ action: Action) -> Bool {
        let day = timetable.day
        let current = day.blocks.indices.contains(position.selected) ? position.selected : nil
        switch action {
        case .moveDown: selectInRoom { blocks, i in blocks.first { $0 > i } }
        case .moveUp: selectInRoom { blocks, i in blocks.last { $0 < i } }
        case .pageDown, .pageUp:
            guard let current else { return true }
            let g = timetableGeometry()
            let target = day.blocks[current].start + (action == .pageDown ? 1 : -1) * g.visibleRows * g.step
            selectInRoom { blocks, i in
                action == .pageDown ? (blocks.first { day.blocks[$0].start >= target } ?? blocks.last)
                                    : (blocks.last { day.blocks[$0].start <= target } ?? blocks.first)
            }
        case .jumpToNow:
            // Today's day, and in it the block on now (or next) in the selected room, else in any.
            guard let now = agenda.now else { message = "The time is not known"; return true }
            timetable.wantedDay = nil
            let roomName = current.map { day.rooms[day.blocks[$0].room].name }
            refresh(keepingSelection: false)
            let today = timetable.day
            let minute = today.minute(of: now)
            let candidates = today.rooms.firstIndex { $0.name == roomName }.map { today.rooms[$0].blocks }
                ?? today.blocks.indices
            if let i = candidates.first(where: { today.blocks[$0].end > minute }) ?? candidates.last { select(i) }
            message = today.title
        case .toggleTimeZone:
            // The grid is one conference day as the schedule writes it; local time would split it.
            toggleTimeZone()
            message = (message ?? "") + " in the Agenda; the Timetable keeps each event's time"
        case .top: selectInRoom { blocks, _ in blocks.first }
        case .bottom: selectInRoom { blocks, _ in blocks.last }
        case .moveLeft, .moveRight:
            guard let current else { return true }
            let b = day.blocks[current]
            let room = b.room + (action == .moveRight ? 1 : -1)
            guard day.rooms.indices.contains(room) else {
                message = action == .moveRight ? "The last room" : "The first room"
                return true
            }
            select(Self.nearest(to: b, among: day.rooms[room].blocks, day))
        case .previousDay, .nextDay:
            let days = day.days
            let i = day.dayIndex + (action == .nextDay ? 1 : -1)
            guard days.indices.contains(i) else {
                message = days.isEmpty ? "No sessions under the current filter"
                                       : (action == .nextDay ? "The last day" : "The first day")
                return true
            }
            let from = current.map { day.blocks[$0] }
            let roomName = from.map { day.rooms[$0.room].name }
            timetable.wantedDay = days[i]
            position.selected = 0
            refresh(keepingSelection: false)
            // The same room at about the same time, else the first block.
            let next = timetable.day
            if let from, let room = next.rooms.firstIndex(where: { $0.name == roomName }) {
                position.selected = Self.nearest(to: from, among: next.rooms[room].blocks, next)
            }
            scrollToSelection()
            message = next.title
        default: return false
        }
        return true
    }

    /// A click on a block selects it; the wheel moves up and down the room. False for the tabs.
    mutating func timetableMouse(_ mouse: MouseEvent) -> Bool {
        switch mouse.kind {
        case .wheelUp: _ = applyTimetable(.moveUp)
        case .wheelDown: _ = applyTimetable(.moveDown)
        case .click:
            let g = timetableGeometry()
            guard mouse.row >= g.bodyRow, mouse.row < g.area.bottom else { return false }
            if let i = TimetableRenderer.block(at: mouse.row, column: mouse.column, timetable.day, g) { select(i) }
        }
        return true
    }

    /// Selects the block `pick` chooses among the selected block's room (indices into the day's blocks).
    private mutating func selectInRoom(_ pick: (Range<Int>, Int) -> Int?) {
        let day = timetable.day
        guard day.blocks.indices.contains(position.selected) else { return }
        let room = day.rooms[day.blocks[position.selected].room]
        if let i = pick(room.blocks, position.selected) { select(i) }
    }

    private mutating func select(_ i: Int) {
        position.selected = i
        scrollToSelection()
    }

    /// Keeps the stored scroll where the frame draws it: the selected block in view.
    mutating func scrollToSelection() {
        let g = timetableGeometry()
        timetable.scroll = TimetableScroll(firstRow: g.firstRow, firstRoom: g.firstRoom)
    }

    /// The block of `blocks` nearest in time to `b`: one running at its start, else the closest start.
    static func nearest(to b: TimetableDay.Block, among blocks: Range<Int>, _ day: TimetableDay) -> Int {
        func distance(_ i: Int) -> Int {
            let o = day.blocks[i]
            if o.start <= b.start && b.start < o.end { return 0 }
            return min(abs(o.start - b.start), abs(o.end - 1 - b.start))
        }
        return blocks.min { (distance($0), day.blocks[$0].start) < (distance($1), day.blocks[$1].start) } ?? blocks.lowerBound
    }
}
