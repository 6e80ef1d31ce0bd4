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
struct SeenSaver {
    private let store: SeenScheduleStore?
    private var savedRevision: Int?
    private var lastSave = Date.distantPast
    /// A newer Convene's copy is left alone; a failed save is said once.
    private var disabled = false
    private var reportedFailure = false

    init(path: String?, environment: [String: String]) {
        guard let path, let directory = StateLocation.directory(environment: environment) else {
            store = nil
            return
        }
        store = SeenScheduleStore(stateDirectory: directory, source: Self.source(for: path))
    }

    /// What names a source across runs: a file's absolute path with links resolved, so the same
    /// file opened from another folder keeps its copy; a URL as given.
    static func source(for path: String) -> String {
        if path.contains("://") { return path }
        return URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Marks what changed since the copy kept by the last run.
    mutating func start(_ state: inout AppState) {
        guard let store else { return }
        switch store.load() {
        case .sessions(let sessions):
            state.startChanges(lastSeen: sessions)
        case .none(let note):
            state.startChanges(lastSeen: nil)
            if let note { state.message = "Note: " + note }
        case .newer(let format):
            disabled = true
            state.message = "The copy of this schedule last seen is of a newer format (\(format)); changes are marked for this session only"
        }
        // The first copy is written by the loop's first saveIfDue, after the first frame is on screen.
    }

    /// Saves the copy when it changed; true when the state changed (a failure is reported).
    @discardableResult
    mutating func saveIfDue(_ state: inout AppState, force: Bool = false) -> Bool {
        guard let store, !disabled, savedRevision != state.changeMarks.revision,
              force || Date().timeIntervalSince(lastSave) >= 2 else { return false }
        lastSave = Date()
        do {
            try store.save(state.lastSeenSessions)
            savedRevision = state.changeMarks.revision
        } catch {
            // Retried at the next change; the marks on screen are right either way.
            guard !reportedFailure else { return false }
            reportedFailure = true
            state.message = "Could not keep the schedule as seen for next time: " + error.description
            return true
        }
        return false
    }
}
