import ConveneModel
import ConveneScreen
import ConveneText

/// Renders the whole browser: a pure function of the state into a grid.
///
/// Title bar, tabs, the current view's list with its detail pane, the status
/// line, then any open panel on top. The ncurses backend writes the result.
public enum ScreenRenderer {
    public static func render(_ state: AppState) -> Grid {
        var grid = Grid(width: state.width, height: state.height)
        let layout = Layout(width: state.width, height: state.height, view: state.view)
        if layout.isTooSmall {
            renderTooSmall(&grid)
            return grid
        }
        renderTitle(state, &grid)
        renderTabs(state, &grid, row: layout.tabsRow)
        if state.view == .summary {
            SummaryText.render(state, into: &grid, area: layout.list)
        } else {
            renderList(state, &grid, area: layout.list)
            renderDetail(state, &grid, area: layout.detail)
        }
        renderStatus(state, &grid, row: layout.statusRow)
        if let overlay = state.overlay {
            OverlayRenderer.render(overlay, state, &grid)
        }
        return grid
    }

    static func renderTooSmall(_ grid: inout Grid) {
        let text = ["Terminal too small", "\(grid.width)×\(grid.height): need \(Layout.minimumWidth)×\(Layout.minimumHeight)",
                    "Enlarge the window, or q to quit"]
        // Wrapped, so even a very narrow window shows every word.
        let lines = text.enumerated().flatMap { i, line in TextLayout.wrap(line, width: grid.width).map { (i, $0) } }
        let top = max(0, (grid.height - lines.count) / 2)
        for (k, (i, line)) in lines.enumerated() {
            let column = max(0, (grid.width - DisplayWidth.of(line)) / 2)
            grid.write(line, row: top + k, column: column, style: i == 0 ? Style(bold: true) : .plain)
        }
    }

    static func renderTitle(_ state: AppState, _ grid: inout Grid) {
        let width = grid.width
        grid.fill(Rect(row: 0, column: 0, width: width, height: 1), with: Cell(style: Theme.titleBar))
        var column = grid.write(" Convene · " + state.index.directory.title + " ", row: 0, column: 0, style: Theme.titleBar)
        let filters = filterText(state)
        let filterWidth = filters.isEmpty ? 0 : min(width - column, DisplayWidth.of(filters) + 2)
        if let notice = state.index.directory.notice, width - column - filterWidth > 6 {
            column += grid.write("│ " + notice, row: 0, column: column, maxWidth: width - column - filterWidth - 1,
                                 style: Theme.notice)
        }
        if !filters.isEmpty {
            let text = TextLayout.truncate(" " + filters + " ", toWidth: max(0, width - column))
            grid.write(text, row: 0, column: width - DisplayWidth.of(text), style: Theme.filters)
        }
    }

    /// "Country: Viet Nam · Event: … · City: Hanoi", or "" when nothing is filtered.
    static func filterText(_ state: AppState) -> String {
        let ix = state.index
        var parts: [String] = []
        if !state.filter.countries.isEmpty {
            parts.append("Country: " + state.filter.countries.sorted().map { ix.countryName($0) }.joined(separator: ", "))
        }
        if let e = state.filter.event { parts.append("Event: " + (ix.event(e)?.title ?? e)) }
        if let c = state.filter.city { parts.append("City: " + ix.cityName(c)) }
        if let f = state.filter.field { parts.append("Field: " + f) }
        return parts.joined(separator: " · ")
    }

    static func renderTabs(_ state: AppState, _ grid: inout Grid, row: Int) {
        let labels = TabStrip.labels()
        for (i, range) in TabStrip.ranges().enumerated() {
            let active = i == state.view.rawValue
            grid.write(labels[i], row: row, column: range.lowerBound, style: active ? Theme.activeTab : Theme.tab)
            if i < labels.count - 1 { grid.write(TabStrip.separator, row: row, column: range.upperBound, style: Theme.illustrative) }
        }
        let search = state.searches.filter { !$0.value.isEmpty }.map { "\($0.key.title): /\($0.value)" }
        if let mine = state.searches[state.view], !mine.isEmpty, !state.isEditingSearch {
            let text = " /" + mine + " "
            grid.write(text, row: row, column: max(0, grid.width - DisplayWidth.of(text)), style: Theme.prompt)
        } else if search.isEmpty, state.view != .summary {
            let sort = state.sort
            let text = " sort: \(state.view.sortColumns[sort.column])\(sort.descending ? " ↓" : "") "
            let column = grid.width - DisplayWidth.of(text)
            if column > (TabStrip.ranges().last?.upperBound ?? 0) + 1 {
                grid.write(text, row: row, column: column, style: Theme.illustrative)
            }
        }
    }

