/// Which sessions overlap in time: for the personal agenda's clash marks and the detail pane.
///
/// Two sessions overlap when each starts before the other ends; one ending at
/// 10:30 and one starting at 10:30 do not. Times are compared as instants, so
/// sessions written in different offsets (or different events) compare correctly.
extension DirectoryIndex {
    /// The session with this id, if any (session ids are unique across a directory).
    public func sessionRef(id: String) -> SessionRef? {
        for (ei, e) in directory.events.enumerated() {
            if let si = e.sessions.firstIndex(where: { $0.id == id }) { return SessionRef(event: ei, session: si) }
        }
        return nil
    }

    /// True when the two sessions share some time.
    public func overlaps(_ a: SessionRef, _ b: SessionRef) -> Bool {
        let x = session(a), y = session(b)
        guard x.start.isKnown, x.end.isKnown, y.start.isKnown, y.end.isKnown else { return false }
        return x.start < y.end && y.start < x.end
    }

    /// Every other session that overlaps `ref`, across all events, in start order.
    public func sessionsOverlapping(_ ref: SessionRef) -> [SessionRef] {
        var out: [SessionRef] = []
        for (ei, e) in directory.events.enumerated() {
            for si in e.sessions.indices {
                let other = SessionRef(event: ei, session: si)
                if other != ref, overlaps(ref, other) { out.append(other) }
            }
        }
        return out.sorted { session($0).start != session($1).start ? session($0).start < session($1).start
                                                                    : ($0.event, $0.session) < ($1.event, $1.session) }
    }

    /// For each starred session that overlaps another starred session, the ones it overlaps.
    ///
    /// Unknown ids (stars of sessions no longer in the directory) are ignored.
    /// Sweeps the starred sessions in start order, so a long personal agenda costs
    /// O(n log n) plus the clashes found rather than O(n²).
    public func clashes(amongStarred ids: Set<String>) -> [SessionRef: [SessionRef]] {
        var refs: [SessionRef] = []
        if !ids.isEmpty {
            for (ei, e) in directory.events.enumerated() {
                for (si, s) in e.sessions.enumerated() where ids.contains(s.id) && s.start.isKnown && s.end.isKnown {
                    refs.append(SessionRef(event: ei, session: si))
                }
            }
        }
        refs.sort { session($0).start != session($1).start ? session($0).start < session($1).start
                                                           : ($0.event, $0.session) < ($1.event, $1.session) }
        var out: [SessionRef: [SessionRef]] = [:]
        var open: [SessionRef] = []   // started, not yet known to have ended before the current start
        for ref in refs {
            let start = session(ref).start
            open.removeAll { session($0).end <= start }
            for other in open {
                out[ref, default: []].append(other)
                out[other, default: []].append(ref)
            }
            open.append(ref)
        }
        return out
    }
}
