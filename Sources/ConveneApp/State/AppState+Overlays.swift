import ConveneModel
import ConveneScreen
import ConveneText

extension AppState {
    /// An action of the help's or a panel's table (``KeyBindings/help``,
    /// ``KeyBindings/sessionPanel``, ``KeyBindings/delegatePanel``).
    ///
    /// Every one of them scrolls: ↑↓ a line (in a session, from speaker to speaker
    /// first), PgUp/PgDn a screenful, Home/End to either end; the offset is clamped
    /// to the text as drawn (``ScrollingPanel``).
    mutating func panelAction(_ action: Action) {
        guard let overlay else { return }
        if action == .closePanel {
            self.overlay = nil
            return
        }
        guard let panel = ScrollingPanel.of(overlay, self) else { return }
        let offset = panel.text.clampedOffset(width: panel.inner.width, height: panel.inner.height)
        switch (overlay, action) {
        case let (.session(event, session, selected, _), .open):
            let speakers = index.directory.events[event].sessions[session].speakers
            if speakers.indices.contains(selected), let di = index.delegateByID[speakers[selected]] {
                openDelegate(di)
            } else {
                self.overlay = nil
            }
        case let (.session(event, session, selected, _), .moveDown)
            where selected + 1 < index.directory.events[event].sessions[session].speakers.count:
            selectSpeaker(selected + 1, in: panel)
        case let (.session(_, _, selected, _), .moveUp) where selected > 0:
            selectSpeaker(selected - 1, in: panel)
        case (_, .moveDown): scrollPanel(to: offset + 1, in: panel)
        case (_, .moveUp): scrollPanel(to: offset - 1, in: panel)
        case (_, .pageDown): scrollPanel(to: offset + panel.page, in: panel)
        case (_, .pageUp): scrollPanel(to: offset - panel.page, in: panel)
        case (_, .top): scrollPanel(to: 0, in: panel)
        case (_, .bottom): scrollPanel(to: panel.maximumOffset, in: panel)
        default: break
        }
    }

    /// The mouse wheel over a panel: three lines (three changes in the Changes panel).
    mutating func wheelInPanel(down: Bool) {
        guard let overlay else { return }
        if case .changes = overlay {
            for _ in 0..<3 { changesAction(down ? .moveDown : .moveUp) }
            return
        }
        guard let panel = ScrollingPanel.of(overlay, self) else { return }
        let offset = panel.text.clampedOffset(width: panel.inner.width, height: panel.inner.height)
        scrollPanel(to: offset + (down ? 3 : -3), in: panel)
    }

    /// Sets the open panel's offset, clamped to its text.
    private mutating func scrollPanel(to offset: Int, in panel: ScrollingPanel) {
        let clamped = max(0, min(offset, panel.maximumOffset))
        switch overlay {
        case .help?: overlay = .help(offset: clamped)
        case let .session(e, s, selected, _)?: overlay = .session(event: e, session: s, selected: selected, offset: clamped)
        case let .delegate(i, _)?: overlay = .delegate(i, offset: clamped)
        case .countryPicker?, .changes?, nil: break
        }
    }

    /// Highlights a speaker of the open session panel and scrolls as little as keeps their line in view.
    private mutating func selectSpeaker(_ selected: Int, in panel: ScrollingPanel) {
        guard case let .session(e, s, _, offset)? = overlay else { return }
        var moved = panel
        moved.text.paragraph.scroll = offset
        let line = ScrollingPanel.speakerLine(moved.text.paragraph.lines).flatMap {
            moved.text.firstWrappedLine(of: $0 + selected, width: moved.inner.width)
        }
        let current = moved.text.clampedOffset(width: moved.inner.width, height: moved.inner.height)
        let top = line.map { Scrolling.revealing(first: $0, last: $0, currentOffset: current, visibleRows: moved.inner.height) }
            ?? current
        overlay = .session(event: e, session: s, selected: selected, offset: min(top, moved.maximumOffset))
    }

