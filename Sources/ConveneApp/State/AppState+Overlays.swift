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
                // An unlisted speaker has no record to open: the panel stays, and says why.
                if index.directory.delegates.isListed(at: di) { openDelegate(di) } else { message = UnlistedDelegates.speakerNote }
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
        case .filterPicker?, .changes?, nil: break
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
