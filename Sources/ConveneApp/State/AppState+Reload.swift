import ConveneModel

/// Sessions to write as iCalendar, and a file name for them.
public struct ExportRequest: Sendable, Equatable {
    public var sessions: [SessionRef]
    public var fileName: String
    /// What the status line calls them: "the Hanoi conference's 12 sessions", "your 3 starred sessions".
    public var what: String
}

/// A row named by the record's id, which survives a reload (indices do not).
enum RowKey: Hashable {
    case event(String), session(String), delegate(String), city(String), bar(SummaryGroup, String), eventLine(String)
}

extension AppState {
    /// Shows a newly loaded directory, keeping the view, filters, searches, sorts,
    /// selection and an open country picker where they still exist.
    ///
    /// Called by the browse loop when the data file changed on disk and loaded
    /// cleanly; a file that fails to load never reaches here, and the old data stays.
    public mutating func reload(with newIndex: DirectoryIndex) {
        // Remember the selection by id: indices change when records are added or removed.
        let selected = selectedRow.flatMap(rowKey)
        index = newIndex
        hasIllustrativeRecords = newIndex.directory.delegates.contains(where: \.illustrative)
            || newIndex.directory.events.contains(where: \.illustrative)
        // Drop the parts of the filter that name records the new file no longer has.
        filter.countries = filter.countries.filter { newIndex.countryByCode[$0] != nil }
        if let e = filter.event, newIndex.eventByID[e] == nil { filter.event = nil }
        if let c = filter.city, newIndex.cityByID[c] == nil { filter.city = nil }
        // An open country picker stays open with its unapplied ticks (minus countries
        // the file no longer has); other panels show records by position, which a reload changes.
        if case .countryPicker(var picker)? = overlay {
            picker.ticked = picker.ticked.filter { newIndex.countryByCode[$0] != nil }
            picker.selected = min(picker.selected, max(0, pickerEntries(picker).count - 1))
            overlay = .countryPicker(picker)
        } else {
            overlay = nil
        }
        summaryFilter = nil
        // Clashes are kept as session positions; recount them in the new file (this also refreshes).
        starsChanged()
        refresh()
        if let selected, let i = rows.firstIndex(where: { rowKey($0) == selected }) {
            position.selected = i
        }
        keepSelectionVisible()
        message = "Reloaded: the data file changed on disk"
    }

    func rowKey(_ row: RowRef) -> RowKey? {
        let d = index.directory
        switch row {
        case .event(let i): return .event(d.events[i].id)
        case let .session(e, s): return .session(d.events[e].sessions[s].id)
        case .delegate(let i): return .delegate(d.delegates[i].id)
        case .city(let i): return .city(d.cities[i].id)
        case let .bar(group, key): return .bar(group, key)
        case .eventLine(let i): return .eventLine(d.events[i].id)
        case .heading: return nil
        }
    }

    /// `e`: asks for the sessions in view as iCalendar — the focused event's, your
    /// starred ones in My agenda, or whatever the Agenda lists.
    mutating func requestExport() {
        let refs = rows.compactMap { row -> SessionRef? in
            if case let .session(e, s) = row { return SessionRef(event: e, session: s) }
            return nil
        }
        guard view == .agenda, !refs.isEmpty else {
            message = view == .agenda ? "No sessions to export" : "Export works in Agenda (2): it writes the sessions listed there"
            return
        }
        let event = filter.event.flatMap { index.event($0) }
        let base: String
        let what: String
        if agenda.starredOnly {
            base = "convene-my-agenda"
            what = "your \(refs.count) starred session\(refs.count == 1 ? "" : "s")"
        } else if let event {
            base = "convene-" + event.id
            what = "\(refs.count) session\(refs.count == 1 ? "" : "s") of \(event.title)"
        } else {
            base = "convene-agenda"
            what = "\(refs.count) session\(refs.count == 1 ? "" : "s")"
        }
        pendingExport = ExportRequest(sessions: refs, fileName: base + ".ics", what: what)
    }

    /// The browse loop reports how the export went.
    public mutating func exportFinished(_ request: ExportRequest, error: String?) {
        pendingExport = nil
        message = error.map { "Export failed: \($0)" } ?? "Exported \(request.what) to \(request.fileName)"
    }
}
