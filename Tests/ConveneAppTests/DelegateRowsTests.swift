import ConveneModel
import ConveneScreen
import ConveneText
import Testing
@testable import ConveneApp

/// Delegates' rows come from a walk of the name order (``RowList`` of packed indices) instead of
/// a sorted array of row values: the same rows, in the same order, with the same unlisted row
/// and the same country count as the way they were built before, for many searches, filters and sorts.
@Suite struct DelegateRowsTests {
    static let generated: DirectoryIndex = {
        let bytes = Array(SyntheticDirectory(delegates: 3000, seed: 5).json().utf8)
        // Generated directories always load.
        return (try? DirectoryLoader.loadIndex(bytes: bytes, name: "gen")) ?? DirectoryIndex(Directory(title: ""))
    }()
    static var indexes: [DirectoryIndex] { [generated, BundledSample.index] }

    /// The rows as they were built before: the filter's delegates as a list, the unlisted split off,
    /// sorted by name rank, then one `.record(.delegates, n)` row.
    static func reference(_ s: AppState) -> [RowRef] {
        let ix = s.index
        let (items, unlisted) = ix.splitListed(ix.delegates(s.viewFilter))
        let rank = ix.delegateNameRank
        let d = ix.directory
        let sorted: [Int]
        switch s.sort.column {
        case 1: sorted = RowOrder.ordered(items, by: { RecordedFirst(d.delegates[$0].country.map(ix.countryName)) },
                                          then: { rank[$0] }, descending: s.sort.descending)
        default:
            let byName = items.sorted { rank[$0] < rank[$1] }
            sorted = s.sort.descending ? byName.reversed() : byName
        }
        return sorted.map(RowRef.delegate) + (unlisted > 0 ? [RowRef.record(.delegates, unlisted)] : [])
    }

    /// Distinct recorded countries among the rows, counted over every row.
    static func referenceCountries(_ rows: [RowRef], _ ix: DirectoryIndex) -> Int {
        Set(rows.compactMap { row -> Int32? in
            guard case .delegate(let i) = row else { return nil }
            let c = ix.delegateCountryIndex[i]
            return c >= 0 ? c : nil
        }).count
    }

    static func filters(_ ix: DirectoryIndex) -> [Filter] {
        let first = ix.directory.countries.first?.code ?? ""
        var excluding = Filter()
        excluding.excludedCountries = [first]
        return [Filter(), Filter(countries: [first]), excluding, Filter(event: ix.directory.events.first?.id)]
    }

    static let queries = ["", "a", "e", "n", "z", "1", "-", "A", "đ", "an", "ng", "nguyen", "ha noi", "city", "qqq", "  "]

    func expectReference(_ s: AppState, _ what: String) {
        let expected = Self.reference(s)
        #expect(Array(s.rows) == expected, "\(what)")
        #expect(s.rows == RowList(expected), "\(what)")
        #expect(s.rowCountries == Self.referenceCountries(expected, s.index), "\(what)")
    }

    @Test(arguments: [0, 1, 2, 3])
    func rowsAreTheSortedFilteredDelegates(sortCase: Int) {
        let sort = [SortOrder(), SortOrder(column: 0, descending: true), SortOrder(column: 1),
                    SortOrder(column: 1, descending: true)][sortCase]
        for ix in Self.indexes {
            for f in Self.filters(ix) {
                for query in Self.queries {
                    ix.delegateSearch.forgetLastSearch()
                    var s = AppState(index: ix, width: 120, height: 40)
                    s.apply(.showView(.delegates))
                    s.sorts[.delegates] = sort
                    s.filter = f
                    s.searches[.delegates] = query.isEmpty ? nil : query
                    s.refresh()
                    expectReference(s, "\(f) \(query) \(sort)")
                }
            }
        }
    }

