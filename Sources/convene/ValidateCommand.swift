import ArgumentParser
import ConveneText
import ConveneModel

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check directory files: JSON syntax, types, references, times and places.",
        discussion: "Prints every problem with its file and JSON path (or line:column for syntax errors). Exit 0 when all files are valid, 65 when one is invalid, 66 when one cannot be read.")

    @Argument(help: ArgumentHelp("Files (or http(s) URLs, fetched through the cache) to check.", valueName: "file"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("For a URL: give up a fetch after this many seconds (default: 30).",
                                            valueName: "seconds"))
    var timeout: Double?

    func run() throws {
        var worst = ExitStatus.success
        var remote = RemoteSettings()
        if let timeout {
            guard timeout > 0, timeout <= 86_400 else { throw usage("--timeout takes a number of seconds above 0, such as 30") }
            remote.timeout = timeout
        }
        for file in files {
            let d: Directory
            var name = file
            do {
                let source = try DataSource(file)
                if case .remote(let url) = source {
                    name = url.shown
                    let loaded = try DataOptions.loadSource(source, options: PublishedReadOptions(), remote: remote, progress: nil)
                    if let notice = loaded.notice { Output.error(notice) }
                    d = loaded.index.directory
                    // A published schedule is loaded without the Validator's pass when its mapping vouches for it; not here.
                    try DirectoryLoader.validate(d, name: name)
                } else {
                    let loaded = try DirectoryLoader.loadFast(path: file)
                    d = loaded.directory
                    // As for a URL: the Validator's pass the loader skips for a published schedule runs here.
                    if loaded.format != nil { try DirectoryLoader.validate(d, name: name) }
                }
            } catch {
                Output.error(error.description)
                // 66 (unreadable) outranks 65 (invalid), as before.
                let status = ExitStatus(loadExitCode: error.exitCode)
                if status.rawValue > worst.rawValue { worst = status }
                continue
            }
            // Held until exit in place of the previous file's: the last one is not freed on the way out.
            KeptUntilExit.keep(d, as: "validated")
            try Output.write(Sanitizer.line(name) + ": valid (\(d.events.count) events, \(d.delegates.count) delegates, \(d.cities.count) cities)\n")
        }
        // Each problem was printed as it was found.
        if worst != .success { throw CLIError(nil, status: worst) }
    }
}
