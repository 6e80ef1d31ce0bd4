import ConveneApp
import Foundation
import ConveneModel
import ConveneScreen
import Testing

@Suite struct ReducerTests {
    func selectedName(_ s: AppState) -> String? {
        guard case .delegate(let i)? = s.selectedRow else { return nil }
        return s.index.directory.delegates[i].name
    }

    @Test func digitsTabAndShiftTabSwitchViews() {
        var s = Sample.state()
        s.type("3")
        #expect(s.view == .delegates)
        s.press(.tab)
        #expect(s.view == .cities)
        s.press(.backTab, .backTab)
        #expect(s.view == .agenda)
        s.press(.backTab, .backTab)
        #expect(s.view == .map, "Shift-Tab wraps around")
    }

    @Test func countryFilterChangesTheCountsInEveryView() {
        var s = Sample.state()
        let before = ViewID.allCases.map { v -> Int in s.apply(.showView(v)); return s.rows.count }
        let delegatesBefore = s.summary.delegates
        s.type("c")
        s.type("viet")
        s.press(.enter)
        #expect(s.filter.countries == ["VN"])
        #expect(s.summary.delegates == 100)
        #expect(s.summary.delegates < delegatesBefore)
        s.apply(.showView(.delegates))
        #expect(s.rows.count == 99, "98 listed Vietnamese delegates and one row for the 2 unlisted")
        s.apply(.showView(.cities))
        #expect(s.rows.allSatisfy { if case .city(let i) = $0 { s.index.directory.cities[i].country == "VN" } else { false } })
        s.apply(.showView(.events))
        #expect(s.rows.count < before[0], "events without Vietnamese delegates or venue drop out")
        s.type("x")
        #expect(s.filter.isEmpty)
        #expect(s.summary.delegates == delegatesBefore)
    }

    @Test func pickerTicksSeveralCountriesWithSpace() {
        var s = Sample.state()
        s.type("c")
        s.type("thai")
        s.press(.character(" "), .control("u"))
        s.type("japan")
        s.press(.character(" "), .enter)
        #expect(s.filter.countries == ["TH", "JP"])
        #expect(s.summary.delegates == 8)
    }

    @Test func pickerEscapeCancels() {
        var s = Sample.state()
        s.type("c")
        s.press(.down, .enter)
        let applied = s.filter.countries
        s.type("c")
        s.press(.down, .down, .character(" "), .escape)
        #expect(s.filter.countries == applied)
        #expect(s.overlay == nil)
    }

    @Test func searchNarrowsIgnoringCaseAndAccentsAndEscDropsIt() {
        var s = Sample.state()
        s.type("3/HUONG")
        #expect(s.isEditingSearch)
        #expect(s.rows.count > 1)
        #expect(s.rows.count < 120)
        let names = s.rows.compactMap { row -> String? in
            if case .delegate(let i) = row { return s.index.directory.delegates[i].name } else { return nil }
        }
        #expect(names.contains("Phạm Thị Thanh Hương"))
        s.press(.escape)
        #expect(!s.isEditingSearch)
        #expect(s.rows.count == 118, "117 listed and one row for the 3 unlisted")
    }

    @Test func dangFindsĐặng() {
        var s = Sample.state()
        s.type("3/dang")
        #expect(!s.rows.isEmpty)
        #expect(selectedName(s)?.hasPrefix("Đặng") == true || selectedName(s)?.contains("Đặng") == true)
    }

    @Test func enterKeepsTheSearchAndEscLaterClearsIt() {
        var s = Sample.state()
        s.type("3/thanh huong")
        s.press(.enter)
        #expect(!s.isEditingSearch)
        #expect(selectedName(s) == "Phạm Thị Thanh Hương")
        s.press(.down)
        s.press(.escape)
        #expect(s.search.isEmpty)
        #expect(s.rows.count == 118)
        #expect(selectedName(s) == "Phạm Thị Thanh Hương", "the selection survives dropping the search")
    }

    @Test func searchIsPerView() {
        var s = Sample.state()
        s.type("3/huong")
        s.press(.enter)
        s.type("4")
        #expect(s.search.isEmpty)
        s.type("3")
        #expect(s.search == "huong")
    }

    @Test func drillFromASummaryCountryBarToItsDelegates() {
        var s = Sample.state()
        s.type("5")
        #expect(s.selectedRow == .bar(.country, key: "VN"), "the first bar is the largest country")
        s.press(.down)
        guard case .bar(.country, let code)? = s.selectedRow else {
            Issue.record("expected a country bar")
            return
        }
        let expected = s.summary.byCountry.first { $0.key == code }?.count
        s.press(.enter)
        #expect(s.view == .delegates)
        #expect(s.filter.countries == [code])
        #expect(s.rows.count == expected)
    }

    @Test func drillFromACityBar() {
        var s = Sample.state()
        s.type("5/hoi an")
        s.press(.enter)
        #expect(s.selectedRow == .bar(.city, key: "hoi-an"))
        s.press(.enter)
        #expect(s.view == .delegates)
        #expect(s.filter.city == "hoi-an")
        #expect(s.rows.count == 5)
    }

    @Test func summaryNextMatchWraps() {
        var s = Sample.state()
        s.type("5/an")
        s.press(.enter)
        let first = s.position.selected
        s.type("n")
        #expect(s.position.selected != first)
        s.type("N")
        #expect(s.position.selected == first)
    }

