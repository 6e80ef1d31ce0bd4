import ConveneApp
import ConveneModel
import ConveneRemote
import Foundation

/// Refreshes a schedule opened from a URL: every `--refresh` interval, and at once on `r`.
///
/// With several `--data` sources each URL has its own refresher (and cache entry), and a
/// new copy replaces only that URL's part of what is on screen (``SourceSet``).
///
/// Each refresh is a conditional request on a thread of its own (``BackgroundLoad``),
/// so the screen never waits for the network. A new copy that loads replaces the one
/// on screen through the same ``AppState/reload(with:)`` as a changed file (view,
/// filters and selection kept); a 304 changes nothing; a failure keeps what is on
/// screen and the status line says how old it is ("offline: schedule as fetched …").
struct RemoteRefresher {
    let url: RemoteURL
    /// Seconds between two background refreshes; nil: only on `r`.
    let interval: TimeInterval?
    let options: PublishedReadOptions
    let remote: RemoteSettings
    private var lastStart = Date()
    private var loading: BackgroundLoad?
    /// The refresh in flight was asked for with `r`: its outcome is reported even when nothing changed.
    private var requested = false
    /// The copy on screen came from the cache because the last fetch failed; the browser sets it
    /// when it opened offline. A later 304 then says the server is back.
    var offline = false

    /// With several `--data` sources: the set this URL is source `slot` of (nil: the only source).
    let sources: SourceSet?
    let slot: Int

    init(url: RemoteURL, interval: TimeInterval?, options: PublishedReadOptions, remote: RemoteSettings,
         sources: SourceSet? = nil, slot: Int = 0) {
        self.url = url
        self.interval = interval
        self.options = options
        self.remote = remote
        self.sources = sources
        self.slot = slot
    }

    /// Whether a refresh is under way.
    var isRefreshing: Bool { loading != nil }

    /// `r`: refreshes now, unless a refresh is already under way. True when the state changed (a message).
    mutating func refreshNow(_ state: inout AppState) -> Bool {
        requested = true
        guard loading == nil else { return false }
        start()
        state.message = "Refreshing from \(url.shown)…"
        return true
    }

    /// Starts a refresh when one is due and collects one that finished; true when the state changed.
    mutating func poll(_ state: inout AppState) -> Bool {
        if let load = loading, let outcome = load.outcome {
            loading = nil
            defer { requested = false }
            switch outcome {
            case .success(let loaded) where loaded.fresh:
                offline = false
                if let index = sources.reload(&state, slot: slot, with: loaded.index) {
                    Thread.detachNewThread { index.prepareSearch() }
                    Thread.detachNewThread { index.prepareSorting(); index.prepareDetails() }
                }
                state.message = "Refreshed from \(url.shown)"
                if let notice = loaded.notice { state.message = notice }
            case .success(let loaded):
                if let notice = loaded.notice {
                    state.message = notice
                    offline = true
                } else if requested || offline {
                    state.message = "Up to date: \(url.shown) has not changed"
                    offline = false
                } else {
                    return false
                }
            case .failure(let error):
                state.reloadFailed(error)
            }
            return true
        }
        guard loading == nil, let interval, Date().timeIntervalSince(lastStart) >= interval else { return false }
        start()
        return false
    }

    private mutating func start() {
        lastStart = Date()
        loading = BackgroundLoad(source: .remote(url), options: options, remote: remote)
    }

    /// `--refresh`: "0" (never), or a number with a unit: "30s", "5m", "1h". Nil for anything else.
    static func interval(_ text: String) -> TimeInterval?? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed == "0" { return .some(nil) }
        guard let unit = trimmed.last, let scale = ["s": 1.0, "m": 60.0, "h": 3600.0][unit],
              let number = Double(trimmed.dropLast()), number.isFinite, number > 0 else { return nil }
        return .some(number * scale)
    }
}