    static func renderList(_ state: AppState, _ grid: inout Grid, area: Rect) {
        guard !area.isEmpty else { return }
        let p = state.position
        let visible = max(0, area.height - 1)
        let end = min(state.rows.count, p.offset + visible)
        var rows: [[String]] = []
        var styles: [Int: Style] = [:]
        if p.offset < end {
            for i in p.offset..<end {
                rows.append(ViewColumns.cells(state, row: i))
                if isIllustrative(state, state.rows[i]) { styles[i - p.offset] = Theme.illustrative }
                if case let .session(e, s) = state.rows[i] {
                    let ref = SessionRef(event: e, session: s)
                    let past = state.isPast(ref)
                    // Once the time is known, dim means "over": an illustrative session keeps its † but is not dimmed.
                    if state.agenda.now != nil { styles[i - p.offset] = past ? Theme.illustrative : nil }
                    if state.agenda.clashes[ref] != nil { styles[i - p.offset] = past ? Theme.pastClash : Theme.clash }
                }
            }
        }
        let table = Table(columns: ViewColumns.columns(state.view, state.agenda), rows: rows,
                          selected: state.rows.isEmpty ? nil : p.selected - p.offset, offset: 0, rowStyles: styles,
                          separator: " │ ", headerStyle: Theme.header)
        table.render(into: &grid, area: area)
        if state.rows.isEmpty {
            var why = state.search.isEmpty ? "Nothing here under the current filter (x clears it)"
                                           : "No match for “\(state.search)” (Esc clears the search)"
            if state.view == .agenda, state.agenda.starredOnly, state.search.isEmpty {
                why = "No starred sessions here: m shows all, then Space or * stars one"
            }
            grid.write(why, row: area.row + 2, column: area.column + 2, maxWidth: area.width - 2, style: Theme.illustrative)
        }
    }

    static func isIllustrative(_ state: AppState, _ row: RowRef) -> Bool {
        let d = state.index.directory
        switch row {
        case .event(let i): return d.events[i].illustrative
        case let .session(e, s): return d.events[e].sessions[s].illustrative
        case .delegate(let i): return d.delegates[i].illustrative
        case .city(let i): return d.cities[i].illustrative
        default: return false
        }
    }

    static func renderDetail(_ state: AppState, _ grid: inout Grid, area: Rect) {
        guard area.width >= 4, area.height >= 3 else { return }
        let inner = Panel.draw(&grid, area: area, title: "Details")
        Panel.lines(DetailText.lines(state), into: &grid, area: inner, offset: 0)
    }

    static func renderStatus(_ state: AppState, _ grid: inout Grid, row: Int) {
        grid.fill(Rect(row: row, column: 0, width: grid.width, height: 1), with: Cell(style: Theme.status))
        if state.isEditingSearch {
            let used = grid.write(" Search \(state.view.title): ", row: row, column: 0, style: Theme.statusKey)
            let typed = grid.write(state.search, row: row, column: used, style: Theme.status)
            grid.write("▏", row: row, column: used + typed, style: Theme.statusKey)
            let hint = " Enter keep · Esc clear "
            grid.write(hint, row: row, column: max(used + typed + 2, grid.width - DisplayWidth.of(hint)), style: Theme.status)
            if let message = state.message {
                // Over the end of a long search text: "Search cut at 256 characters" must show.
                let text = " " + message + " "
                grid.write(text, row: row, column: max(used, grid.width - DisplayWidth.of(text)), style: Theme.message)
            }
            return
        }
        var column = 0
        if let message = state.message ?? state.agenda.saveStatus {
            column = grid.write(" " + message + " ", row: row, column: 0, style: Theme.message)
        } else {
            column = grid.write(" " + StatusText.counts(state) + " ", row: row, column: 0, style: Theme.statusKey)
        }
        // Whole hints only, chosen by importance and shown in a fixed order.
        var hints = [" / search ", " c country ", " x clear ", " s sort ", " ? help ", " q quit "]
        var priority = [2, 3, 5, 6, 1, 0]
        if state.hasIllustrativeRecords {
            hints.insert(" \(Marker.illustrative) illustrative ", at: 0)
            priority.insert(4, at: 0)
        }
        var room = grid.width - column - 1
        var shown = Set<Int>()
        for i in hints.indices.sorted(by: { priority[$0] < priority[$1] }) where DisplayWidth.of(hints[i]) <= room {
            shown.insert(i)
            room -= DisplayWidth.of(hints[i])
        }
        let text = hints.indices.filter(shown.contains).map { hints[$0] }.joined()
        if !text.isEmpty {
            grid.write(text, row: row, column: grid.width - DisplayWidth.of(text), style: Theme.status)
        }
    }
}

/// The counts the status line shows for the current view under the current filters.
enum StatusText {
    static func counts(_ state: AppState) -> String {
        let count = SummaryText.count
        let n = state.rows.count
        switch state.view {
        case .events:
            return count(n, "event", nil) + " · " + count(state.summary.delegates, "delegate", nil)
        case .agenda:
            let events = Set(state.rows.compactMap { if case let .session(e, _) = $0 { return e } else { return nil } })
            let starred = state.agenda.stars.count, clashing = state.agenda.clashes.count
            return count(n, "session", nil) + " · " + count(events.count, "event", nil)
                + (starred == 0 ? "" : " · \(starred) \(Marker.star)") + (clashing == 0 ? "" : " · \(clashing) clashing")
        case .delegates:
            return count(n, "delegate", nil) + " · " + count(state.rowCountries, "country", "countries")
        case .cities:
            return count(n, "city", "cities") + " · " + count(state.rowCountries, "country", "countries")
        case .summary:
            let s = state.summary
            return [count(s.delegates, "delegate", nil), count(s.countries, "country", "countries"),
                    count(s.cities, "city", "cities")].joined(separator: " · ")
        }
    }
}