    @Test func enterOnAnEventFocusesAgendaAndDelegates() {
        var s = Sample.state()
        let hanoi = s.rows.firstIndex { if case .event(let i) = $0 { s.index.directory.events[i].id == "hanoi-2023" } else { false } }
        s.position.selected = hanoi ?? 0
        s.press(.enter)
        #expect(s.filter.event == "hanoi-2023")
        #expect(s.view == .agenda)
        #expect(s.rows.count == 12)
        s.type("3")
        #expect(s.rows.count == 118, "all 120 attend; 3 of them are unlisted, one row")
        s.press(.escape)
        #expect(s.filter.event == nil)
    }

    @Test func enterOnASessionOpensItsSpeakersWhoCanBeOpened() {
        var s = Sample.state()
        s.type("2")
        let withSpeakers = s.rows.firstIndex {
            if case let .session(e, i) = $0 { return !s.index.directory.events[e].sessions[i].speakers.isEmpty }
            return false
        }
        s.position.selected = withSpeakers ?? 0
        s.press(.enter)
        guard case let .session(e, i, _, _)? = s.overlay else {
            Issue.record("no session panel")
            return
        }
        let speaker = s.index.directory.events[e].sessions[i].speakers[0]
        s.press(.enter)
        #expect(s.view == .delegates)
        guard case .delegate(let d, _)? = s.overlay else {
            Issue.record("no delegate panel")
            return
        }
        #expect(s.index.directory.delegates[d].id == speaker)
        #expect(s.selectedRow == .delegate(d))
    }

    @Test func enterOnACityListsItsDelegates() {
        var s = Sample.state()
        s.type("4/kanazawa")
        s.press(.enter, .enter)
        #expect(s.view == .delegates)
        #expect(s.filter.city == "kanazawa")
        #expect(s.rows.count == 1)
    }

    @Test func sortCyclesAndReverses() {
        var s = Sample.state()
        s.type("3")
        s.type("s")
        #expect(s.sort.column == 1)
        func countries() -> [String] {
            s.rows.compactMap { if case .delegate(let i) = $0 { s.index.countryName(s.index.directory.delegates[i].country) } else { nil } }
        }
        #expect(countries() == countries().sorted())
        s.type("S")
        #expect(s.sort.descending)
        #expect(countries() == countries().sorted(by: >))
    }

    @Test func countColumnsSortLargestFirstWithTiesStillAToZ() {
        var s = Sample.state()
        s.type("4ssss")
        #expect(s.sort.column == 4 && s.sort.descending)
        let rows = s.rows.compactMap { row -> (Int, String)? in
            guard case .city(let i) = row else { return nil }
            let c = s.index.directory.cities[i]
            return (s.cityCounts[c.id] ?? 0, c.name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil))
        }
        #expect(rows.first?.1 == "hanoi")
        for (a, b) in zip(rows, rows.dropFirst()) {
            #expect(a.0 > b.0 || (a.0 == b.0 && a.1 <= b.1), "\(a) before \(b)")
        }
        #expect(s.message == "Sorted by delegates, largest first")
    }

    @Test func navigationKeysStayInBounds() {
        var s = Sample.state()
        s.type("3")
        s.press(.up, .up)
        #expect(s.position.selected == 0)
        // 117 listed delegates and the unlisted row.
        s.press(.end)
        #expect(s.position.selected == 117)
        s.press(.down)
        #expect(s.position.selected == 117)
        #expect(s.position.offset + Layout(width: 80, height: 24, view: .delegates).visibleRows > 117)
        s.press(.home, .pageDown)
        #expect(s.position.selected > 0)
        s.type("G")
        #expect(s.position.selected == 117)
        s.type("g")
        #expect(s.position.selected == 0)
    }

    @Test func summarySelectionSkipsHeadings() {
        var s = Sample.state()
        s.type("5")
        for _ in 0..<40 {
            s.press(.down)
            #expect(s.selectedRow?.isSelectable == true)
        }
    }

    @Test func mouseClicksTabsAndRowsAndTheWheelScrolls() {
        var s = Sample.state(width: 80, height: 24)
        s.handle(.mouse(MouseEvent(kind: .click, row: 1, column: 25)))
        #expect(s.view == .delegates)
        s.handle(.mouse(MouseEvent(kind: .click, row: 5, column: 3)))
        #expect(s.position.selected == 2)
        s.handle(.mouse(MouseEvent(kind: .wheelDown, row: 5, column: 3)))
        #expect(s.position.selected == 5)
    }

    @Test func resizeKeepsTheSelectionVisible() {
        var s = Sample.state(width: 120, height: 40)
        s.type("3G")
        s.handle(.resize(width: 60, height: 12))
        let visible = Layout(width: 60, height: 12, view: .delegates).visibleRows
        #expect(s.position.selected >= s.position.offset)
        #expect(s.position.selected < s.position.offset + visible)
    }

    @Test func helpOpensAndClosesAndQIsQuit() {
        var s = Sample.state()
        s.type("?")
        #expect(s.overlay == .help(offset: 0))
        #expect(s.type("q") == [], "q closes the help")
        #expect(s.overlay == nil)
        #expect(s.type("q") == [.quit])
    }

    @Test func everyBindingIsReachableFromItsKeys() {
        for binding in KeyBindings.all {
            for key in binding.keys {
                #expect(KeyBindings.action(for: key) == binding.action, "\(key) is bound twice")
            }
        }
    }
}
