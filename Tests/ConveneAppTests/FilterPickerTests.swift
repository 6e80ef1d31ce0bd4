import ConveneApp
import ConveneModel
import ConveneScreen
import Testing

/// The filter picker (issue 15: facets for sessions; issue 16: excluding a value) and the title
/// bar that shows the filters, on the invented congress (two days, rooms Saal 1 and Saal GLITCH,
/// tracks CCC, Science and Security, languages en and de).
@Suite struct FilterPickerTests {
    static let index: DirectoryIndex? = try? DirectoryLoader.loadIndex(path: Fixtures.path("published/frab-congress.xml"))

    func state(width: Int = 80, height: Int = 24) throws -> AppState {
        AppState(index: try #require(Self.index), width: width, height: height)
    }

    func picker(_ s: AppState) throws -> FilterPicker {
        guard case .filterPicker(let p)? = s.overlay else { throw PickerClosed() }
        return p
    }
    struct PickerClosed: Error {}

    func titles(_ s: AppState) -> [String] {
        s.rows.compactMap { if case .session(let e, let i) = $0 { s.index.directory.events[e].sessions[i].title } else { nil } }
    }

    @Test func fOpensTheSessionFacetsAndTabMovesBetweenThem() throws {
        var s = try state()
        s.type("f")
        #expect(try picker(s).facet == .session(.day))
        #expect(s.offeredFacets == FilterFacet.all, "the congress records every facet")
        s.press(.tab)
        #expect(try picker(s).facet == .session(.track))
        s.press(.backTab, .backTab)
        #expect(try picker(s).facet == .country)
        s.press(.left)
        #expect(try picker(s).facet == .session(.language), "Tab wraps around")
    }

    @Test func spaceTicksSeveralValuesAndEnterAppliesThemEverywhere() throws {
        var s = try state()
        s.type("2f")
        s.press(.tab)   // Track: CCC, Science, Security (source order)
        #expect(s.pickerEntries(try picker(s)).map(\.label) == ["CCC", "Science", "Security"])
        #expect(s.pickerEntries(try picker(s)).map(\.count) == [2, 1, 1])
        s.press(.character(" "), .down, .character(" "), .enter)
        #expect(s.filter[.track] == FacetChoice(included: ["CCC", "Science"]))
        #expect(titles(s) == ["Opening (invented)", "After Midnight & Beyond (invented)", "Day two keynote (invented)"])
        #expect(s.message == "Track: CCC, Science")
        #expect(s.summary.sessions == 3)
    }

    @Test func anExclusionIsShownDistinctlyAndLeavesEverythingElse() throws {
        var s = try state(width: 100)
        s.type("2f")
        s.press(.tab, .tab)   // Room
        s.type("glitch")
        s.type("!")
        let screen = ScreenRenderer.render(s).lines.joined(separator: "\n")
        #expect(screen.contains("[✕] ✕ Saal GLITCH"), "\(screen)")
        s.press(.enter)
        #expect(s.filter[.room] == FacetChoice(excluded: ["Saal GLITCH"]))
        #expect(!titles(s).contains("Codes in other scripts (invented)"))
        #expect(titles(s).count == 3)
        #expect(ScreenRenderer.render(s).lines[0].hasSuffix(" Room: ✕ Saal GLITCH "))
        // Excluding it again stops excluding it; f reopens on the facet that is active.
        s.type("f")
        #expect(try picker(s).facet == .session(.room))
        s.type("glitch!")
        s.press(.enter)
        #expect(s.filter[.room].isEmpty)
    }

    @Test func typingNarrowsTheValuesAndCountsFollowTheOtherFilters() throws {
        var s = try state()
        s.type("f")
        s.press(.tab, .tab, .tab, .tab)   // Language
        s.type("d")
        #expect(s.pickerEntries(try picker(s)).map(\.label) == ["de"])
        s.press(.control("u"), .backTab, .backTab, .backTab, .backTab)   // Day, under no other filter
        #expect(s.pickerEntries(try picker(s)).map(\.count) == [3, 1])
        #expect(s.pickerEntries(try picker(s)).map(\.code) == ["day 1", "day 2"])
        // Tick Saal GLITCH (unapplied): the day counts follow the draft.
        s.press(.tab, .tab)
        s.type("glitch ")
        s.press(.control("u"), .backTab, .backTab)
        #expect(s.pickerEntries(try picker(s)).map(\.count) == [1, 0])
        // Esc drops every unapplied tick.
        s.press(.escape)
        #expect(s.filter.isEmpty)
    }

    @Test func clearForgetsTheFacetsTicksAndEnterThenClearsIt() throws {
        var s = try state()
        s.type("f")
        s.press(.enter)   // nothing ticked: the highlighted value, the first day
        #expect(s.filter[.day] == FacetChoice(included: ["2025-12-27"]))
        s.type("f")
        #expect(try picker(s).facet == .session(.day), "f reopens on the active facet")
        s.press(.control("x"))
        #expect(try picker(s).choice.isEmpty)
        s.press(.enter)
        #expect(s.filter.isEmpty, "a cleared facet is applied as cleared, not as the highlighted value")
        #expect(s.message == "Filters cleared")
    }

    @Test func aDayFilterKeepsTheTalkAfterMidnightOnTheDayItIsListedUnder() throws {
        var s = try state()
        s.type("2f ")
        s.press(.enter)
        #expect(titles(s).contains("After Midnight & Beyond (invented)"))
        #expect(!titles(s).contains("Day two keynote (invented)"))
    }

    @Test func theDelegatesViewListsTheSpeakersOfMatchingSessions() throws {
        var s = try state()
        s.type("3")
        #expect(s.rows.count == 3)
        s.type("f")
        s.press(.tab, .tab, .tab, .tab)
        s.type("de ")
        s.press(.enter)
        #expect(s.rows.count == 1, "only the speaker of the German talk")
    }

    @Test func excludingACountryInThePicker() {
        var s = Sample.state()
        s.type("3c")
        s.type("viet!")
        s.press(.enter)
        #expect(s.filter.excludedCountries == ["VN"])
        #expect(s.filter.countries.isEmpty)
        #expect(s.summary.delegates == 20, "the sample's 120 delegates less the 100 from Viet Nam")
        #expect(s.message == "Country: ✕ Viet Nam")
    }

    /// At 80 columns the filters stay visible, shortened; when even that does not fit they are counted.
    @Test func theTitleBarAt80ColumnsKeepsTheFiltersShortened() throws {
        var s = try state(width: 80, height: 24)
        var f = Filter()
        f[.room] = FacetChoice(included: ["Saal 1"])
        f[.track] = FacetChoice(included: ["CCC", "Science"])
        f[.language] = FacetChoice(excluded: ["de"])
        f[.day] = FacetChoice(included: ["2025-12-27"])
        s.filter = f
        s.refresh()
        let full = "Day: 2025-12-27 · Track: CCC, Science · Room: Saal 1 · Language: ✕ de"
        #expect(ScreenRenderer.render(s).lines[0] == " Convene  " + full + " ", "the filters win the room from the title")
        // One more filter does not fit in full at 80 columns: every filter stays, shortened.
        f[.type] = FacetChoice(excluded: ["workshop"])
        s.filter = f
        s.refresh()
        Snapshot.assert(ScreenRenderer.render(s), named: "filters-title-80x24")
        let title = ScreenRenderer.render(s).lines[0]
        #expect(title.hasSuffix(" 12-27 · CCC,+1 · Saal 1 · ✕workshop · ✕de "), "\(title)")
        #expect(title.hasPrefix(" Convene · "))
        // Narrower still: the count, never half a word.
        s.width = 40
        #expect(ScreenRenderer.render(s).lines[0].hasSuffix(" 5 filters "), "\(ScreenRenderer.render(s).lines[0])")
        s.width = 120
        #expect(ScreenRenderer.render(s).lines[0].hasSuffix(" Type: ✕ workshop · Language: ✕ de "))
    }

    @Test(arguments: [(40, 10), (50, 16), (30, 8), (0, 0), (200, 60)])
    func thePickerDrawsAtAnySizeWithoutLosingTheFacet(width: Int, height: Int) throws {
        var s = try state(width: width, height: height)
        s.type("f")
        s.press(.tab, .tab)
        s.type("!")
        let lines = ScreenRenderer.render(s).lines
        #expect(lines.count == height)
        if width >= 40, height >= 10 { #expect(lines.joined().contains("Room"), "\(lines.joined(separator: "\n"))") }
    }
}
