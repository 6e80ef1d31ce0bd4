import Testing
@testable import ConveneModel

/// ``DelegateList`` reads, compares and changes the same whether it holds plain `Delegate`s or
/// the loader's columns.
@Suite struct DelegateListTests {
    /// Delegates covering what the columns must keep: non-ASCII names and ids read name first,
    /// absent and null fields, empty and blank event lists, empty organisation and role texts,
    /// long and short roles, both flags.
    static let document = #"""
    {"format":"convene/1","title":"t",
     "countries":[{"code":"VN","name":"Viet Nam"},{"code":"JP","name":"Japan"}],
     "cities":[{"id":"hanoi","name":"Hà Nội","country":"VN","timeZone":"Asia/Ho_Chi_Minh"},
               {"id":"tokyo","name":"Tokyo","country":"JP","timeZone":"Asia/Tokyo"}],
     "organizations":[{"id":"unesco","name":"UNESCO","kind":"un-agency"}],
     "events":[{"id":"e1","title":"E1","kind":"forum","city":"hanoi","venue":null,"start":"2023-01-01T08:00:00+07:00","end":"2023-01-01T18:00:00+07:00","timeZone":"Asia/Ho_Chi_Minh"},
               {"id":"e2","title":"E2","kind":"forum","city":"tokyo","venue":null,"start":"2023-02-01T08:00:00+09:00","end":"2023-02-01T18:00:00+09:00","timeZone":"Asia/Tokyo"}],
     "delegates":[
      {"id":"d1","name":"Đặng Thị Hương","role":"Chief Executive Officer","organization":"unesco","city":"hanoi","country":"VN","events":["e1","e2"]},
      {"name":"佐藤 健","id":"d2","role":"Mayor","city":"tokyo","country":"JP","events":["e2"],"illustrative":true},
      {"id":"d3","name":"A\u0301nh \ud83d\ude00","role":"","organization":"","events":[]},
      {"id":"d4","name":"Nobody Recorded","city":null,"country":null,"events":null,"listed":false},
      {"id":"d5","name":"Only Country","country":"JP","events":["","e1","","e2"],"illustrative":true,"listed":false},
      {"name":"Name First","role":"Chief Executive Officer","organization":"unesco","id":"d6","country":"VN","events":[""]}
     ]}
    """#

    static func loaded() throws -> Directory {
        let loaded = try DirectoryLoader.loadFast(bytes: Array(document.utf8), name: "compact.json")
        #expect(loaded.wasDirect)
        return loaded.directory
    }

    /// The same delegates, written out by hand.
    static let expected: [Delegate] = [
        Delegate(id: "d1", name: "Đặng Thị Hương", role: "Chief Executive Officer", organization: "unesco",
                 city: "hanoi", country: "VN", events: ["e1", "e2"]),
        Delegate(id: "d2", name: "佐藤 健", role: "Mayor", city: "tokyo", country: "JP", events: ["e2"], illustrative: true),
        Delegate(id: "d3", name: "A\u{301}nh 😀", role: "", organization: "", city: nil, country: nil),
        Delegate(id: "d4", name: "Nobody Recorded", city: nil, country: nil, listed: false),
        Delegate(id: "d5", name: "Only Country", city: nil, country: "JP", events: ["", "e1", "", "e2"],
                 illustrative: true, listed: false),
        Delegate(id: "d6", name: "Name First", role: "Chief Executive Officer", organization: "unesco", city: nil,
                 country: "VN", events: [""]),
    ]

    @Test func aLoadedListIsCompactAndHoldsExactlyTheDelegatesWritten() throws {
        let people = try Self.loaded().delegates
        #expect(people.isCompact)
        #expect(people.count == Self.expected.count)
        #expect(Array(people) == Self.expected)
        for i in people.indices { #expect(people[i] == Self.expected[i]) }
        // The general path gives plain delegates; the two lists are equal.
        let general = try DirectoryLoader.decodeAndValidate(DirectoryLoader.parse(bytes: Array(Self.document.utf8), name: "x"),
                                                            name: "x")
        #expect(!general.delegates.isCompact)
        #expect(general.delegates == people)
        #expect(people == general.delegates)
    }

    @Test func fieldsReadOneAtATimeAgreeWithTheWholeDelegateInBothStorages() throws {
        for people in [try Self.loaded().delegates, DelegateList(Self.expected)] {
            for (i, p) in Self.expected.enumerated() {
                #expect(people.id(at: i) == p.id)
                #expect(people.name(at: i) == p.name)
                #expect(people.role(at: i) == p.role)
                #expect(people.organization(at: i) == p.organization)
                #expect(people.city(at: i) == p.city)
                #expect(people.country(at: i) == p.country)
                #expect(people.events(at: i) == p.events)
                #expect(people.isIllustrative(at: i) == p.illustrative)
                #expect(people.isListed(at: i) == p.listed)
                #expect(people.citySymbols.value(at: i) == p.city)
                #expect(people.countrySymbols.value(at: i) == p.country)
                #expect(people.organizationSymbols.value(at: i) == p.organization)
                let events = people.eventSymbols
                #expect(events.codes(of: i).map { events.values[Int($0)] } == p.events.filter { !$0.isEmpty || !people.isCompact })
                for id in ["e1", "e2", "", "e3"] {
                    #expect(people.listing(event: id)(i) == p.events.contains(id), "delegate \(i), event '\(id)'")
                }
            }
            #expect(people.containsUnrecordedCountry)
            #expect(people.containsUnlisted)
            #expect(people.containsIllustrative)
        }
        let plainOnly = DelegateList([Self.expected[0]])
        #expect(!plainOnly.containsUnlisted && !plainOnly.containsIllustrative && !plainOnly.containsUnrecordedCountry)
    }

    @Test func compactAndPlainListsCompareByTheirDelegates() throws {
        let compact = try Self.loaded().delegates
        let again = try Self.loaded().delegates
        #expect(compact == again)
        #expect(compact == DelegateList(Self.expected))
        var changed = Self.expected
        changed[4].events = ["e1", "", "", "e2"]
        #expect(compact != DelegateList(changed))
        #expect(compact != DelegateList(Self.expected.dropLast()))
        #expect(DelegateList() == [])
        let empty = try DirectoryLoader.loadFast(bytes: Array(#"{"format":"convene/1","title":"t","delegates":[]}"#.utf8),
                                                 name: "e").directory.delegates
        #expect(empty.isEmpty && empty == [])
    }

    @Test func aChangeMakesTheListPlainAndLeavesCopiesAlone() throws {
        let original = try Self.loaded().delegates
        var changed = original
        changed[1].name = "Sato Ken"
        changed[1].events.append("e1")
        #expect(!changed.isCompact)
        #expect(changed[1].name == "Sato Ken" && changed[1].events == ["e2", "e1"])
        #expect(Array(changed[2...]) == Array(Self.expected[2...]))
        // Copy on write: the list it was copied from is unchanged and still compact.
        #expect(original.isCompact)
        #expect(Array(original) == Self.expected)
        #expect(original != changed)
    }

    @Test func appendRemoveInsertReplaceAndSortWorkOnACompactList() throws {
        let extra = Delegate(id: "d7", name: "Bảy", city: "hanoi", country: "VN", events: ["e1"])
        var appended = try Self.loaded().delegates
        appended.append(extra)
        #expect(Array(appended) == Self.expected + [extra])

        var removed = try Self.loaded().delegates
        let gone = removed.remove(at: 0)
        #expect(gone == Self.expected[0])
        #expect(Array(removed) == Array(Self.expected.dropFirst()))

        var inserted = try Self.loaded().delegates
        inserted.insert(extra, at: 2)
        var expected = Self.expected
        expected.insert(extra, at: 2)
        #expect(Array(inserted) == expected)

        var replaced = try Self.loaded().delegates
        replaced.replaceSubrange(1..<4, with: [extra])
        #expect(Array(replaced) == [Self.expected[0], extra, Self.expected[4], Self.expected[5]])

        var filtered = try Self.loaded().delegates
        filtered.removeAll { !$0.listed }
        #expect(filtered.map(\.id) == ["d1", "d2", "d3", "d6"])

        var sorted = try Self.loaded().delegates
        sorted.sort { $0.name < $1.name }
        #expect(sorted.map(\.id) == Self.expected.sorted { $0.name < $1.name }.map(\.id))

        var cleared = try Self.loaded().delegates
        cleared.removeAll()
        #expect(cleared.isEmpty)
    }

    @Test func aPlainListChangesInPlaceLikeAnArray() {
        var people: DelegateList = [Self.expected[0], Self.expected[1]]
        let copy = people
        people[0].events.removeAll()
        people.append(Self.expected[2])
        #expect(people.count == 3 && people[0].events.isEmpty)
        #expect(Array(copy) == Array(Self.expected[0...1]))
        #expect(!people.isCompact)
    }

    @Test func anIndexOverACompactListAnswersAsOverThePlainOne() throws {
        let d = try Self.loaded()
        var plain = d
        plain.delegates = DelegateList(Array(d.delegates))
        #expect(d.delegates.isCompact && !plain.delegates.isCompact)
        // Both the loader's index and one built from the directory alone.
        let compactIndexes = [try DirectoryLoader.loadFast(bytes: Array(Self.document.utf8), name: "x").makeIndex(),
                              DirectoryIndex(d)]
        let plainIndex = DirectoryIndex(plain)
        for ix in compactIndexes {
            #expect(ix.attendees == plainIndex.attendees)
            #expect(ix.delegateCityIndex == plainIndex.delegateCityIndex)
            #expect(ix.delegateCountryIndex == plainIndex.delegateCountryIndex)
            #expect(ix.delegateNameRank == plainIndex.delegateNameRank)
            #expect(ix.delegateKeys == plainIndex.delegateKeys)
            #expect(ix.hasDelegatesWithoutCountry == plainIndex.hasDelegatesWithoutCountry)
            #expect(ix.summary(Filter()) == plainIndex.summary(Filter()))
            for by in DelegateBreakdown.allCases {
                #expect(ix.breakdown(by, Filter()) == plainIndex.breakdown(by, Filter()))
            }
            var f = Filter()
            f.event = "e1"
            #expect(ix.delegates(f) == plainIndex.delegates(f))
            f.search = "dang"
            #expect(ix.delegates(f) == plainIndex.delegates(f))
            #expect(ix.splitListed(Array(d.delegates.indices)) == plainIndex.splitListed(Array(d.delegates.indices)))
        }
    }
}
