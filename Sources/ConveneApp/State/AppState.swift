import ConveneModel

/// Where a view's list is: the selected row and the first row shown.
public struct ListPosition: Sendable, Hashable {
    public var selected: Int = 0
    public var offset: Int = 0
}

/// How a view is sorted: an index into ``ViewID/sortColumns`` and a direction.
public struct SortOrder: Sendable, Hashable {
    public var column: Int = 0
    public var descending: Bool = false
}

/// A panel over the list.
public enum Overlay: Sendable, Hashable {
    case help(offset: Int)
    /// The filter picker (``FilterPicker``): a facet's values to tick or exclude.
    case filterPicker(FilterPicker)
    /// A session's description and speakers; `selected` is the highlighted speaker, `offset`
    /// the first wrapped line shown (see ``ScrollingPanel``).
    case session(event: Int, session: Int, selected: Int, offset: Int = 0)
    /// A delegate's full record, scrolled by `offset`.
    case delegate(Int, offset: Int)
    /// What changed since the user last looked (``AppState/changesPanelEntries``); `selected` is the highlighted
    /// entry, and the panel scrolls to keep it in view.
    case changes(selected: Int)
}

/// The whole state of the browser: a value, changed only by ``AppState/handle(_:)-(InputEvent)``
/// (which returns the ``Effect``s it asks for) and by the loop's reports back.
///
/// Rows of the current view are derived from the directory, the filter and the
/// view's search and sort; they are cached in `rows` and rebuilt by
/// ``refresh()`` whenever one of those changes, so moving the selection never
/// re-filters.
public struct AppState: Sendable {
    public internal(set) var index: DirectoryIndex
    public var view: ViewID = .events
    /// Countries, focused event, city, field and session facets: applies to every view.
    public var filter = Filter()
    /// Each view's own search text.
    public var searches: [ViewID: String] = [:]
    /// The search text before `/` started editing, restored by Esc; nil when not editing.
    public var searchBeforeEdit: String?
    public var positions: [ViewID: ListPosition] = [:]
    public var sorts: [ViewID: SortOrder] = [:]
    public var overlay: Overlay?
    public var width: Int
    public var height: Int
    /// The first wrapped line the detail pane shows: the wheel over the pane scrolls it, and a
    /// new selection (or view) starts it at the top again.
    public var detailOffset = 0
    /// A one-line message for the status bar, cleared by the next key.
    public var message: String?
    /// Starred sessions, now, and the time zone shown: see ``PersonalAgenda``.
    public var agenda = PersonalAgenda()
    /// The Timetable's day and scroll: see ``TimetableState``.
    public var timetable = TimetableState()
    /// The Map's zoom, centre and placed cities: see ``MapState``.
    public var map = MapState()
    /// Reminders before starred sessions (`--remind`): see ``remindIfDue()``.
    public var reminders = Reminders()
    /// Sessions changed since the user last looked at them: see ``ChangeMarks``.
    public internal(set) var changeMarks = ChangeMarks()
    /// Rows of the current view under the current filter, search and sort.
    public private(set) var rows = RowList()
    /// The summary under the current filter, for the Summary view and the status line: counted
    /// when first read after a filter change (see ``FilterTotals``).
    public var summary: Summary { totals.summary }
    /// Sessions by day, track, room, type and language under the current filter: what Summary shows
    /// for a conference whose delegates' countries are not known.
    public var sessionSummary: SessionSummary { totals.sessions }
    /// Delegates per city id under the current filter, for the Cities view.
    public var cityCounts: [String: Int] { totals.cityCounts }
    /// The counts under `filter`, each worked out on first use.
    var totals: FilterTotals
    /// ``totals`` with no filter, kept: clearing the filter (`x`, or the picker emptied) comes back
    /// to counts already made instead of a million delegates counted again. Dropped on reload.
    var unfilteredTotals: FilterTotals?
    /// What Summary breaks delegates down by (`b` cycles it); country shows country, city and field.
    public internal(set) var summaryBreakdown: DelegateBreakdown = .country
    /// The bars of `summaryBreakdown` under the current filter.
    public var breakdown: [Summary.Entry] { totals.breakdown(summaryBreakdown) }
    /// The focused event's host line under the current filter; nil without an event focus.
    public var hostLine: HostLine? { totals.hostLine }
    /// Distinct countries among the rows (Delegates and Cities), for the status line.
    public private(set) var rowCountries = 0
    /// Whether the directory has invented records, so the status line explains the † mark.
    public internal(set) var hasIllustrativeRecords: Bool
    /// The search text changed and the view has not been searched again yet: see `handle(_:)` for a batch.
    var searchPending = false
    /// How many times the view's search has been run for a change of its text.
    ///
    /// A count, not a timing: tests check that a batch of typed or pasted text
    /// runs the search once, however long it is.
    public internal(set) var searchRuns = 0

