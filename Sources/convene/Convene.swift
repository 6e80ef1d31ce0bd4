import ArgumentParser
import Glibc

/// The `convene` command: the browser by default, plain commands for scripts.
@main
struct Convene: ParsableCommand {
    static let version = "0.1.0"

    // Every command names itself (commandName): a name derived from the type costs ArgumentParser a
    // reflection lookup per command on every start, 6% of a whole `convene summary` on a congress file.
    static let configuration = CommandConfiguration(
        commandName: "convene",
        abstract: "Browse who is coming to a city network's events, from where, and what is on the agenda.",
        discussion: """
        With no subcommand, opens the directory in the full-screen browser (convene browse); the other \
        subcommands print tables, JSON or CSV for scripts, or write files. The directory is the file named by \
        --data PATH (convene/1 JSON, or a frab/pretalx schedule.json), or the http(s) URL named by --data URL \
        (cached for offline use: see convene cache), else the CONVENE_DATA environment \
        variable, else the bundled sample. --data, --now and --timeout may come before or after the subcommand.

        \(ExitStatus.helpText)
        """,
        version: version,
        subcommands: [Browse.self, Events.self, Agenda.self, Delegates.self, Cities.self, SummaryCommand.self,
                      ReportCommand.self,
                      Validate.self, Diff.self, Import.self, Merge.self, Export.self, Generate.self, Star.self, Unstar.self,
                      Cache.self],
        defaultSubcommand: Browse.self
    )

    /// Runs the command and ends the process: the one place where errors become messages and exit codes.
    ///
    /// ArgumentParser's own `main` prints its messages raw; here every message
    /// goes through ``Output``, so an argument carrying ESC or a newline is
    /// sanitised on stderr too, and help written to a full stdout is an error.
    static func main() {
        StandardStreams.reserve()
        let arguments = Arguments.prepared(Array(CommandLine.arguments.dropFirst()),
                                           subcommands: Set(configuration.subcommands.map { $0._commandName }))
        do {
            // The named command on its own when it accepts the line (DirectParse.swift), else the whole tree.
            var command = try DirectParse.command(arguments) ?? parseAsRoot(arguments)
            try command.run()
            Glibc.exit(ExitStatus.success.rawValue)
        } catch let error as CLIError {
            finish(error)
        } catch {
            // ArgumentParser's errors and requests (help, version, a bad option, ExitCode): its words, our output.
            let code = exitCode(for: error).rawValue
            let text = fullMessage(for: error)
            if code == 0 {
                // Help, version, completion scripts: the program's own text, written exactly (a script
                // must not have a TAB turned into a picture), but a failed write is still an error.
                do { try Output.write(text.isEmpty ? "" : text + "\n") } catch { finish(error) }
            } else if !text.isEmpty {
                Output.write(Output.sanitize(text) + "\n", to: 2)
            }
            Glibc.exit(code)
        }
    }

    private static func finish(_ error: CLIError) -> Never {
        if let message = error.message { Output.error(message) }
        Glibc.exit(error.status.rawValue)
    }
}
