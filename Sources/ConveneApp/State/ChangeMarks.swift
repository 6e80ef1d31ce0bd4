import ConveneModel

/// Which sessions changed since the user last looked at them, and what they looked like then.
///
/// The browser compares every reload with what was on screen (and, at start, the
/// copy of the schedule kept from the last run with what the file says now). A
/// changed session stays marked until the user has seen it (selected it in Agenda,
/// or opened it from the Changes panel); a session that changes twice before that
/// is compared with the version the user saw, not the one in between, and one that
/// changes back is no longer marked.
///
/// Pure value: what to keep on disk is ``lastSeen``, and ``revision`` tells the
/// loop when it changed.
public struct ChangeMarks: Sendable, Equatable {
    /// What the user last saw of each session with an unseen change: key → that version,
    /// or nil when the session did not exist for them.
    private var seenVersions: [String: SessionSnapshot?] = [:]
    /// The sessions on screen now, in document order.
    private(set) var current: [SessionSnapshot] = []
    /// The identity of each session on screen, `[event][session]`.
    private(set) var keys: [[String]] = []
    /// The unseen changes, in ``ScheduleChanges`` order.
    public private(set) var changes: [ScheduleChange] = []
    /// The sessions (by key) with an unseen change.
    public private(set) var unseen: Set<String> = []
    /// Goes up whenever ``lastSeen`` changes, so the loop knows when to keep a new copy.
    public private(set) var revision = 0

    public init() {}

    /// The schedule as the user has seen it: today's sessions, except that each unseen
    /// change is still the version they saw (a new session left out, a cancelled one kept).
    public var lastSeen: [SessionSnapshot] {
        guard !seenVersions.isEmpty else { return current }
        var out = current.filter { !seenVersions.keys.contains($0.key) }
        out += seenVersions.keys.sorted().compactMap { seenVersions[$0] ?? nil }
        return out
    }

    /// Starts on `directory`; `lastSeen` is the copy kept from the last run (nil: none, nothing is marked).
    mutating func start(_ directory: Directory, names: (String) -> String?, lastSeen: [SessionSnapshot]?) {
        seenVersions = [:]
        adopt(directory, names: names)
        if let lastSeen { remember(ScheduleChanges.compare(lastSeen, current), from: lastSeen) }
        recompute()
    }

    /// A new version is on screen: what changed from the one before is marked, on top of what was not yet seen.
    mutating func reload(_ directory: Directory, names: (String) -> String?) {
        let before = current
        adopt(directory, names: names)
        remember(ScheduleChanges.compare(before, current), from: before)
        recompute()
    }

    /// The user has seen the session: its mark goes, and the copy kept is its version now.
    mutating func markSeen(_ key: String) {
        guard seenVersions.removeValue(forKey: key) != nil else { return }
        recompute()
    }

    /// The session at `[event][session]`'s key, if there is one.
    func key(event: Int, session: Int) -> String? {
        keys.indices.contains(event) && keys[event].indices.contains(session) ? keys[event][session] : nil
    }

    private mutating func adopt(_ directory: Directory, names: (String) -> String?) {
        keys = ScheduleChanges.sessionKeys(of: directory)
        current = []
        for (e, event) in directory.events.enumerated() {
            for (s, session) in event.sessions.enumerated() {
                current.append(SessionSnapshot(key: keys[e][s], event: event.id, id: session.id, title: session.title,
                                               start: session.start, end: session.end, room: session.room,
                                               speakers: session.speakers.map { names($0) ?? $0 }))
            }
        }
    }

    /// Keeps, for each changed session not already remembered, the version it had in `old`.
    private mutating func remember(_ found: [ScheduleChange], from old: [SessionSnapshot]) {
        guard !found.isEmpty else { return }
        var oldByKey: [String: SessionSnapshot] = [:]
        for s in old where oldByKey[s.key] == nil { oldByKey[s.key] = s }
        for change in found where !seenVersions.keys.contains(change.key) {
            seenVersions[change.key] = .some(oldByKey[change.key])
        }
    }

    /// The changes from what was seen to what is on screen; a session that changed back is forgotten.
    private mutating func recompute() {
        changes = ScheduleChanges.compare(lastSeen, current)
        unseen = Set(changes.map(\.key))
        seenVersions = seenVersions.filter { unseen.contains($0.key) }
        revision += 1
    }
}
