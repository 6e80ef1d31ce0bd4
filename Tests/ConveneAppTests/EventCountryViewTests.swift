import ConveneApp
import ConveneModel
import ConveneScreen
import Foundation
import Testing

/// The browser with an event whose country is known and whose city is not: the Events
/// table shows the country and an em dash, the detail names the country, and choosing
/// the country in the picker keeps the event in view (issue 13).
@Suite struct EventCountryViewTests {
    static let index: DirectoryIndex? = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/valid/event-country.json").path
        return try? DirectoryLoader.loadIndex(path: path)
    }()

    func state(width: Int = 160, height: Int = 30) throws -> AppState {
        AppState(index: try #require(Self.index), width: width, height: height)
    }

    func screen(_ s: AppState) -> String { ScreenRenderer.render(s).lines.joined(separator: "\n") }

    @Test func theEventsTableShowsTheCountryAndTheDetailSaysTheCityIsNotRecorded() throws {
        var s = try state()
        s.type("1/winter")
        s.press(.enter)
        let text = screen(s)
        let row = try #require(text.split(separator: "\n").first { $0.contains("Winter Congress") && $0.contains("2023-12-27") })
        #expect(row.contains("│ —"), "the City cell: \(row)")
        #expect(row.contains("DE"), "the Ctry cell: \(row)")
        #expect(text.contains("Where: Congress Centre, Germany (city not recorded)"), "\(text)")
    }

    @Test func choosingTheCountryInThePickerKeepsTheEventInView() throws {
        var s = try state()
        s.type("c")
        s.type("germ")
        s.press(.enter)
        #expect(s.filter.countries == ["DE"])
        s.apply(.showView(.events))
        #expect(s.rows.count == 1, "the congress, held in Germany in a city not recorded")
        #expect(s.summary.events == 1)
        // Asking for places not recorded: the online event, not the congress, whose country is known.
        var t = try state()
        t.type("c")
        t.type("not rec")
        t.press(.enter)
        t.apply(.showView(.events))
        #expect(t.rows.count == 1)
        #expect(screen(t).contains("Online meeting"))
    }
}
