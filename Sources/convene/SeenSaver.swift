import ConveneApp
import ConveneModel
import ConveneStore
import Foundation

/// Keeps the copy of the open schedule as the user last saw it, so that the next start
/// marks what changed while Convene was closed (see ``SeenScheduleStore``).
///
/// The browse loop asks it to save after changes are seen or a reload arrives, at most
/// every two seconds, and once more at quit. The bundled sample never changes and has
/// no copy; without a state directory (no HOME) the marks work for the session only.
///
/// With several `--data` sources each source keeps a copy of its own, under the same name
/// as when it is opened alone (its path; its URL), in its own keys: the combined
/// directory's keys are `TAG|key` (``ScheduleChanges/key(of:from:)``), and the tag is
/// taken off before a copy is written and put back when it is read.
struct SeenSaver {
    private struct Entry {
        /// The source's tag in a combined directory; nil when it is the only source.
        var tag: String?
        var store: SeenScheduleStore
        /// What was last written (several sources: only a source whose part changed is written again).
        var saved: [SessionSnapshot]?
        /// A newer Convene's copy is left alone.
        var disabled = false
    }

    private var entries: [Entry] = []
    private var savedRevision: Int?
    private var lastSave = Date.distantPast
    /// A failed save is said once.
    private var reportedFailure = false

    /// One source: `path` is the `--data` value (nil: the sample, which keeps no copy).
    init(path: String?, environment: [String: String]) {
        guard let path, let directory = StateLocation.directory(environment: environment) else { return }
        entries = [Entry(tag: nil, store: SeenScheduleStore(stateDirectory: directory, source: Self.source(for: path)))]
    }

    /// Every source of `set`: one copy each, as if each were opened alone.
    init(sources set: SourceSet, environment: [String: String]) {
        guard set.isCombined else {
            self.init(path: set.given.first, environment: environment)
            return
        }
        guard let directory = StateLocation.directory(environment: environment) else {
            self.init(path: nil, environment: environment)
            return
        }
        self.init(path: nil, environment: environment)
        entries = set.given.indices.map { i in
            Entry(tag: set.tags[i], store: SeenScheduleStore(stateDirectory: directory, source: Self.source(for: set.given[i])))
        }
    }

    /// What names a source across runs: a file's absolute path with links resolved, so the same
    /// file opened from another folder keeps its copy; a URL as given.
    static func source(for path: String) -> String {
        if path.contains("://") { return path }
        return URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Marks what changed since the copies kept by the last run.
    ///
    /// `loaded`: the tags of the sources on screen. A source that did not load keeps its copy
    /// and compares nothing (its sessions are not on screen to compare with).
    mutating func start(_ state: inout AppState, loaded: Set<String>? = nil) {
        guard !entries.isEmpty else { return }
        var lastSeen: [SessionSnapshot] = []
        var anyCopy = false
        var notes: [String] = []
        var current: [SessionSnapshot]?
        for i in entries.indices {
            let tag = entries[i].tag
            if let tag, loaded?.contains(tag) == false { continue }
            switch entries[i].store.load() {
            case .sessions(let sessions):
                anyCopy = true
                lastSeen += tag.map { t in sessions.map { Self.tagged($0, t) } } ?? sessions
            case .none(let note):
                if let note { notes.append("Note: " + note) }
                if let tag { lastSeen += Self.part(of: tag, in: Self.now(&current, state)) }
            case .newer(let format):
                entries[i].disabled = true
                notes.append("The copy of \(tag.map { "source \($0)" } ?? "this schedule") last seen is of a newer format "
                             + "(\(format)); changes are marked for this session only")
                if let tag { lastSeen += Self.part(of: tag, in: Self.now(&current, state)) }
            }
        }
        state.startChanges(lastSeen: anyCopy ? lastSeen : nil)
        if !notes.isEmpty, !anyCopy || state.message == nil { state.message = notes.joined(separator: " · ") }
        // The first copy is written by the loop's first saveIfDue, after the first frame is on screen.
    }

    /// Saves the copies that changed; true when the state changed (a failure is reported).
    ///
    /// `loaded`: the tags of the sources on screen; a source that has not loaded keeps its copy.
    @discardableResult
    mutating func saveIfDue(_ state: inout AppState, loaded: Set<String>? = nil, force: Bool = false) -> Bool {
        guard !entries.isEmpty, savedRevision != state.changeMarks.revision,
              force || Date().timeIntervalSince(lastSave) >= 2 else { return false }
        lastSave = Date()
        let all = state.lastSeenSessions
        var failure: String?
        for i in entries.indices where !entries[i].disabled {
            var sessions = all
            if let tag = entries[i].tag {
                guard loaded?.contains(tag) != false else { continue }
                sessions = Self.part(of: tag, in: all).map { Self.untagged($0, tag) }
                if entries[i].saved == sessions { continue }
            }
            do {
                try entries[i].store.save(sessions)
                entries[i].saved = entries[i].tag == nil ? nil : sessions
            } catch {
                failure = failure ?? error.description
            }
        }
        guard let failure else {
            savedRevision = state.changeMarks.revision
            return false
        }
        // Retried at the next change; the marks on screen are right either way.
        guard !reportedFailure else { return false }
        reportedFailure = true
        state.message = "Could not keep the schedule as seen for next time: " + failure
        return true
    }

    private static func now(_ cache: inout [SessionSnapshot]?, _ state: AppState) -> [SessionSnapshot] {
        if let cache { return cache }
        let snapshots = ScheduleChanges.snapshots(of: state.index.directory)
        cache = snapshots
        return snapshots
    }

    /// The sessions of one source in a combined directory's snapshots.
    static func part(of tag: String, in sessions: [SessionSnapshot]) -> [SessionSnapshot] {
        let prefix = tag + "|"
        return sessions.filter { $0.key.hasPrefix(prefix) }
    }

    static func tagged(_ s: SessionSnapshot, _ tag: String) -> SessionSnapshot {
        var copy = s
        copy.key = tag + "|" + s.key
        return copy
    }

    static func untagged(_ s: SessionSnapshot, _ tag: String) -> SessionSnapshot {
        var copy = s
        copy.key = String(s.key.dropFirst(tag.count + 1))
        return copy
    }
}
