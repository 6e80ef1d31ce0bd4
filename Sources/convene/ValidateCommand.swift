import ArgumentParser
import ConveneText
import ConveneModel

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check directory files: JSON syntax, types, references, times and places.",
        discussion: "Prints every problem with its file and JSON path (or line:column for syntax errors). Exit 0 when all files are valid, 65 when one is invalid, 66 when one cannot be read.")

    @Argument(help: ArgumentHelp("Files to check.", valueName: "file"))
    var files: [String]

    func run() throws {
        var worst = ExitStatus.success
        for file in files {
            let d: Directory
            do {
                d = try DirectoryLoader.load(path: file)
            } catch {
                Output.error(error.description)
                // 66 (unreadable) outranks 65 (invalid), as before.
                let status = ExitStatus(loadExitCode: error.exitCode)
                if status.rawValue > worst.rawValue { worst = status }
                continue
            }
            try Output.write(Sanitizer.line(file) + ": valid (\(d.events.count) events, \(d.delegates.count) delegates, \(d.cities.count) cities)\n")
        }
        // Each problem was printed as it was found.
        if worst != .success { throw CLIError(nil, status: worst) }
    }
}
