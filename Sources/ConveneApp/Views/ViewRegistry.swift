/// The views of the browser in tab order: one line per view.
///
/// The tabs, the digit keys (1 to 9), Tab and Shift-Tab, and the snapshot
/// tests all follow this list.
enum ViewRegistry {
    static let all: [ViewID] = [
        .events,
        .agenda,
        .delegates,
        .cities,
        .summary,
        .timetable,
        .map,
    ]
}
