/// What a conference's schedule says when its delegates' countries are not known (a
/// published schedule records speakers, not where they come from): sessions per day,
/// track, room, type and language, and speakers per track.
///
/// Counted over the sessions the filter allows (its search text aside), so one filter
/// changes every number. Each breakdown adds up to `sessions` (speakers per track
/// excepted: a speaker with talks in two tracks counts in both); sessions without a
/// value are the "not recorded" entry, listed last.
public struct SessionSummary: Sendable, Equatable {
    public var sessions: Int
    /// Distinct speakers of those sessions.
    public var speakers: Int
    /// Days in date order.
    public var byDay: [Summary.Entry]
    /// Tracks, rooms, types and languages, largest first (ties by name).
    public var byTrack: [Summary.Entry]
    public var byRoom: [Summary.Entry]
    public var byType: [Summary.Entry]
    public var byLanguage: [Summary.Entry]
    /// Distinct speakers of each track's sessions; shares are of `speakers`.
    public var speakersByTrack: [Summary.Entry]

    /// Nothing counted: for a directory whose Summary does not show sessions.
    public init() {
        self.init(sessions: 0, speakers: 0, byDay: [], byTrack: [], byRoom: [], byType: [], byLanguage: [], speakersByTrack: [])
    }

    public init(sessions: Int, speakers: Int, byDay: [Summary.Entry], byTrack: [Summary.Entry], byRoom: [Summary.Entry],
                byType: [Summary.Entry], byLanguage: [Summary.Entry], speakersByTrack: [Summary.Entry]) {
        self.sessions = sessions
        self.speakers = speakers
        self.byDay = byDay
        self.byTrack = byTrack
        self.byRoom = byRoom
        self.byType = byType
        self.byLanguage = byLanguage
        self.speakersByTrack = speakersByTrack
    }

    /// The breakdown of sessions by an aspect.
    public func entries(_ aspect: SessionFacet) -> [Summary.Entry] {
        switch aspect {
        case .day: byDay
        case .track: byTrack
        case .room: byRoom
        case .type: byType
        case .language: byLanguage
        }
    }
}

extension DirectoryIndex {
    /// Counts the sessions the filter allows (its search text aside) by day, track, room,
    /// type and language, and their speakers by track.
    public func sessionSummary(_ filter: Filter) -> SessionSummary {
        let refs = sessions(filter.withoutSearch)
        var counts: [SessionFacet: [String: Int]] = [:]
        var speakersPerTrack: [String: Set<String>] = [:]
        var speakers = Set<String>()
        for ref in refs {
            let s = session(ref)
            for aspect in SessionFacet.allCases { counts[aspect, default: [:]][aspect.value(of: s), default: 0] += 1 }
            let track = SessionFacet.track.value(of: s)
            for id in s.speakers {
                speakers.insert(id)
                speakersPerTrack[track, default: []].insert(id)
            }
        }
        func entries(_ counts: [String: Int], of total: Int, byKey: Bool = false) -> [Summary.Entry] {
            let all = counts.map { Summary.Entry(key: $0.key, label: $0.key == NotRecorded.key ? NotRecorded.label : $0.key,
                                                 count: $0.value, share: total == 0 ? 0 : Double($0.value) / Double(total)) }
            let recorded = all.filter { $0.key != NotRecorded.key }.sorted {
                byKey ? $0.key < $1.key : $0.count != $1.count ? $0.count > $1.count : $0.label < $1.label
            }
            return recorded + all.filter { $0.key == NotRecorded.key }
        }
        let n = refs.count
        return SessionSummary(
            sessions: n, speakers: speakers.count,
            byDay: entries(counts[.day] ?? [:], of: n, byKey: true),
            byTrack: entries(counts[.track] ?? [:], of: n),
            byRoom: entries(counts[.room] ?? [:], of: n),
            byType: entries(counts[.type] ?? [:], of: n),
            byLanguage: entries(counts[.language] ?? [:], of: n),
            speakersByTrack: entries(speakersPerTrack.mapValues(\.count), of: speakers.count))
    }
}
