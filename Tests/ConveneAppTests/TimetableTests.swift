import ConveneApp
import ConveneModel
import ConveneScreen
import Foundation
import Testing

/// The Timetable (issue 15): rooms as columns, time down, one conference day at a time.
///
/// On the bundled sample and on `published/timetable-congress.xml` (scripts/congress-fixture:
/// 20 rooms over three days, talks after midnight listed under the evening before, two sessions
/// at once in one room, a 5-minute lightning talk, a 10-hour workshop, Vietnamese, Thai and CJK titles).
@Suite struct TimetableTests {
    static let congress: DirectoryIndex? = try? DirectoryLoader.loadIndex(path: Fixtures.path("published/timetable-congress.xml"))

    static func congressState(width: Int = 120, height: Int = 40) throws -> AppState {
        var state = AppState(index: try #require(congress), width: width, height: height)
        state.apply(.showView(.timetable))
        return state
    }

    static func text(_ state: AppState) -> String { ScreenRenderer.render(state).lines.joined(separator: "\n") }

    /// The selected session, its room and its start as the schedule writes it.
    static func selected(_ state: AppState) throws -> Session {
        guard case let .session(e, s)? = state.selectedRow else { throw Failure("nothing selected") }
        return state.index.directory.events[e].sessions[s]
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    // MARK: Snapshots

    @Test(arguments: [(80, 24), (120, 40), (200, 60), (40, 10)])
    func theCongressRendersAtEverySize(width: Int, height: Int) throws {
        let state = try Self.congressState(width: width, height: height)
        Snapshot.assert(ScreenRenderer.render(state), named: "timetable-congress-\(width)x\(height)")
    }

    @Test func theSampleRendersAt200x60() {
        var state = Sample.state(width: 200, height: 60)
        state.apply(.showView(.timetable))
        Snapshot.assert(ScreenRenderer.render(state), named: "timetable-200x60")
    }

    @Test func theFirstNightAfterMidnightWithOverlapsAndScriptsRendersAt120x40() throws {
        var state = try Self.congressState(width: 120, height: 40)
        // Saal GLITCH holds the double-booked slot; Saal ZIGZAG the Vietnamese, Thai and CJK titles.
        state.press(.right, .down, .down)
        Snapshot.assert(ScreenRenderer.render(state), named: "timetable-congress-overlap-120x40")
        state.press(.right, .up, .up)
        Snapshot.assert(ScreenRenderer.render(state), named: "timetable-congress-scripts-120x40")
        state.press(.left, .left, .end)
        Snapshot.assert(ScreenRenderer.render(state), named: "timetable-congress-after-midnight-120x40")
    }

    // MARK: Days

    @Test func itOpensOnTheFirstDayAndTheBracketsChangeDays() throws {
        var state = try Self.congressState()
        #expect(Self.text(state).contains("Day 1 · Wed 27 Dec 2023"))
        #expect(ScreenRenderer.render(state).lines.last?.contains("Day 1 of 3") == true)
        state.type("]")
        #expect(Self.text(state).contains("Day 2 · Thu 28 Dec 2023"))
        #expect(state.message == "Day 2 · Thu 28 Dec 2023")
        state.type("]]")
        #expect(Self.text(state).contains("Day 3 · Fri 29 Dec 2023"))
        #expect(state.message == "The last day")
        state.type("[[[")
        #expect(Self.text(state).contains("Day 1 · Wed 27 Dec 2023"))
        #expect(state.message == "The first day")
    }

    @Test func aTalkAfterMidnightBelongsToTheDayItIsListedUnder() throws {
        var state = try Self.congressState()
        let dayOne = state.rows.map { state.index.session(SessionRef(row: $0)) }
        let late = dayOne.filter { $0.start.components().date == "2023-12-28" }
        #expect(!late.isEmpty, "day 1 holds the talks of its night")
        #expect(late.allSatisfy { $0.start.components().hour < 4 })
        state.type("]")
        let dayTwo = state.rows.map { state.index.session(SessionRef(row: $0)) }
        #expect(dayTwo.allSatisfy { $0.start.components().date == "2023-12-28" || $0.start.components().hour < 4 })
        #expect(Set(dayTwo.map(\.id)).isDisjoint(with: Set(late.map(\.id))))
    }

    @Test func theDayOfNowIsShownFirstWithTheNowLine() throws {
        var state = AppState(index: try #require(Self.congress), width: 120, height: 40)
        state.setNow(try #require(Timestamp(iso8601: "2023-12-28T11:02:00+01:00")))
        state.apply(.showView(.timetable))
        let lines = ScreenRenderer.render(state).lines
        #expect(lines.joined().contains("Day 2 · Thu 28 Dec 2023"))
        let now = try #require(lines.first { $0.hasPrefix("11:02") && $0.contains("─") }, "a now line at 11:02")
        #expect(now.contains("───"))
    }

    // MARK: Moving between blocks

    @Test func upAndDownStayInTheRoom() throws {
        var state = try Self.congressState()
        let first = try Self.selected(state)
        state.press(.down)
        let second = try Self.selected(state)
        #expect(second.room == first.room && second.start > first.start)
        state.press(.up)
        #expect(try Self.selected(state).id == first.id)
        state.press(.up)
        #expect(try Self.selected(state).id == first.id, "the first block of a room stays selected")
        state.press(.end)
        let last = try Self.selected(state)
        #expect(last.room == first.room)
        state.press(.down)
        #expect(try Self.selected(state).id == last.id)
    }

    @Test func leftAndRightGoToTheNearestBlockInTheNextRoom() throws {
        var state = try Self.congressState()
        state.press(.down, .down)
        let from = try Self.selected(state)
        state.press(.right)
        let to = try Self.selected(state)
        #expect(to.room != from.room)
        // Running at the start of the block left, or else the nearest start in that room.
        let sameRoom = state.rows.map { state.index.session(SessionRef(row: $0)) }.filter { $0.room == to.room }
        let best = sameRoom.map { s -> Int64 in
            s.start <= from.start && from.start < s.end ? 0
                : min(abs(s.start.seconds - from.start.seconds), abs(s.end.seconds - 60 - from.start.seconds))
        }.min()
        let mine: Int64 = to.start <= from.start && from.start < to.end ? 0
            : min(abs(to.start.seconds - from.start.seconds), abs(to.end.seconds - 60 - from.start.seconds))
        #expect(mine == best)
        state.press(.left)
        #expect(try Self.selected(state).room == from.room)
        state.type("h")
        state.press(.left)
        #expect(state.message == "The first room")
    }

    @Test func movingRightScrollsTheRoomsAndKeepsTheHeadersPinned() throws {
        var state = try Self.congressState(width: 80, height: 24)
        for _ in 0..<19 { state.press(.right) }
        let room = try #require(try Self.selected(state).room)
        let lines = ScreenRenderer.render(state).lines
        #expect(lines[3].contains(String(room.prefix(10))), "the room header shows: \(lines[3])")
        #expect(lines[2].contains("Day 1 · Wed 27 Dec 2023"))
        #expect(lines[2].contains("of 20"), "says which rooms show: \(lines[2])")
        #expect(state.message == nil)
        state.press(.right)
        #expect(state.message == "The last room")
    }

    @Test func downScrollsTheTimeWithTheTimeColumnPinned() throws {
        var state = try Self.congressState(width: 80, height: 24)
        state.press(.end)
        let last = try Self.selected(state)
        let lines = ScreenRenderer.render(state).lines
        #expect(lines.contains { $0.contains(last.start.components().time) }, "the last block shows")
        #expect(lines[3].contains("▲"), "the header says there is more above")
        let times = lines.dropFirst(4).dropLast().filter { $0.range(of: #"^\d\d:\d\d"#, options: .regularExpression) != nil }
        #expect(!times.isEmpty, "the time column stays")
    }

    @Test func twoSessionsAtOnceInOneRoomBothShow() throws {
        var state = try Self.congressState(width: 120, height: 40)
        state.press(.right)
        #expect(try Self.selected(state).room == "Saal GLITCH")
        state.press(.down, .down)
        let a = try Self.selected(state)
        let text = Self.text(state)
        #expect(text.contains(String(a.title.prefix(5))) && text.contains("Double"), "both show side by side")
        state.press(.down)
        let b = try Self.selected(state)
        #expect(b.title.hasPrefix("Double-booked"))
        #expect(a.room == b.room && a.start < b.end && b.start < a.end, "down reaches both overlapping sessions")
    }

    @Test func aClickSelectsTheBlockUnderItAndTheWheelMovesInTheRoom() throws {
        var state = try Self.congressState(width: 120, height: 40)
        let lines = ScreenRenderer.render(state).lines
        let row = try #require(lines.firstIndex { $0.contains("Workshop: ten") })
        let line = lines[row]
        let column = line.distance(from: line.startIndex, to: try #require(line.range(of: "Workshop: ten")).lowerBound)
        state.handle(.mouse(MouseEvent(kind: .click, row: row, column: column + 2)))
        #expect(try Self.selected(state).title.hasPrefix("Soldering Workshop"))
        state.handle(.mouse(MouseEvent(kind: .click, row: row, column: 2)))
        #expect(try Self.selected(state).title.hasPrefix("Soldering Workshop"), "a click on the time column changes nothing")
        state.press(.left, .left)
        let before = try Self.selected(state)
        state.handle(.mouse(MouseEvent(kind: .wheelDown, row: row, column: column)))
        let after = try Self.selected(state)
        #expect(after.room == before.room && after.start > before.start)
    }

    @Test func dotGoesToNowOnTodaysDay() throws {
        var state = try Self.congressState()
        state.setNow(try #require(Timestamp(iso8601: "2023-12-28T11:02:00+01:00")))
        state.type(".")
        #expect(Self.text(state).contains("Day 2 · Thu 28 Dec 2023"))
        let now = try #require(Timestamp(iso8601: "2023-12-28T11:02:00+01:00"))
        let selected = try Self.selected(state)
        #expect(selected.room == "Saal 1" && selected.end > now, "the session on now or next in the same room")
        let earlier = state.rows.map { state.index.session(SessionRef(row: $0)) }
            .filter { $0.room == "Saal 1" && $0.end > now && $0.start < selected.start }
        #expect(earlier.isEmpty)
    }

    @Test func tSaysTheTimetableKeepsEventTime() throws {
        var state = try Self.congressState()
        state.type("t")
        #expect(state.agenda.showsLocalTime)
        #expect(state.message?.hasSuffix("in the Agenda; the Timetable keeps each event's time") == true)
    }

    @Test func enterOpensTheSessionPanel() throws {
        var state = try Self.congressState()
        let session = try Self.selected(state)
        state.press(.enter)
        #expect(state.mode == .sessionPanel)
        #expect(Self.text(state).contains(session.title))
        state.press(.escape)
        #expect(state.mode == .timetable)
    }

    @Test func spaceStarsTheSelectedBlock() throws {
        var state = try Self.congressState()
        let session = try Self.selected(state)
        #expect(state.type(" ") == [.save])
        #expect(state.agenda.stars.contains(session.id))
        #expect(Self.text(state).contains("★ " + session.start.components().time))
    }

    @Test func aSearchNarrowsTheColumnsLikeAFilterWould() throws {
        var state = try Self.congressState()
        state.type("/lightning")
        state.press(.enter, .down)
        let lines = ScreenRenderer.render(state).lines
        #expect(lines[3].contains("Lightning Stage"))
        #expect(!lines[3].contains("Saal 1"), "rooms with nothing left are hidden")
        #expect(lines.last?.contains("6 sessions · 1 room") == true, "\(lines.last ?? "")")
    }

    @Test func theFiveMinuteTalkGetsARowAndTheTenHourWorkshopSpansTheDay() throws {
        var state = try Self.congressState(width: 200, height: 60)
        #expect(Self.text(state).contains("Soldering"))
        state.press(.right, .right, .right, .right)
        #expect(try Self.selected(state).room == "Lightning Stage")
        let lines = ScreenRenderer.render(state).lines
        // Six talks of five minutes, one after another: each a row of its own, on consecutive rows.
        let rows = lines.indices.dropFirst(4).filter { lines[$0].contains("Lightnin") }
        #expect(rows.count == 6 && rows.last == rows.first.map { $0 + 5 }, "\(rows)")
        // A one-row block shows the start of its title; the header has the selected one in full.
        #expect(lines[2].contains("17:00–17:05 Lightning talk 1: Firmware in five minutes · Lightning Stage"), "\(lines[2])")
        state.press(.down)
        #expect(ScreenRenderer.render(state).lines[2].contains("Lightning talk 2:"))
        state.press(.right)
        let workshop = try Self.selected(state)
        #expect(workshop.title.hasPrefix("Soldering Workshop"))
        #expect(workshop.end.seconds - workshop.start.seconds == 10 * 3600)
        #expect(ScreenRenderer.render(state).lines[2].contains("10:00–20:00 Soldering Workshop"))
    }

    @Test(arguments: [(40, 10), (41, 11), (60, 15), (300, 100), (0, 0)])
    func everySizeRendersWithoutCrashing(width: Int, height: Int) throws {
        var state = try Self.congressState(width: width, height: height)
        for key in [Key.right, .down, .character("]"), .end, .right, .pageDown, .pageUp, .home] {
            state.press(key)
            let grid = ScreenRenderer.render(state)
            #expect(grid.width == width && grid.height == height)
        }
    }
}

extension SessionRef {
    /// The session a Timetable row shows.
    init(row: RowRef) {
        if case let .session(e, s) = row { self.init(event: e, session: s) } else { self.init(event: 0, session: 0) }
    }
}