    public init(index: DirectoryIndex, width: Int = 80, height: Int = 24) {
        self.index = index
        hasIllustrativeRecords = index.directory.delegates.containsIllustrative
            || index.directory.events.contains(where: \.illustrative)
        self.width = width
        self.height = height
        totals = FilterTotals(index: index, filter: Filter())
        unfilteredTotals = totals
        changeMarks.show(index.directory)
        refresh()
    }

    public var isEditingSearch: Bool { searchBeforeEdit != nil }

    /// What has the keys now, which chooses the key table.
    public var mode: InputMode {
        switch overlay {
        case .help?: .help
        case .filterPicker?: .filterPicker
        case .session?: .sessionPanel
        case .delegate?: .delegatePanel
        case .changes?: .changesPanel
        case nil: isEditingSearch ? .search : view == .timetable ? .timetable : view == .map ? .map : .list
        }
    }

    /// The search text of the current view.
    public var search: String {
        get { searches[view] ?? "" }
        set { searches[view] = newValue.isEmpty ? nil : newValue }
    }

    public var position: ListPosition {
        get { positions[view] ?? ListPosition() }
        set { positions[view] = newValue }
    }

    public var sort: SortOrder {
        get { sorts[view] ?? SortOrder() }
        set { sorts[view] = newValue }
    }

    /// The filter with the current view's search text.
    public var viewFilter: Filter {
        var f = filter
        f.search = view.type.searchNarrows ? search : ""
        return f
    }

    /// The selected row, if the list has one.
    public var selectedRow: RowRef? {
        let i = position.selected
        return rows.indices.contains(i) && rows[i].isSelectable ? rows[i] : nil
    }

    /// Rebuilds rows and summary, keeping the selected record selected when it is still listed.
    public mutating func refresh() { refresh(keepingSelection: true) }

    /// Rebuilds rows; without `keepingSelection` the old selection is not looked for
    /// (a search keystroke starts at the first match anyway, and at a million rows
    /// the look-up is a scan).
    mutating func refresh(keepingSelection: Bool) {
        let previous = keepingSelection ? selectedRow : nil
        // The summary ignores searches: recount only when the filter itself changed.
        if totals.filter != filter {
            // Nothing is counted here: whatever reads a count first counts it (see ``FilterTotals``).
            let unfiltered = filter == Filter()
            totals = (unfiltered ? unfilteredTotals : nil) ?? FilterTotals(index: index, filter: filter)
            if unfiltered { unfilteredTotals = totals }
        }
        rows = view.type.rows(self)
        rowCountries = view.type.rowCountries(self)
        var p = position
        if let previous, let i = rows.firstIndex(of: previous) {
            p.selected = i
        } else {
            p.selected = min(p.selected, max(0, rows.count - 1))
        }
        position = p
        settleSelection(forward: true)
        let type = view.type
        type.didRefresh(&self)
    }

    /// Moves the selection off a heading row in the given direction (or back if none).
    mutating func settleSelection(forward: Bool) {
        guard !rows.isEmpty else { position = ListPosition(); return }
        var p = position
        p.selected = max(0, min(p.selected, rows.count - 1))
        if !rows[p.selected].isSelectable {
            let ahead = forward ? rows[p.selected...].firstIndex(where: \.isSelectable)
                                : rows[...p.selected].lastIndex(where: \.isSelectable)
            let behind = forward ? rows[...p.selected].lastIndex(where: \.isSelectable)
                                 : rows[p.selected...].firstIndex(where: \.isSelectable)
            p.selected = ahead ?? behind ?? p.selected
        }
        position = p
    }
}
