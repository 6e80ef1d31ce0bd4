import ArgumentParser

/// The `convene` command: the browser by default, plain commands for scripts.
@main
struct Convene: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "convene",
        abstract: "Browse who is coming to a city network's events, from where, and what is on the agenda.",
        discussion: """
        With no subcommand, opens the directory in a full-screen browser. The bundled sample \
        directory is used unless --data PATH (or the CONVENE_DATA environment variable) names a file.

        Exit codes: 0 success, 64 usage error, 65 invalid data, 66 a file that cannot be read.
        """,
        version: version,
        subcommands: [Browse.self, Events.self, Agenda.self, Delegates.self, Cities.self, SummaryCommand.self,
                      Validate.self, Import.self, Merge.self, Export.self, Generate.self, Star.self, Unstar.self],
        defaultSubcommand: Browse.self
    )
}
