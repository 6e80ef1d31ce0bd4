import ConveneModel
import ConveneText

extension AppState {
    /// The facets the picker offers: country when there are delegates, and each session facet
    /// for which some session records a value.
    public var offeredFacets: [FilterFacet] {
        FilterFacet.all.filter { facet in
            switch facet {
            case .country: !index.directory.delegates.isEmpty
            case .session(let f): index.sessionValues(f).contains { $0.value != NotRecorded.key }
            }
        }
    }

    /// Opens the picker on `facet`, editing a copy of the filter.
    mutating func openPicker(on facet: FilterFacet) {
        overlay = .filterPicker(FilterPicker(facet: facet, draft: filter))
    }

    /// `f`: the picker on the first session facet already narrowing, else the first one offered.
    mutating func openSessionPicker() {
        let offered = offeredFacets
        let active = offered.first { if case .session(let f) = $0 { !filter[f].isEmpty } else { false } }
        let first = offered.first { if case .session = $0 { true } else { false } }
        openPicker(on: active ?? first ?? .country)
    }

    /// Values offered for the picker's facet, matching the typed text, with their counts under
    /// the draft's other filters. Countries come by count, largest first; a session facet's values in
    /// the data's order (days by date); "not recorded" last.
    public func pickerEntries(_ picker: FilterPicker) -> [PickerEntry] {
        var others = picker.draft
        others.search = ""
        let entries: [PickerEntry]
        switch picker.facet {
        case .country:
            others.countryChoice = FacetChoice()
            var counts: [String: Int] = [:]
            for i in index.delegates(others) { counts[index.directory.delegates.country(at: i) ?? NotRecorded.key, default: 0] += 1 }
            var all = index.directory.countries.map { PickerEntry(key: $0.code, label: $0.name, code: $0.code, count: counts[$0.code] ?? 0) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.label < $1.label }
            if index.hasDelegatesWithoutCountry {
                all.append(PickerEntry(key: NotRecorded.key, label: NotRecorded.label, code: NotRecorded.dash,
                                       count: counts[NotRecorded.key] ?? 0))
            }
            entries = all
        case .session(let facet):
            others[facet] = FacetChoice()
            let counts = Dictionary(index.sessionValues(facet, among: index.sessions(others)).map { ($0.value, $0.count) },
                                    uniquingKeysWith: +)
            let days = facet == .day ? index.conferenceDays : []
            entries = index.sessionValues(facet).map { value, _ in
                let label = value == NotRecorded.key ? NotRecorded.label : value
                // A day is also "day N", as `--day 'day 2'` takes it.
                let code = days.firstIndex(of: value).map { "day \($0 + 1)" } ?? ""
                return PickerEntry(key: value, label: label, code: code, count: counts[value] ?? 0)
            }
        }
        let query = SearchQuery(picker.query)
        guard !query.isEmpty else { return entries }
        return entries.filter { query.matches(SearchFold.fold($0.label + " " + $0.code)) }
    }

    /// An action of the picker's table (``KeyBindings/filterPicker``). The entries (a count over
    /// every delegate or session) are worked out only for the actions that need them, not for each typed letter.
    mutating func pickerAction(_ action: Action) {
        guard case .filterPicker(var picker)? = overlay else { return }
        switch action {
        case .closePanel:
            overlay = nil
            return
        case .applyFilters:
            let entries = pickerEntries(picker)
            if !picker.edited, picker.choice.isEmpty, entries.indices.contains(picker.selected) {
                picker.choice = FacetChoice(included: [entries[picker.selected].key])
            }
            filter = picker.draft
            overlay = nil
            refresh()
            keepSelectionVisible()
            let text = FilterDescription(filter, index).full
            message = text.isEmpty ? "Filters cleared" : text
            return
        case .tickValue, .excludeValue:
            let entries = pickerEntries(picker)
            if entries.indices.contains(picker.selected) {
                let key = entries[picker.selected].key
                if action == .tickValue { picker.choice.toggleIncluded(key) } else { picker.choice.toggleExcluded(key) }
                picker.edited = true
            }
        case .clearFacet:
            picker.choice = FacetChoice()
            picker.edited = true
        case .nextFacet, .previousFacet:
            let offered = offeredFacets
            if let i = offered.firstIndex(of: picker.facet) {
                let step = action == .nextFacet ? 1 : offered.count - 1
                picker.facet = offered[(i + step) % offered.count]
            } else if let first = offered.first {
                picker.facet = first
            }
            picker.query = ""
            picker.selected = 0
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
        overlay = .filterPicker(picker)
    }

    /// A character typed into the picker's prompt.
    mutating func typeInPicker(_ c: Character) {
        guard case .filterPicker(var picker)? = overlay else { return }
        if Self.append(String(c), to: &picker.query) {
            message = "Filter search cut at \(Self.promptLimit) characters"
        }
        picker.selected = 0
        overlay = .filterPicker(picker)
    }
}
