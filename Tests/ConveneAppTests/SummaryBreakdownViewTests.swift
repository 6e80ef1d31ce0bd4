import ConveneApp
import ConveneModel
import ConveneScreen
import Testing

/// `b` in Summary cycles the breakdown; Enter on a bar lists the delegates behind it;
/// a focused event shows its host line (here and in the Events detail).
@Suite struct SummaryBreakdownViewTests {
    func screen(_ s: AppState) -> String { ScreenRenderer.render(s).lines.joined(separator: "\n") }

    func summary(width: Int = 120, height: Int = 40) -> AppState {
        var s = Sample.state(width: width, height: height)
        s.apply(.showView(.summary))
        return s
    }

    @Test func bCyclesEveryBreakdownAndBackToCountry() {
        var s = summary()
        #expect(s.summaryBreakdown == .country)
        var seen: [DelegateBreakdown] = []
        for _ in DelegateBreakdown.allCases {
            s.type("b")
            seen.append(s.summaryBreakdown)
            #expect(s.breakdown.reduce(0) { $0 + $1.count } == s.summary.delegates, "\(s.summaryBreakdown)")
        }
        #expect(seen.last == .country)
        #expect(Set(seen) == Set(DelegateBreakdown.allCases))
    }

    @Test func regionBarsShowAndAddUp() {
        var s = summary()
        s.type("b")
        #expect(s.summaryBreakdown == .region)
        let text = screen(s)
        #expect(text.contains("By region"))
        #expect(text.contains("ASEAN"))
        #expect(text.contains("East Asia"))
    }

    @Test func enterOnARoleBarListsThoseDelegates() throws {
        var s = summary()
        while s.summaryBreakdown != .role { s.type("b") }
        let bar = try #require(s.selectedRow)
        guard case let .bar(group, key) = bar else { Issue.record("first row is not a bar: \(bar)"); return }
        #expect(group == .role)
        let count = try #require(s.breakdown.first { $0.key == key }?.count)
        s.press(.enter)
        #expect(s.view == .delegates)
        #expect(s.filter.breakdownValue == BreakdownValue(.role, key))
        #expect(s.summary.delegates == count, "the Delegates view counts exactly that bar's people")
        s.type("x")
        #expect(s.filter.breakdownValue == nil)
    }

    @Test func enterOnTheMembershipNotRecordedBarListsHuesDelegates() throws {
        var s = summary()
        while s.summaryBreakdown != .member { s.type("b") }
        let text = screen(s)
        #expect(text.contains("Membership not recorded"))
        #expect(!text.lowercased().contains("not a network member"))
        let i = try #require(s.rows.firstIndex(of: .bar(.member, key: NetworkMembership.cityNotRecorded)))
        var p = s.position
        p.selected = i
        s.position = p
        s.press(.enter)
        #expect(s.view == .delegates)
        #expect(s.summary.delegates == 2)
        #expect(s.summary.byCity.map(\.key) == ["hue"])
    }

    @Test func theFieldBarOfCitiesWithoutAFieldSaysNotRecorded() {
        let text = screen(summary(height: 60))
        #expect(text.contains(Summary.noFieldLabel))
        #expect(!text.lowercased().contains("not a network member"))
    }

    @Test func aFocusedEventShowsItsHostLineInSummaryAndInTheEventsDetail() {
        var s = summary()
        s.filter.event = "hanoi-2023"
        s.refresh()
        let text = screen(s)
        #expect(text.contains("120 delegates · 100 from the host country (Viet Nam) · 20 from 7 other countries"))
        #expect(text.contains("From elsewhere: Thailand 5"))
        var e = Sample.state(width: 160, height: 50)
        e.apply(.showView(.events))
        while let row = e.selectedRow, case .event(let i) = row, e.index.directory.events[i].id != "hanoi-2023" {
            e.apply(.moveDown)
        }
        let detail = screen(e)
        #expect(detail.contains("From where: 120 delegates · 100 from the host country (Viet"), "wrapped in the pane")
        #expect(detail.contains("20 from 7 other countries"))
        #expect(detail.contains("Visitors: Thailand 5, Indonesia 4"))
    }

    @Test func bSnapshotByOrganisationKind() {
        var s = summary(width: 100, height: 30)
        while s.summaryBreakdown != .kind { s.type("b") }
        Snapshot.assert(ScreenRenderer.render(s), named: "summary-by-kind-100x30")
    }
}

extension SummaryBreakdownViewTests {
    /// The per-event trend: listed delegates as bars scaled to the largest event, reported beside.
    @Test func perEventLinesDrawTheListedAsBars() throws {
        let s = summary(width: 120, height: 60)
        let lines = ScreenRenderer.render(s).lines
        let hanoi = try #require(lines.first { $0.contains("2023-11-18 UNESCO ASEAN") })
        let festival = try #require(lines.first { $0.contains("2023-11-17 Hanoi Creative Design") })
        let empty = try #require(lines.first { $0.contains("UCCN Annual Conference VIII") })
        func blocks(_ line: String) -> Int { line.unicodeScalars.filter { (0x2588...0x258F).contains($0.value) }.count }
        #expect(hanoi.contains("120 / 120"))
        #expect(festival.contains("33 / –"))
        #expect(blocks(hanoi) > blocks(festival), "120 listed draws a longer bar than 33")
        #expect(blocks(festival) > 0)
        #expect(blocks(empty) == 0, "no one listed: no bar")
    }
}
