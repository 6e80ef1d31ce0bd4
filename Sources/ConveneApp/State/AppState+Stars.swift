import ConveneModel

extension AppState {
    /// The session a row shows, if it is a session row.
    func sessionID(of row: RowRef?) -> String? {
        guard case let .session(e, s)? = row else { return nil }
        return index.directory.events[e].sessions[s].id
    }

    /// True when the session at `ref` is starred.
    public func isStarred(_ ref: SessionRef) -> Bool {
        agenda.stars.contains(index.session(ref).id)
    }

    /// True when the session has ended by `agenda.now`.
    public func isPast(_ ref: SessionRef) -> Bool {
        guard let now = agenda.now else { return false }
        let end = index.session(ref).end
        return end.isKnown && end <= now
    }

    /// Star changes are not on disk yet (derived from `agenda.unsaved`).
    ///
    /// Not a request: a change asks for its save by returning ``Effect/save``.
    /// The loop reads this at quit, to say which stars were not saved.
    public var wantsSave: Bool { !agenda.unsaved.isEmpty }

    /// Starts from the stars on disk; `notes` (a corrupt file moved aside, say) go to the status line.
    public mutating func loadStars(_ stars: Set<String>, notes: [String] = []) {
        agenda.stars = stars
        starsChanged()
        if let note = notes.last { message = note }
    }

    /// A save succeeded: adopt the merged stars (another instance may have added some).
    ///
    /// Changes made after the save began would still be in `unsaved`; the loop
    /// saves synchronously, so there are none, and `unsaved` is cleared.
    public mutating func saveSucceeded(stars: Set<String>, notes: [String] = []) {
        agenda.unsaved = [:]
        if agenda.saveError != nil { message = "Stars saved" }
        agenda.saveError = nil
        agenda.stars = stars
        starsChanged()
        if let note = notes.last { message = note }
    }

    /// A save failed: keep the stars and the changes for the retry, and say so.
    public mutating func saveFailed(_ reason: String) {
        let first = agenda.saveError == nil
        agenda.saveError = reason
        if first { message = agenda.saveStatus }
    }

    /// Sets "now" (the loop calls this as the clock moves; `--now` fixes it).
    public mutating func setNow(_ now: Timestamp) {
        agenda.now = now
    }

    /// Recomputes clashes and, in the starred-only agenda, the rows.
    mutating func starsChanged() {
        agenda.clashes = index.clashes(amongStarred: agenda.stars)
        if view == .agenda && agenda.starredOnly { refresh() }
    }

    // MARK: Actions

    /// Stars or unstars the selected session; true when a star changed (and needs saving).
    mutating func toggleStar() -> Bool {
        guard view == .agenda || view == .timetable else {
            message = "Stars are for sessions: press 2 for the Agenda"
            return false
        }
        guard let id = sessionID(of: selectedRow), case let .session(e, s)? = selectedRow else { return false }
        let starred = !agenda.stars.contains(id)
        if starred { agenda.stars.insert(id) } else { agenda.stars.remove(id) }
        agenda.unsaved[id] = starred
        let previous = position.selected
        starsChanged()
        let title = index.directory.events[e].sessions[s].title
        if starred {
            let clashes = agenda.clashes[SessionRef(event: e, session: s)] ?? []
            message = "\(Marker.star) \(title)" + (clashes.isEmpty ? "" : " — clashes with \(clashes.count) starred")
        } else {
            message = "Unstarred \(title)"
            if agenda.starredOnly {
                position.selected = min(previous, max(0, rows.count - 1))
                settleSelection(forward: true)
                keepSelectionVisible()
            }
        }
        return true
    }

    mutating func toggleStarredOnly() {
        agenda.starredOnly.toggle()
        if view != .agenda { switchView(to: .agenda) } else { refresh(); keepSelectionVisible() }
        if agenda.starredOnly {
            message = agenda.stars.isEmpty ? "No starred sessions yet: Space or * stars one (m shows all)"
                                           : "My agenda: starred sessions only (m shows all)"
        } else {
            message = "All sessions"
        }
    }

    mutating func toggleTimeZone() {
        agenda.showsLocalTime.toggle()
        message = agenda.showsLocalTime ? "Times in local time (\(agenda.localZone))" : "Times in each event's time zone"
    }

    /// Selects the session running now, else the next to start, among the Agenda's rows.
    mutating func jumpToNow() {
        if view != .agenda { switchView(to: .agenda) }
        guard let now = agenda.now else {
            message = "The time is not known"
            return
        }
        var running: Int?
        var next: Int?
        for (i, row) in rows.enumerated() {
            guard case let .session(e, s) = row else { continue }
            let session = index.directory.events[e].sessions[s]
            if session.start <= now && now < session.end {
                if running == nil { running = i }
            } else if session.start > now {
                if let n = next, case let .session(ne, ns) = rows[n],
                   index.directory.events[ne].sessions[ns].start <= session.start { continue }
                next = i
            }
        }
        guard let i = running ?? next, case let .session(e, s) = rows[i] else {
            message = "Nothing is on now or later" + (agenda.starredOnly ? " in your agenda" : "")
            return
        }
        position.selected = i
        keepSelectionVisible()
        let session = index.directory.events[e].sessions[s]
        let end = session.end.components(offsetSeconds: agenda.displayOffset(for: session.end)).time
        let start = session.start.components(offsetSeconds: agenda.displayOffset(for: session.start))
        if running != nil {
            message = "Now: \(session.title) (until \(end))"
        } else {
            let minutes = (session.start.seconds - now.seconds) / 60
            let when = minutes < 24 * 60 ? "in \(minutes / 60 > 0 ? "\(minutes / 60) h " : "")\(minutes % 60) min"
                                         : "on \(start.date)"
            message = "Next: \(session.title) at \(start.time), \(when)"
        }
    }

    /// What `e` would export with My agenda the other way round, when that differs: with stars
    /// set and every session listed, "m then e exports your 2 starred"; in My agenda, "m then e
    /// exports all 12". Nil when there are no stars here or both ways list the same sessions.
    func otherExportChoice(exporting count: Int) -> String? {
        var other = self
        other.agenda.starredOnly.toggle()
        let otherCount = AgendaView.rows(other).count
        guard !agenda.stars.isEmpty, otherCount > 0, otherCount != count else { return nil }
        return agenda.starredOnly ? "m then e exports all \(otherCount)"
                                  : "m then e exports your \(otherCount) starred"
    }
}