    /// Shows a delegate in the Delegates view, dropping whatever would hide them.
    mutating func openDelegate(_ i: Int) {
        let p = index.directory.delegates[i]
        if !filter.countries.isEmpty, !filter.countries.contains(p.country ?? NotRecorded.key) { filter.countries = [] }
        if let city = filter.city, city != p.city ?? NotRecorded.key { filter.city = nil }
        if let event = filter.event, !p.events.contains(event) { filter.event = nil }
        filter.field = nil
        searches[.delegates] = nil
        switchView(to: .delegates)
        if let row = rows.firstIndex(of: .delegate(i)) {
            position.selected = row
            keepSelectionVisible()
        }
        overlay = .delegate(i, offset: 0)
    }

    /// Countries offered by the picker: matching the typed text, with their delegate counts under the other filters.
    /// When some delegates' country is not recorded, a last entry offers them (code ``NotRecorded/key``).
    public func pickerEntries(_ picker: CountryPicker) -> [(country: Country, count: Int)] {
        var others = filter
        others.countries = []
        others.search = ""
        var counts: [String: Int] = [:]
        for i in index.delegates(others) { counts[index.directory.delegates[i].country ?? NotRecorded.key, default: 0] += 1 }
        let query = SearchQuery(picker.query)
        var countries = index.directory.countries
        if index.hasDelegatesWithoutCountry { countries.append(Country(code: NotRecorded.key, name: NotRecorded.label)) }
        let offered = countries
            .filter { query.isEmpty || query.matches(SearchFold.fold($0.name + " " + $0.code)) }
            .map { ($0, counts[$0.code] ?? 0) }
        let recorded = offered.filter { $0.0.code != NotRecorded.key }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.name < $1.0.name }
        return recorded + offered.filter { $0.0.code == NotRecorded.key }
    }

    /// An action of the country picker's table (``KeyBindings/countryPicker``). The
    /// entries (a count over every delegate) are worked out only for the actions
    /// that need them, not for each typed letter.
    mutating func pickerAction(_ action: Action) {
        guard case .countryPicker(var picker)? = overlay else { return }
        switch action {
        case .closePanel:
            overlay = nil
            return
        case .applyCountries:
            let entries = pickerEntries(picker)
            if picker.ticked.isEmpty, entries.indices.contains(picker.selected) {
                filter.countries = [entries[picker.selected].country.code]
            } else {
                filter.countries = picker.ticked
            }
            overlay = nil
            refresh()
            keepSelectionVisible()
            let names = filter.countries.sorted().map { index.countryName($0) }
            message = names.isEmpty ? "Country filter cleared" : "Country: \(names.joined(separator: ", "))"
            return
        case .tickCountry:
            let entries = pickerEntries(picker)
            if entries.indices.contains(picker.selected) {
                let code = entries[picker.selected].country.code
                if picker.ticked.contains(code) { picker.ticked.remove(code) } else { picker.ticked.insert(code) }
            }
        case .moveDown: picker.selected = min(max(0, pickerEntries(picker).count - 1), picker.selected + 1)
        case .moveUp: picker.selected = max(0, picker.selected - 1)
        case .pageDown: picker.selected = min(max(0, pickerEntries(picker).count - 1), picker.selected + 10)
        case .pageUp: picker.selected = max(0, picker.selected - 10)
        case .deleteBackward:
            if !picker.query.isEmpty {
                picker.query.removeLast()
                picker.selected = 0
            }
        case .clearText:
            picker.query = ""
            picker.selected = 0
        default: break
        }
        overlay = .countryPicker(picker)
    }

    /// A character typed into the country picker's prompt.
    mutating func typeInPicker(_ c: Character) {
        guard case .countryPicker(var picker)? = overlay else { return }
        if Self.append(String(c), to: &picker.query) {
            message = "Country search cut at \(Self.promptLimit) characters"
        }
        picker.selected = 0
        overlay = .countryPicker(picker)
    }
}
