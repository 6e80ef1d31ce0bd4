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
        if filter.narrowsCountries, !filter.countryAllows(p.country ?? NotRecorded.key) { filter.countryChoice = FacetChoice() }
        if let city = filter.city, city != p.city ?? NotRecorded.key { filter.city = nil }
        if let event = filter.event, !p.events.contains(event) { filter.event = nil }
        filter.field = nil
        // A speaker of a session the session facets leave passes them; anyone else would be hidden by them.
        if filter.narrowsSessions, !index.delegatePasses(i, filter.withoutSearch) {
            for facet in SessionFacet.allCases { filter[facet] = FacetChoice() }
        }
        searches[.delegates] = nil
        switchView(to: .delegates)
        if let row = rows.firstIndex(of: .delegate(i)) {
            position.selected = row
            keepSelectionVisible()
        }
        overlay = .delegate(i, offset: 0)
    }
}
