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
    /// The directory on screen, until its snapshots are first needed: the browser's first
    /// screen does not wait for them.
    private var pending: Directory?
    /// The sessions on screen now, in document order (once ``pending`` is taken in).
    private var taken: [SessionSnapshot] = []
    /// The identity of each session on screen, `[event][session]`.
    private var keys: [[String]] = []
    /// The unseen changes, in ``ScheduleChanges`` order.
    public private(set) var changes: [ScheduleChange] = []
    /// The sessions (by key) with an unseen change.
    public private(set) var unseen: Set<String> = []
    /// Goes up whenever ``lastSeen`` changes, so the loop knows when to keep a new copy.
    public private(set) var revision = 0

    public init() {}

    /// The sessions on screen now.
    var current: [SessionSnapshot] {
        mutating get {
            takeInPending()
            return taken
        }
    }

    /// The schedule as the user has seen it: today's sessions, except that each unseen
    /// change is still the version they saw (a new session left out, a cancelled one kept).
    public var lastSeen: [SessionSnapshot] {
        mutating get {
            let now = current
            guard !seenVersions.isEmpty else { return now }
            var out = now.filter { !seenVersions.keys.contains($0.key) }
            out += seenVersions.keys.sorted().compactMap { seenVersions[$0] ?? nil }
            return out
        }
    }

    /// Shows `directory` with nothing marked; its snapshots are taken when first needed.
    mutating func show(_ directory: Directory) {
        seenVersions = [:]
        changes = []
        unseen = []
        pending = directory
        taken = []
        keys = []
    }

    /// Starts from the copy kept by the last run (nil: none, nothing is marked).
    mutating func start(lastSeen: [SessionSnapshot]?) {
        seenVersions = [:]
        if let lastSeen { remember(ScheduleChanges.compare(lastSeen, current), from: lastSeen) }
        recompute()
    }

    /// A new version is on screen: what changed from the one before is marked, on top of what was not yet seen.
    mutating func reload(_ directory: Directory) {
        let before = current
        pending = directory
        remember(ScheduleChanges.compare(before, current), from: before)
        recompute()
    }

    /// The user has seen the session: its mark goes, and the copy kept is its version now.
    mutating func markSeen(_ key: String) {
        guard seenVersions.removeValue(forKey: key) != nil else { return }
        recompute()
    }

    /// The session at `[event][session]`'s key, if it has one on screen (nil before any change is known).
    func key(event: Int, session: Int) -> String? {
        keys.indices.contains(event) && keys[event].indices.contains(session) ? keys[event][session] : nil
    }

    private mutating func takeInPending() {
        guard let directory = pending else { return }
        pending = nil
        keys = ScheduleChanges.sessionKeys(of: directory)
        taken = ScheduleChanges.snapshots(of: directory)
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
