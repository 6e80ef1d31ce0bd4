import ConveneModel

extension AppState {
    /// Starts the change marks from the copy of this source's schedule kept from the last run.
    ///
    /// The loop calls this once, after loading: what changed while Convene was closed is
    /// marked, and the status line says so. Nil (no copy kept yet) marks nothing.
    public mutating func startChanges(lastSeen: [SessionSnapshot]?) {
        changeMarks.start(lastSeen: lastSeen)
        if let summary = changesSummary { message = "Since you last looked: " + summary }
    }

    /// The schedule as the user has seen it, for the loop to keep (see ``ChangeMarks/lastSeen``).
    public var lastSeenSessions: [SessionSnapshot] {
        mutating get { changeMarks.lastSeen }
    }

    /// Compares a reload with what was on screen (called by ``reload(with:)``, before the rows are rebuilt).
    mutating func compareReload() -> Int {
        let before = changeMarks.unseen
        changeMarks.reload(index.directory)
        return changeMarks.unseen.subtracting(before).count
    }

    /// True when the session has a change the user has not seen.
    func isChanged(event e: Int, session s: Int) -> Bool {
        changeMarks.key(event: e, session: s).map { changeMarks.unseen.contains($0) } ?? false
    }

    /// The unseen changes of one session, for its detail.
    func changes(event e: Int, session s: Int) -> [ScheduleChange] {
        guard let key = changeMarks.key(event: e, session: s), changeMarks.unseen.contains(key) else { return [] }
        return changeMarks.changes.filter { $0.key == key }
    }

    /// How many starred sessions have an unseen change.
    var starredChangedCount: Int {
        Set(changeMarks.changes.filter { agenda.stars.contains($0.session) }.map(\.key)).count
    }

    /// "2 of your starred talks changed (5 sessions in all) · C lists them", or nil when nothing changed.
    var changesSummary: String? {
        let all = changeMarks.unseen.count
        guard all > 0 else { return nil }
        let starred = starredChangedCount
        let sessions = "\(all) session\(all == 1 ? "" : "s")"
        if starred > 0 {
            return "\(starred) of your starred talks changed" + (starred == all ? "" : " (\(sessions) in all)") + " · C lists them"
        }
        return "\(sessions) changed · C lists them"
    }

    /// The Changes panel's entries: changes of starred sessions first, each group in list order.
    public var changesPanelEntries: [ScheduleChange] {
        let changes = changeMarks.changes
        return changes.filter { agenda.stars.contains($0.session) } + changes.filter { !agenda.stars.contains($0.session) }
    }

    /// After a batch of input: the Agenda session the user moved to, or opened, has been seen.
    mutating func noteSeen(view before: ViewID, row rowBefore: RowRef?, overlay overlayBefore: Overlay?) {
        guard view == .agenda, case let .session(e, s)? = selectedRow else { return }
        let opened: Bool
        if case .session? = overlay, !Self.isSessionPanel(overlayBefore) { opened = true } else { opened = false }
        guard opened || (overlay == nil && (view != before || selectedRow != rowBefore)) else { return }
        if let key = changeMarks.key(event: e, session: s) { changeMarks.markSeen(key) }
    }

    private static func isSessionPanel(_ overlay: Overlay?) -> Bool {
        if case .session? = overlay { return true }
        return false
    }

    /// An action of the Changes panel's table (``KeyBindings/changesPanel``).
    mutating func changesAction(_ action: Action) {
        guard case .changes(let selected)? = overlay else { return }
        let entries = changesPanelEntries
        let last = max(0, entries.count - 1)
        switch action {
        case .closePanel: overlay = nil
        case .moveDown: overlay = .changes(selected: min(last, selected + 1))
        case .moveUp: overlay = .changes(selected: max(0, selected - 1))
        case .pageDown: overlay = .changes(selected: min(last, selected + 10))
        case .pageUp: overlay = .changes(selected: max(0, selected - 10))
        case .top: overlay = .changes(selected: 0)
        case .bottom: overlay = .changes(selected: last)
        case .open:
            guard entries.indices.contains(selected) else { overlay = nil; return }
            showChange(entries[selected], at: selected)
        default: break
        }
    }

    /// Enter in the Changes panel: a session still on the schedule is shown in Agenda (and so
    /// seen); a cancelled one is marked seen where it is, since there is nothing to show.
    mutating func showChange(_ change: ScheduleChange, at selected: Int) {
        guard let ref = index.sessionRef(id: change.session),
              changeMarks.key(event: ref.event, session: ref.session) == change.key else {
            changeMarks.markSeen(change.key)
            message = "Seen: \(change.title) (\(change.kind.label))"
            let count = changesPanelEntries.count
            overlay = count == 0 ? nil : .changes(selected: min(count - 1, selected))
            return
        }
        overlay = nil
        if view != .agenda { switchView(to: .agenda) }
        let row = RowRef.session(event: ref.event, session: ref.session)
        if !rows.contains(row) {
            // Hidden by a search, the starred-only agenda or a filter: show everything rather than nothing.
            searches[.agenda] = nil
            agenda.starredOnly = false
            filter = Filter()
            refresh()
            message = "Filters cleared to show \(change.title)"
        }
        if let i = rows.firstIndex(of: row) {
            position.selected = i
            keepSelectionVisible()
        }
        changeMarks.markSeen(change.key)
    }
}
