import ConveneModel
import ConveneScreen

/// Draws a view's list as a table: the visible slice only, so a million rows cost what forty do.
enum ListRenderer {
    static func renderTable(_ state: AppState, _ view: any BrowserView.Type, into grid: inout Grid, area: Rect) {
        guard !area.isEmpty else { return }
        let p = state.position
        let visible = max(0, area.height - 1)
        let end = min(state.rows.count, p.offset + visible)
        var rows: [[String]] = []
        var styles: [Int: Style] = [:]
        if p.offset < end {
            for i in p.offset..<end {
                rows.append(view.cells(state, row: i))
                if let style = view.rowStyle(state.rows[i], in: state) { styles[i - p.offset] = style }
            }
        }
        let table = Table(columns: view.columns(state), rows: rows,
                          selected: state.rows.isEmpty ? nil : p.selected - p.offset, offset: 0, rowStyles: styles,
                          separator: " │ ", headerStyle: Theme.header)
        table.render(into: &grid, area: area)
        if state.rows.isEmpty {
            let why = view.emptyNote(state)
                ?? (state.search.isEmpty ? "Nothing here under the current filter (x clears it)"
                                         : "No match for “\(state.search)” (Esc clears the search)")
            grid.write(why, row: area.row + 2, column: area.column + 2, maxWidth: area.width - 2, style: Theme.illustrative)
        }
    }
}
