import ConveneApp
import ConveneModel
import Foundation
import Synchronization

/// The `--data` sources of one browser run, and what each one last loaded.
///
/// With one source the browser shows its directory as it is (as it always has). With
/// several, what is on screen is ``SourceCombine/combine(_:labelled:)`` of the latest good
/// copy of each: a file's ``DataFileWatcher`` or a URL's ``RemoteRefresher`` hands a new
/// copy of its own source to ``reload(_:slot:with:)``, the others' copies stay as they
/// were, and ``AppState/reload(with:)`` keeps the view, the filters, the selection and the
/// change marks (keyed per source, so the other sources' marks are untouched).
///
/// A reference type: the watchers and refreshers of one run share it, on the loop's thread only.
final class SourceSet {
    /// The `--data` values as given: what names each source's copy as last seen (``SeenSaver``).
    let given: [String]
    let sources: [DataSource]
    /// One short tag per source (``SourceCombine/tags(for:)``).
    let tags: [String]
    /// The latest good copy of each source; nil while a source has not loaded.
    private(set) var latest: [Directory?]

    init(given: [String], sources: [DataSource]) {
        self.given = given
        self.sources = sources
        tags = SourceCombine.tags(for: sources.map { $0.name ?? "sample" })
        latest = Array(repeating: nil, count: sources.count)
    }

    var isCombined: Bool { sources.count > 1 }

    /// What messages call source `slot`: its path, or its URL without credentials.
    func name(_ slot: Int) -> String { sources[slot].name ?? "the sample" }

    /// The tags of the sources on screen (one whose first copy is still being combined is not).
    var loadedTags: Set<String> { Set(joined.map { tags[$0] }) }

    /// Keeps `directory` as source `slot`'s copy.
    func set(_ slot: Int, _ directory: Directory) { latest[slot] = directory }

    /// The directory on screen: the one source's, or every loaded source's combined.
    func combined() -> Directory {
        let parts = sources.indices.compactMap { i in
            latest[i].map { SourcePart(tag: tags[i], name: name(i), directory: $0) }
        }
        return SourceCombine.combine(parts, labelled: isCombined)
    }

    /// A new copy of source `slot` loaded: it replaces that source's part of the screen.
    ///
    /// One source: shown at once, and returned for the caller to prepare in the background.
    /// Several: combined and indexed on a thread of its own, so the keys never wait for it;
    /// ``poll(_:)`` shows the result (nil is returned). A copy of another source that arrives
    /// meanwhile starts the combination again with both.
    func reload(_ state: inout AppState, slot: Int, with index: DirectoryIndex) -> DirectoryIndex? {
        guard isCombined else {
            state.reload(with: index)
            return index
        }
        if !pendingSlots.contains(slot) { pendingSlots.append(slot) }
        latest[slot] = index.directory
        generation += 1
        startCombining()
        return nil
    }

    /// Shows a combination that finished, when it is of the latest copies; true when the state changed.
    func poll(_ state: inout AppState) -> Bool {
        guard let job = combining, let shown = job.result.withLock({ $0 }) else { return false }
        combining = nil
        guard job.generation == generation else {
            startCombining()
            return false
        }
        // A source on screen for the first time (it could not be read at the start) is not a change:
        // its sessions count as seen, and the other sources' unseen changes stay marked.
        let newcomers = pendingSlots.filter { !joined.contains($0) }.map { tags[$0] }
        let before = newcomers.isEmpty ? nil : state.lastSeenSessions
        state.reload(with: shown)
        if let before {
            let current = ScheduleChanges.snapshots(of: shown.directory)
            let reloaded = state.message.map { $0.components(separatedBy: " · ")[0] } ?? ""
            state.message = nil
            state.startChanges(lastSeen: before + newcomers.flatMap { SeenSaver.part(of: $0, in: current) })
            // startChanges says "Since you last looked: SUMMARY" when something is still unseen.
            let summary = state.message.map { $0.replacingOccurrences(of: "Since you last looked: ", with: "") }
            state.message = reloaded + (summary.map { " · " + $0 } ?? "")
        }
        Thread.detachNewThread { shown.prepareSearch() }
        Thread.detachNewThread { shown.prepareSorting(); shown.prepareDetails() }
        // The reducer speaks of one file; with several, say which ones.
        let what = pendingSlots.map { slot in
            let verb = joined.contains(slot) ? (sources[slot].isRemote ? "Refreshed from" : "Reloaded") : "Loaded"
            joined.insert(slot)
            return "\(verb) \(name(slot))"
        }.joined(separator: "; ")
        pendingSlots = []
        state.message = state.message.map { $0.replacingOccurrences(of: "Reloaded: the data file changed on disk", with: what) }
        return true
    }

    private final class Job: Sendable {
        let generation: Int
        let result = Mutex<DirectoryIndex?>(nil)
        init(generation: Int) { self.generation = generation }
    }

    private var combining: Job?
    private var generation = 0
    /// The sources whose new copies are not yet on screen, in the order they arrived.
    private var pendingSlots: [Int] = []
    /// The sources that have been on screen (the others are "Loaded" when they first are).
    private var joined: Set<Int> = []

    /// Marks the sources on screen at the start.
    func started() { joined = Set(latest.indices.filter { latest[$0] != nil }) }

    private func startCombining() {
        guard combining == nil else { return }  // the one running is shown only if still current; else restarted
        let job = Job(generation: generation)
        combining = job
        let parts = sources.indices.compactMap { i in
            latest[i].map { SourcePart(tag: tags[i], name: name(i), directory: $0) }
        }
        Thread.detachNewThread {
            let index = DirectoryIndex(SourceCombine.combine(parts, labelled: true))
            job.result.withLock { $0 = index }
        }
    }
}

/// A reload or refresh outcome, handed to the source set (several sources) or straight to the state.
extension Optional where Wrapped == SourceSet {
    /// The index now shown, for the caller to prepare; nil when the set shows it later.
    func reload(_ state: inout AppState, slot: Int, with index: DirectoryIndex) -> DirectoryIndex? {
        guard let set = self else {
            state.reload(with: index)
            return index
        }
        return set.reload(&state, slot: slot, with: index)
    }
}
