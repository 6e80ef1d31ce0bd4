import ConveneModel
import ConveneText
import Foundation
import Testing
@testable import ConveneReports

/// What the plain commands print for a directory whose every text field carries
/// escape sequences, CR, bidi overrides and zero-width characters
/// (`Tests/Fixtures/hostile/controls-everywhere.json`).
///
/// - `table` goes to a terminal: nothing in it may act on one.
/// - JSON keeps the data exactly; every control, bidi control and zero-width
///   character is written as a `\u` escape, so the text is safe on a terminal too.
/// - CSV keeps the data exactly, except that a cell starting with `=`, `+`, `-`,
///   `@`, TAB or CR gets a leading `'` (OWASP CSV injection).
@Suite struct HostileOutputTests {
    static func reports() throws -> [(String, Report)] {
        let directory = try DirectoryLoader.load(path: Fixtures.path("hostile/controls-everywhere.json"))
        let index = DirectoryIndex(directory)
        let filter = Filter()
        var all = [("events", Reports.events(index, filter)), ("agenda", Reports.agenda(index, filter)),
                   ("delegates", Reports.delegates(index, filter)), ("cities", Reports.cities(index, filter))]
        all += Reports.summary(index.summary(filter)).map { ($0.name, $0.report) }
        return all
    }

    static func isHazard(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200B...0x200D, 0xFEFF: return true
        default: return false
        }
    }

    static func hazards(in text: String, allowing allowed: Set<Unicode.Scalar> = []) -> [String] {
        text.unicodeScalars.filter { isHazard($0) && !allowed.contains($0) }
            .map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }

    @Test func everyReportHasRowsWithTheHostileText() throws {
        let reports = try Self.reports()
        let rowCounts = Dictionary(uniqueKeysWithValues: reports.map { ($0.0, $0.1.rows.count) })
        #expect(rowCounts["events"] == 1)
        #expect(rowCounts["agenda"] == 1)
        #expect(rowCounts["delegates"] == 3)
        #expect(rowCounts["cities"] == 2)
        let events = try #require(reports.first { $0.0 == "events" }?.1)
        #expect(events.rows[0][3] == .text("Conference\u{1B}[2J\u{1B}[H\u{1B}]0;pwned\u{07}\rFAKE\u{08}\t\u{00}\u{7F}\u{9B}31m"
            + "\u{202E}evil\u{202C}\u{2066}iso\u{2069}\u{200B}\u{200C}\u{200D}\u{FEFF}\u{202A}\u{202B}\u{202D}\u{2067}\u{2068}"))
    }

    @Test func tableOutputHoldsNothingThatActsOnATerminal() throws {
        for (name, report) in try Self.reports() {
            let table = TableRenderer.render(report)
            #expect(Self.hazards(in: table, allowing: ["\n"]).isEmpty, "\(name): \(table.debugDescription)")
            // One line per row, plus the header and the rule: no CR or LF from the data splits a row.
            #expect(table.split(separator: "\n", omittingEmptySubsequences: false).count == report.rows.count + 3)
        }
    }

    @Test func tableOutputShowsTheTamperingAsVisiblePictures() throws {
        let events = try #require(try Self.reports().first { $0.0 == "events" }?.1)
        let table = TableRenderer.render(events)
        #expect(table.contains("Conference␛[2J␛[H␛]0;pwned␇␍FAKE␈␉␀␡\u{FFFD}31meviliso"))
    }

    /// Widths are measured on the sanitised text, so no line is wider than the rule under the
    /// header, and a line whose last column is right-aligned is exactly as wide.
    @Test func tableColumnsStillLineUp() throws {
        for (name, report) in try Self.reports() {
            let lines = TableRenderer.render(report).split(separator: "\n").map(String.init)
            let ruleWidth = DisplayWidth.of(lines[1])
            for line in lines {
                if report.columns.last?.alignment == .right {
                    #expect(DisplayWidth.of(line) == ruleWidth, "\(name): \(line)")
                } else {
                    #expect(DisplayWidth.of(line) <= ruleWidth, "\(name): \(line)")
                }
            }
        }
    }

    @Test func jsonOutputKeepsEveryValueExactly() throws {
        for (name, report) in try Self.reports() {
            for pretty in [true, false] {
                let text = JSONWriter(pretty: pretty).report(report)
                let parsed = try JSONParser.parse(Array(text.utf8))
                guard case .array(let rows) = parsed else {
                    Issue.record("\(name): not an array")
                    continue
                }
                #expect(rows.count == report.rows.count)
                for (row, values) in zip(rows, report.rows) {
                    for (column, value) in zip(report.columns, values) {
                        #expect(row[column.key] == Self.json(value), "\(name).\(column.key)")
                    }
                }
            }
        }
    }

    @Test func jsonOutputEscapesEveryControlBidiAndZeroWidthCharacter() throws {
        for (name, report) in try Self.reports() {
            let text = JSONWriter(pretty: true).report(report)
            #expect(Self.hazards(in: text, allowing: ["\n"]).isEmpty, "\(name)")
            #expect(Self.hazards(in: JSONWriter(pretty: false).report(report)).isEmpty, "\(name)")
        }
        #expect(JSONWriter.quote("a\u{1B}\u{202E}\u{200B}\u{FEFF}\u{2066}\u{9B}b")
                == #""a\u001b\u202e\u200b\ufeff\u2066\u009bb""#)
    }

    @Test func csvOutputKeepsEveryValueExactlyApartFromTheInjectionGuard() throws {
        for (name, report) in try Self.reports() {
            let records = try StrictCSV.records(CSVRenderer.render(report))
            #expect(records.count == report.rows.count + 1, "\(name)")
            #expect(records.first == report.columns.map(\.key))
            for (record, values) in zip(records.dropFirst(), report.rows) {
                #expect(record == values.map { Self.csvExpected($0.plain) }, "\(name)")
            }
        }
    }

    @Test(arguments: [
        ("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "\"'\r=1\""),
        ("plain", "plain"),
        ("a=b", "a=b"),
        ("", ""),
        ("Hà Nội, Việt Nam", "\"Hà Nội, Việt Nam\""),
        ("line\nbreak", "\"line\nbreak\""),
    ])
    func csvCellsThatCouldRunAsFormulasAreNeutralised(value: String, field: String) {
        #expect(CSVRenderer.field(value) == field)
    }

    // MARK: - Helpers

    static func json(_ value: ReportValue) -> JSONValue {
        switch value {
        case .text(let s): return .string(s)
        case .int(let n): return .number(String(n))
        case .list(let items): return .array(items.map(JSONValue.string))
        case .bool(let b): return .bool(b)
        case .null, .notRecorded: return .null
        }
    }

    static func csvExpected(_ plain: String) -> String {
        guard let first = plain.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return plain }
        return "'" + plain
    }
}