    /// Typed as a user types, the first letter read off its bitset and the next ones narrowing it;
    /// Esc back to every row, a filter and its clearing: the rows agree at every key.
    @Test func rowsAgreeAtEveryKeystroke() {
        for ix in Self.indexes {
            ix.delegateSearch.forgetLastSearch()
            var s = AppState(index: ix, width: 120, height: 40)
            s.apply(.showView(.delegates))
            expectReference(s, "all")
            for word in ["nguyen", "an", "hanoi", "z"] {
                s.type("/")
                for ch in word {
                    s.type(String(ch))
                    expectReference(s, "typing \(word): \(s.search)")
                }
                s.press(.backspace)
                expectReference(s, "backspace in \(word)")
                s.press(.escape)
                expectReference(s, "Esc after \(word)")
            }
            s.filter = Filter(countries: [ix.directory.countries.first?.code ?? ""])
            s.refresh()
            expectReference(s, "country filter")
            s.type("x")
            expectReference(s, "filter cleared")
            #expect(s.filter.isEmpty)
        }
    }

    /// The status line's counts are the same as counting the rows one by one.
    @Test func statusCountsCountEveryRow() {
        for ix in Self.indexes {
            for query in ["", "a", "an"] {
                var s = AppState(index: ix, width: 120, height: 40)
                s.apply(.showView(.delegates))
                s.searches[.delegates] = query.isEmpty ? nil : query
                s.refresh()
                let rows = Self.reference(s)
                let unlisted = DelegatesView.unlistedCount(RowList(rows))
                let people = rows.count - (unlisted > 0 ? 1 : 0) + unlisted
                let countries = unlisted > 0 ? s.summary.countries : Self.referenceCountries(rows, ix)
                #expect(DelegatesView.statusCounts(s) == ViewText.count(people, "delegate") + " · "
                        + ViewText.count(countries, "country", "countries"), "\(query)")
            }
        }
    }

    /// The counts with no filter are kept once counted: clearing a filter gives what counting again gives,
    /// and a reload counts the new directory, not the kept counts of the old one.
    @Test func clearedFilterCountsAreTheUnfilteredCounts() {
        var s = AppState(index: BundledSample.index, width: 120, height: 40)
        s.apply(.showView(.delegates))
        s.filter = Filter(countries: ["VN"])
        s.refresh()
        #expect(s.summary == s.index.summary(Filter(countries: ["VN"])))
        s.type("x")
        #expect(s.summary == s.index.summary(Filter()))
        #expect(s.sessionSummary == (s.summary.countries == 0 ? s.index.sessionSummary(Filter()) : SessionSummary()))
        let smaller = DirectoryIndex(Directory(title: "t", countries: BundledSample.directory.countries,
                                               cities: BundledSample.directory.cities,
                                               delegates: DelegateList(Array(BundledSample.directory.delegates.prefix(5)))))
        s.filter = Filter(countries: ["VN"])
        s.refresh()
        s.reload(with: smaller)
        s.type("x")
        #expect(s.summary == smaller.summary(Filter()))
        #expect(s.summary.delegates == 5)
    }

    /// Both kinds of list read the same: equal when their rows are, found where they are.
    @Test func rowListsOfBothKindsReadTheSame() {
        let packed = RowList(delegates: [4, 1, 7], unlisted: 2)
        let values: [RowRef] = [.delegate(4), .delegate(1), .delegate(7), .record(.delegates, 2)]
        #expect(packed == RowList(values))
        #expect(Array(packed) == values)
        #expect(packed.count == 4 && packed.last == .record(.delegates, 2))
        for row in values + [.delegate(3), .record(.delegates, 3), .event(1), .delegate(-1), .delegate(Int(Int32.max) + 1)] {
            #expect(packed.firstIndex(of: row) == values.firstIndex(of: row), "\(row)")
        }
        #expect(RowList(delegates: [4, 1], unlisted: 0) != packed)
        #expect(RowList(delegates: [4, 1, 7], unlisted: 3) != packed)
        #expect(RowList(delegates: [], unlisted: 0).isEmpty)
        #expect(RowList(delegates: [], unlisted: 5) == [.record(.delegates, 5)])
    }
}
