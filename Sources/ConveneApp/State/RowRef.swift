import ConveneModel

/// One row of a view's list, kept as a reference so the selection survives re-filtering.
///
/// Each view makes and reads only its own kinds of row (see ``BrowserView``).
public enum RowRef: Sendable, Hashable {
    case event(Int)
    case session(event: Int, session: Int)
    case delegate(Int)
    case city(Int)
    /// A heading in Summary; not selectable.
    case heading(String)
    /// A bar in Summary: the breakdown it belongs to and the key to drill into.
    case bar(SummaryGroup, key: String)
    /// An event line in Summary.
    case eventLine(Int)
    /// A record of a view that no case above names (a new view's rows): the view and an index it chooses,
    /// so a new view needs no new case here.
    case record(ViewID, Int)

    /// Headings are skipped by the selection.
    public var isSelectable: Bool {
        if case .heading = self { return false }
        return true
    }
}

/// The breakdowns of the Summary view: delegates by country, city and field; for a
/// conference whose delegates' countries are not known, sessions by day, track, room,
/// type and language and speakers by track (``SessionSummary``).
public enum SummaryGroup: String, Sendable, Hashable {
    case country, city, field
    /// The other delegate breakdowns `b` cycles to (``DelegateBreakdown``).
    case region, organisation, kind, role, member
    case sessionDay, sessionTrack, sessionRoom, sessionType, sessionLanguage, speakerTrack

    /// The session aspect a session breakdown counts by (speakers by track: the track); nil for delegates'.
    public var sessionFacet: SessionFacet? {
        switch self {
        case .country, .city, .field, .region, .organisation, .kind, .role, .member: nil
        case .sessionDay: .day
        case .sessionTrack, .speakerTrack: .track
        case .sessionRoom: .room
        case .sessionType: .type
        case .sessionLanguage: .language
        }
    }

    /// The delegate breakdown a bar of this group belongs to; nil for the sessions'.
    public var delegateBreakdown: DelegateBreakdown? {
        switch self {
        case .country: .country
        case .city: .city
        case .field: .field
        case .region: .region
        case .organisation: .organisation
        case .kind: .kind
        case .role: .role
        case .member: .member
        case .sessionDay, .sessionTrack, .sessionRoom, .sessionType, .sessionLanguage, .speakerTrack: nil
        }
    }

    /// The group of a delegate breakdown's bars.
    static func delegates(by b: DelegateBreakdown) -> SummaryGroup {
        switch b {
        case .country: .country
        case .region: .region
        case .city: .city
        case .field: .field
        case .organisation: .organisation
        case .kind: .kind
        case .role: .role
        case .member: .member
        }
    }

    /// The breakdown of sessions by an aspect.
    static func sessions(by aspect: SessionFacet) -> SummaryGroup {
        switch aspect {
        case .day: .sessionDay
        case .track: .sessionTrack
        case .room: .sessionRoom
        case .type: .sessionType
        case .language: .sessionLanguage
        }
    }
}
