import ConveneModel
import Synchronization

/// Everything counted under one filter — the summary, the sessions' summary, delegates per
/// city, the breakdown bars and the focused event's host line — each worked out the first
/// time something reads it, then kept.
///
/// At a million delegates the summary under a filter costs tens of milliseconds. Counted in
/// the reducer, it made every filter change in Delegates miss its frame, though Delegates'
/// frame reads none of it (its status line counts its own rows). Kept here, the view that
/// shows a count pays for it when it is drawn, once per filter; copies of ``AppState`` share
/// the box, so the reducer and the renderer count at most once.
final class FilterTotals: Sendable {
    let index: DirectoryIndex
    let filter: Filter
    private let summaryValue = Mutex<Summary?>(nil)
    private let sessionsValue = Mutex<SessionSummary?>(nil)
    private let cityCountsValue = Mutex<[String: Int]?>(nil)
    private let breakdowns = Mutex<[DelegateBreakdown: [Summary.Entry]]>([:])
    private let hostLineValue = Mutex<HostLine??>(nil)

    init(index: DirectoryIndex, filter: Filter) {
        self.index = index
        self.filter = filter
    }

    /// The summary under the filter (searches are not part of it).
    var summary: Summary {
        summaryValue.withLock { kept in
            if let kept { return kept }
            let made = index.summary(filter)
            kept = made
            return made
        }
    }

    /// Sessions by day, track, room, type and language: counted only for a conference whose
    /// delegates' countries are not known, the only case where Summary shows them.
    var sessions: SessionSummary {
        let countries = summary.countries
        return sessionsValue.withLock { kept in
            if let kept { return kept }
            let made = countries == 0 ? index.sessionSummary(filter) : SessionSummary()
            kept = made
            return made
        }
    }

    /// Delegates per city id, for Cities and the Map.
    var cityCounts: [String: Int] {
        let byCity = summary.byCity
        return cityCountsValue.withLock { kept in
            if let kept { return kept }
            let made = Dictionary(uniqueKeysWithValues: byCity.map { ($0.key, $0.count) })
            kept = made
            return made
        }
    }

    /// The bars of breakdown `b` (the summary's own counts for country).
    func breakdown(_ b: DelegateBreakdown) -> [Summary.Entry] {
        if b == .country { return summary.byCountry }
        return breakdowns.withLock { kept in
            if let bars = kept[b] { return bars }
            let made = index.breakdown(b, filter)
            kept[b] = made
            return made
        }
    }

    /// The focused event's host line under the filter; nil without an event focus.
    var hostLine: HostLine? {
        hostLineValue.withLock { kept in
            if let kept { return kept }
            let made = filter.event.flatMap { index.eventByID[$0] }.map { index.hostLine(event: $0, filter) }
            kept = .some(made)
            return made
        }
    }
}
