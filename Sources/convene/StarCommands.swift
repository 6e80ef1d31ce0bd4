import ArgumentParser
import ConveneText
import ConveneApp
import ConveneModel
import ConveneReports
import ConveneStore
import Foundation
import Glibc

/// `--now`: fixes "now" for the browser and the plain agenda commands, for tests and demos.
struct NowOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Take this instant as now, e.g. 2023-11-18T10:00+07:00 (default: the clock).",
                                            valueName: "time"))
    var now: String?

    func validate() throws {
        if let now, Timestamp(iso8601: now) == nil {
            throw ValidationError("--now '\(now)' is not a time of the form YYYY-MM-DDTHH:MM[:SS]±HH:MM (or Z)")
        }
    }

    /// The fixed instant, or nil to follow the clock.
    var fixed: Timestamp? { now.flatMap { Timestamp(iso8601: $0) } }

    /// The fixed instant or the clock's, written at the local offset.
    var instant: Timestamp { fixed ?? Stars.clock() }
}

/// Where the plain commands and the browser find the stars of a directory.
enum Stars {
    /// The store for a directory, or a usage error when no state directory can be found.
    static func store(for ix: DirectoryIndex) throws -> StarStore {
        guard let directory = StateLocation.directory(environment: ProcessInfo.processInfo.environment) else {
            throw CLIError("cannot find a place for the stars file: set HOME or XDG_STATE_HOME", status: .config)
        }
        return StarStore(stateDirectory: directory, identity: DirectoryIdentity(ix.directory))
    }

    /// The stars on disk; a moved-aside corrupt file is reported on stderr.
    ///
    /// Exits 65 (EX_DATAERR) for a stars file of a newer format, which this version can read
    /// nothing from; 74 (EX_IOERR) when it cannot be read (including when it is not a regular file).
    static func load(_ store: StarStore) throws -> Set<String> {
        do {
            let outcome = try store.load()
            for note in outcome.notes { Output.error(note) }
            return outcome.stars
        } catch {
            throw CLIError(error.description, status: exitStatus(error))
        }
    }

    /// 65 for a newer format (the data, not the disk, is the problem); 74 for everything else.
    static func exitStatus(_ error: StoreError) -> ExitStatus {
        error.operation == .newerFormat ? .dataError : .ioError
    }

    /// Now, from the system clock, at the local UTC offset.
    static func clock() -> Timestamp {
        let seconds = Int64(time(nil))
        let offset = TimeZone.current.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
        return Timestamp(seconds: seconds, offsetSeconds: offset)
    }

    /// "hanoi-2023-s04  09:10–10:30  Panel: Urban regeneration…": one session on one line.
    static func describe(_ ix: DirectoryIndex, _ ref: SessionRef) -> String {
        let s = ix.session(ref)
        let a = s.start.components(), b = s.end.components()
        return "\(s.id)  \(a.date) \(a.time)–\(b.time)  \(s.title)"
    }
}

/// `convene star` and `convene unstar` share everything but the direction.
struct StarChange {
    let data: DataOptions
    let sessions: [String]
    let starred: Bool

    func run() throws {
        let ix = try data.load()
        let store = try Stars.store(for: ix)
        let current = try Stars.load(store)
        var changes: [String: Bool] = [:]
        for id in sessions {
            // Unstarring a star whose session left the directory is allowed: otherwise it could never go.
            guard ix.sessionRef(id: id) != nil || (!starred && current.contains(id)) else {
                let all = ix.directory.events.flatMap { $0.sessions.map(\.id) }
                let hint = Suggestion.closest(to: id, in: all).map { " (did you mean '\($0)'?)" } ?? ""
                throw usage("unknown session '\(id)'\(hint); `convene agenda` lists session ids")
            }
            changes[id] = starred
        }
        let outcome: StarStore.Outcome
        do {
            outcome = try store.save(changes)
        } catch {
            throw CLIError(error.description, status: Stars.exitStatus(error))   // nothing was changed on disk
        }
        for note in outcome.notes { Output.error(note) }
        var text = ""
        let clashes = ix.clashes(amongStarred: outcome.stars)
        for id in sessions {
            guard let ref = ix.sessionRef(id: id) else {
                text += "unstarred \(id) (no longer in this directory)\n"
                continue
            }
            text += (starred ? "★ " : "  ") + Stars.describe(ix, ref) + "\n"
            if starred {
                for other in clashes[ref] ?? [] { text += "  ! clashes with " + Stars.describe(ix, other) + "\n" }
            }
        }
        text += "\(outcome.stars.count) starred · \(store.path)\n"
        // Session titles come from the data file: sanitised like any text for a terminal.
        try Output.write(Sanitizer.text(text))
    }
}

