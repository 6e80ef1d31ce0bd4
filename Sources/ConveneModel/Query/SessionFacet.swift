/// A property of a session that a filter can narrow by: the conference day, the track,
/// the room, the type of slot and the language.
///
/// A session's value of a facet is a string as the data writes it (a track named
/// "Security", a room "Saal 1"); one the session does not record is
/// ``NotRecorded/key``, so "sessions with no track" is a value like any other.
/// The day is ``Session/conferenceDay``: a 01:00 session that the schedule lists
/// under the evening before belongs to that evening's day.
public enum SessionFacet: String, Sendable, Hashable, CaseIterable, Comparable {
    case day, track, room, type, language

    /// "Day", "Track", …: the facet's name in the picker and the title bar.
    public var title: String {
        switch self {
        case .day: "Day"
        case .track: "Track"
        case .room: "Room"
        case .type: "Type"
        case .language: "Language"
        }
    }

    /// The session's value of this facet; ``NotRecorded/key`` when the session has none.
    public func value(of s: Session) -> String {
        switch self {
        case .day: s.conferenceDay
        case .track: s.track ?? NotRecorded.key
        case .room: s.room ?? NotRecorded.key
        case .type: s.type ?? NotRecorded.key
        case .language: s.language ?? NotRecorded.key
        }
    }

    public static func < (a: SessionFacet, b: SessionFacet) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }
}

/// The values a facet is narrowed to: those included (empty: every value) minus those excluded.
///
/// "Only Saal 1 and Saal 2" is two included values; "everything but the Kidspace"
/// is one excluded value and nothing included.
public struct FacetChoice: Sendable, Hashable {
    /// Values a record must have one of; empty means any value.
    public var included: Set<String>
    /// Values a record must not have.
    public var excluded: Set<String>

    public init(included: Set<String> = [], excluded: Set<String> = []) {
        self.included = included
        self.excluded = excluded
    }

    /// True when the choice narrows nothing.
    public var isEmpty: Bool { included.isEmpty && excluded.isEmpty }

    /// True when a record with this value passes.
    @inline(__always)
    public func allows(_ value: String) -> Bool {
        (included.isEmpty || included.contains(value)) && !excluded.contains(value)
    }

    /// Includes `value` (or stops including it), and stops excluding it.
    public mutating func toggleIncluded(_ value: String) {
        excluded.remove(value)
        if included.remove(value) == nil { included.insert(value) }
    }

    /// Excludes `value` (or stops excluding it), and stops including it.
    public mutating func toggleExcluded(_ value: String) {
        included.remove(value)
        if excluded.remove(value) == nil { excluded.insert(value) }
    }
}

extension DirectoryIndex {
    /// Every value of `facet` among the sessions, with how many sessions have it, in
    /// the order a picker shows them: days by date, the rest by first appearance in the
    /// data (the order the source lists its rooms and tracks); "not recorded" last.
    public func sessionValues(_ facet: SessionFacet, among refs: [SessionRef]? = nil) -> [(value: String, count: Int)] {
        var order: [String] = []
        var counts: [String: Int] = [:]
        func add(_ s: Session) {
            let v = facet.value(of: s)
            if counts[v] == nil { order.append(v) }
            counts[v, default: 0] += 1
        }
        if let refs {
            for r in refs { add(session(r)) }
        } else {
            for e in directory.events { for s in e.sessions { add(s) } }
        }
        if facet == .day { order.sort() }
        let recorded = order.filter { $0 != NotRecorded.key }
        let ordered = counts[NotRecorded.key] == nil ? recorded : recorded + [NotRecorded.key]
        return ordered.map { ($0, counts[$0] ?? 0) }
    }

    /// The distinct conference days of every session, in date order: "day 2" is the second.
    public var conferenceDays: [String] { sessionValues(.day).map(\.value) }
}
