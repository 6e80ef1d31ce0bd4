import Foundation
import Testing

/// Filtering by country, searching, and drilling from a count to the people behind it.
extension EndToEndTests {
    @Test func theCountryPickerFiltersEveryCountAndXClearsIt() async throws {
        let session = try TmuxSession(width: 120, height: 40)
        defer { session.end() }
        try await session.waitFor(Self.sampleStatus["1"]!)
        try session.send("5")
        try await session.waitFor(" 120 delegates · 8 countries · 22 cities · 15 events")

        try session.send("c")
        try await session.waitFor("Space ticks · ! excludes")
        try session.type("viet")
        let picker = try await session.waitFor("Country: viet")
        #expect(picker.contains("[ ] VN  Viet Nam"))
        #expect(!picker.contains("[ ] TH  Thailand"), "typing narrows the list")
        try session.send("Enter")
        let filtered = try await session.waitFor(" 100 delegates · 1 country · 5 cities")
        let lines = TmuxSession.rows(of: filtered)
        try #require(lines.count == 40)
        #expect(lines[0].hasSuffix("Country: Viet Nam"), "the title bar shows the filter")
        #expect(!filtered.contains("Thailand"), "the summary has only Viet Nam")
        #expect(filtered.contains("100  100.0%"))

        // Every view counts only Viet Nam now.
        let filteredStatus = ["1": "2 events · 100 delegates", "3": "100 delegates · 1 country",
                              "4": "5 cities · 1 country", "5": "100 delegates · 1 country · 5 cities"]
        for key in ["1", "3", "4", "5"] {
            try session.send(key)
            try await session.waitUntil("view \(key) counts Viet Nam only") {
                TmuxSession.row(39, of: $0).contains(filteredStatus[key]!)
            }
        }

        try session.send("x")
        let cleared = try await session.waitFor("Filters, focus and searches cleared")
        #expect(!cleared.split(separator: "\n").first!.contains("Country:"))
        #expect(cleared.contains(" 120 delegates · 8 countries · 22 cities · 15 events"))
        try session.send("3")
        try await session.waitFor(Self.sampleStatus["3"]!)
        try session.send("q")
        try expectTerminalRestored(session, try await session.waitForExit())
    }

