import ArgumentParser
import ConveneModel
import ConveneStore
import ConveneText

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add delegates from a registration spreadsheet (CSV) to a directory file, for one event.",
        discussion: """
        The sheet is RFC 4180 CSV in UTF-8 (a byte-order mark is fine), with a header row. Columns are found \
        by header name (Name or Full name, Country, City, Role, Organisation or Affiliation, ID; or First name \
        and Last name); --map names others, e.g. --map "name=Họ và tên,country=Quốc gia". Countries may be \
        ISO codes or names; cities are matched by name within the country, and a city not yet in the directory \
        is added when its country has one time zone. A consent column (Listed, Consent or Publish) says whether \
        a person may be named: yes/no, true/false, 1/0 or y/n in any case, blank for listed; "no" adds them \
        unlisted (counted, never named) and marks an existing delegate unlisted; any other value stops the \
        import with its sheet:line:column (exit 65).

        Importing the same sheet again adds nothing: a row is an existing delegate when its ID matches, or its \
        name and country do. Every row that cannot be taken is listed with its line number.

        The file is replaced atomically (temporary file, fsync, rename, directory fsync) and its old content \
        kept as FILE.bak; on any failure it is left as it was. Imports into one file run one at a time (a lock \
        on FILE.lock), each adding its rows to what the previous one wrote. The result is read back with \
        Convene's own rules before it is written, so a file Convene would refuse is never written. Exit 0 when \
        every row was taken, 65 when some were not (the others are still written) or the result would not \
        load, 64 for usage errors, 66 when a file cannot be read, 73 when the directory file cannot be \
        written (also when it is not a regular file).
        """)

    @Argument(help: ArgumentHelp("The registration sheet (CSV).", valueName: "sheet.csv"))
    var sheet: String

    @Option(name: .long, help: ArgumentHelp("The event the delegates attend (its id).", valueName: "id"),
            completion: Completions.event)
    var event: String

    @Option(name: .long, help: ArgumentHelp("The convene/1 directory file to add them to.", valueName: "directory.json"),
            completion: Completions.directoryFile)
    var into: String

    @Option(name: .long, help: ArgumentHelp("Column names for fields: name=Full Name,country=Country (fields: \(RegistrationImport.Field.allCases.map(\.rawValue).joined(separator: ", "))).",
                                            valueName: "field=Header,..."))
    var map: String?

    @Flag(name: .long, help: "Show what would change and which rows cannot be taken, without writing.")
    var dryRun = false

    func run() throws {
        let mapping: [RegistrationImport.Field: String]
        do { mapping = try map.map(RegistrationImport.parseMap) ?? [:] } catch { throw usage(error.description) }

        let records: [CSVReader.Record]
        do {
            records = try CSVReader.parse(bytes: try DirectoryLoader.read(path: sheet))
        } catch let error as CSVReader.SyntaxError {
            throw CLIError("\(sheet): \(error)", status: .dataError)
        } catch let error as LoadError {
            throw CLIError(error.description, status: .noInput)
        }
        if dryRun {
            try apply(records, mapping: mapping)
        } else {
            // Read, change and write under the target's lock: a concurrent import's rows are
            // in what this one reads, and this one's rows are in what the next one reads.
            try DurableWrite.locked(into) { try apply(records, mapping: mapping) }
        }
    }

    private func apply(_ records: [CSVReader.Record], mapping: [RegistrationImport.Field: String]) throws {
        let (directory, schema) = try loadConvene(into)
        let plan: RegistrationImport.Plan
        do {
            plan = try RegistrationImport.plan(records: records, into: directory, event: event, map: mapping)
        } catch {
            switch error {
            case .invalidResult, .emptySheet: throw CLIError("\(sheet): \(error)", status: .dataError)
            case .badConsent: throw CLIError("\(sheet):\(error)", status: .dataError)
            case .unknownEvent: throw usage(error.description)
            default: throw usage("\(sheet): \(error)")
            }
        }

        for outcome in plan.outcomes {
            if outcome.isRejected {
                Output.error("\(sheet): \(outcome)")
            } else {
                try Output.message("\(sheet): \(outcome)\n")
            }
        }
        let unchanged = plan.outcomes.count - plan.added - plan.joined - plan.rejected.count
        var summary = "\(plan.added) added, \(plan.joined) added to the event, \(unchanged) unchanged, "
            + "\(plan.rejected.count) not taken"
        if plan.nowUnlisted > 0 { summary += ", \(plan.nowUnlisted) now unlisted" }
        if !plan.addedCities.isEmpty { summary += ", \(plan.addedCities.count) new cit\(plan.addedCities.count == 1 ? "y" : "ies")" }

        if dryRun {
            try Output.message(summary + ". Dry run: \(into) was not changed.\n")
        } else if !plan.changesDirectory {
            try Output.message(summary + ". Nothing to write: \(into) was not changed.\n")
        } else {
            let bytes = DirectoryEncoder.encodeBytes(plan.directory, schema: schema)
            try DurableWrite.checkLoadable(bytes, as: into)
            let backup = try DurableWrite.replace(into, with: bytes, backup: true)
            try Output.message(summary + ". Wrote \(into)" + (backup.map { " (previous version kept as \($0))" } ?? "") + ".\n")
        }
        // Each row not taken was listed above; the others were still written.
        if !plan.rejected.isEmpty { throw CLIError(nil, status: .dataError) }
    }
}

/// Loads a file that must be in Convene's own format, since it is going to be rewritten;
/// also returns its `$schema` pointer so that the rewrite keeps it.
///
/// A valid `convene/1` file is read in one pass by the direct decoder (a million delegates in
/// well under a second, where a JSON tree takes seconds); a published schedule is refused with
/// advice; anything else — a file with errors — is read again step by step, so every message is the general path's.
func loadConvene(_ path: String) throws -> (Directory, schema: String?) {
    do {
        let bytes = try DirectoryLoader.read(path: path)
        // A published schedule is told from its first bytes, which a convene/1 file never matches.
        if let reader = PublishedFormats.reader(for: bytes) {
            throw CLIError("\(path): this is a \(reader.name), which Convene reads but does not write; "
                           + "convert it first with: convene export --data \(path) --format convene -o directory.json",
                           status: .dataError)
        }
        if let loaded = try? DirectoryLoader.loadFast(bytes: bytes, name: path), loaded.wasDirect {
            return (loaded.directory, loaded.schema)
        }
        let document = try DirectoryLoader.parse(bytes: bytes, name: path)
        let directory = try DirectoryLoader.decodeAndValidate(document, name: path)
        var schema: String?
        if case .string(let s)? = document["$schema"] { schema = s }
        return (directory, schema)
    } catch let error as LoadError {
        throw CLIError(error)
    }
}
