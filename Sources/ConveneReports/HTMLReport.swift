import ConveneModel

/// `convene report`: one self-contained HTML file a secretariat can send.
///
/// Everything is inline (CSS, SVG charts, the map), nothing is fetched and no script runs,
/// so the file reads the same in a browser, a mail attachment and on paper (A4 print CSS).
/// Every chart has a text table beside it, for screen readers and for copying. Every string
/// from the data goes through ``HTMLEscape/text(_:)``; delegates who asked not to be named
/// are counted everywhere and named nowhere (one "3 unlisted delegates" line in the list).
public enum HTMLReport {
    /// The whole document for `ix` under `filter`; with `filter.event` set, the host line of that event too.
    public static func render(_ ix: DirectoryIndex, _ filter: Filter, generator: String) -> String {
        let f = filter.withoutSearch
        let summary = ix.summary(f)
        let e = HTMLEscape.text
        let event = f.event.flatMap { ix.event($0) }
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="\(e(generator))">
        <title>\(e(event?.title ?? ix.directory.title)) — delegates report</title>
        <style>\(style)</style>
        </head>
        <body>
        <header>
        <h1>\(e(event?.title ?? ix.directory.title))</h1>

        """
        if let event {
            html += "<p class=\"sub\">\(e(ix.directory.title)) · \(e(event.start.components().date))"
                + "\(event.city.map { " · " + e(ix.cityName($0)) } ?? "")</p>\n"
        }
        if let notice = ix.directory.notice { html += "<p class=\"notice\">\(e(notice))</p>\n" }
        html += "</header>\n<main>\n"
        let hostLine = f.event.flatMap { id in ix.directory.events.firstIndex { $0.id == id } }.map { ix.hostLine(event: $0, f) }
        html += headline(summary, hostLine: hostLine)
        html += breakdown(id: "by-country", title: "Delegates by country", keyTitle: "Country", summary.byCountry.map(Bar.init))
        html += breakdown(id: "by-region", title: "Delegates by region", keyTitle: "Region",
                          ix.breakdown(.region, f).map(Bar.init))
        html += map(ix, summary)
        html += perEvent(summary)
        html += delegateList(Reports.delegates(ix, f))
        html += "</main>\n<footer><p>Made with \(e(generator)). Names of delegates who asked not to be named are left out; they are counted in every number.</p></footer>\n"
        html += "</body>\n</html>\n"
        return html
    }

    static func headline(_ s: Summary, hostLine: HostLine?) -> String {
        let numbers = [("Delegates", s.delegates), ("Countries", s.countries), ("Cities", s.cities),
                       ("Events", s.events), ("Sessions", s.sessions)]
        var html = "<section id=\"headline\">\n<h2>In numbers</h2>\n<dl class=\"numbers\">\n"
        for (label, n) in numbers {
            html += "<div><dt>\(label)</dt><dd>\(n)</dd></div>\n"
        }
        html += "</dl>\n"
        if let hostLine {
            html += "<p class=\"host\">\(HTMLEscape.text(hostLine.sentence))</p>\n"
            if !hostLine.otherCountries.isEmpty {
                html += "<p class=\"visitors\">Visiting countries: "
                    + hostLine.otherCountries.map { "\(HTMLEscape.text($0.label)) (\($0.count))" }.joined(separator: ", ") + "</p>\n"
            }
        }
        if s.illustrativeDelegates > 0 {
            html += "<p class=\"note\">Of these delegates, \(s.illustrativeDelegates) are invented for illustration.</p>\n"
        }
        return html + "</section>\n"
    }

    static func perEvent(_ s: Summary) -> String {
        var html = "<section id=\"per-event\">\n<h2>Per event: listed beside reported</h2>\n"
        html += "<table>\n<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Event</th>"
            + "<th scope=\"col\" class=\"num\">Listed</th><th scope=\"col\" class=\"num\">Reported</th></tr></thead>\n<tbody>\n"
        for line in s.perEvent {
            html += "<tr><td>\(HTMLEscape.text(line.date))</td><td>\(HTMLEscape.text(line.title))</td>"
                + "<td class=\"num\">\(line.listed)</td><td class=\"num\">\(line.reported.map(String.init) ?? NotRecorded.dash)</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n</section>\n"
    }

    static func delegateList(_ r: Report) -> String {
        let wanted = ["name", "role", "organization", "city", "country"]
        let columns = wanted.compactMap { key in r.columns.firstIndex { $0.key == key } }
        var html = "<section id=\"delegates\">\n<h2>Delegates</h2>\n<table class=\"people\">\n<thead><tr>"
        for c in columns { html += "<th scope=\"col\">\(HTMLEscape.text(r.columns[c].title))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for row in r.rows {
            html += "<tr>" + columns.map { "<td>\(HTMLEscape.text(row[$0].tableText))</td>" }.joined() + "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        if r.unlisted > 0 {
            html += "<p class=\"unlisted\">\(UnlistedDelegates.line(r.unlisted))</p>\n"
        }
        return html + "</section>\n"
    }
}
