import ConveneModel
import ConveneText
import Foundation
import Testing
@testable import ConveneReports

/// `convene report`'s HTML: its structure and numbers on the sample, escaping of hostile text,
/// unlisted delegates never named, and nothing fetched or run.
@Suite struct HTMLReportTests {
    static let sample = BundledSample.index
    static let eventFilter: Filter = { var f = Filter(); f.event = "hanoi-2023"; return f }()

    static func render(_ ix: DirectoryIndex = sample, _ f: Filter = Filter()) -> String {
        HTMLReport.render(ix, f, generator: "Convene test")
    }

    /// Every tag name in the document (`<x` and `</x`); data can add none.
    static func tagNames(_ html: String) -> Set<String> {
        var names = Set<String>()
        var rest = html[...]
        while let lt = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: lt)...]
            let name = after.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber || $0 == "!" }
            names.insert(name.lowercased())
            rest = after
        }
        return names
    }

    static let allowedTags: Set<String> = ["!doctype", "html", "head", "meta", "title", "style", "body", "header", "h1", "h2",
                                           "p", "main", "section", "dl", "div", "dt", "dd", "table", "thead", "tbody", "tr",
                                           "th", "td", "svg", "text", "rect", "line", "circle", "footer"]

    /// The text between `<dt>label</dt><dd>` and `</dd>`.
    static func headline(_ html: String, _ label: String) -> Int? {
        guard let start = html.range(of: "<dt>\(label)</dt><dd>"),
              let end = html.range(of: "</dd>", range: start.upperBound..<html.endIndex) else { return nil }
        return Int(html[start.upperBound..<end.lowerBound])
    }

    /// The `<tbody>` of the section with this id, as its rows.
    static func rows(_ html: String, section id: String) -> [String] {
        guard let start = html.range(of: "<section id=\"\(id)\""),
              let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex) else { return [] }
        return html[start.upperBound..<end.lowerBound].components(separatedBy: "<tr><td").dropFirst().map { $0 }
    }

    // MARK: Escaping

    @Test func escapingTurnsMarkupIntoText() {
        #expect(HTMLEscape.text(#"<a href='x' title="y">&</a>"#)
                == "&lt;a href=&#39;x&#39; title=&quot;y&quot;&gt;&amp;&lt;/a&gt;")
        #expect(HTMLEscape.text("Phạm Thị Thanh Hương") == "Phạm Thị Thanh Hương")
    }

    @Test(arguments: ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'><svg onload=alert(1)>",
                      "</style><script>x</script>", "&lt;script&gt;", "<!-- ", "]]><b>", "a\u{202E}<i>evil\u{1B}[2J"])
    func escapedTextHasNoMarkupCharacters(_ hostile: String) {
        let escaped = HTMLEscape.text(hostile)
        #expect(!escaped.contains("<") && !escaped.contains(">") && !escaped.contains("\"") && !escaped.contains("'"))
        #expect(!escaped.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{202E}" })
        // Every & starts an entity the escaper wrote.
        let ampersands = escaped.components(separatedBy: "&").dropFirst()
        #expect(ampersands.allSatisfy { part in ["amp;", "lt;", "gt;", "quot;", "#39;"].contains { part.hasPrefix($0) } })
    }

    /// The sample with markup in every text field the report prints.
    static func hostileSample() -> DirectoryIndex {
        var d = BundledSample.directory
        let h = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>&"
        d.title = h + "title"
        d.notice = h + "notice"
        for i in d.countries.indices { d.countries[i].name = h + d.countries[i].code; d.countries[i].region = h + "region" }
        for i in d.cities.indices { d.cities[i].name = h + d.cities[i].id }
        for i in d.organizations.indices { d.organizations[i].name = h + "org" }
        for i in d.events.indices { d.events[i].title = h + d.events[i].id }
        for i in d.delegates.indices { d.delegates[i].name = h + "name"; d.delegates[i].role = h + "role" }
        return DirectoryIndex(d)
    }

    @Test func aHostileNameCannotInjectMarkupOrScript() {
        for filter in [Filter(), Self.eventFilter] {
            let html = Self.render(Self.hostileSample(), filter)
            #expect(Self.tagNames(html).subtracting(Self.allowedTags).isEmpty, "\(Self.tagNames(html).subtracting(Self.allowedTags))")
            #expect(!html.lowercased().contains("<script"))
            #expect(!html.lowercased().contains("<img"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&gt;&lt;img src=x onerror=alert(2)&gt;&amp;name"))
        }
    }

    @Test func theHostileCorpusStaysTextWithNoControls() throws {
        let dir = Fixtures.root.appendingPathComponent("hostile")
        var rendered = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where file.hasSuffix(".json") {
            guard let directory = try? DirectoryLoader.load(path: dir.appendingPathComponent(file).path) else { continue }
            let html = Self.render(DirectoryIndex(directory))
            rendered += 1
            #expect(Self.tagNames(html).subtracting(Self.allowedTags).isEmpty, "\(file)")
            #expect(HostileOutputTests.hazards(in: html, allowing: ["\n"]).isEmpty, "\(file)")
        }
        // controls-everywhere.json among them, at least.
        #expect(rendered >= 1)
        let controls = try DirectoryLoader.load(path: Fixtures.path("hostile/controls-everywhere.json"))
        #expect(Self.render(DirectoryIndex(controls)).contains("␛[2J"))
    }

    // MARK: Structure and numbers

    @Test func theSampleReportHasEverySectionAndTheSummaryNumbers() {
        for filter in [Filter(), Self.eventFilter] {
            let html = Self.render(Self.sample, filter)
            let s = Self.sample.summary(filter)
            for heading in ["In numbers", "Delegates by country", "Delegates by region", "Where delegates came from",
                            "Per event: listed beside reported", "Delegates"] {
                #expect(html.contains("<h2>\(heading)</h2>"), "\(heading)")
            }
            #expect(Self.headline(html, "Delegates") == s.delegates)
            #expect(Self.headline(html, "Countries") == s.countries)
            #expect(Self.headline(html, "Cities") == s.cities)
            #expect(Self.headline(html, "Events") == s.events)
            #expect(Self.headline(html, "Sessions") == s.sessions)
            #expect(Self.rows(html, section: "by-country").count == s.byCountry.count)
            #expect(Self.rows(html, section: "per-event").count == s.perEvent.count)
            let (listed, unlisted) = Self.sample.splitListed(Self.sample.delegates(filter))
            #expect(Self.rows(html, section: "delegates").count == listed.count)
            #expect(unlisted == 0 || html.contains("<p class=\"unlisted\">\(UnlistedDelegates.line(unlisted))</p>"))
            // The region table adds up to every delegate.
            let regionTotal = Self.rows(html, section: "by-region").compactMap { row in
                row.components(separatedBy: "<td class=\"num\">").dropFirst().first.flatMap { Int($0.prefix { $0.isNumber }) }
            }.reduce(0, +)
            #expect(regionTotal == s.delegates)
        }
    }

    @Test func theHostLineCountsTheHostCountryAndTheOthers() throws {
        let ix = Self.sample
        let event = try #require(ix.event("hanoi-2023"))
        let eventIndex = try #require(ix.directory.events.firstIndex { $0.id == event.id })
        let line = ix.hostLine(event: eventIndex, Self.eventFilter)
        // Counted here from the delegates themselves, not from the summary.
        let people = ix.delegates(Self.eventFilter).map { ix.directory.delegates[$0] }
        let fromHost = people.filter { $0.country == "VN" }.count
        let others = Set(people.compactMap(\.country).filter { $0 != "VN" })
        #expect(line.delegates == people.count && line.fromHost == fromHost && line.otherCountries.count == others.count)
        #expect(line.sentence == "\(people.count) delegates · \(fromHost) from the host country (Viet Nam) · "
                + "\(people.count - fromHost) from \(others.count) other countries")
        #expect(Self.render(ix, Self.eventFilter).contains("<p class=\"host\">\(line.sentence)</p>"))
    }

    @Test func unlistedDelegatesAreCountedButNeverNamed() throws {
        let ix = Self.sample
        let unlisted = ix.directory.delegates.filter { !$0.listed }
        try #require(!unlisted.isEmpty, "the sample marks a few delegates unlisted")
        for filter in [Filter(), Self.eventFilter] {
            let html = Self.render(ix, filter)
            for p in unlisted {
                #expect(!html.contains(HTMLEscape.text(p.name)), "\(p.id)")
                #expect(!html.contains(p.id), "\(p.id)")
            }
        }
        #expect(Self.render(ix).contains(UnlistedDelegates.line(unlisted.count)))
    }

    @Test func nothingIsFetchedAndNothingRuns() {
        let html = Self.render(Self.sample, Self.eventFilter)
        let lower = html.lowercased()
        for banned in ["<script", " src=", " href=", "url(", "@import", "javascript:", "<link", "<iframe", "<object"] {
            #expect(!lower.contains(banned), "\(banned)")
        }
        // No http(s) address inside a tag (an address in the text would be fine).
        let tags = html.components(separatedBy: "<").dropFirst().map { $0.prefix { $0 != ">" } }
        #expect(!tags.contains { $0.contains("http://") || $0.contains("https://") })
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("@media print"))
    }
}
