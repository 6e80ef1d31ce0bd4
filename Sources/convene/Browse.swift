import ArgumentParser
import ConveneApp
import ConveneModel
import ConveneReports
import ConveneScreen
import ConveneStore
import ConveneTerminal
import Foundation

struct Browse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Open the directory in the full-screen browser (the default).",
        discussion: "Needs a terminal on stdin and stdout. Exits 69 (EX_UNAVAILABLE) with a one-line reason when there is none; the plain commands work anywhere.")
    @OptionGroup var data: DataOptions
    @OptionGroup var now: NowOptions
    @Option(name: .long, help: ArgumentHelp("How long before a starred session starts to remind you: on the status line, with the "
                                            + "terminal bell (e.g. 10m, 1h; 0 for off). Also the alarm of the e export.",
                                            valueName: "duration"))
    var remind = Minutes(10)
    @Flag(name: .long, help: "Reminders without the terminal bell.")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("For a URL: refresh it in the background this often, e.g. 30s, 5m, 1h; "
                                            + "0 for never (r refreshes at any time). Default: 5m.", valueName: "interval"))
    var refresh: String = "5m"

    func validate() throws {
        if RemoteRefresher.interval(refresh) == nil {
            throw ValidationError("--refresh takes 0 (never) or a number with a unit, such as 30s, 5m or 1h; got '\(refresh)'")
        }
    }

    func run() throws {
        // Check the terminal before loading, so a redirected run fails fast and writes nothing to the pipe.
        do {
            try TerminalCheck.check()
        } catch {
            throw CLIError(error.description, status: .unavailable)
        }
        // Load on a thread of its own. A small file is ready before the terminal is touched, so
        // its errors print like any command's; a large one gets a progress screen that still reads keys.
        let readOptions = try data.readOptions()
        let source = try data.source()
        let remote = try data.remoteSettings()
        let refreshInterval = RemoteRefresher.interval(refresh) ?? nil
        let load = BackgroundLoad(source: source, options: readOptions, remote: remote)
        load.wait(upTo: 0.25)
        if case .failure(let error)? = load.outcome { throw CLIError(error) }
        let terminal = Terminal()
        do {
            try terminal.start()
        } catch {
            throw CLIError(error.description, status: .unavailable)
        }
        var loaded = load.outcome
        while loaded == nil {
            if terminal.quitRequested { break }
            if case .key(let key)? = terminal.nextEvent(), KeyBindings.loading.action(for: key) == .quit { break }
            let size = terminal.size
            terminal.draw(LoadingScreen.render(width: size.width, height: size.height, name: source.name ?? "sample",
                                               stage: load.progress.currentStage, fraction: load.progress.fraction))
            loaded = load.outcome
        }
        let index: DirectoryIndex
        var notice: String?
        switch loaded {
        case .success(let ix)?:
            index = ix.index
            notice = ix.notice
        case .failure(let error)?:
            terminal.stop()
            throw CLIError(error)
        case nil:
            // Quit while loading: the load thread is abandoned with the process.
            terminal.stop()
            if let signal = terminal.quitSignal { throw ExitCode(128 + signal) }
            return
        }
        // Build the search index while the user looks at the first screen.
        Thread.detachNewThread { index.prepareSearch() }
        Thread.detachNewThread { index.prepareSorting(); index.prepareDetails() }
        let size = terminal.size
        var state = AppState(index: index, width: size.width, height: size.height)
        state.agenda.localZone = TimeZone.current.identifier
        state.setNow(now.instant)
        state.reminders.leadMinutes = remind.value
        var saver = StarSaver(index: index)
        saver.load(into: &state)
        var seen = SeenSaver(path: data.path, environment: ProcessInfo.processInfo.environment)
        seen.start(&state)
        // Served from the cache: the status line says how old the copy is.
        if let notice { state.message = notice }
        terminal.draw(ScreenRenderer.render(state))
        var minute = state.agenda.now.map { $0.seconds / 60 }
        var watcher: DataFileWatcher?
        var refresher: RemoteRefresher?
        switch source {
        case .file(let path): watcher = DataFileWatcher(path: path, options: readOptions)
        case .remote(let url):
            refresher = RemoteRefresher(url: url, interval: refreshInterval, options: readOptions, remote: remote)
            refresher?.offline = notice != nil
        case .sample: break
        }
        var quitting = false
        while !quitting && !terminal.quitRequested {
            // Everything already typed or pasted, handled as one batch and drawn once:
            // a burst of N characters costs one search and one frame, not N.
            let events = terminal.pendingEvents()
            var changed = false
            if now.fixed == nil {
                // The clock moves: redraw once a minute so sessions that end are dimmed.
                let clock = Stars.clock()
                state.setNow(clock)
                if clock.seconds / 60 != minute { minute = clock.seconds / 60; changed = true }
            }
            if !events.isEmpty {
                // The reducer does no I/O: it returns the effects it asks for, carried out here in order.
                for effect in state.handle(events) {
                    switch effect {
                    case .save: saver.saveIfDue(&state)
                    case .export(let request): Self.export(request, alarmMinutes: remind.value, &state)
                    case .quit: quitting = true
                    case .redraw: terminal.invalidate()
                    case .refresh:
                        if refresher?.refreshNow(&state) == nil {
                            state.message = "r refreshes a schedule opened from a URL; a file reloads by itself when it changes"
                        }
                    }
                }
                changed = true
            }
            // After a failed save the saver retries every few seconds: its timing, not the reducer's.
            if saver.retryIfDue(&state) { changed = true }
            if watcher?.poll(&state) == true { changed = true }
            if seen.saveIfDue(&state) { changed = true }
            if state.remindIfDue() {
                changed = true
                if !quiet { terminal.bell() }
            }
            if refresher?.poll(&state) == true { changed = true }
            if changed { terminal.draw(ScreenRenderer.render(state)) }
        }
        saver.saveIfDue(&state, force: true)
        seen.saveIfDue(&state, force: true)
        terminal.stop()
        if state.wantsSave {
            // Never lose a star silently: say what was not saved, and fail.
            let ids = state.agenda.unsaved.sorted { $0.key < $1.key }.map { ($0.value ? "+" : "-") + $0.key }
            throw CLIError("stars not saved: " + (state.agenda.saveError ?? "unknown error") + "; unsaved: "
                           + ids.joined(separator: " "), status: .ioError)
        }
        if let signal = terminal.quitSignal { throw ExitCode(128 + signal) }
    }

    /// Writes the sessions the user asked for as iCalendar in the current directory.
    static func export(_ request: ExportRequest, alarmMinutes: Int, _ state: inout AppState) {
        let text = ICalendar.render(state.index, sessions: request.sessions, now: Timestamp.now(), alarmMinutes: alarmMinutes)
        do {
            try DurableFile.replace(path: request.fileName, bytes: Array(text.utf8))
            state.exportFinished(request, error: nil)
        } catch {
            state.exportFinished(request, error: error.description)
        }
    }
}
