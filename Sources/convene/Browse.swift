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
        let load = BackgroundLoad(path: data.path, options: readOptions)
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
            terminal.draw(LoadingScreen.render(width: size.width, height: size.height, name: data.path ?? "sample",
                                               stage: load.progress.currentStage, fraction: load.progress.fraction))
            loaded = load.outcome
        }
        let index: DirectoryIndex
        switch loaded {
        case .success(let ix)?:
            index = ix
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
        var saver = StarSaver(index: index)
        saver.load(into: &state)
        terminal.draw(ScreenRenderer.render(state))
        var minute = state.agenda.now.map { $0.seconds / 60 }
        var watcher = data.path.map { DataFileWatcher(path: $0, options: readOptions) }
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
                    case .export(let request): Self.export(request, &state)
                    case .quit: quitting = true
                    case .redraw: terminal.invalidate()
                    }
                }
                changed = true
            }
            // After a failed save the saver retries every few seconds: its timing, not the reducer's.
            if saver.retryIfDue(&state) { changed = true }
            if watcher?.poll(&state) == true { changed = true }
            if changed { terminal.draw(ScreenRenderer.render(state)) }
        }
        saver.saveIfDue(&state, force: true)
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
    static func export(_ request: ExportRequest, _ state: inout AppState) {
        let text = ICalendar.render(state.index, sessions: request.sessions, now: Timestamp.now())
        do {
            try DurableFile.replace(path: request.fileName, bytes: Array(text.utf8))
            state.exportFinished(request, error: nil)
        } catch {
            state.exportFinished(request, error: error.description)
        }
    }
}
