import ArgumentParser
import ConveneModel
import ConveneReports

/// The agenda's output formats: the listing formats, plus iCalendar.
enum AgendaFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, ics
}

/// How `agenda` prints: like ``OutputOptions``, with `--format ics` added, which only
/// the agenda has (other listings are not calendars).
struct AgendaOutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table, json, csv or ics (RFC 5545 iCalendar, times in UTC).")
    var format: AgendaFormat = .table

    @Flag(name: .long, help: "Start CSV output with a UTF-8 byte-order mark (for Excel).")
    var bom = false

    /// The listing format, or nil for iCalendar.
    var reportFormat: ReportFormat? { ReportFormat(rawValue: format.rawValue) }

    func write(agenda ix: DirectoryIndex, _ filter: Filter, day: String?) throws(CLIError) {
        if let reportFormat {
            try reportFormat.write(Reports.agenda(ix, filter, day: day), bom: bom)
        } else {
            try Output.writeData(ICalendar.render(ix, filter, day: day, now: Timestamp.now()))
        }
    }
}
