import Testing
@testable import ConveneModel

@Suite struct QueryTests {
    let ix: DirectoryIndex

    init() throws {
        ix = DirectoryIndex(try DirectoryLoader.load(path: Fixtures.path("valid/minimal.json")))
    }

    func names(_ f: Filter) -> [String] { ix.delegates(f).map { ix.directory.delegates[$0].name } }

    @Test func searchIgnoresCaseAndAccents() {
        #expect(names(Filter(search: "huong")) == ["Phạm Thị Thanh Hương"])
        #expect(names(Filter(search: "HƯƠNG")) == ["Phạm Thị Thanh Hương"])
        #expect(names(Filter(search: "dang")) == ["Đặng Văn Đức"])
        #expect(names(Filter(search: "duc")) == ["Đặng Văn Đức"])
        #expect(names(Filter(search: "美咲")) == ["田中 美咲"])
    }

    @Test func everySearchTermMustMatch() {
        #expect(names(Filter(search: "pham huong")) == ["Phạm Thị Thanh Hương"])
        #expect(names(Filter(search: "pham dang")).isEmpty)
    }

    @Test func searchAlsoMatchesOrganisationAndCity() {
        #expect(names(Filter(search: "unesco")) == ["Phạm Thị Thanh Hương"])
        #expect(names(Filter(search: "kanazawa")) == ["田中 美咲"])
    }

    @Test func countryFilterNarrowsDelegatesCitiesAndCounts() {
        let vn = Filter(countries: ["VN"])
        #expect(ix.delegates(vn).count == 2)
        #expect(ix.cities(vn).map { ix.directory.cities[$0].id } == ["hanoi"])
        #expect(ix.listedCount(event: 0, vn) == 2)
        #expect(ix.listedCount(event: 0, Filter()) == 3)
        let s = ix.summary(vn)
        #expect(s.delegates == 2)
        #expect(s.countries == 1)
        #expect(s.byCountry.map(\.key) == ["VN"])
        #expect(s.perEvent.map(\.listed) == [2])
    }

    @Test func eventsAttendedFromAFilteredCountryStayVisible() {
        // The conference is in Viet Nam but a Japanese delegate attends it.
        #expect(ix.events(Filter(countries: ["JP"])) == [0])
        #expect(ix.events(Filter(countries: ["KR"])).isEmpty)
    }

    @Test func summaryCountsAndSharesAddUp() {
        let s = ix.summary(Filter())
        #expect((s.events, s.sessions, s.delegates, s.cities, s.countries) == (1, 1, 3, 2, 2))
        #expect(s.illustrativeDelegates == 2)
        #expect(s.byCountry.map(\.count) == [2, 1])
        #expect(s.byCountry.first?.label == "Viet Nam")
        #expect(abs(s.byCountry.map(\.share).reduce(0, +) - 1) < 1e-9)
        #expect(s.byField.map(\.label) == ["Design", "Crafts and Folk Art"])
        #expect(s.perEvent.first?.reported == 3)
    }

    @Test func summaryIgnoresSearchText() {
        #expect(ix.summary(Filter(search: "huong")) == ix.summary(Filter()))
    }

    @Test func sessionsFollowTheEventFilterAndSearch() {
        #expect(ix.sessions(Filter()).count == 1)
        #expect(ix.sessions(Filter(search: "opening")).count == 1)
        #expect(ix.sessions(Filter(search: "closing")).isEmpty)
        #expect(ix.sessions(Filter(search: "huong")).count == 1, "speaker names are searchable")
        #expect(ix.sessions(Filter(countries: ["KR"])).isEmpty)
    }

    @Test func talksAndAttendeesAreIndexed() {
        #expect(ix.talks[0] == [SessionRef(event: 0, session: 0)])
        #expect(ix.attendees[0] == [0, 1, 2])
    }

    @Test(arguments: [("vn", "VN"), ("Viet Nam", "VN"), ("vietnam", "VN"), ("VIET-NAM", "VN"), ("japan", "JP"), ("JP", "JP")])
    func countryResolverAcceptsCodesNamesAndAliases(text: String, code: String) {
        #expect(CountryResolver(countries: ix.directory.countries).resolve(text) == code)
    }

    @Test func countryResolverSuggestsTheClosestName() {
        let r = CountryResolver(countries: ix.directory.countries)
        #expect(r.resolve("Vietnma") == nil)
        #expect(r.suggestion(for: "Vietnma") == "Viet Nam")
    }
}
