import ConveneModel
import ConveneScreen
import ConveneText

extension AppState {
    /// Keys while a panel is open: the panel takes them all.
    mutating func handleOverlayKey(_ key: Key) {
        guard let overlay else { return }
        switch overlay {
        case .help(let offset):
            switch key {
            case .down, .character("j"): self.overlay = .help(offset: offset + 1)
            case .up, .character("k"): self.overlay = .help(offset: max(0, offset - 1))
            case .pageDown: self.overlay = .help(offset: offset + 10)
            case .pageUp: self.overlay = .help(offset: max(0, offset - 10))
            case .escape, .enter, .character("?"), .character("q"), .function(1): self.overlay = nil
            default: break
            }
        case .countryPicker(var picker):
            handlePickerKey(key, &picker)
        case let .session(event, session, selected):
            let speakers = index.directory.events[event].sessions[session].speakers
            switch key {
            case .down, .character("j"):
                self.overlay = .session(event: event, session: session, selected: min(max(0, speakers.count - 1), selected + 1))
            case .up, .character("k"):
                self.overlay = .session(event: event, session: session, selected: max(0, selected - 1))
            case .enter:
                if speakers.indices.contains(selected), let di = index.delegateByID[speakers[selected]] {
                    openDelegate(di)
                } else {
                    self.overlay = nil
                }
            case .escape, .character("q"), .backspace: self.overlay = nil
            default: break
            }
        case let .delegate(i, offset):
            switch key {
            case .down, .character("j"): self.overlay = .delegate(i, offset: offset + 1)
            case .up, .character("k"): self.overlay = .delegate(i, offset: max(0, offset - 1))
            case .escape, .enter, .character("q"), .backspace: self.overlay = nil
            default: break
            }
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

    /// Keys in the country picker. The entries (a count over every delegate) are
    /// worked out only for the keys that need them, not for each typed letter.
    private mutating func handlePickerKey(_ key: Key, _ picker: inout CountryPicker) {
        switch key {
        case .escape:
            overlay = nil
            return
        case .enter:
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
        case .character(" "):
            let entries = pickerEntries(picker)
            if entries.indices.contains(picker.selected) {
                let code = entries[picker.selected].country.code
                if picker.ticked.contains(code) { picker.ticked.remove(code) } else { picker.ticked.insert(code) }
            }
        case .down: picker.selected = min(max(0, pickerEntries(picker).count - 1), picker.selected + 1)
        case .up: picker.selected = max(0, picker.selected - 1)
        case .pageDown: picker.selected = min(max(0, pickerEntries(picker).count - 1), picker.selected + 10)
        case .pageUp: picker.selected = max(0, picker.selected - 10)
        case .backspace, .delete:
            if !picker.query.isEmpty {
                picker.query.removeLast()
                picker.selected = 0
            }
        case .control("u"):
            picker.query = ""
            picker.selected = 0
        case .character(let c):
            if Self.append(String(c), to: &picker.query) {
                message = "Country search cut at \(Self.promptLimit) characters"
            }
            picker.selected = 0
        default: break
        }
        overlay = .countryPicker(picker)
    }
}
