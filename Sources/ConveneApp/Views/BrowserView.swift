import ConveneModel
import ConveneScreen

/// Everything the browser needs to know about one view, filled in one file.
///
/// Like tig's `view_ops`: the reducer, the renderer, the key table and reload
/// ask the current view through this protocol instead of switching over the
/// views. A view is a caseless enum whose requirements are all static, so a
/// call costs one dispatch through ``ViewID/type`` and the view's own code then
/// runs on concrete types (the Delegates rows at a million stay as fast).
///
/// To add a view: one file under `Views/` with a type conforming to this
/// protocol and an `extension ViewID { static let … }`, and one line in
/// ``ViewRegistry/all``.
protocol BrowserView: Sendable {
    /// The tab title, without its number.
    static var title: String { get }
    /// The sort orders `s` cycles through, by name; the first is the default. Empty: a fixed order.
    static var sortColumns: [String] { get }
    /// Sort columns that are counts: `s` sorts them largest first, as people expect of a count.
    static var countColumns: Set<Int> { get }
    /// What `s` says in a view with no sort columns.
    static var fixedOrderNote: String { get }
    /// Whether the view has a detail pane beside or below its list.
    static var hasDetailPane: Bool { get }
    /// Whether `/` narrows the rows (true) or jumps between rows whose ``searchLabel(of:in:)`` matches.
    static var searchNarrows: Bool { get }

    /// The rows under the state's filter, search and sort.
    static func rows(_ state: AppState) -> RowList
    /// How many countries the rows (`state.rows`, just rebuilt) come from, for the status line (computed once per refresh).
    static func rowCountries(_ state: AppState) -> Int
    /// The list's table columns.
    static func columns(_ state: AppState) -> [Table.Column]
    /// The cell texts of row `i` of `state.rows`.
    static func cells(_ state: AppState, row i: Int) -> [String]
    /// Whether a row shows an invented record (drawn dimmed, marked †).
    static func isIllustrative(_ row: RowRef, in state: AppState) -> Bool
    /// The style of a list row, if not plain.
    static func rowStyle(_ row: RowRef, in state: AppState) -> Style?
    /// What an empty list says, when the general sentence does not fit.
    static func emptyNote(_ state: AppState) -> String?
    /// Draws the list into `area`; the default is a ``Table`` of ``cells(_:row:)``.
    static func renderList(_ state: AppState, into grid: inout Grid, area: Rect)
    /// The detail pane's lines for the selected row.
    static func detail(_ row: RowRef, in state: AppState) -> [DetailLine]
    /// What Enter on a row does, as a value the reducer applies; nil for nothing.
    static func open(_ row: RowRef, in state: AppState) -> Opening?
    /// The counts at the left of the status line.
    static func statusCounts(_ state: AppState) -> String
    /// The row named by ids, which survive a reload (indices do not); nil for rows not kept.
    static func key(of row: RowRef, in ix: DirectoryIndex) -> RowKey?
    /// The text `/` matches when the search does not narrow the rows.
    static func searchLabel(of row: RowRef, in state: AppState) -> String
    /// Called after ``AppState/refresh()`` rebuilt the rows: a view keeps what it derives from them.
    static func didRefresh(_ state: inout AppState)
}

extension BrowserView {
    static var countColumns: Set<Int> { [] }
    static var fixedOrderNote: String { "\(title) has a fixed order" }
    static var hasDetailPane: Bool { true }
    static var searchNarrows: Bool { true }
    static func rowCountries(_ state: AppState) -> Int { 0 }
    static func rowStyle(_ row: RowRef, in state: AppState) -> Style? {
        isIllustrative(row, in: state) ? Theme.illustrative : nil
    }
    static func emptyNote(_ state: AppState) -> String? { nil }
    static func renderList(_ state: AppState, into grid: inout Grid, area: Rect) {
        ListRenderer.renderTable(state, self, into: &grid, area: area)
    }
    static func searchLabel(of row: RowRef, in state: AppState) -> String { "" }
    static func didRefresh(_ state: inout AppState) {}
}

/// A view of the browser, named by the type that fills ``BrowserView``.
///
/// Each view's file declares its own constant (`ViewID.events`, …);
/// ``ViewRegistry/all`` puts them in tab order.
public struct ViewID: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    let type: any BrowserView.Type

    init(_ type: any BrowserView.Type) { self.type = type }

    public static func == (a: ViewID, b: ViewID) -> Bool { ObjectIdentifier(a.type) == ObjectIdentifier(b.type) }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(type)) }

    /// Every view in tab order.
    public static var allCases: [ViewID] { ViewRegistry.all }

    /// The tab title, without its number.
    public var title: String { type.title }
    public var description: String { type.title }

    /// Where the view is in tab order, from 0.
    public var tabIndex: Int { ViewRegistry.all.firstIndex(of: self) ?? 0 }

    /// The digit that opens this view: 1 to 9 in tab order, none after the ninth.
    public var digit: Character? {
        let i = tabIndex
        return i < 9 ? Character(String(i + 1)) : nil
    }

    /// The sort orders `s` cycles through, by name; the first is the default.
    public var sortColumns: [String] { type.sortColumns }

    /// Sort columns that are counts: `s` sorts them largest first.
    public var countColumns: Set<Int> { type.countColumns }
}

/// What Enter asks for, applied by the reducer (``AppState/apply(_:)``).
enum Opening {
    /// Opens a panel over the list.
    case panel(Overlay)
    /// Sets the filter and shows a view; `clearingSearch` drops that view's search first.
    case show(ViewID, filter: Filter, clearingSearch: Bool, message: String)
}

/// A row named by the record's ids, which survive a reload (indices do not).
struct RowKey: Hashable {
    var kind: String
    var id: String
}
