/// The five views of the browser, in tab order.
public enum ViewID: Int, Sendable, CaseIterable, Hashable {
    case events, agenda, delegates, cities, summary

    /// The tab title, without its number.
    public var title: String {
        switch self {
        case .events: return "Events"
        case .agenda: return "Agenda"
        case .delegates: return "Delegates"
        case .cities: return "Cities"
        case .summary: return "Summary"
        }
    }

    /// The digit that opens this view.
    public var digit: Character { Character(String(rawValue + 1)) }

    /// The sort orders `s` cycles through, by name; the first is the default.
    public var sortColumns: [String] {
        switch self {
        case .events: return ["date", "title", "city", "country", "listed"]
        case .agenda: return ["time", "title", "room", "track"]
        case .delegates: return ["name", "country", "city", "organisation", "role"]
        case .cities: return ["name", "country", "field", "member since", "delegates"]
        case .summary: return []
        }
    }

    /// Sort columns that are counts: `s` sorts them largest first, as people expect of a count.
    public var countColumns: Set<Int> {
        switch self {
        case .events: return [4]
        case .cities: return [4]
        default: return []
        }
    }
}

/// One row of a view's list, kept as a reference so the selection survives re-filtering.
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
