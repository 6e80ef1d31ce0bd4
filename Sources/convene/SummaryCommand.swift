import ArgumentParser
import ConveneModel
import ConveneReports

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "How many delegates, from where: totals and counts by country, city, creative field and event.",
        usage: FilterOptions.usageLine("summary"),
        discussion: """
            --by region|city|field|organisation|kind|role|member|country shows that one breakdown instead \
            (member: network member city, membership not recorded, or no city recorded). --event ID adds \
            the event's host line: its delegates, how many from the host country and from how many other \
            countries; with --format csv and no --by, the CSV is that one host line.
            """)
    @OptionGroup var data: DataOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions<ListingOutput>
    @Option(name: .long, help: ArgumentHelp("Show only this breakdown of the delegates.",
                                            valueName: "region|city|field|organisation|kind|role|member|country"))
    var by: DelegateBreakdown?

    func run() throws {
        let ix = try data.load()
        let filter = try filters.filter(for: ix)
        var sections = Reports.summary(ix.summary(filter))
        let host = filter.event.flatMap { ix.eventByID[$0] }.map { ix.hostLine(event: $0, filter) }
        if let by {
            let name = "by" + by.rawValue.prefix(1).uppercased() + by.rawValue.dropFirst()
            sections = sections.filter { $0.name == "totals" }
                + [(name, SummaryTables.breakdown(by, ix.breakdown(by, filter)))]
        }
        switch output.format.format {
        case .json:
            let w = JSONWriter()
            var members = sections.map { name, report -> (String, String) in
                if name == "totals", let row = report.rows.first {
                    return (name, w.object(zip(report.columns, row).map { ($0.key, JSONWriter.literal($1)) }, depth: 1))
                }
                return (name, w.report(report, depth: 1))
            }
            if let by { members.insert(("by", JSONWriter.quote(by.rawValue)), at: 1) }
            if let host { members.insert(("hostLine", SummaryTables.hostLineJSON(host, w, depth: 1)), at: 1) }
            try Output.writeData(w.object(members, depth: 0) + "\n")
        case .csv where by == nil && host != nil:
            if let host { try Output.writeData(CSVRenderer.render(SummaryTables.hostLine(host), byteOrderMark: output.bom)) }
        case .csv:
            // One CSV table per section would not be one CSV file; the breakdowns share one shape instead.
            var rows: [[ReportValue]] = []
            for (name, report) in sections where name.hasPrefix("by") {
                rows += report.rows.map { [.text(name)] + $0 }
            }
            let columns = sections.first { $0.name.hasPrefix("by") }?.report.columns ?? []
            var r = Report(columns: [.init("breakdown", "Breakdown")] + columns)
            r.rows = rows
            try Output.writeData(CSVRenderer.render(r, byteOrderMark: output.bom))
        case .table, .ics, .scheduleJSON, .convene:   // ListingOutput allows only table of these
            let titles = ["totals": "Totals", "byCountry": "Delegates by country", "byCity": "Delegates by city",
                          "byField": "Delegates by creative field", "perEvent": "Per event: listed beside reported"]
                .merging(DelegateBreakdown.allCases.map { b in
                    ("by" + b.rawValue.prefix(1).uppercased() + b.rawValue.dropFirst(), "Delegates " + b.title.lowercased())
                }) { old, _ in old }
            var text = ""
            if let notice = ix.directory.notice { text += "Note: \(notice)\n\n" }
            if let host {
                text += host.sentence + "\n"
                if !host.otherCountries.isEmpty {
                    text += "From elsewhere\n" + TableRenderer.render(SummaryTables.visitors(host))
                }
                text += "\n"
            }
            for (name, report) in sections {
                text += (titles[name] ?? name) + "\n" + TableRenderer.render(report) + "\n"
            }
            // The notice comes from the data file: the whole text goes through the sanitiser.
            try Output.message(text)
        }
    }
}
