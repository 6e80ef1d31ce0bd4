import ArgumentParser
import ConveneModel
import ConveneReports

/// `convene diff OLD NEW`: what changed between two versions of a schedule, like diff(1) for talks.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "List what changed between two versions of a schedule: new, cancelled, moved, retitled, speakers.",
        discussion: """
        Reads both files as --data would (convene/1 or a published schedule, told from the content) and \
        matches sessions by the source's guid, else by id. One row per change, in start order: new, \
        cancelled, moved-time, moved-room, retitled, speakers (compared by name). Exit 0 when nothing \
        changed, 1 when something did (like diff), 65, 66 or 75 when a file cannot be used.
        """)

    @Argument(help: ArgumentHelp("The earlier version.", valueName: "old"), completion: Completions.dataFile)
    var old: String

    @Argument(help: ArgumentHelp("The later version.", valueName: "new"), completion: Completions.dataFile)
    var new: String

    @OptionGroup var output: OutputOptions<ListingOutput>

    func run() throws {
        let changes = ScheduleChanges.compare(old: try Self.load(old), new: try Self.load(new))
        try output.write(Reports.changes(changes))
        // The output is the answer; the status says whether there was one, as diff(1) does.
        if !changes.isEmpty { throw CLIError(nil, status: .differences) }
    }

    /// Loads one version with the loader every command uses; its error keeps the loader's status.
    static func load(_ path: String) throws -> Directory {
        do {
            // Kept per path (old and new), so the process ends without freeing either.
            return KeptUntilExit.keep(try DataOptions.loadIndex(path: path, progress: nil), as: "diff " + path).directory
        } catch {
            throw CLIError(error)
        }
    }
}
