/// One session as the change list sees it: what a delegate following a conference cares about.
///
/// Kept apart from ``Session`` so that the browser can store what the user last saw
/// (a small file per source) without keeping a whole directory: the speakers are
/// their names, not delegate ids, because a published schedule's ids may be
/// re-derived between two versions while the names stay.
public struct SessionSnapshot: Sendable, Equatable {
    /// Which session this is across versions: see ``ScheduleChanges/key(of:)``.
    public var key: String
    /// The event's id.
    public var event: String
    /// The session's id in this version.
    public var id: String
    public var title: String
    public var start: Timestamp
    public var end: Timestamp
    public var room: String?
    /// Speaker names, in the session's order.
    public var speakers: [String]

    public init(key: String, event: String, id: String, title: String, start: Timestamp, end: Timestamp,
                room: String? = nil, speakers: [String] = []) {
        self.key = key
        self.event = event
        self.id = id
        self.title = title
        self.start = start
        self.end = end
        self.room = room
        self.speakers = speakers
    }
}

/// One difference between two versions of a schedule.
///
/// A session that moved and was retitled gives two changes, one per ``Kind``, so that a
/// table, CSV and JSON have one shape: what changed, which session, what it was, what it is.
public struct ScheduleChange: Sendable, Equatable {
    /// What changed, in the order the changes of one session are listed.
    public enum Kind: String, Sendable, CaseIterable, Comparable {
        /// In the new version only.
        case new
        /// In the old version only: gone from the schedule.
        case cancelled
        /// Its start or end is at another instant.
        case movedTime = "moved-time"
        /// Its room is another (or it gained or lost one).
        case movedRoom = "moved-room"
        case retitled
        /// Its speakers, compared by name and ignoring their order, are others.
        case speakers

        public static func < (a: Kind, b: Kind) -> Bool {
            allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
        }

        /// How the change reads to a person: "moved (time)".
        public var label: String {
            switch self {
            case .new: "new"
            case .cancelled: "cancelled"
            case .movedTime: "moved (time)"
            case .movedRoom: "moved (room)"
            case .retitled: "retitled"
            case .speakers: "speakers changed"
            }
        }
    }

    public var kind: Kind
    /// The session's identity (``SessionSnapshot/key``).
    public var key: String
    public var event: String
    /// The session's id: the new version's, or the old one's when it was cancelled.
    public var session: String
    /// The session's title: the new version's, or the old one's when it was cancelled.
    public var title: String
    /// Its start, as for ``title``; the list is in this order.
    public var start: Timestamp
    /// The old value, in words; nil for a new session, or a room that was not set.
    public var before: String?
    /// The new value, in words; nil for a cancelled session, or a room no longer set.
    public var after: String?

    public init(kind: Kind, key: String, event: String, session: String, title: String, start: Timestamp,
                before: String?, after: String?) {
        self.kind = kind
        self.key = key
        self.event = event
        self.session = session
        self.title = title
        self.start = start
        self.before = before
        self.after = after
    }
}

/// What changed between two versions of a schedule, session by session.
///
/// Sessions are matched by identity (``key(of:)``): the source's guid where it gives
/// one, else the session id. The list is pure and deterministic: in start order (the
/// new start, the old one for a cancelled session), then by event, session id and kind.
///
/// ```swift
/// let changes = ScheduleChanges.compare(old: yesterday, new: today)
/// // [ScheduleChange(kind: .movedRoom, session: "opening", before: "Hall A", after: "Hall B", …)]
/// ```
public enum ScheduleChanges {
    /// The changes from `old` to `new`.
    public static func compare(old: Directory, new: Directory) -> [ScheduleChange] {
        compare(snapshots(of: old), snapshots(of: new))
    }

