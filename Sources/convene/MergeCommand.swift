import ArgumentParser
import ConveneModel

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine directory files into one, refusing to choose between conflicting records.",
        discussion: """
        Records are matched by id (countries by code). Records in one file only are taken; equal records \
        are taken once; a delegate listed in both with different events attends all of them. Any other \
        difference is a conflict: every one is listed (kind, id and each field that differs), nothing is \
        written, and the exit code is 65. The result keeps the first file's title and is validated before \
        it is written. Files may be convene/1 or schedule.json.
        """)

    @Argument(help: ArgumentHelp("Two or more directory files.", valueName: "file"))
    var files: [String]

    @OptionGroup var output: OutputOptions<MergeOutput>

    func validate() throws {
        if files.count < 2 { throw ValidationError("merge needs at least two files") }
    }

    func run() throws {
        guard let output = output.file else { return try mergeAndWrite() }
        // The output may be one of the inputs: read them all and write under its lock.
        try DurableWrite.locked(output) { try mergeAndWrite() }
    }

    private func mergeAndWrite() throws {
        var merged: Directory?
        for file in files {
            let next: Directory
            do { next = try DirectoryLoader.load(path: file) } catch { throw CLIError(error) }
            guard let current = merged else { merged = next; continue }
            do {
                merged = try DirectoryMerge.merge(current, next)
            } catch {
                throw CLIError("merging \(file): \(error)", status: .dataError)
            }
        }
        guard let merged else { return }
        let text = DirectoryEncoder.encode(merged)
        guard let output = output.file else {
            try Output.writeData(text)
            return
        }
        let bytes = Array(text.utf8)
        try DurableWrite.checkLoadable(bytes, as: output)
        try DurableWrite.replace(output, with: bytes, backup: true)
        try Output.message("Wrote \(output): \(merged.events.count) events, \(merged.delegates.count) delegates, \(merged.cities.count) cities.\n")
    }
}
