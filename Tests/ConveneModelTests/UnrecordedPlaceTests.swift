import Testing
@testable import ConveneModel

/// "Not recorded" is a value of its own: counted, filtered and named, never guessed.
@Suite struct UnrecordedPlaceTests {
    let ix: DirectoryIndex

    init() throws {
        ix = try DirectoryLoader.loadIndex(path: Fixtures.path("valid/unrecorded-places.json"))
    }

    func ids(_ f: Filter) -> [String] { ix.delegates(f).map { ix.directory.delegates[$0].id } }

    @Test func summaryHasANotRecordedRowSoEveryBreakdownAddsUp() {
        let s = ix.summary(Filter())
        #expect(s.delegates == 5)
        for breakdown in [s.byCountry, s.byCity, s.byField] {
            #expect(breakdown.map(\.count).reduce(0, +) == s.delegates)
            #expect(abs(breakdown.map(\.share).reduce(0, +) - 1) < 1e-9)
            #expect(breakdown.last?.key == NotRecorded.key)
            #expect(breakdown.last?.label == NotRecorded.label)
        }
        #expect(s.byCountry.map(\.label) == ["Viet Nam", "Japan", "not recorded"])
        #expect(s.byCountry.map(\.count) == [2, 1, 2])
        #expect(s.byCity.map(\.label) == ["Hà Nội", "not recorded"])
        #expect(s.byCity.map(\.count) == [2, 3])
        #expect(s.byField.map(\.label) == ["Design", "not recorded"])
        // "Not recorded" is not a country or a city.
        #expect((s.countries, s.cities) == (2, 1))
    }

    @Test func theNotRecordedRowGoesLastEvenWhenItIsTheLargest() {
        let s = ix.summary(Filter(event: "online"))
        #expect(s.byCountry.map(\.label) == ["Japan", "not recorded"])
        #expect(s.byCountry.map(\.count) == [1, 2])
    }

    @Test func theCountryFilterCanAskForNotRecorded() {
        #expect(ids(Filter(countries: [NotRecorded.key])) == ["d4", "d5"])
        #expect(ids(Filter(countries: [NotRecorded.key, "JP"])) == ["d3", "d4", "d5"])
        #expect(ix.summary(Filter(countries: [NotRecorded.key])).delegates == 2)
        // No city is in an unrecorded country; the online event is held in no recorded place.
        #expect(ix.cities(Filter(countries: [NotRecorded.key])).isEmpty)
        #expect(ix.events(Filter(countries: [NotRecorded.key])).map { ix.directory.events[$0].id } == ["online"])
        #expect(ix.events(Filter(countries: ["VN"])).map { ix.directory.events[$0].id } == ["conf"])
    }

    @Test func theCityFilterCanAskForNotRecorded() {
        #expect(ids(Filter(city: NotRecorded.key)) == ["d3", "d4", "d5"])
        #expect(ids(Filter(countries: ["JP"], city: NotRecorded.key)) == ["d3"])
        #expect(ids(Filter(city: "no-such-city")).isEmpty)
        // A field filter never passes someone whose city, and so field, is not recorded.
        #expect(ids(Filter(field: "Design")) == ["d1", "d2"])
        #expect(ix.listedCount(event: 1, Filter(city: NotRecorded.key)) == 3)
    }

    /// The compiled filter (integer reads) and the string comparisons agree on every filter here.
    @Test(arguments: [
        Filter(), Filter(countries: [NotRecorded.key]), Filter(countries: ["VN", NotRecorded.key]),
        Filter(city: NotRecorded.key), Filter(city: "hanoi"), Filter(field: "Design"),
        Filter(countries: [NotRecorded.key], event: "online"), Filter(search: "sam"),
    ])
    func compiledFiltersAgreeWithStringComparisons(f: Filter) {
        #expect(ix.delegates(f) == ix.delegatesComparingStrings(f))
        let people = ix.delegatesComparingStrings(f)
        #expect(ix.counts(of: people).byCountry.values.reduce(0, +) == people.count)
        for e in ix.directory.events.indices {
            #expect(ix.listedCount(event: e, f) == ix.attendees[e].filter { ix.delegatePasses($0, f) }.count)
        }
    }

    @Test func namesSayNotRecorded() {
        #expect(ix.countryName(NotRecorded.key) == "not recorded")
        #expect(ix.cityName(nil as String?) == "not recorded")
        #expect(ix.hostCountry(of: ix.directory.events[1]) == nil)
        #expect(ix.hostCountry(of: ix.directory.events[0]) == "VN")
        #expect(ix.hasDelegatesWithoutCountry)
    }

    /// Re-encoding writes an absent place as absent (no `null`, no empty string) and reads back equal.
    @Test func encodingLeavesAbsentPlacesOut() throws {
        let text = DirectoryEncoder.encode(ix.directory)
        #expect(!text.contains("null"))
        #expect(!text.contains("\"city\": \"\""))
        let again = try DirectoryLoader.load(bytes: Array(text.utf8), name: "again")
        #expect(again == ix.directory)
    }
}
