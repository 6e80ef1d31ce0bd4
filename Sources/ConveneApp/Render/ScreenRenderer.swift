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
        renderTabs(state, &grid, layout: layout)
        state.view.type.renderList(state, into: &grid, area: layout.list)
        if state.view.type.hasDetailPane {
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

    /// The title, then the active filters at the right. The filters win the room: the title is cut
    /// first (to " Convene "), the notice shows only in what is left, and filters that still do not
    /// fit are shortened and at last counted ("3 filters"), never cut mid-word.
    static func renderTitle(_ state: AppState, _ grid: inout Grid) {
        let width = grid.width
        grid.fill(Rect(row: 0, column: 0, width: width, height: 1), with: Cell(style: Theme.titleBar))
        let title = " Convene · " + state.index.directory.title + " "
        let description = FilterDescription(state.filter, state.index)
        let minimumTitle = " Convene "
        let filters = description.fitted(width: max(0, width - DisplayWidth.of(minimumTitle) - 2))
        let filterText = filters.isEmpty ? "" : " " + filters + " "
        let filterWidth = DisplayWidth.of(filterText)
        let titleRoom = max(0, width - filterWidth)
        var column = grid.write(title, row: 0, column: 0, maxWidth: titleRoom, style: Theme.titleBar)
        if let notice = state.index.directory.notice, width - column - filterWidth > 6 {
            column += grid.write("│ " + notice, row: 0, column: column, maxWidth: width - column - filterWidth - 1,
                                 style: Theme.notice)
        }
        if !filterText.isEmpty {
            grid.write(filterText, row: 0, column: width - filterWidth, style: Theme.filters)
        }
    }

    static func renderTabs(_ state: AppState, _ grid: inout Grid, layout: Layout) {
        let row = layout.tabsRow
        let strip = TabStrip.bar(active: state.view.tabIndex)
        let area = TabStrip.area(layout, width: grid.width)
        strip.render(into: &grid, area: area)
        let search = state.searches.filter { !$0.value.isEmpty }.map { "\($0.key.title): /\($0.value)" }
        if let mine = state.searches[state.view], !mine.isEmpty, !state.isEditingSearch {
            let text = " /" + mine + " "
            grid.write(text, row: row, column: max(0, grid.width - DisplayWidth.of(text)), style: Theme.prompt)
        } else if search.isEmpty, !state.view.sortColumns.isEmpty {
            let sort = state.sort
            let text = " sort: \(state.view.sortColumns[sort.column])\(sort.descending ? " ↓" : "") "
            let column = grid.width - DisplayWidth.of(text)
            if column > (strip.tabRanges(in: area).last?.upperBound ?? 0) + 1 {
                grid.write(text, row: row, column: column, style: Theme.illustrative)
            }
        }
    }

    static func renderDetail(_ state: AppState, _ grid: inout Grid, area: Rect) {
        guard area.width >= 4, area.height >= 3 else { return }
        let (box, text) = detailPane(state, area: area)
        box.render(into: &grid, area: area)
        text.render(into: &grid, inner: box.inner(of: area), frame: area)
    }

    /// The detail pane's frame and its text, scrolled by ``AppState/detailOffset`` (the wheel over the
    /// pane scrolls it; a new selection starts at the top): for drawing and for clamping the offset.
    static func detailPane(_ state: AppState, area: Rect) -> (Box, ScrollingText) {
        let lines: [DetailLine] = state.selectedRow.map { state.view.type.detail($0, in: state) }
            ?? [.text("Nothing selected", Theme.illustrative)]
        return (Theme.panel("Details"), ScrollingText(lines: lines, offset: state.detailOffset, markStyle: Theme.heading))
    }

    static func renderStatus(_ state: AppState, _ grid: inout Grid, row: Int) {
        grid.fill(Rect(row: row, column: 0, width: grid.width, height: 1), with: Cell(style: Theme.status))
        if state.isEditingSearch {
            // The prompt, then the search table's hints at the right, as many whole ones as
            // leave room for the text and its cursor (the cursor a glyph: the bar is reversed).
            let input = TextInput(prompt: " Search \(state.view.title): ", text: state.search, promptStyle: Theme.statusKey,
                                  style: Theme.status, cursorShape: .glyph("▏", Theme.statusKey))
            let used = min(grid.width, DisplayWidth.of(input.prompt))
            let hints = KeyHints(KeyBindings.search.hints, keyStyle: Theme.status, style: Theme.status,
                                 alignment: .right, padding: 1, separator: "·")
            let hintWidth = hints.usedWidth(in: grid.width - used - DisplayWidth.of(state.search) - 2)
            input.render(into: &grid, area: Rect(row: row, column: 0, width: grid.width - hintWidth, height: 1))
            hints.render(into: &grid, area: Rect(row: row, column: grid.width - hintWidth, width: hintWidth, height: 1))
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
            column = grid.write(" " + state.view.type.statusCounts(state) + " ", row: row, column: 0, style: Theme.statusKey)
        }
        // The list table's hints: whole hints only, chosen by priority and shown in table order,
        // right-aligned after the counts; the † legend goes first when the data has invented records.
        var hints = (state.mode.fallsBackToList ? KeyBindings.table(for: state.mode).hints : []) + KeyBindings.all.hints
        if state.hasIllustrativeRecords {
            hints.insert(.init(key: Marker.illustrative, label: "illustrative", priority: 4), at: 0)
        }
        KeyHints(hints, keyStyle: Theme.status, style: Theme.status, alignment: .right, padding: 1, gap: 0)
            .render(into: &grid, area: Rect(row: row, column: column + 1, width: max(0, grid.width - column - 1), height: 1))
    }
}
