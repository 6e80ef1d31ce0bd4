import ConveneText
import Testing
@testable import ConveneModel

/// The bitsets and orders the browser's Delegates list is built from answer exactly what the
/// lists of indices and the string comparisons answer.
@Suite struct DelegateSetTests {
    static var indexes: [DirectoryIndex] { [FastQueryTests.index, FastQueryTests.sampleIndex] }

    /// Every printable ASCII letter as a bitset is the one-letter search, and anything else is no bitset.
    @Test func oneLetterHitsAreTheOneLetterSearch() throws {
        for ix in Self.indexes {
            for byte in UInt8(0x21)...UInt8(0x7E) {
                let f = Filter(search: String(Character(Unicode.Scalar(byte))))
                let set = try #require(ix.oneLetterHits(f), "\(f.search)")
                #expect(set.members == ix.delegatesComparingStrings(f), "\(f.search)")
                #expect(set.count == set.members.count)
            }
            for query in ["", " ", "ab", "a b", "Ω", "ñn"] {
                #expect(ix.oneLetterHits(Filter(search: query)) == nil, "\(query)")
            }
            // A capital, an accented letter and đ fold to one ASCII letter, so they are one-letter searches too.
            for (query, letter) in [("A", "a"), ("é", "e"), ("đ", "d"), (" n ", "n")] {
                #expect(ix.oneLetterHits(Filter(search: query))?.members == ix.delegatesComparingStrings(Filter(search: letter)),
                        "\(query)")
            }
            // Under any other filter the answer is a list, not the letter's set.
            #expect(ix.oneLetterHits(Filter(countries: [ix.directory.countries.first?.code ?? ""], search: "a")) == nil)
        }
    }

    /// Letters worked out ahead (as the browser's background thread does) give the same answers,
    /// and a letter asked for twice gives the same answer again.
    @Test func lettersWorkedOutAheadAreTheOneLetterSearch() {
        let fresh = DirectoryIndex(FastQueryTests.index.directory)
        fresh.prepareSearch()
        for byte in UInt8(0x21)...UInt8(0x7E) {
            let f = Filter(search: String(Character(Unicode.Scalar(byte))))
            #expect(fresh.oneLetterHits(f)?.members == fresh.delegatesComparingStrings(f), "\(f.search)")
            #expect(fresh.oneLetterHits(f) == fresh.oneLetterHits(f))
        }
    }

    /// The letter's set is remembered as the previous search: the next letters narrow it and agree.
    @Test func searchesAfterALetterSetAgree() {
        for ix in Self.indexes {
            for word in ["nguyen", "an", "hanoi", "e1", "q", "zz"] {
                ix.delegateSearch.forgetLastSearch()
                _ = ix.oneLetterHits(Filter(search: String(word.prefix(1))))
                var prefix = String(word.prefix(1))
                for ch in word.dropFirst() {
                    prefix.append(ch)
                    #expect(ix.delegates(Filter(search: prefix)) == ix.delegatesComparingStrings(Filter(search: prefix)), "\(prefix)")
                }
            }
        }
    }

    /// Names with pairs of letters next to joining marks, accents, a city and an organisation whose
    /// names match pairs, and unlisted delegates: the cases where a pair's bitset is not the answer alone.
    static var marked: DirectoryIndex {
        let names = ["ab\u{0E48}", "abab\u{0E48}", "xa\u{0E48}b an", "\u{0E01}\u{0E48}ab", "k\u{200D}kk", "Zoë Đặng",
                     "Nguyễn Thu", "ΩAn", "田中 an", "plain ng", "n\u{0301}g", "Søren", "e1 e2"]
        var people = names.enumerated().map {
            Delegate(id: "p\($0.offset)", name: $0.element, role: $0.offset % 3 == 0 ? "Sound an\u{0E31}" : nil,
                     organization: $0.offset % 4 == 0 ? "org" : nil, city: $0.offset % 2 == 0 ? "bkk" : "hn", country: "TH")
        }
        people.append(Delegate(id: "u1", name: "Hidden Anna", city: "hn", country: "TH", listed: false))
        people.append(Delegate(id: "u2", name: "Hidden Bob", organization: "org", city: "bkk", country: "TH", listed: false))
        return DirectoryIndex(Directory(
            title: "marks",
            countries: [Country(code: "TH", name: "Thailand")],
            cities: [City(id: "bkk", name: "Bangkok", country: "TH", timeZone: "Asia/Bangkok"),
                     City(id: "hn", name: "Hà Nội", country: "TH", timeZone: "Asia/Bangkok")],
            organizations: [Organization(id: "org", name: "Qz Works", kind: "studio")],
            delegates: DelegateList(people)))
    }

    /// A search index of `ix`'s directory where every pair of letters that occurs has a bitset.
    static func everyPairIndexed(_ ix: DirectoryIndex) -> DelegateSearchIndex {
        DelegateSearchIndex(directory: ix.directory, cityByID: ix.cityByID, organizationByID: ix.organizationByID,
                            placement: ix.placement, bigramShare: Int.max / 2)
    }

    /// Every query of two printable ASCII characters answered as a bitset (a pair's set read off,
    /// or the first letter's set narrowed) is the string search's answer; where there is no bitset
    /// the list is. With every occurring pair indexed, and with the index the app builds.
    @Test func everyTwoLetterQueryAgreesWithTheStringSearch() {
        let small = DirectoryIndex((try? DirectoryLoader.load(bytes: Array(SyntheticDirectory(delegates: 300, seed: 11).json().utf8),
                                                               name: "gen")) ?? Directory(title: ""))
        for ix in [Self.marked, FastQueryTests.sampleIndex, small] {
            let searches = [Self.everyPairIndexed(ix), ix.delegateSearch]
            searches[0].prepareLetters()
            var readOff = 0
            for a in UInt8(0x21)...UInt8(0x7E) {
                for b in UInt8(0x21)...UInt8(0x7E) {
                    let query = String(decoding: [a, b], as: UTF8.self)
                    let expected = ix.delegatesComparingStrings(Filter(search: query))
                    for (k, search) in searches.enumerated() {
                        search.forgetLastSearch()
                        if let set = search.matchSet(query) {
                            readOff += 1
                            #expect(set.members == expected, "\(query) \(k)")
                        }
                        // After the first letter's set, the second letter narrows it (or lists).
                        search.forgetLastSearch()
                        _ = search.oneLetterSet(String(decoding: [a], as: UTF8.self))
                        #expect((search.matchSet(query)?.members ?? search.matches(query)) == expected, "\(query) after \(a) \(k)")
                    }
                }
            }
            #expect(readOff > 0)
        }
        // The app's index of a generated directory has sets for its common pairs.
        #expect(FastQueryTests.index.delegateSearch.matchSet("an") != nil)
    }

    /// Typing on after a pair's or a letter's set: each keystroke's bitset (or, once small, list)
    /// is the string search's answer, in the app's index and with every pair indexed.
    @Test func keystrokesAfterAPairSetAgree() {
        for ix in Self.indexes + [Self.marked] {
            for search in [ix.delegateSearch, Self.everyPairIndexed(ix)] {
                for word in ["nguyen", "dang thu", "soren", "an", "ana", "an n", "hanoi", "city 1", "zoë ga", "ng", "bangk", "qz w"] {
                    search.forgetLastSearch()
                    var prefix = ""
                    for ch in word {
                        prefix.append(ch)
                        let expected = ix.delegatesComparingStrings(Filter(search: prefix))
                        #expect((search.matchSet(prefix)?.members ?? search.matches(prefix)) == expected, "\(prefix)")
                    }
                }
            }
            // Through the directory index, as the Delegates view asks: a bitset only for a search alone.
            ix.delegateSearch.forgetLastSearch()
            #expect(ix.searchHits(Filter(search: "an"))?.members ?? ix.delegates(Filter(search: "an"))
                    == ix.delegatesComparingStrings(Filter(search: "an")))
            #expect(ix.searchHits(Filter(countries: ["TH"], search: "an")) == nil)
        }
    }

    /// The name order is the name rank turned inside out; the listed order leaves out exactly the unlisted.
    @Test func nameOrdersFollowTheRank() {
        for ix in Self.indexes {
            let rank = ix.delegateNameRank, order = ix.delegateNameOrder
            #expect(order.count == ix.directory.delegates.count)
            #expect(order.indices.allSatisfy { rank[Int(order[$0])] == Int32($0) })
            let (listed, unlisted) = ix.listedNameOrder
            #expect(listed == order.filter { ix.directory.delegates[Int($0)].listed })
            #expect(unlisted == ix.directory.delegates.filter { !$0.listed }.count)
        }
        #expect(FastQueryTests.sampleIndex.listedNameOrder.unlisted == 3, "the sample has three unlisted delegates")
    }

    /// A set filters an order in that order, or in reverse, and keeps only members.
    @Test(arguments: [0, 1, 63, 64, 65, 200])
    func aSetFiltersAnOrder(universe: Int) {
        var generator = SeededGenerator(seed: UInt64(universe) + 7)
        let order = (0..<universe).map { Int32($0) }.shuffled(using: &generator)
        let members = (0..<universe).filter { _ in Bool.random(using: &generator) }
        let set = DelegateSet(members + members.prefix(3), universe: universe)
        #expect(set.count == members.count)
        #expect(set.members == members)
        #expect(set.filter(order) == order.filter { members.contains(Int($0)) })
        #expect(set.filter(order, reversed: true) == order.reversed().filter { members.contains(Int($0)) })
        #expect(set.filter(Array(order.prefix(universe / 2))) == order.prefix(universe / 2).filter { members.contains(Int($0)) })
        #expect(DelegateSet(words: set.words, universe: universe) == set)
        #expect(!set.contains(-1) && !set.contains(universe))
    }

    /// The picker's counts per country agree with counting each delegate's code, under every kind of filter.
    @Test func countryCountsAgreeWithCountingCodes() {
        for ix in Self.indexes {
            let first = ix.directory.countries.first?.code ?? ""
            let event = ix.directory.events.first?.id
            var excluding = Filter()
            excluding.excludedCountries = [first]
            for f in [Filter(), Filter(countries: [first]), excluding, Filter(event: event),
                      Filter(search: "an"), Filter(search: "a")] {
                var expected: [String: Int] = [:]
                for i in ix.delegates(f) { expected[ix.directory.delegates[i].country ?? NotRecorded.key, default: 0] += 1 }
                #expect(ix.delegateCountryCounts(f) == expected, "\(f)")
            }
            #expect(ix.hasDelegatesWithoutCountry == ix.directory.delegates.contains { $0.country == nil })
        }
    }

    /// A directory whose countries do not all resolve is counted by code, as before.
    @Test func countryCountsOfAnUnresolvedDirectoryCountByCode() {
        let d = Directory(title: "t", countries: [Country(code: "VN", name: "Viet Nam")],
                          delegates: [Delegate(id: "a", name: "A", city: nil, country: "VN"),
                                      Delegate(id: "b", name: "B", city: nil, country: "ZZ"),
                                      Delegate(id: "c", name: "C", city: nil, country: nil)])
        let counts = DirectoryIndex(d).delegateCountryCounts(Filter())
        #expect(counts == ["VN": 1, "ZZ": 1, NotRecorded.key: 1])
    }
}
