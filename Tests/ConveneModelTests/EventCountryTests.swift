import Foundation
import Testing
@testable import ConveneModel

/// An event whose host country is known and whose city is not: kept, checked, written back,
/// filtered and counted under its country, with the city "not recorded" (issue 13).
@Suite struct EventCountryTests {
    static let path = Fixtures.path("valid/event-country.json")
    let ix: DirectoryIndex

    init() throws {
        ix = try DirectoryLoader.loadIndex(path: Self.path)
    }

    func eventIDs(_ f: Filter) -> [String] { ix.events(f).map { ix.directory.events[$0].id } }

    @Test func anEventWithOnlyACountryLoadsWithThatCountry() throws {
        let congress = try #require(ix.event("congress"))
        #expect(congress.city == nil)
        #expect(congress.country == "DE")
        #expect(congress.place == .country("DE"))
        #expect(ix.hostCountry(of: congress) == "DE")
        // A city's country is the city's, whether or not the event repeats it; neither gives nothing.
        let conf = try #require(ix.event("conf"))
        #expect(conf.place == .city("hanoi") && ix.hostCountry(of: conf) == "VN")
        let online = try #require(ix.event("online"))
        #expect(online.place == .notRecorded && ix.hostCountry(of: online) == nil)
    }

    @Test func bothLoadersReadTheCountryAlike() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.path)))
        let fast = try DirectoryLoader.loadFast(bytes: bytes, name: Self.path)
        #expect(fast.wasDirect)
        #expect(fast.directory == ix.directory)
        #expect(DirectDecoderTests.general(bytes) == .success(fast.directory))
    }

    @Test func theEncoderWritesTheCountryAndItReadsBackEqual() throws {
        let text = DirectoryEncoder.encode(ix.directory)
        #expect(text.contains(#""country": "DE""#))
        let again = try DirectoryLoader.load(bytes: Array(text.utf8), name: "again")
        #expect(again == ix.directory)
        #expect(again.events.first { $0.id == "congress" }?.country == "DE")
    }

    @Test func theCountryFilterMatchesTheEventByItsOwnCountry() {
        #expect(eventIDs(Filter(countries: ["DE"])) == ["congress"])
        #expect(eventIDs(Filter(countries: ["DE"], city: NotRecorded.key)) == ["congress"])
        // Its city is not recorded; its country is, so it is not among the places not recorded.
        #expect(eventIDs(Filter(city: NotRecorded.key)) == ["congress", "online"])
        #expect(eventIDs(Filter(countries: [NotRecorded.key])) == ["online"])
        // A field belongs to a city: an event without one has none.
        #expect(eventIDs(Filter(countries: ["DE"], field: "Design")).isEmpty)
    }

    @Test func anExcludedCountryExcludesTheEventHeldThereWithoutACity() {
        // The congress is held in DE with no city, and its one attendee is from VN: excluding
        // both leaves it out. (Before the place test asked Filter.countryAllows, an exclusion
        // left the country list empty and the congress passed.)
        var f = Filter()
        f.excludedCountries = ["DE", "VN"]
        #expect(eventIDs(f) == ["online"])
        f.excludedCountries = [NotRecorded.key]
        #expect(eventIDs(f) == ["conf", "congress"])
    }

    @Test func summaryCountsTheEventUnderItsCountry() {
        #expect(ix.summary(Filter(countries: ["DE"])).events == 1)
        #expect(ix.summary(Filter(countries: ["DE"])).sessions == 1)
        #expect(ix.summary(Filter(countries: [NotRecorded.key])).events == 1)
        #expect(ix.summary(Filter()).events == 3)
    }
}

/// A published schedule whose host country is known and whose city is not: from the user
/// (`--host-country` alone) or from the file (`<country>` alone). Nothing comes from a time zone.
@Suite struct PublishedHostCountryTests {
    static func load(_ bytes: [UInt8], _ options: PublishedReadOptions = PublishedReadOptions()) throws -> Directory {
        try DirectoryLoader.load(bytes: bytes, name: "frab-congress.xml", options: options)
    }

    static var congress: [UInt8] {
        get throws { Array(try Data(contentsOf: Fixtures.url("published/frab-congress.xml"))) }
    }

    @Test func aHostCountryWithoutACityIsKeptOnTheEvent() throws {
        let d = try Self.load(try Self.congress, PublishedReadOptions(hostCountry: "Germany"))
        let e = try #require(d.events.first)
        #expect(e.place == .country("DE"))
        #expect(d.countries.map(\.code) == ["DE"])
        #expect(d.cities.isEmpty)
        #expect(DirectoryIndex(d).hostCountry(of: e) == "DE")
        let notice = try #require(d.notice)
        #expect(notice.contains("--host-city"), "\(notice)")
        #expect(!notice.contains("neither the host city"), "\(notice)")
    }

    @Test func aFileThatNamesOnlyItsCountryGivesThatCountry() throws {
        let text = String(decoding: try Self.congress, as: UTF8.self)
            .replacingOccurrences(of: "<time_zone_name>", with: "<country>Germany</country>\n    <time_zone_name>")
        let d = try Self.load(Array(text.utf8))
        #expect(d.events.first?.place == .country("DE"))
        #expect(d.countries.map(\.code) == ["DE"])
    }

    @Test func aTimeZoneAloneGivesNoCountry() throws {
        let d = try Self.load(try Self.congress)
        #expect(d.events.first?.timeZone == "Europe/Berlin")
        #expect(d.events.first?.place == .notRecorded)
        #expect(d.countries.isEmpty)
    }
}
