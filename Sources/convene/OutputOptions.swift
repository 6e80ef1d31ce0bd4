import ArgumentParser
import ConveneReports

/// Every format a convene command prints or writes.
enum OutputFormat: String, CaseIterable, Sendable {
    /// Columns aligned by display width, for a person.
    case table
    /// An array of objects keyed by column key (a listing), or the summary's object.
    case json
    /// RFC 4180, with an optional byte-order mark (`--bom`).
    case csv
    /// RFC 5545 iCalendar of sessions.
    case ics
    /// frab/pretalx schedule.json (c3voc schema), one event.
    case scheduleJSON = "schedule-json"
    /// Convene's own convene/1 JSON.
    case convene
}

/// What one kind of command may print: the formats `--format` takes and whether `-o` names a file.
///
/// A caseless enum per kind of command fills it in (``ListingOutput``, ``AgendaOutput``,
/// ``ExportOutput``, ``MergeOutput``, ``GenerateOutput``); ``OutputOptions`` turns it into flags.
/// Adding a format to a command is one line here and one `case` where the command writes it.
protocol OutputChoices {
    /// The values of `--format`, in the order help lists them; empty: there is no `--format`.
    static var formats: [OutputFormat] { get }
    /// The format when `--format` is not given; nil makes `--format` required.
    static var defaultFormat: OutputFormat? { get }
    /// The help of `--format`.
    static var formatHelp: ArgumentHelp { get }
    /// `-o/--output`, or nil when the command prints only to standard output.
    static var file: OutputFile? { get }
}

extension OutputChoices {
    static var defaultFormat: OutputFormat? { formats.first }
    static var formatHelp: ArgumentHelp { "" }
    static var file: OutputFile? { nil }
}

/// How a command's `-o/--output` reads.
struct OutputFile {
    /// Whether the command needs it (merge) or prints to standard output without it.
    var required = false
    /// Whether `-o` works as well as `--output`.
    var short = true
    var help: String
    var valueName: String
}

/// The listings: `events`, `delegates`, `cities`, `summary`.
enum ListingOutput: OutputChoices {
    static let formats: [OutputFormat] = [.table, .json, .csv]
    static let formatHelp: ArgumentHelp = "Output format: table, json or csv."
}

/// `agenda`: the listing formats and iCalendar.
enum AgendaOutput: OutputChoices {
    static let formats: [OutputFormat] = [.table, .json, .csv, .ics]
    static let formatHelp: ArgumentHelp = "Output format: table, json, csv or ics (RFC 5545 iCalendar, times in UTC)."
}

/// `export`: other programs' formats, or convene/1; the format must be named.
enum ExportOutput: OutputChoices {
    static let formats: [OutputFormat] = [.scheduleJSON, .ics, .convene]
    static let defaultFormat: OutputFormat? = nil
    static let formatHelp = ArgumentHelp("schedule-json, ics or convene.", valueName: "format")
    static let file: OutputFile? = OutputFile(
        help: "Write to this file (replaced atomically, old version kept as FILE.bak) instead of standard output.",
        valueName: "file")
}

/// `merge`: convene/1 only, to a file that must be named ('-' for standard output).
enum MergeOutput: OutputChoices {
    static let formats: [OutputFormat] = []
    static let file: OutputFile? = OutputFile(
        required: true,
        help: "Where to write the result ('-' for standard output); an existing file is replaced atomically and kept as FILE.bak.",
        valueName: "out.json")
}

/// `generate`: convene/1 only, to standard output or a file.
enum GenerateOutput: OutputChoices {
    static let formats: [OutputFormat] = []
    static let file: OutputFile? = OutputFile(help: "Output file (default: stdout).", valueName: "path")
}

/// A `--format` value that `Choices` allows: parsing refuses the others, and help and
/// completion list only these.
struct FormatValue<Choices: OutputChoices>: ExpressibleByArgument, Sendable {
    let format: OutputFormat

    init(_ format: OutputFormat) { self.format = format }

    init?(argument: String) {
        guard let format = OutputFormat(rawValue: argument), Choices.formats.contains(format) else { return nil }
        self.format = format
    }

    static var allValueStrings: [String] { Choices.formats.map(\.rawValue) }
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
    var defaultValueDescription: String { format.rawValue }
}

/// An `-o` value: a path, or `-` (and no `-o` at all) for standard output.
struct OutputPath: ExpressibleByArgument, Sendable {
    let argument: String
    init(argument: String) { self.argument = argument }

    static let standardOutput = OutputPath(argument: "-")
    /// The file to write, or nil for standard output.
    var path: String? { argument == "-" ? nil : argument }
    /// Standard output is the default without being worth a "(default: -)" in help.
    var defaultValueDescription: String { "" }
    static var defaultCompletionKind: CompletionKind { .file() }
}

/// How a command that prints data prints it: `--format` (the formats it allows),
/// `--bom` (when CSV is one of them) and `-o/--output` (when it can write a file).
///
/// One group for every such command, parameterised by an ``OutputChoices``. A part that
/// a command does not have is declared without a name and kept out of help, usage and
/// completions, so `events -o x` is still "Unknown option '-o'" and the flags are exactly
/// the command's own.
struct OutputOptions<Choices: OutputChoices>: ParsableArguments {
    @Option var format: FormatValue<Choices>
    @Flag var bom = false
    @Option var output: OutputPath

    init() {
        let formatName: NameSpecification = Choices.formats.isEmpty ? [] : .long
        let formatHelp = Choices.formats.isEmpty ? ArgumentHelp(visibility: .private) : Choices.formatHelp
        if let format = Choices.defaultFormat ?? (Choices.formats.isEmpty ? .convene : nil) {
            _format = Option(wrappedValue: FormatValue(format), name: formatName, help: formatHelp)
        } else {
            _format = Option(name: formatName, help: formatHelp)
        }
        _bom = Choices.formats.contains(.csv)
            ? Flag(wrappedValue: false, name: .long, help: "Start CSV output with a UTF-8 byte-order mark (for Excel).")
            : Flag(wrappedValue: false, name: [], help: ArgumentHelp(visibility: .private))
        if let file = Choices.file {
            let name: NameSpecification = file.short ? .shortAndLong : .long
            let help = ArgumentHelp(file.help, valueName: file.valueName)
            _output = file.required ? Option(name: name, help: help)
                : Option(wrappedValue: .standardOutput, name: name, help: help)
        } else {
            _output = Option(wrappedValue: .standardOutput, name: [], help: ArgumentHelp(visibility: .private))
        }
    }

    /// The file `-o` names, or nil for standard output.
    var file: String? { output.path }

    /// Writes a listing on stdout as a table, CSV or JSON: the one dispatch every listing
    /// (and the agenda's non-calendar formats) goes through.
    func write(_ report: Report) throws(CLIError) {
        switch format.format {
        case .table: try Output.write(TableRenderer.render(report))
        case .csv: try Output.writeData(CSVRenderer.render(report, byteOrderMark: bom))
        case .json: try Output.writeData(JSONWriter().report(report) + "\n")
        case .ics, .scheduleJSON, .convene:
            // Not a listing's form: the commands that allow these write them themselves.
            throw usage("--format \(format.format.rawValue) does not apply to a listing")
        }
    }
}
