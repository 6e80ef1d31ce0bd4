import ConveneModel
import ConveneScreen

extension ViewID {
    public static let timetable = ViewID(TimetableView.self)
}

/// Timetable: one conference day, rooms as columns and time running down, each session a block.
///
/// Its rows are the day's blocks (``TimetableDay/blocks``: by room in source order, then by
/// start), so the list position is the selected block, and Enter, stars and the session panel
/// work as in the Agenda. The arrows move between blocks (``AppState/applyTimetable(_:)``),
/// `[` and `]` between days; ``TimetableRenderer`` draws it.
enum TimetableView: BrowserView {
    static let title = "Timetable"
    static let sortColumns: [String] = []
    static let fixedOrderNote = "The Timetable is by room and time: 2 shows the Agenda's sorts"
    static let hasDetailPane = false

    /// The sessions the filter and search let through (as in the Agenda), on the day shown.
    static func rows(_ state: AppState) -> RowList {
        RowList(TimetableDay.build(state, wanted: state.timetable.wantedDay).blocks.map {
            RowRef.session(event: $0.ref.event, session: $0.ref.session)
        })
    }

    static func didRefresh(_ state: inout AppState) {
        state.timetable.day = TimetableDay.build(state, wanted: state.timetable.wantedDay)
        state.scrollToSelection()
    }

    static func columns(_ state: AppState) -> [Table.Column] { [] }
    static func cells(_ state: AppState, row i: Int) -> [String] { [] }

    static func isIllustrative(_ row: RowRef, in state: AppState) -> Bool {
        AgendaView.isIllustrative(row, in: state)
    }

    static func renderList(_ state: AppState, into grid: inout Grid, area: Rect) {
        TimetableRenderer.render(state, into: &grid, area: area)
    }

    static func detail(_ row: RowRef, in state: AppState) -> [DetailLine] {
        AgendaView.detail(row, in: state)
    }

    /// Enter opens the session panel, as in the Agenda.
    static func open(_ row: RowRef, in state: AppState) -> Opening? {
        AgendaView.open(row, in: state)
    }

    /// "Day 2 of 4 · 212 sessions · 31 rooms".
    static func statusCounts(_ state: AppState) -> String {
        let day = state.timetable.day
        guard !day.days.isEmpty else { return ViewText.count(0, "session") }
        return "Day \(day.dayIndex + 1) of \(day.days.count) · " + ViewText.count(day.blocks.count, "session")
            + " · " + ViewText.count(day.rooms.count, "room")
    }

    static func key(of row: RowRef, in ix: DirectoryIndex) -> RowKey? {
        AgendaView.key(of: row, in: ix)
    }

    static func emptyNote(_ state: AppState) -> String? {
        "No sessions with a time under the current filter (x clears it)"
    }
}
