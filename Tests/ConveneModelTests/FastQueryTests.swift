import ConveneText
import Testing
@testable import ConveneModel

/// The integer filters and the search index answer exactly what the string comparisons answer.
@Suite struct FastQueryTests {
    static let index: DirectoryIndex = {
        let bytes = Array(SyntheticDirectory(delegates: 4000, seed: 3).json().utf8)
        // Generated directories always load.
        return (try? DirectoryLoader.loadIndex(bytes: bytes, name: "gen")) ?? DirectoryIndex(Directory(title: ""))
    }()

    static let sampleIndex: DirectoryIndex = {
        (try? DirectoryLoader.loadIndex(bytes: BundledSample.bytes, name: BundledSample.name)) ?? DirectoryIndex(Directory(title: ""))
    }()

    /// Queries as people type them: growing prefixes, accents, several terms, city names, CJK and Thai.
    static let typed: [String] = {
        var out: [String] = []
        for word in ["nguyen", "Đặng thu", "mull", "city 2 of", "田中", "สมชาย", "architect", "synthetic", "zoë ga", "qqq"] {
            var prefix = ""
            for ch in word {
                prefix.append(ch)
                out.append(prefix)
            }
        }
        return out + ["a", "  ", "e1", "ha noi", "Hà Nội", "designer hanoi", "x", "n g"]
    }()

    @Test func searchAgreesWithTheFoldedKeys() {
        for ix in [Self.index, Self.sampleIndex] {
            ix.delegateSearch.forgetLastSearch()
            for query in Self.typed {
                let f = Filter(search: query)
                #expect(ix.delegates(f) == ix.delegatesComparingStrings(f), "\(query)")
            }
        }
    }

    /// The first letter typed is read off a bitset: every printable ASCII letter agrees with
    /// the string comparison, also where a letter sits next to a joining mark.
    @Test func everyOneLetterQueryAgreesWithTheFoldedKeys() {
        let marks = Directory(
            title: "marks",
            countries: [Country(code: "TH", name: "Thailand")],
            cities: [City(id: "bkk", name: "Bangkok", country: "TH", timeZone: "Asia/Bangkok")],
            delegates: DelegateList(["a\u{0E48}b", "x\u{0E31}", "\u{0E01}\u{0E48}a", "q\u{0301}", "Zoë", "k\u{200D}k", "plain n", "aΩ", "Ωb", "дc"]
                .enumerated().map { Delegate(id: "p\($0.offset)", name: $0.element, city: "bkk", country: "TH") }))
        for ix in [Self.index, Self.sampleIndex, DirectoryIndex(marks)] {
            for byte in UInt8(0x21)...UInt8(0x7E) {
                let f = Filter(search: String(Character(Unicode.Scalar(byte))))
                ix.delegateSearch.forgetLastSearch()
                #expect(ix.delegates(f) == ix.delegatesComparingStrings(f), "\(f.search)")
                let among = Filter(countries: [ix.directory.countries.first?.code ?? ""], search: f.search)
                #expect(ix.delegates(among) == ix.delegatesComparingStrings(among), "\(among)")
            }
        }
    }

    @Test func searchUnderFiltersAgreesWithTheFoldedKeys() {
        let ix = Self.index
        let countries = Array(Set(ix.directory.delegates.prefix(50).compactMap(\.country))).sorted()
        let filters: [Filter] = [
            Filter(countries: [countries[0]]),
            Filter(countries: Set(countries.prefix(3))),
            Filter(city: ix.directory.delegates[5].city),
            Filter(city: "no-such-city"),
            Filter(event: ix.directory.events[1].id),
            Filter(field: "Design"),
            Filter(countries: [countries[1]], field: "Music"),
        ]
        for var f in filters {
            for query in ["", "n", "ng", "nguyen", "a", "city", "田"] {
                f.search = query
                #expect(ix.delegates(f) == ix.delegatesComparingStrings(f), "\(f)")
            }
        }
    }

    @Test func summaryCountsAgreeWithCountingByStrings() {
        for ix in [Self.index, Self.sampleIndex] {
            for f in [Filter(), Filter(countries: [ix.directory.delegates[0].country ?? NotRecorded.key]), Filter(field: "Design")] {
                let people = ix.delegatesComparingStrings(f)
                var byCountry: [String: Int] = [:], byCity: [String: Int] = [:], byField: [String: Int] = [:]
                for i in people {
                    let p = ix.directory.delegates[i]
                    byCountry[p.country ?? NotRecorded.key, default: 0] += 1
                    byCity[p.city ?? NotRecorded.key, default: 0] += 1
                    byField[p.city.map { ix.city($0)?.creativeField ?? Summary.noFieldLabel } ?? NotRecorded.key, default: 0] += 1
                }
                let counts = ix.counts(of: people)
                #expect(counts.byCountry == byCountry)
                #expect(counts.byCity == byCity)
                #expect(counts.byField == byField)
                #expect(ix.delegates(f) == people)
                #expect(ix.delegateCountsByCity(f) == byCity)
                for e in ix.directory.events.indices {
                    let listed = ix.attendees[e].filter { ix.delegatePasses($0, f) }.count
                    #expect(ix.listedCount(event: e, f) == listed)
                }
            }
        }
    }

    @Test func narrowingGivesTheSameAnswerAsAFreshSearch() {
        let search = Self.index.delegateSearch
        for word in ["nguyen van", "tran thi", "city 1"] {
            var prefix = ""
            for ch in word {
                prefix.append(ch)
                let narrowed = search.matches(prefix)
                search.forgetLastSearch()
                #expect(narrowed == search.matches(prefix), "\(prefix)")
            }
        }
    }
}
