import ConveneModel
import ConveneScreen
import ConveneText

/// Draws the panels that open over the list: help, filter picker, session and delegate.
enum OverlayRenderer {
    static func render(_ overlay: Overlay, _ state: AppState, _ grid: inout Grid) {
        let screen = grid.bounds.inset(top: 1, left: 0, bottom: 1, right: 0)
        if let panel = ScrollingPanel.of(overlay, state) {
            panel.render(into: &grid)
            return
        }
        switch overlay {
        case .filterPicker(let picker):
            renderPicker(picker, state, &grid, screen: screen)
        case .changes(let selected):
            ChangesPanel.render(state, selected: selected, &grid, screen: screen)
        case .help, .session, .delegate:
            break
        }
    }

    /// Help, generated from the key tables (the same tables bind the keys): a section
    /// for each mode, then the mouse and the marks. Lines come wrapped to `width`,
    /// with a hanging indent under each key's description.
    static func helpLines(_ state: AppState, width: Int) -> [DetailLine] {
        let tables = InputMode.allCases.map { ($0.title, $0.note, KeyBindings.table(for: $0)) }
            + [("Everywhere", nil, KeyBindings.everywhere)]
        // One key column for every section, so all descriptions line up; a label too
        // long for it ("Esc Enter ? q F1") takes a line of its own, as in a man page.
        let keyWidth = 12
        var out: [DetailLine] = []
        for (title, note, bindings) in tables {
            if !out.isEmpty { out.append(.blank) }
            out.append(.text(title, Theme.heading))
            if let note { out += TextLayout.wrap(note, width: max(1, width)).map { .text($0) } }
            for binding in bindings {
                if DisplayWidth.of(binding.label) > keyWidth - 2 {
                    out.append([Span(binding.label, style: Theme.label)])
                    out += TextLayout.wrap(binding.help, width: max(1, width - keyWidth)).map {
                        [Span(String(repeating: " ", count: keyWidth)), Span($0)]
                    }
                    continue
                }
                let pieces = TextLayout.wrap(binding.help, width: max(1, width - keyWidth))
                for (i, piece) in pieces.enumerated() {
                    let key = i == 0 ? TextLayout.pad(binding.label, toWidth: keyWidth) : String(repeating: " ", count: keyWidth)
                    out.append([Span(key, style: Theme.label), Span(piece)])
                }
            }
        }
        out += [.blank, .text("Mouse", Theme.heading),
                .text("Click a tab or a row to select it · the wheel scrolls"),
                .blank, .text("Marks", Theme.heading),
                .text("\(Marker.illustrative)  a record invented for illustration (dimmed)"),
                .text("\(Marker.star)  a starred session (Space or *); \(Marker.star)\(Marker.clash) it clashes with another starred one (red)"),
                .text("\(Marker.changed)  a session that changed since you last looked, until you select it (C lists them)"),
                .text("In the Agenda, dimmed means over (--now TIME fixes the time for a demo)")]
        if let notice = state.index.directory.notice {
            out += [.blank, .text("About this directory", Theme.heading), .text(notice)]
        }
        return out
    }

    /// The filter picker: the prompt, the facets (the current one highlighted), the hints, then the
    /// values with their counts: "[x]" ticked, "[✕]" excluded (red, and "✕" before the name).
    static func renderPicker(_ picker: FilterPicker, _ state: AppState, _ grid: inout Grid, screen: Rect) {
        let entries = state.pickerEntries(picker)
        let area = screen.centered(width: min(screen.width - 2, 66), height: min(screen.height - 2, entries.count + 7))
        let box = Theme.panel("Filter · " + picker.facet.title)
        box.render(into: &grid, area: area)
        let inner = box.inner(of: area)
        guard inner.height >= 3 else { return }
        TextInput(prompt: picker.facet.title + ": ", text: picker.query, promptStyle: Theme.prompt,
                  cursorShape: .glyph("▏", Theme.prompt))
            .render(into: &grid, area: inner.line(0))
        var column = inner.column
        for facet in state.offeredFacets {
            let active = !(facet == .country ? picker.draft.countryChoice : {
                if case .session(let f) = facet { picker.draft[f] } else { FacetChoice() }
            }()).isEmpty
            let text = " " + facet.title + (active ? "•" : "") + " "
            guard column + DisplayWidth.of(text) <= inner.right else { break }
            column += grid.write(text, row: inner.row + 1, column: column,
                                 style: facet == picker.facet ? Theme.activeTab : Theme.tab)
        }
        // Whole hints only, the most needed first when the panel is narrow.
        KeyHints(KeyBindings.filterPicker.hints, keyStyle: Theme.illustrative, style: Theme.illustrative, separator: " · ")
            .render(into: &grid, area: inner.line(2))
        let listArea = inner.inset(top: 3, left: 0, bottom: 0, right: 0)
        let visible = max(1, listArea.height)
        let offset = max(0, min(picker.selected - visible + 1, entries.count - visible))
        let choice = picker.choice
        let codeWidth = picker.facet == .country ? 4 : entries.contains { !$0.code.isEmpty } ? 7 : 0
        for r in 0..<visible {
            let i = max(0, offset) + r
            guard entries.indices.contains(i) else { break }
            let entry = entries[i]
            let excluded = choice.excluded.contains(entry.key)
            let tick = excluded ? "[\(FilterDescription.excludedMark)]" : choice.included.contains(entry.key) ? "[x]" : "[ ]"
            let code = codeWidth > 0 ? TextLayout.pad(entry.code, toWidth: codeWidth - 1) + " " : ""
            let name = (excluded ? FilterDescription.excludedMark + " " : "") + entry.label
            let line = "\(tick) \(code)\(name)"
            var style: Style = excluded ? Theme.clash : entry.count == 0 ? Theme.illustrative : .plain
            if i == picker.selected { style.reverse = true }
            let y = listArea.row + r
            // Fill the whole row first so a highlighted row is one unbroken bar.
            grid.fill(Rect(row: y, column: listArea.column, width: listArea.width, height: 1), with: Cell(style: style))
            grid.write(line, row: y, column: listArea.column, maxWidth: listArea.width - 7, style: style)
            grid.write(TextLayout.pad(String(entry.count), toWidth: 6, alignment: .right), row: y,
                       column: listArea.right - 6, style: style)
        }
        if entries.isEmpty {
            grid.write("No value matches", row: listArea.row, column: listArea.column, style: Theme.illustrative)
        }
    }
}
