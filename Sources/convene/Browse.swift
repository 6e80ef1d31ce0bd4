import ArgumentParser
import ConveneApp
import ConveneModel
import ConveneScreen
import ConveneTerminal

struct Browse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the directory in the full-screen browser (the default).",
        discussion: "Needs a terminal on stdin and stdout. Exits 69 (EX_UNAVAILABLE) with a one-line reason when there is none; the plain commands work anywhere.")
    @OptionGroup var data: DataOptions

    func run() throws {
        // Check the terminal before loading, so a redirected run fails fast and writes nothing to the pipe.
        do {
            try TerminalCheck.check()
        } catch {
            Output.error(error.description)
            throw ExitCode(69)
        }
        let index = try data.load()
        let terminal = Terminal()
        do {
            try terminal.start()
        } catch {
            Output.error(error.description)
            throw ExitCode(69)
        }
        let size = terminal.size
        var state = AppState(index: index, width: size.width, height: size.height)
        terminal.draw(ScreenRenderer.render(state))
        while !state.shouldQuit && !terminal.quitRequested {
            guard let event = terminal.nextEvent() else { continue }
            if event == .key(.control("l")) { terminal.invalidate() }
            state.handle(event)
            terminal.draw(ScreenRenderer.render(state))
        }
        terminal.stop()
        if let signal = terminal.quitSignal { throw ExitCode(128 + signal) }
    }
}
