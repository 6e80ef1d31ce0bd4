import ConveneModel
import ConveneScreen
import ConveneText

extension AppState {
    /// An action of the help's or a panel's table (``KeyBindings/help``,
    /// ``KeyBindings/sessionPanel``, ``KeyBindings/delegatePanel``).
    mutating func panelAction(_ action: Action) {
        guard let overlay else { return }
        if action == .closePanel {
            self.overlay = nil
            return
        }
        switch (overlay, action) {
        case (.help(let offset), .moveDown): self.overlay = .help(offset: offset + 1)
        case (.help(let offset), .moveUp): self.overlay = .help(offset: max(0, offset - 1))
        case (.help(let offset), .pageDown): self.overlay = .help(offset: offset + 10)
        case (.help(let offset), .pageUp): self.overlay = .help(offset: max(0, offset - 10))
        case let (.session(event, session, selected), .moveDown):
            let speakers = index.directory.events[event].sessions[session].speakers
            self.overlay = .session(event: event, session: session, selected: min(max(0, speakers.count - 1), selected + 1))
        case let (.session(event, session, selected), .moveUp):
            self.overlay = .session(event: event, session: session, selected: max(0, selected - 1))
        case let (.session(event, session, selected), .open):
            let speakers = index.directory.events[event].sessions[session].speakers
            if speakers.indices.contains(selected), let di = index.delegateByID[speakers[selected]] {
                // An unlisted speaker has no record to open: the panel stays, and says why.
                if index.directory.delegates[di].listed { openDelegate(di) } else { message = UnlistedDelegates.speakerNote }
            } else {
                self.overlay = nil
            }
        case let (.delegate(i, offset), .moveDown): self.overlay = .delegate(i, offset: offset + 1)
        case let (.delegate(i, offset), .moveUp): self.overlay = .delegate(i, offset: max(0, offset - 1))
        default: break
        }
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