    @Test func searchingHuongFindsPhamThiThanhHuongAndSelectingHerShowsHerDetails() async throws {
        let session = try TmuxSession(width: 120, height: 40)
        defer { session.end() }
        try await session.waitFor(Self.sampleStatus["1"]!)
        try session.send("3")
        try await session.waitFor(Self.sampleStatus["3"]!)
        try session.type("/huong")
        try await session.waitFor("Search Delegates: huong")
        try session.send("Enter")
        let found = try await session.waitFor("Search kept")
        var lines = TmuxSession.rows(of: found)
        try #require(lines.count == 40)
        #expect(!found.contains("Anucha Thongdee"), "the list narrows")
        let names = ["Phạm Thị Thanh Hương", "Đặng Thị Thu Hương", "Hoàng Mai Hương", "Võ Thị Ngọc Hương"]
        for name in names { #expect(found.contains(name + " "), "\(name) is listed") }
        try expectColumnBordersAligned(lines)

        // Walk the selection down to her; the detail pane follows.
        let row = try #require(lines.firstIndex { $0.hasPrefix("Phạm Thị Thanh Hương") })
        let firstRow = 3
        for _ in firstRow..<row { try session.send("j") }
        let selected = try await session.waitFor("Head of the Culture Division")
        lines = TmuxSession.rows(of: selected)
        try #require(lines.count == 40)
        let detail = try #require(DisplayColumns.column(of: "┌─ Details", in: lines[2]))
        let detailName = lines[3].split(separator: "│").last.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(detailName == "Phạm Thị Thanh Hương", "the detail pane starts with her name")
        #expect(selected.contains("Role: Head of the Culture Division"))
        #expect(DisplayColumns.column(of: "│ Role: Head", in: lines[4]) == detail)
        let styled = try session.lines(escapes: true)
        // The selected row is drawn in reverse video: tmux starts its line with SGR 7.
        let reversed = styled.indices.filter { styled[$0].hasPrefix("\u{1b}[7m") }
        #expect(reversed == [row], "her row, and only hers, is selected")

        try session.send("q")
        try expectTerminalRestored(session, try await session.waitForExit())
    }

    /// Vietnamese (with stacked diacritics), Thai (with combining vowels) and CJK
    /// (double width) names in one screen: every row's borders line up with the header's.
    @Test func vietnameseThaiAndCJKRowsKeepTheColumnBordersAligned() async throws {
        let session = try TmuxSession(width: 120, height: 40)
        defer { session.end() }
        try await session.waitFor(Self.sampleStatus["1"]!)
        try session.send("3")
        try await session.waitFor(Self.sampleStatus["3"]!)
        // The last row is the one for the unlisted delegates; the last named person is just above it.
        try session.send("G")
        try await session.waitFor("These delegates asked not to be named")
        try session.send("k")
        let bottom = try await session.waitFor("│ 陈慧玲")
        for name in ["中村 陽子", "田中 美咲", "ณัฐพล ศรีสุข", "Vũ Thị Hồng Nhung"] {
            #expect(bottom.contains(name), "\(name) is in view")
        }
        try expectColumnBordersAligned(TmuxSession.rows(of: bottom))

        // The narrow layout (detail below the list) truncates differently: check it too.
        try session.resize(width: 80, height: 24)
        let narrow = try await session.waitUntil("the 80×24 layout") {
            let rows = TmuxSession.rows(of: $0)
            return rows.count == 24 && rows[2].hasPrefix("Name") && rows[15].hasPrefix("┌─ Details")
                && rows[16].contains("陈慧玲")
        }
        try expectColumnBordersAligned(TmuxSession.rows(of: narrow))
        try session.send("q")
        _ = try await session.waitForExit()
    }

    @Test func enterOnASummaryCountryBarOpensThatCountrysDelegates() async throws {
        let session = try TmuxSession(width: 120, height: 40)
        defer { session.end() }
        try await session.waitFor(Self.sampleStatus["1"]!)
        try session.send("5")
        let summary = try await session.waitFor(" By country")
        let lines = TmuxSession.rows(of: summary)
        try #require(lines.count == 40)
        let heading = try #require(lines.firstIndex(of: " By country"))
        // The second bar: its label, and its count (the number before the share).
        let bar = lines[heading + 2]
        let country = try #require(bar.split(separator: "█").first?.trimmingCharacters(in: .whitespaces))
        let words = bar.split(separator: " ")
        let count = try #require(Int(words[words.count - 2]), "no count in '\(bar)'")
        #expect(count > 1)

        try session.send("Down")
        try await session.waitUntil("the second bar is selected") { _ in
            ((try? session.lines(escapes: true)) ?? []).contains {
                $0.hasPrefix("  \u{1b}[7m") && $0.contains(country)
            }
        }
        try session.send("Enter")
        let opened = try await session.waitFor("Showing the delegates behind that count")
        let rows = TmuxSession.rows(of: opened)
        try #require(rows.count == 40)
        #expect(rows[0].hasSuffix("Country: \(country)"), "the country is now the filter")
        #expect(rows[2].hasPrefix("Name"), "the Delegates view is open")
        let listed = rows[3..<39].filter { !$0.isEmpty && !$0.hasPrefix(" ") }
        #expect(listed.count == count, "one row per delegate behind the bar: \(listed)")

        try session.send("j")  // the next key clears the message and shows the counts
        try await session.waitFor(" \(count) delegates · 1 country ")
        try session.send("q")
        _ = try await session.waitForExit()
    }
}

/// Checks that every list row puts its `│` borders in the same display columns
/// as the header row, up to the detail pane (or the whole width when it is below).
func expectColumnBordersAligned(_ lines: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
    let header = 2
    let paneColumn = DisplayColumns.column(of: "┌─ Details", in: lines[header])
    func borders(_ line: String) -> [Int] {
        DisplayColumns.columns(of: "│", in: line).filter { paneColumn == nil || $0 < paneColumn! }
    }
    let expected = borders(lines[header])
    #expect(expected.count >= 3, "the header has column borders: \(lines[header])", sourceLocation: sourceLocation)
    var checked = 0
    for line in lines.dropFirst(header + 1) {
        if line.hasPrefix("┌─ Details") || line.hasPrefix(" ") { break }  // the pane below, or the status line
        if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("│") { continue }
        checked += 1
        #expect(borders(line) == expected, "misaligned row: \(line)\nheader: \(lines[header])",
                sourceLocation: sourceLocation)
        if let paneColumn {
            let edge = DisplayColumns.columns(of: "│", in: line) + DisplayColumns.columns(of: "└", in: line)
            #expect(edge.contains(paneColumn), "the detail pane's border moved in: \(line)",
                    sourceLocation: sourceLocation)
        }
    }
    #expect(checked > 0, "no list rows were checked", sourceLocation: sourceLocation)
}