    /// The changes between two lists of snapshots (see ``snapshots(of:)``).
    public static func compare(_ old: [SessionSnapshot], _ new: [SessionSnapshot]) -> [ScheduleChange] {
        var oldByKey: [String: SessionSnapshot] = [:]
        for s in old where oldByKey[s.key] == nil { oldByKey[s.key] = s }
        var newKeys = Set<String>()
        var changes: [ScheduleChange] = []
        for s in new where newKeys.insert(s.key).inserted {
            guard let was = oldByKey[s.key] else {
                changes.append(change(.new, s, before: nil, after: when(s) + (s.room.map { ", " + $0 } ?? "")))
                continue
            }
            if was.start.seconds != s.start.seconds || was.end.seconds != s.end.seconds {
                changes.append(change(.movedTime, s, before: when(was), after: when(s)))
            }
            if was.room != s.room { changes.append(change(.movedRoom, s, before: was.room, after: s.room)) }
            if was.title != s.title { changes.append(change(.retitled, s, before: was.title, after: s.title)) }
            if was.speakers.sorted() != s.speakers.sorted() {
                changes.append(change(.speakers, s, before: names(was.speakers), after: names(s.speakers)))
            }
        }
        for (key, was) in oldByKey where !newKeys.contains(key) {
            changes.append(change(.cancelled, was, before: when(was) + (was.room.map { ", " + $0 } ?? ""), after: nil))
        }
        return changes.sorted(by: inListOrder)
    }

    /// Every session of `directory`, in document order, as the change list compares it.
    ///
    /// Only the speakers' names are looked up, in one pass over the delegates: a directory of a
    /// million delegates costs one set look-up each, not a dictionary of them all.
    public static func snapshots(of directory: Directory) -> [SessionSnapshot] {
        var needed = Set<String>()
        for event in directory.events { for session in event.sessions { needed.formUnion(session.speakers) } }
        var names: [String: String] = [:]
        if !needed.isEmpty {
            let delegates = directory.delegates
            for i in delegates.indices {
                let id = delegates.id(at: i)
                if needed.contains(id), names[id] == nil { names[id] = delegates.name(at: i) }
            }
        }
        let keys = sessionKeys(of: directory)
        var out: [SessionSnapshot] = []
        for (e, event) in directory.events.enumerated() {
            for (s, session) in event.sessions.enumerated() {
                out.append(SessionSnapshot(key: keys[e][s], event: event.id, id: session.id, title: session.title,
                                           start: session.start, end: session.end, room: session.room,
                                           speakers: session.speakers.map { names[$0] ?? $0 }))
            }
        }
        return out
    }

    /// The identity of every session, `[event][session]`: `guid:` and the source's guid when
    /// it has one, else `id:` and the session id (after `TAG|` when several sources are combined). A guid given twice in one file (a
    /// publisher's mistake) is told apart by its place, `#2`, `#3`, so that no session
    /// hides another.
    public static func sessionKeys(of directory: Directory) -> [[String]] {
        var seen: [String: Int] = [:]
        return directory.events.map { event in
            event.sessions.map { session in
                let base = key(of: session, from: event.source)
                let count = (seen[base] ?? 0) + 1
                seen[base] = count
                return count == 1 ? base : "\(base)#\(count)"
            }
        }
    }

    /// A session's identity before duplicates are told apart: its guid, else its id.
    public static func key(of session: Session) -> String {
        session.guid.map { "guid:" + $0 } ?? "id:" + session.id
    }

    /// The same for a session of a combined directory (`--data` given more than once): the key
    /// its own source gives it (its id there, not a renamed one), after its source's tag and `|`,
    /// so that sources never mix and a renaming caused by another source changes nothing.
    public static func key(of session: Session, from source: EventSource?) -> String {
        guard let source else { return key(of: session) }
        return source.tag + "|" + (session.guid.map { "guid:" + $0 } ?? "id:" + source.originalSessionID(session.id))
    }

    /// `2023-11-18 10:00–10:30` at the offset the session is written with (its event's zone);
    /// the end's date is written too when it is another day.
    public static func when(_ s: SessionSnapshot) -> String {
        let start = s.start.components(), end = s.end.components()
        let endText = end.date == start.date ? end.time : "\(end.date) \(end.time)"
        return "\(start.date) \(start.time)–\(endText)"
    }

    static func names(_ list: [String]) -> String? { list.isEmpty ? nil : list.joined(separator: "; ") }

    static func change(_ kind: ScheduleChange.Kind, _ s: SessionSnapshot, before: String?, after: String?) -> ScheduleChange {
        ScheduleChange(kind: kind, key: s.key, event: s.event, session: s.id, title: s.title, start: s.start,
                       before: before, after: after)
    }

    static func inListOrder(_ a: ScheduleChange, _ b: ScheduleChange) -> Bool {
        if a.start.seconds != b.start.seconds { return a.start.seconds < b.start.seconds }
        if a.event != b.event { return a.event < b.event }
        if a.session != b.session { return a.session < b.session }
        if a.key != b.key { return a.key < b.key }
        return a.kind < b.kind
    }
}