struct Star: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "star",
        abstract: "Star sessions: add them to your agenda.",
        discussion: """
        Stars are kept per directory in $XDG_STATE_HOME/convene (default ~/.local/state/convene), \
        merged with any other Convene open on the same directory. Prints the sessions and any clash \
        with another starred session. Exit 64 for an unknown session id, 65 when the stars file is of a newer \
        format, 74 when it cannot be written.
        """)
    @OptionGroup var data: DataOptions
    @Argument(help: ArgumentHelp("Session ids, as `convene agenda` lists them.", valueName: "session-id"))
    var sessions: [String]

    func run() throws { try StarChange(data: data, sessions: sessions, starred: true).run() }
}

struct Unstar: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unstar",
        abstract: "Unstar sessions: take them out of your agenda.",
        discussion: "Exit 64 for an unknown session id, 74 when the stars file cannot be written.")
    @OptionGroup var data: DataOptions
    @Argument(help: ArgumentHelp("Session ids.", valueName: "session-id"))
    var sessions: [String]

    func run() throws { try StarChange(data: data, sessions: sessions, starred: false).run() }
}

/// The personal-agenda columns `convene agenda` adds with `--starred` or `--now`.
enum AgendaStars {
    /// The directory with only the starred sessions, for outputs that take a whole index (iCalendar).
    static func restricted(_ ix: DirectoryIndex, to stars: Set<String>) -> DirectoryIndex {
        var d = ix.directory
        for i in d.events.indices { d.events[i].sessions.removeAll { !stars.contains($0.id) } }
        return DirectoryIndex(d)
    }

    /// Keeps starred rows and adds `clashesWith` (`--starred`), and adds `status`: past, now or upcoming (`--now`).
    static func apply(_ report: Report, _ ix: DirectoryIndex, starred: Set<String>?, now: Timestamp?) -> Report {
        guard let idColumn = report.columns.firstIndex(where: { $0.key == "id" }) else { return report }
        var r = report
        let clashes = starred.map { ix.clashes(amongStarred: $0) } ?? [:]
        if starred != nil { r.columns.append(ReportColumn("clashesWith", "Clashes with")) }
        if now != nil { r.columns.append(ReportColumn("status", "Status")) }
        r.rows = []
        for row in report.rows {
            guard case .text(let id) = row[idColumn], let ref = ix.sessionRef(id: id) else { continue }
            var out = row
            if let starred {
                guard starred.contains(id) else { continue }
                out.append(.list((clashes[ref] ?? []).map { ix.session($0).id }))
            }
            if let now {
                let s = ix.session(ref)
                out.append(.text(s.end <= now ? "past" : s.start <= now ? "now" : "upcoming"))
            }
            r.rows.append(out)
        }
        return r
    }
}

/// Carries out the browser's ``Effect/save``: the reducer records star changes, this writes them.
///
/// Saves when the effect arrives; after a failure, retries every few seconds (and
/// once more at quit) and reports each result back to the state. The retry
/// timing is the saver's own state, polled by the loop.
struct StarSaver {
    let store: StarStore?
    private var lastFailure: Date?
    static let retryInterval: TimeInterval = 5

    init(index: DirectoryIndex) {
        store = StateLocation.directory(environment: ProcessInfo.processInfo.environment)
            .map { StarStore(stateDirectory: $0, identity: DirectoryIdentity(index.directory)) }
    }

    /// Without a state directory there is nothing to load; the user hears about it
    /// on their first star, not as a warning before they have done anything.
    func load(into state: inout AppState) {
        guard let store else { return }
        do {
            let outcome = try store.load()
            state.loadStars(outcome.stars, notes: outcome.notes)
        } catch {
            state.saveFailed(error.description)
        }
    }

    /// After a failed save, saves again once ``retryInterval`` has passed; true when the state changed.
    mutating func retryIfDue(_ state: inout AppState) -> Bool {
        guard lastFailure != nil else { return false }
        return saveIfDue(&state)
    }

    /// Saves when there are changes and a retry is due; true when the state changed.
    @discardableResult
    mutating func saveIfDue(_ state: inout AppState, force: Bool = false) -> Bool {
        guard state.wantsSave else { return false }
        guard let store else {
            guard state.agenda.saveError == nil else { return false }
            state.saveFailed("no HOME or XDG_STATE_HOME, so stars live only until quit")
            return true
        }
        if !force, let lastFailure, Date().timeIntervalSince(lastFailure) < Self.retryInterval { return false }
        do {
            let outcome = try store.save(state.agenda.unsaved)
            state.saveSucceeded(stars: outcome.stars, notes: outcome.notes)
            lastFailure = nil
        } catch {
            state.saveFailed(error.description)
            lastFailure = Date()
        }
        return true
    }
}
