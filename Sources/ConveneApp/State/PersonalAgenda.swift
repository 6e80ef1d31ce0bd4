import ConveneModel
import Foundation

/// The user's own agenda: starred sessions, what "now" is, and how times are shown.
///
/// The reducer never touches the disk. Starring records the change in
/// ``unsaved``; the program's loop sees ``AppState/wantsSave``, saves with
/// `ConveneStore` and reports back with ``AppState/saveSucceeded(stars:notes:)``
/// or ``AppState/saveFailed(_:)``. A failed save keeps both the stars and the
/// unsaved changes, so the next attempt (the loop retries) loses nothing.
public struct PersonalAgenda: Sendable, Equatable {
    /// Starred session ids.
    public var stars: Set<String> = []
    /// Changes not yet saved: session id → starred. The last toggle of an id wins.
    public var unsaved: [String: Bool] = [:]
    /// Agenda shows only starred sessions.
    public var starredOnly = false
    /// The current instant, set by the loop (or fixed by `--now`); nil before it is known.
    public var now: Timestamp?
    /// Times in the local time zone instead of each event's.
    public var showsLocalTime = false
    /// The IANA name of the local time zone, e.g. "Europe/Paris".
    public var localZone = "UTC"
    /// Why the last save failed; nil once a save succeeds.
    public var saveError: String?

    /// What the status line says while saves fail.
    public var saveStatus: String? { saveError.map { "Stars not saved (kept, will retry): " + $0 } }
    /// Clashes among the stars, kept in step with `stars` by ``AppState/starsChanged()``.
    public internal(set) var clashes: [SessionRef: [SessionRef]] = [:]

    public init() {}

    /// The offset from UTC the agenda shows `instant` at, given the session's own written offset.
    public func displayOffset(for instant: Timestamp) -> Int {
        guard showsLocalTime else { return instant.offsetSeconds }
        return Self.offset(of: localZone, at: instant)
    }

    /// The zone the agenda's times are in, for the session detail: the event's zone as it is
    /// ("Asia/Ho_Chi_Minh"), or with `t` "local: Europe/Paris, UTC+01:00" (a minus sign, U+2212, west of UTC).
    public func zoneLabel(eventZone: String, at instant: Timestamp) -> String {
        guard showsLocalTime else { return eventZone }
        let o = Self.offset(of: localZone, at: instant)
        let sign = o < 0 ? "−" : "+"
        let h = abs(o) / 3600, m = abs(o) / 60 % 60
        return "local: \(localZone), UTC\(sign)\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }

    /// The zone's offset at an instant, from the system's time zone database (UTC when unknown).
    static func offset(of zone: String, at instant: Timestamp) -> Int {
        guard instant.isKnown, let tz = TimeZone(identifier: zone) else { return 0 }
        return tz.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant.seconds)))
    }
}
