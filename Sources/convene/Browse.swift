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
        // Load on threads of their own (one per source). A small file is ready before the terminal is touched,
        // so its errors print like any command's; a large one gets a progress screen that still reads keys.
        let readOptions = try data.readOptions()
        let sources = SourceSet(given: data.paths, sources: try data.sources())
        let remote = try data.remoteSettings()
        let refreshInterval = RemoteRefresher.interval(refresh) ?? nil
        let loads = sources.sources.map { BackgroundLoad(source: $0, options: readOptions, remote: remote) }
        let deadline = Date().addingTimeInterval(0.25)
        for load in loads { load.wait(upTo: max(0, deadline.timeIntervalSinceNow)) }
        if let error = Self.failure(loads) { throw CLIError(error) }
        let terminal = Terminal()
        do {
            try terminal.start()
        } catch {
            throw CLIError(error.description, status: .unavailable)
        }
        let shownName = sources.sources.indices.map(sources.name).joined(separator: " + ")
        var done = loads.allSatisfy { $0.outcome != nil }
        while !done {
            if terminal.quitRequested { break }
            if case .key(let key)? = terminal.nextEvent(), KeyBindings.loading.action(for: key) == .quit { break }
            let size = terminal.size
            let pending = loads.filter { $0.outcome == nil }
            let fraction = loads.map { $0.outcome == nil ? $0.progress.fraction : 1 }.reduce(0, +) / Double(loads.count)
            terminal.draw(LoadingScreen.render(width: size.width, height: size.height, name: shownName,
                                               stage: pending.first?.progress.currentStage ?? "", fraction: fraction))
            done = loads.allSatisfy { $0.outcome != nil }
        }
        guard done else {
            // Quit while loading: the load threads are abandoned with the process.
            terminal.stop()
            if let signal = terminal.quitSignal { throw ExitCode(128 + signal) }
            return
        }
        if let error = Self.failure(loads) {
            terminal.stop()
            throw CLIError(error)
        }
        // Several sources: one that cannot be read is left out with a notice (as an offline URL
        // opens its cached copy); its watcher or refresher keeps trying, and it joins when it loads.
        var notices: [String] = []
        var single: DirectoryIndex?
        for (slot, load) in loads.enumerated() {
            switch load.outcome {
            case .success(let loaded)?:
                sources.set(slot, loaded.index.directory)
                if !sources.isCombined { single = loaded.index }
                if let notice = loaded.notice { notices.append(notice) }
            case .failure(let error)?:
                let first = error.description.split(separator: "\n").first.map(String.init) ?? error.description
                notices.append("Not loaded: " + first + "; showing the other sources")
            case nil: break
            }
        }
        let index = single ?? DirectoryIndex(sources.combined())
        sources.started()
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
        var seen = SeenSaver(sources: sources, environment: ProcessInfo.processInfo.environment)
        seen.start(&state, loaded: sources.loadedTags)
        // Served from the cache, or a source left out: the status line says so.
        if !notices.isEmpty { state.message = notices.joined(separator: " · ") }
        terminal.draw(ScreenRenderer.render(state))
        var minute = state.agenda.now.map { $0.seconds / 60 }
        let shared = sources.isCombined ? sources : nil
        var watchers: [DataFileWatcher] = []
        var refreshers: [RemoteRefresher] = []
        for (slot, source) in sources.sources.enumerated() {
            switch source {
            case .file(let path):
                watchers.append(DataFileWatcher(path: path, options: readOptions, sources: shared, slot: slot))
            case .remote(let url):
                var refresher = RemoteRefresher(url: url, interval: refreshInterval, options: readOptions, remote: remote,
                                                sources: shared, slot: slot)
                if case .success(let loaded)? = loads[slot].outcome { refresher.offline = loaded.notice != nil }
                refreshers.append(refresher)
            case .sample: break
            }
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
                        if refreshers.isEmpty {
                            state.message = "r refreshes a schedule opened from a URL; a file reloads by itself when it changes"
                        }
                        for i in refreshers.indices { _ = refreshers[i].refreshNow(&state) }
                    }
                }
                changed = true
            }
            // After a failed save the saver retries every few seconds: its timing, not the reducer's.
            if saver.retryIfDue(&state) { changed = true }
            for i in watchers.indices where watchers[i].poll(&state) { changed = true }
            if sources.isCombined, sources.poll(&state) { changed = true }
            if seen.saveIfDue(&state, loaded: sources.loadedTags) { changed = true }
            if state.remindIfDue() {
                changed = true
                if !quiet { terminal.bell() }
            }
            for i in refreshers.indices where refreshers[i].poll(&state) { changed = true }
            if changed { terminal.draw(ScreenRenderer.render(state)) }
        }
        saver.saveIfDue(&state, force: true)
        seen.saveIfDue(&state, loaded: sources.loadedTags, force: true)
        terminal.stop()
        if state.wantsSave {
            // Never lose a star silently: say what was not saved, and fail.
            let ids = state.agenda.unsaved.sorted { $0.key < $1.key }.map { ($0.value ? "+" : "-") + $0.key }
            throw CLIError("stars not saved: " + (state.agenda.saveError ?? "unknown error") + "; unsaved: "
                           + ids.joined(separator: " "), status: .ioError)
        }
        if let signal = terminal.quitSignal { throw ExitCode(128 + signal) }
    }

    /// The error to end with before the browser opens: one source's, or with several, the first
    /// when none loaded (nil while a load runs, or when at least one loaded).
    static func failure(_ loads: [BackgroundLoad]) -> LoadError? {
        let outcomes = loads.map(\.outcome)
        guard outcomes.allSatisfy({ $0 != nil }) else {
            // One source (or all of several) already failed while others still run: only one source ends here.
            if loads.count == 1, case .failure(let error)? = outcomes[0] { return error }
            return nil
        }
        var first: LoadError?
        for case .failure(let error)? in outcomes {
            first = first ?? error
        }
        let anyLoaded = outcomes.contains { if case .success? = $0 { return true } else { return false } }
        return anyLoaded ? nil : first
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
