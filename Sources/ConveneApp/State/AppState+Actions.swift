import ConveneModel
import ConveneText

extension AppState {
    /// Carries out one named action of the list's table, returning the effects it asks for.
    ///
    /// Actions of other modes' tables (a prompt's, a panel's) do nothing here.
    @discardableResult
    public mutating func apply(_ action: Action) -> [Effect] {
        if view == .timetable, applyTimetable(action) { return [] }
        if view == .map, applyMap(action) { return [] }
        switch action {
        case .quit: return [.quit]
        case .toggleHelp: overlay = .help(offset: 0)
        case .showView(let v): switchView(to: v)
        case .nextView:
            let views = ViewRegistry.all
            switchView(to: views[(view.tabIndex + 1) % views.count])
        case .previousView:
            let views = ViewRegistry.all
            switchView(to: views[(view.tabIndex + views.count - 1) % views.count])
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
        case .openCountryPicker: openPicker(on: .country)
        case .openFilterPicker: openSessionPicker()
        case .clearFilters:
            filter = Filter()
            searches = [:]
            refresh()
            message = "Filters, focus and searches cleared"
        case .cycleSort, .reverseSort:
            guard !view.sortColumns.isEmpty else {
                message = view.type.fixedOrderNote
                return []
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
        case .toggleStar: return toggleStar() ? [.save] : []
        case .toggleStarredOnly: toggleStarredOnly()
        case .jumpToNow: jumpToNow()
        case .toggleTimeZone: toggleTimeZone()
        case .cycleBreakdown: cycleBreakdown()
        case .exportCalendar: return requestExport().map { [.export($0)] } ?? []
        case .showChanges:
            overlay = .changes(selected: 0)
            if changeMarks.changes.isEmpty { message = "No changes since you last looked" }
        case .redraw: return [.redraw]
        case .scrollDetailDown, .scrollDetailUp:
            guard view.type.hasDetailPane else { break }
            let area = Layout(width: width, height: height, view: view).detail
            let step = max(1, area.height - 3)
            scrollDetail(by: action == .scrollDetailDown ? step : -step, area: area)
        case .moveLeft, .moveRight, .previousDay, .nextDay, .zoomIn, .zoomOut: break
        case .refresh: return [.refresh]
        case .deleteBackward, .clearText, .keepSearch, .dropSearch, .tickValue, .excludeValue, .clearFacet, .nextFacet,
             .previousFacet, .applyFilters, .closePanel: break
        }
        return []
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

    /// Enter: every row is a door to what is behind it; the view says which.
    private mutating func open() {
        guard let row = selectedRow, let opening = view.type.open(row, in: self) else { return }
        switch opening {
        case .panel(let panel):
            overlay = panel
        case let .show(target, newFilter, clearingSearch, note):
            filter = newFilter
            if clearingSearch { searches[target] = nil }
            // A list opened for a count is a new list: it starts at the top, not where that view's
            // cursor was left.
            positions[target] = ListPosition()
            // A count of sessions counts them all, starred or not.
            if target == .agenda { agenda.starredOnly = false }
            view = target
            searchBeforeEdit = nil
            refresh(keepingSelection: false)
            keepSelectionVisible()
            message = note
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
        } else if filter.narrowsSessions {
            let names = filter.sessionFacets.keys.sorted().map { $0.title.lowercased() }
            filter = filter.withoutSessionFacets
            refresh()
            message = "Session filters cleared (\(names.joined(separator: ", ")))"
        } else if filter.city != nil || filter.field != nil {
            filter.city = nil
            filter.field = nil
            refresh()
            message = "City and field filters cleared"
        }
        keepSelectionVisible()
    }

    private mutating func nextMatch(forward: Bool) {
        if !view.type.searchNarrows {
            jumpToMatch(forward: forward, includingCurrent: false)
        } else {
            move(by: forward ? 1 : -1)
        }
    }

    /// Moves to the next row whose search label matches the search, wrapping around (Summary).
    mutating func jumpToMatch(forward: Bool, includingCurrent: Bool) {
        let query = SearchQuery(search)
        guard !query.isEmpty, !rows.isEmpty else { return }
        let n = rows.count
        let start = position.selected
        for step in (includingCurrent ? 0 : 1)...n {
            let i = ((start + (forward ? step : -step)) % n + n) % n
            if rows[i].isSelectable, query.matches(SearchFold.fold(view.type.searchLabel(of: rows[i], in: self))) {
                position.selected = i
                keepSelectionVisible()
                return
            }
        }
        message = "No match for \(search)"
    }
}
