import ConveneModel

/// Sessions to write as iCalendar, and a file name for them.
public struct ExportRequest: Sendable, Equatable {
    public var sessions: [SessionRef]
    public var fileName: String
    /// What the status line calls them: "the Hanoi conference's 12 sessions", "your 3 starred sessions".
    public var what: String
    /// The other export the user may have meant, said after this one: "m then e exports your 2 starred".
    public var otherChoice: String? = nil
}

extension ExportRequest {
    /// The longest slug a file name is built from, in bytes.
    static let maxSlugBytes = 64

    /// `convene-<slug>.ics`, safe by construction for any `name`, however hostile.
    ///
    /// The slug keeps only `a-z`, `0-9`, `.`, `_` and `-` (upper-case ASCII is
    /// lowered, anything else becomes one `-`), never starts or ends with `.`, `-` or
    /// `_`, and is at most ``maxSlugBytes`` long. So the name has no `/`, no control
    /// or bidi character, cannot be `..`, and always lands in the current directory,
    /// even for an id that validation did not check. A valid id keeps its spelling.
    public static func fileName(for name: String) -> String {
        var slug: [UInt8] = []
        var pendingDash = false
        func isAlphanumeric(_ b: UInt8?) -> Bool { b.map { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) } ?? false }
        for byte in name.utf8 {
            let b = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            if isAlphanumeric(b) {
                if pendingDash, isAlphanumeric(slug.last) { slug.append(0x2D) }
                pendingDash = false
                slug.append(b)
            } else if b == 0x2E || b == 0x5F || b == 0x2D, !pendingDash, isAlphanumeric(slug.last) {
                // Punctuation only right after a letter or digit: no "..", no leading '.', no "-.-".
                slug.append(b)
            } else {
                pendingDash = true
            }
            if slug.count >= maxSlugBytes { break }
        }
        while let last = slug.last, last == 0x2E || last == 0x5F || last == 0x2D { slug.removeLast() }
        return "convene-" + (slug.isEmpty ? "event" : String(decoding: slug, as: UTF8.self)) + ".ics"
    }
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
        hasIllustrativeRecords = newIndex.directory.delegates.containsIllustrative
            || newIndex.directory.events.contains(where: \.illustrative)
        // Drop the parts of the filter that name records the new file no longer has.
        // "Not recorded" (``NotRecorded/key``) names no record, so it is kept.
        let known = { (code: String) in code == NotRecorded.key || newIndex.countryByCode[code] != nil }
        filter.countryChoice = FacetChoice(included: filter.countries.filter(known), excluded: filter.excludedCountries.filter(known))
        if let e = filter.event, newIndex.eventByID[e] == nil { filter.event = nil }
        if let c = filter.city, c != NotRecorded.key, newIndex.cityByID[c] == nil { filter.city = nil }
        // An open filter picker stays open with its unapplied ticks (minus countries
        // the file no longer has); other panels show records by position, which a reload changes.
        if case .filterPicker(var picker)? = overlay {
            picker.draft.countryChoice = FacetChoice(included: picker.draft.countries.filter(known),
                                                     excluded: picker.draft.excludedCountries.filter(known))
            picker.selected = min(picker.selected, max(0, pickerEntries(picker).count - 1))
            overlay = .filterPicker(picker)
        } else if case .changes? = overlay {
            // The Changes panel lists sessions by identity, not position: it stays, updated below.
        } else {
            overlay = nil
        }
        // Counts of the old directory are not the new one's: count again, for the filter as it now is.
        totals = FilterTotals(index: newIndex, filter: filter)
        unfilteredTotals = filter == Filter() ? totals : nil
        let changed = compareReload()
        if case .changes(let selected)? = overlay {
            overlay = .changes(selected: min(selected, max(0, changesPanelEntries.count - 1)))
        }
        // Clashes are kept as session positions; recount them in the new file (this also refreshes).
        starsChanged()
        refresh()
        if let selected, let i = rows.firstIndex(where: { rowKey($0) == selected }) {
            position.selected = i
        }
        keepSelectionVisible()
        message = "Reloaded: the data file changed on disk" + (changed == 0 ? "" : changesSummary.map { " · " + $0 } ?? "")
    }

    /// The data file failed to load on a reload: the old data stays, and the status line says why.
    ///
    /// A file caught half-written (``LoadError/changedWhileReading(file:)``) is not a
    /// problem with the file: the watcher tries again, and the message says so.
    public mutating func reloadFailed(_ error: LoadError) {
        if case .changedWhileReading(let file) = error {
            message = "Not reloaded yet: \(file) changed while it was being read; retrying"
            return
        }
        let first = error.description.split(separator: "\n").prefix(2).joined(separator: " ")
        message = "Not reloaded, showing the previous data: " + first
    }

    /// The data file is gone from disk: the data on screen is the last copy loaded.
    public mutating func dataFileDeleted(_ path: String) {
        message = "\(path) was deleted; showing the last loaded copy"
    }

    func rowKey(_ row: RowRef) -> RowKey? {
        view.type.key(of: row, in: index)
    }

    /// `e`: asks for the sessions in view as iCalendar — the focused event's, your
    /// starred ones in My agenda, or whatever the Agenda lists; nil (with a
    /// message) when there is nothing to export here.
    mutating func requestExport() -> ExportRequest? {
        let refs = rows.compactMap { row -> SessionRef? in
            if case let .session(e, s) = row { return SessionRef(event: e, session: s) }
            return nil
        }
        guard view == .agenda, !refs.isEmpty else {
            message = view == .agenda ? "No sessions to export" : "Export works in Agenda (2): it writes the sessions listed there"
            return nil
        }
        let event = filter.event.flatMap { index.event($0) }
        let fileName: String
        let what: String
        if agenda.starredOnly {
            fileName = ExportRequest.fileName(for: "my-agenda")
            what = "your \(refs.count) starred session\(refs.count == 1 ? "" : "s")"
        } else if let event {
            fileName = ExportRequest.fileName(for: event.id)
            what = "\(refs.count) session\(refs.count == 1 ? "" : "s") of \(event.title)"
        } else {
            fileName = ExportRequest.fileName(for: "agenda")
            what = "\(refs.count) session\(refs.count == 1 ? "" : "s")"
        }
        return ExportRequest(sessions: refs, fileName: fileName, what: what, otherChoice: otherExportChoice(exporting: refs.count))
    }

    /// The browse loop reports how the ``Effect/export(_:)`` it carried out went.
    public mutating func exportFinished(_ request: ExportRequest, error: String?) {
        message = error.map { "Export failed: \($0)" }
            ?? "Exported \(request.what) to \(request.fileName)" + (request.otherChoice.map { " — " + $0 } ?? "")
    }
}
