import ConveneModel

/// Reminders before starred sessions: how long before, and which were already given.
public struct Reminders: Sendable, Equatable {
    /// Minutes before a starred session's start to remind; 0 turns reminders off.
    public var leadMinutes = 0
    /// `sessionID@startSeconds` of every reminder given, so each is given once, and a
    /// session that moves to another time is reminded of again.
    var given: Set<String> = []

    public init(leadMinutes: Int = 0) { self.leadMinutes = leadMinutes }
}

extension AppState {
    /// Gives the reminders now due: a starred session starting within ``Reminders/leadMinutes``
    /// that has not been reminded of. The status line says what starts where and when, and
    /// names a starred session it clashes with. True when a reminder was given, so the loop
    /// rings the bell once (unless `--quiet`); the reducer itself does no I/O.
    public mutating func remindIfDue() -> Bool {
        guard reminders.leadMinutes > 0, let now = agenda.now, !agenda.stars.isEmpty else { return false }
        let lead = Int64(reminders.leadMinutes) * 60
        var due: [(ref: SessionRef, key: String)] = []
        for (e, event) in index.directory.events.enumerated() {
            for (s, session) in event.sessions.enumerated() where agenda.stars.contains(session.id) {
                guard session.start.isKnown, session.start > now, session.start.seconds - now.seconds <= lead else { continue }
                let key = "\(session.id)@\(session.start.seconds)"
                if !reminders.given.contains(key) { due.append((SessionRef(event: e, session: s), key)) }
            }
        }
        guard !due.isEmpty else { return false }
        due.sort { index.session($0.ref).start < index.session($1.ref).start }
        for d in due { reminders.given.insert(d.key) }
        var text = "Reminder: " + reminderText(due[0].ref, now: now)
        if let clash = agenda.clashes[due[0].ref]?.first {
            let other = index.session(clash)
            text += " — clashes with \(other.title)" + (other.room.map { " (\($0))" } ?? "")
        }
        if due.count > 1 { text += " · also: " + due.dropFirst().map { reminderText($0.ref, now: now) }.joined(separator: "; ") }
        message = text
        return true
    }

    /// "Opening at 10:30 in Saal 1 (in 10 min)", the time as Agenda shows it.
    func reminderText(_ ref: SessionRef, now: Timestamp) -> String {
        let s = index.session(ref)
        let time = s.start.components(offsetSeconds: agenda.displayOffset(for: s.start)).time
        let minutes = (s.start.seconds - now.seconds + 59) / 60
        return "\(s.title) at \(time)" + (s.room.map { " in \($0)" } ?? "") + " (in \(minutes) min)"
    }
}
