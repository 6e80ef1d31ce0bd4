import Testing
@testable import ConveneModel

/// Filters on session facets (issue 15) and country exclusion (issue 16), on the invented congress:
/// Opening (Saal 1, CCC, lecture, en; Daniel and Mira), After Midnight (Saal 1, Science, lecture, de,
/// 00:15 on the 28th listed under the 27th; the other Daniel), Codes (Saal GLITCH, Security, workshop, en;
/// Daniel), Day two keynote (Saal 1, CCC, lecture, en, the 28th; Mira).
@Suite struct SessionFacetTests {
    let ix: DirectoryIndex

    init() throws {
        ix = DirectoryIndex(try DirectoryLoader.load(path: Fixtures.path("published/frab-congress.xml")))
    }

    func titles(_ f: Filter) -> [String] { ix.sessions(f).map { ix.session($0).title } }
    func filter(_ facet: SessionFacet, _ included: Set<String> = [], excluding excluded: Set<String> = []) -> Filter {
        var f = Filter()
        f[facet] = FacetChoice(included: included, excluded: excluded)
        return f
    }

    @Test func theDayIsTheListedDaySoATalkAt0015BelongsToTheEveningBefore() {
        #expect(titles(filter(.day, ["2025-12-27"])) == ["Opening (invented)", "Codes in other scripts (invented)",
                                                         "After Midnight & Beyond (invented)"])
        #expect(titles(filter(.day, ["2025-12-28"])) == ["Day two keynote (invented)"])
        #expect(titles(filter(.day, excluding: ["2025-12-27"])) == ["Day two keynote (invented)"])
        #expect(ix.conferenceDays == ["2025-12-27", "2025-12-28"])
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var facet: SessionFacet
        var included: Set<String> = []
        var excluded: Set<String> = []
        var expected: [String]
        var testDescription: String { "\(facet) +\(included.sorted()) -\(excluded.sorted())" }
    }

    static let opening = "Opening (invented)", late = "After Midnight & Beyond (invented)"
    static let codes = "Codes in other scripts (invented)", keynote = "Day two keynote (invented)"

    @Test(arguments: [
        Case(facet: .track, included: ["CCC"], expected: [opening, keynote]),
        Case(facet: .track, excluded: ["CCC"], expected: [codes, late]),
        Case(facet: .room, included: ["Saal GLITCH"], expected: [codes]),
        Case(facet: .room, excluded: ["Saal GLITCH"], expected: [opening, late, keynote]),
        Case(facet: .type, included: ["workshop"], expected: [codes]),
        Case(facet: .type, excluded: ["workshop"], expected: [opening, late, keynote]),
        Case(facet: .language, included: ["de"], expected: [late]),
        Case(facet: .language, excluded: ["de"], expected: [opening, codes, keynote]),
        Case(facet: .track, included: ["CCC", "Science"], expected: [opening, late, keynote]),
    ])
    func eachFacetIncludesAndExcludes(_ c: Case) {
        #expect(titles(filter(c.facet, c.included, excluding: c.excluded)) == c.expected)
    }

    @Test func facetsCombineAndAnExclusionWinsOverAnInclusion() {
        var f = filter(.room, ["Saal 1"])
        f[.language] = FacetChoice(included: ["en"])
        #expect(titles(f) == ["Opening (invented)", "Day two keynote (invented)"])
        var choice = FacetChoice(included: ["Saal 1"])
        choice.toggleExcluded("Saal 1")
        #expect(choice == FacetChoice(excluded: ["Saal 1"]), "excluding a ticked value unticks it")
        choice.toggleIncluded("Saal 1")
        #expect(choice == FacetChoice(included: ["Saal 1"]))
        f[.room] = FacetChoice()
        #expect(f[.room].isEmpty && f.sessionFacets[.room] == nil, "an empty choice is not stored")
    }

    @Test func aSessionFacetNarrowsDelegatesToTheSpeakersOfMatchingSessionsAndTheCountsFollow() {
        let names = { (f: Filter) in Set(ix.delegates(f).map { ix.directory.delegates[$0].name }) }
        #expect(ix.directory.delegates.count == 3)
        #expect(names(filter(.language, ["de"])) == ["Daniel"])
        #expect(ix.delegates(filter(.language, ["de"])).count == 1, "only the Daniel who speaks in German")
        #expect(names(filter(.room, ["Saal GLITCH"])) == ["Daniel"])
        #expect(names(filter(.day, ["2025-12-28"])) == ["Mira Testfall"])
        let s = ix.summary(filter(.day, ["2025-12-28"]))
        #expect(s.sessions == 1)
        #expect(s.delegates == 1)
        #expect(ix.events(filter(.day, ["2025-12-28"])).count == 1)
        #expect(ix.events(filter(.day, ["2024-01-01"])).isEmpty, "no event has a session that day")
        #expect(ix.summary(Filter()).sessions == 4)
    }

    @Test func valuesComeWithCountsAndNotRecordedLast() {
        #expect(ix.sessionValues(.room).map(\.value) == ["Saal 1", "Saal GLITCH"])
        #expect(ix.sessionValues(.room).map(\.count) == [3, 1])
        #expect(ix.sessionValues(.track, among: ix.sessions(filter(.day, ["2025-12-28"]))).map(\.value) == ["CCC"])
    }
}

/// Country exclusion (issue 16: "everyone but the hosts"), on the minimal directory (two from VN, one from JP).
@Suite struct CountryExclusionTests {
    let ix: DirectoryIndex

    init() throws {
        ix = DirectoryIndex(try DirectoryLoader.load(path: Fixtures.path("valid/minimal.json")))
    }

    @Test func excludingACountryLeavesEveryoneElseEverywhere() {
        var f = Filter()
        f.excludedCountries = ["VN"]
        #expect(ix.delegates(f).count == ix.directory.delegates.count - ix.delegates(Filter(countries: ["VN"])).count)
        #expect(ix.delegates(f).allSatisfy { ix.directory.delegates[$0].country != "VN" })
        #expect(ix.cities(f).allSatisfy { ix.directory.cities[$0].country != "VN" })
        let s = ix.summary(f)
        #expect(!s.byCountry.map(\.key).contains("VN"))
        #expect(s.delegates == ix.delegates(f).count)
        // The string path (a directory whose places do not all resolve) agrees with the compiled one.
        #expect(ix.delegatesComparingStrings(f) == ix.delegates(f))
    }
}
