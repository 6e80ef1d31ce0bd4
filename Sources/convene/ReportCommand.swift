import ArgumentParser
import ConveneModel
import ConveneReports

/// `report`'s output: one HTML file (`-o`, required; `-o -` for standard output).
enum ReportOutput: OutputChoices {
    static let formats: [OutputFormat] = []
    static let file: OutputFile? = OutputFile(
        required: true,
        help: "Where to write the HTML report ('-' for standard output); an existing file is replaced atomically and kept as FILE.bak.",
        valueName: "report.html")
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report to send: numbers, breakdowns, a map of the cities, the delegates.",
        usage: FilterOptions.usageLine("report", after: "--output <report.html>"),
        discussion: """
        One HTML file with everything inline (no network, no scripts): the headline numbers under the filters, \
        with --event the host line ("120 delegates · 100 from the host country (Viet Nam) · 20 from 7 other \
        countries"), delegates by country and by region as bar charts each beside a table, the cities on a map, \
        listed beside reported per event, and the delegate list. Delegates who asked not to be named are counted \
        but never named ("3 unlisted delegates"). It prints on A4.
        """)
    @OptionGroup var data: DataOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions<ReportOutput>

    func run() throws {
        let ix = try data.load()
        let filter = try filters.filter(for: ix)
        let html = HTMLReport.render(ix, filter, generator: "Convene \(Convene.version)")
        guard let path = output.file else { return try Output.writeData(html) }
        try DurableWrite.replace(path, with: Array(html.utf8), backup: true)
    }
}
