import ConveneModel
import ConveneText

extension AppState {
    /// Carries out one named action.
    public mutating func apply(_ action: Action) {
        switch action {
        case .quit: shouldQuit = true
        case .toggleHelp: overlay = .help(offset: 0)
        case .showView(let v): switchView(to: v)
        case .nextView: switchView(to: ViewID(rawValue: (view.rawValue + 1) % ViewID.allCases.count) ?? .events)
        case .previousView:
            let n = ViewID.allCases.count
            switchView(to: ViewID(rawValue: (view.rawValue + n - 1) % n) ?? .events)
        case .moveDown: move(by: 1)
        case .moveUp: move(by: -1)
        case .pageDown: move(by: Layout(width: width, height: height, view: view).visibleRows)
        case .pageUp: move(by: -Layout(width: width, height: height, view: view).visibleRows)
        case .top:
            position.selected = 0
            settleSelection(forward: true)
            keepSelectionVisible()
        case .bottom:
            position.selected = max(0, rows.count - 1)
            settleSelection(forward: false)
            keepSelectionVisible()
        case .open: open()
        case .back: back()
        case .startSearch:
            searchBeforeEdit = search
        case .nextMatch: nextMatch(forward: true)
        case .previousMatch: nextMatch(forward: false)
        case .openCountryPicker: overlay = .countryPicker(CountryPicker(ticked: filter.countries))
        case .clearFilters:
            filter = Filter()
            searches = [:]
            refresh()
            message = "Filters, focus and searches cleared"
        case .cycleSort, .reverseSort:
            guard !view.sortColumns.isEmpty else {
                message = "Summary is ordered by count"
                return
            }
            var s = sort
            if action == .cycleSort {
                s.column = (s.column + 1) % view.sortColumns.count
                s.descending = view.countColumns.contains(s.column)
            } else {
                s.descending.toggle()
            }
            sort = s
            refresh()
            keepSelectionVisible()
            let direction = view.countColumns.contains(s.column)
                ? (s.descending ? ", largest first" : ", smallest first")
                : (s.descending ? ", descending" : "")
            message = "Sorted by \(view.sortColumns[s.column])\(direction)"
        case .toggleStar: toggleStar()
        case .toggleStarredOnly: toggleStarredOnly()
        case .jumpToNow: jumpToNow()
        case .toggleTimeZone: toggleTimeZone()
        case .exportCalendar: requestExport()
        case .redraw: break
        }
    }

    /// Shows a view, rebuilding its rows for the current filter (also when it is already shown).
    mutating func switchView(to v: ViewID) {
        view = v
        searchBeforeEdit = nil
        refresh()
        keepSelectionVisible()
    }

    mutating func move(by delta: Int) {
        guard !rows.isEmpty else { return }
        position.selected = max(0, min(rows.count - 1, position.selected + delta))
        settleSelection(forward: delta >= 0)
        keepSelectionVisible()
    }

    mutating func keepSelectionVisible() {
        let visible = Layout(width: width, height: height, view: view).visibleRows
        var p = position
        if p.selected < p.offset { p.offset = p.selected }
        if p.selected >= p.offset + visible { p.offset = p.selected - visible + 1 }
        p.offset = max(0, min(p.offset, max(0, rows.count - visible)))
        position = p
    }

    /// Enter: every row is a door to what is behind it.
    private mutating func open() {
        guard let row = selectedRow else { return }
        let d = index.directory
        switch row {
        case .event(let i):
            filter.event = d.events[i].id
            switchView(to: .agenda)
            message = "Focused on \(d.events[i].title): Agenda and Delegates show this event; Esc clears"
        case let .session(event, session):
            overlay = .session(event: event, session: session, selected: 0)
        case .delegate(let i):
            overlay = .delegate(i, offset: 0)
        case .city(let i):
            filter.city = d.cities[i].id
            searches[.delegates] = nil
            switchView(to: .delegates)
            message = "Delegates from \(d.cities[i].name); x clears the filter"
        case let .bar(group, key):
            switch group {
            case .country: filter.countries = [key]
            case .city: filter.city = key
            case .field: filter.field = key == Summary.noFieldLabel ? nil : key
            }
            searches[.delegates] = nil
            switchView(to: .delegates)
            message = "Showing the delegates behind that count; x clears the filter"
        case .eventLine(let i):
            filter.event = d.events[i].id
            searches[.delegates] = nil
            switchView(to: .delegates)
            message = "Delegates listed for \(d.events[i].title); Esc clears the focus"
        case .heading:
            break
        }
    }

    /// Esc: undo the most local thing first.
    private mutating func back() {
        if !search.isEmpty {
            search = ""
            refresh()
        } else if filter.event != nil {
            filter.event = nil
            refresh()
            message = "Event focus cleared"
        } else if filter.city != nil || filter.field != nil {
            filter.city = nil
            filter.field = nil
            refresh()
            message = "City and field filters cleared"
        }
        keepSelectionVisible()
    }

    private mutating func nextMatch(forward: Bool) {
        if view == .summary {
            jumpToMatch(forward: forward, includingCurrent: false)
        } else {
            move(by: forward ? 1 : -1)
        }
    }

    /// Moves to the next Summary row whose label matches the search, wrapping around.
    mutating func jumpToMatch(forward: Bool, includingCurrent: Bool) {
        let query = SearchQuery(search)
        guard !query.isEmpty, !rows.isEmpty else { return }
        let n = rows.count
        let start = position.selected
        for step in (includingCurrent ? 0 : 1)...n {
            let i = ((start + (forward ? step : -step)) % n + n) % n
            if rows[i].isSelectable, query.matches(SearchFold.fold(SummaryText.label(of: rows[i], in: self))) {
                position.selected = i
                keepSelectionVisible()
                return
            }
        }
        message = "No match for \(search)"
    }
}
