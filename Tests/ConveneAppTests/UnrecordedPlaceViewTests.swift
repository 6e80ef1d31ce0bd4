import ConveneApp
import ConveneModel
import ConveneScreen
import Foundation
import Testing

/// The browser with places that are not recorded: the picker offers them, Summary counts
/// them in a row of their own, tables show an em dash and details say "not recorded".
@Suite struct UnrecordedPlaceViewTests {
    static let index: DirectoryIndex? = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/valid/unrecorded-places.json").path
        return try? DirectoryLoader.loadIndex(path: path)
    }()

    func state(width: Int = 80, height: Int = 24) throws -> AppState {
        AppState(index: try #require(Self.index), width: width, height: height)
    }

    func screen(_ s: AppState) -> String { ScreenRenderer.render(s).lines.joined(separator: "\n") }

    @Test func thePickerOffersNotRecordedLastWithItsCount() throws {
        let s = try state()
        let entries = s.pickerEntries(FilterPicker(facet: .country, draft: Filter()))
        #expect(entries.map(\.label) == ["Viet Nam", "Japan", "not recorded"])
        #expect(entries.map(\.count) == [2, 1, 2])
        #expect(entries.last?.key == NotRecorded.key)
    }

    @Test func choosingNotRecordedInThePickerFiltersEveryView() throws {
        var s = try state()
        s.type("c")
        s.type("not rec")
        s.press(.enter)
        #expect(s.filter.countries == [NotRecorded.key])
        #expect(s.summary.delegates == 2)
        #expect(s.message == "Country: not recorded")
        s.apply(.showView(.delegates))
        #expect(s.rows.count == 2)
        #expect(screen(s).contains("Country: not recorded"), "the title bar names the filter")
        s.apply(.showView(.events))
        #expect(s.rows.count == 1, "the online event, held in no recorded place")
    }

    @Test func thePickerTicksNotRecordedBesideACountry() throws {
        var s = try state()
        s.type("c")
        s.type("japan")
        s.press(.character(" "), .control("u"))
        s.type("not")
        s.press(.character(" "), .enter)
        #expect(s.filter.countries == ["JP", NotRecorded.key])
        #expect(s.summary.delegates == 3)
    }

    @Test func enterOnTheNotRecordedBarsListsThoseDelegates() throws {
        var s = try state()
        s.type("5")
        let bars = s.rows.enumerated().filter { if case .bar(_, let key) = $0.element { key == NotRecorded.key } else { false } }
        #expect(bars.count == 3, "country, city and field")
        var expected: [Int] = []
        for (row, _) in bars {
            var t = s
            t.position.selected = row
            t.press(.enter)
            #expect(t.view == .delegates)
            expected.append(t.rows.count)
        }
        #expect(expected == [2, 3, 3])
    }

    @Test func tablesShowAnEmDashAndDetailsSayNotRecorded() throws {
        var s = try state(width: 120, height: 30)
        s.type("3/alex")
        s.press(.enter)
        let text = screen(s)
        #expect(text.contains("Alex Doe"))
        #expect(text.contains("│ —"), "the City and Ctry cells")
        #expect(text.contains("From: not recorded"))
        var japan = try state(width: 120, height: 30)
        japan.type("3/美咲")
        japan.press(.enter)
        #expect(screen(japan).contains("From: Japan (city not recorded)"))
        s.type("x1")
        let events = screen(s)
        #expect(events.contains("Online meeting"))
    }

    @Test func summaryWithANotRecordedRowAt80x24() throws {
        var s = try state()
        s.type("5")
        Snapshot.assert(ScreenRenderer.render(s), named: "summary-not-recorded-80x24")
    }

    @Test func pickerWithANotRecordedEntryAt80x24() throws {
        var s = try state()
        s.type("c")
        s.press(.down, .down, .character(" "))
        Snapshot.assert(ScreenRenderer.render(s), named: "country-picker-not-recorded-80x24")
    }
}
