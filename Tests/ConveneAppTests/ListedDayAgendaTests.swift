import ConveneApp
import ConveneModel
import ConveneScreen
import Foundation
import Testing

/// Agenda groups a talk past midnight under the day its schedule lists it under (issue 13):
/// the 00:15 talk of a congress's first night is the last of day 1, not the first of day 2.
@Suite struct ListedDayAgendaTests {
    static let index: DirectoryIndex? = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/published/frab-congress.xml").path
        return try? DirectoryLoader.loadIndex(path: path)
    }()

    static func agendaLines() throws -> [String] {
        var s = AppState(index: try #require(Self.index), width: 140, height: 30)
        s.apply(.showView(.agenda))
        return ScreenRenderer.render(s).lines
    }

    @Test func aTalkAfterMidnightShowsUnderTheDayItIsListedUnder() throws {
        let lines = try Self.agendaLines()
        let late = try #require(lines.first { $0.contains("After Midnight") })
        #expect(late.contains("00:15"))
        #expect(!late.contains("│ 2025-12-28 │"), "no new day starts at the talk past midnight: \(late)")
        // Day 2 starts with its first morning talk; day 1 is shown once, on its first talk.
        let dayTwo = lines.filter { $0.contains("│ 2025-12-28 │") }
        #expect(dayTwo.count == 1 && dayTwo[0].contains("10:00–10:45"), "\(dayTwo)")
        #expect(lines.filter { $0.contains("│ 2025-12-27 │") }.count == 1)
    }

    @Test func inLocalTimeTheViewersOwnDateGroups() throws {
        // With `t` the times are the viewer's; the grouping follows their calendar, not the schedule's day.
        var s = AppState(index: try #require(Self.index), width: 140, height: 30)
        s.apply(.showView(.agenda))
        s.agenda.showsLocalTime = true
        s.agenda.localZone = "Europe/Berlin"
        let lines = ScreenRenderer.render(s).lines
        let late = try #require(lines.first { $0.contains("After Midnight") })
        #expect(late.contains("│ 2025-12-28 │"))
    }
}
