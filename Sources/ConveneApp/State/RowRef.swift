/// One row of a view's list, kept as a reference so the selection survives re-filtering.
///
/// Each view makes and reads only its own kinds of row (see ``BrowserView``).
public enum RowRef: Sendable, Hashable {
    case event(Int)
    case session(event: Int, session: Int)
    case delegate(Int)
    case city(Int)
    /// A heading in Summary; not selectable.
    case heading(String)
    /// A bar in Summary: the breakdown it belongs to and the key to drill into.
    case bar(SummaryGroup, key: String)
    /// An event line in Summary.
    case eventLine(Int)
    /// A record of a view that no case above names (a new view's rows): the view and an index it chooses,
    /// so a new view needs no new case here.
    case record(ViewID, Int)

    /// Headings are skipped by the selection.
    public var isSelectable: Bool {
        if case .heading = self { return false }
        return true
    }
}

/// The breakdowns of the Summary view.
public enum SummaryGroup: String, Sendable, Hashable {
    case country, city, field
}
