import ArgumentParser
import ConveneModel
import ConveneReports

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "How many delegates, from where: totals and counts by country, city, creative field and event.",
        usage: FilterOptions.usageLine("summary"))
    @OptionGroup var data: DataOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions<ListingOutput>

    func run() throws {
        let ix = try data.load()
        let filter = try filters.filter(for: ix)
        let sections = Reports.summary(ix.summary(filter))
        switch output.format.format {
        case .json:
            let w = JSONWriter()
            let members = sections.map { name, report -> (String, String) in
                if name == "totals", let row = report.rows.first {
                    return (name, w.object(zip(report.columns, row).map { ($0.key, JSONWriter.literal($1)) }, depth: 1))
                }
                return (name, w.report(report, depth: 1))
            }
            try Output.writeData(w.object(members, depth: 0) + "\n")
        case .csv:
            // One CSV table per section would not be one CSV file; the breakdowns share one shape instead.
            var rows: [[ReportValue]] = []
            for (name, report) in sections where name.hasPrefix("by") {
                rows += report.rows.map { [.text(name)] + $0 }
            }
            var r = Report(columns: [.init("breakdown", "Breakdown")] + (sections.first { $0.name == "byCountry" }?.report.columns ?? []))
            r.rows = rows
            try Output.writeData(CSVRenderer.render(r, byteOrderMark: output.bom))
        case .table, .ics, .scheduleJSON, .convene:   // ListingOutput allows only table of these
            let titles = ["totals": "Totals", "byCountry": "Delegates by country", "byCity": "Delegates by city",
                          "byField": "Delegates by creative field", "perEvent": "Per event: listed beside reported"]
            var text = ""
            if let notice = ix.directory.notice { text += "Note: \(notice)\n\n" }
            for (name, report) in sections {
                text += (titles[name] ?? name) + "\n" + TableRenderer.render(report) + "\n"
            }
            // The notice comes from the data file: the whole text goes through the sanitiser.
            try Output.message(text)
        }
    }
}
