import ArgumentParser
import ConveneText
import ConveneModel

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check directory files: JSON syntax, types, references, times and places.",
        discussion: "Prints every problem with its file and JSON path (or line:column for syntax errors). Exit 0 when all files are valid, 65 when one is invalid, 66 when one cannot be read.")

    @Argument(help: ArgumentHelp("Files to check.", valueName: "file"))
    var files: [String]

    func run() throws {
        var worst: Int32 = 0
        for file in files {
            do {
                let d = try DirectoryLoader.load(path: file)
                Output.write(Sanitizer.line(file) + ": valid (\(d.events.count) events, \(d.delegates.count) delegates, \(d.cities.count) cities)\n")
            } catch {
                Output.error(error.description)
                worst = max(worst, error.exitCode)
            }
        }
        if worst != 0 { throw ExitCode(worst) }
    }
}
