import Testing
@testable import ConveneModel

/// Summary's breakdowns and the host line, on the bundled sample (the numbers are the
/// sample's: 120 delegates at the Hanoi conference, 100 of them from Viet Nam).
@Suite struct SummaryBreakdownTests {
    let ix = FastQueryTests.sampleIndex

    static func allBut(_ code: String) -> Filter {
        var f = Filter()
        f.excludedCountries = [code]
        return f
    }

    @Test(arguments: DelegateBreakdown.allCases)
    func everyBreakdownAddsUpToTheTotal(_ by: DelegateBreakdown) {
        for filter in [Filter(), Filter(countries: ["VN"]), Self.allBut("VN")] {
            let total = ix.summary(filter).delegates
            let entries = ix.breakdown(by, filter)
            #expect(total > 0)
            #expect(entries.reduce(0) { $0 + $1.count } == total, "\(by) under \(filter)")
            #expect(Set(entries.map(\.key)).count == entries.count)
        }
    }

    @Test func countryCityAndFieldAgreeWithTheSummary() {
        let s = ix.summary(Filter())
        #expect(ix.breakdown(.country, Filter()) == s.byCountry)
        #expect(ix.breakdown(.city, Filter()) == s.byCity)
        #expect(ix.breakdown(.field, Filter()) == s.byField)
    }

    @Test func regionsComeFromTheCountries() {
        let regions = ix.breakdown(.region, Filter())
        let byKey = Dictionary(uniqueKeysWithValues: regions.map { ($0.key, $0.count) })
        let vn = ix.summary(Filter(countries: ["VN"])).delegates
        #expect((byKey["ASEAN"] ?? 0) >= vn)
        #expect(regions.allSatisfy { $0.key == NotRecorded.key || ["ASEAN", "East Asia", "Europe", "South America"].contains($0.key) })
    }

    /// Hue (two illustrative delegates) has no field recorded: its delegates are
    /// "membership not recorded", and no bar anywhere says "not a network member".
    @Test func membershipNotRecordedIsNeverNotAMember() {
        let member = ix.breakdown(.member, Filter())
        let labels = member.map(\.label)
        #expect(!labels.contains(NetworkMembership.label(NetworkMembership.notMember)))
        #expect(member.first { $0.key == NetworkMembership.cityNotRecorded }?.count == 2)
        #expect(member.first { $0.key == NetworkMembership.member }?.count == 118)
        let field = ix.breakdown(.field, Filter()).map(\.label)
        #expect(!field.contains { $0.lowercased().contains("not a network member") })
        #expect(field.contains(Summary.noFieldLabel))
        #expect(Summary.noFieldLabel.contains("not recorded"))
    }

    @Test func theSixHostCitiesOutsideAseanPlus3AreMembers() {
        let expected = ["braga": ("Media Arts", 2017), "enghien-les-bains": ("Media Arts", 2013),
                        "fabriano": ("Crafts and Folk Art", 2013), "krakow": ("Literature", 2013),
                        "ostersund": ("Gastronomy", 2010), "santos": ("Film", 2015)]
        for (id, (field, year)) in expected {
            #expect(ix.city(id)?.creativeField == field, "\(id)")
            #expect(ix.city(id)?.memberSince == year, "\(id)")
        }
        for id in ["taguig", "katowice", "hue"] { #expect(ix.city(id)?.creativeField == nil, "\(id)") }
    }

    @Test func hanoiHostLineReadsTheSeedSentence() throws {
        let i = try #require(ix.eventByID["hanoi-2023"])
        let h = ix.hostLine(event: i, Filter())
        #expect(h.delegates == 120)
        #expect(h.hostCountry == "VN")
        #expect(h.fromHost == 100)
        #expect(h.fromElsewhere == 20)
        #expect(h.notRecorded == 0)
        #expect(h.otherCountries.map(\.key) == ["TH", "ID", "JP", "PH", "MY", "SG", "KH"])
        #expect(h.otherCountries.reduce(0) { $0 + $1.count } == 20)
        #expect(h.sentence == "120 delegates · 100 from the host country (Viet Nam) · 20 from 7 other countries")
        // Under "everyone but the hosts" the visitors remain.
        let visitors = ix.hostLine(event: i, Self.allBut("VN"))
        #expect(visitors.delegates == 20 && visitors.fromHost == 0 && visitors.fromElsewhere == 20)
    }

    @Test func hostLineCountsUnrecordedCountriesApart() throws {
        var d = ix.directory
        let i = try #require(ix.eventByID["hanoi-2023"])
        var cleared = 0
        for k in d.delegates.indices where d.delegates[k].events.contains("hanoi-2023") && d.delegates[k].country == "TH" {
            d.delegates[k].country = nil
            d.delegates[k].city = nil
            cleared += 1
        }
        let h = DirectoryIndex(d).hostLine(event: i, Filter())
        #expect(cleared == 5)
        #expect(h.notRecorded == 5 && h.fromHost == 100 && h.fromElsewhere == 15)
        #expect(h.fromHost + h.fromElsewhere + h.notRecorded == h.delegates)
        #expect(h.sentence.hasSuffix("15 from 6 other countries · 5 not recorded"))
    }

    @Test func bCyclesThroughEveryBreakdown() {
        var seen: [DelegateBreakdown] = []
        var b = DelegateBreakdown.country
        for _ in DelegateBreakdown.allCases { seen.append(b); b = b.next }
        #expect(b == .country)
        #expect(Set(seen) == Set(DelegateBreakdown.allCases))
    }
}

extension SummaryBreakdownTests {
    /// An organisation or role can point at one person: the sample's three unlisted delegates
    /// are counted in a bar of their own there, and no bar names their organisation or role.
    @Test func unlistedDelegatesAreCountedButTheirOrganisationAndRoleNotNamed() {
        for by in [DelegateBreakdown.organisation, .role] {
            let entries = ix.breakdown(by, Filter())
            #expect(entries.first { $0.key == UnlistedBar.key }?.count == 3)
            let labels = entries.map(\.label).joined(separator: "\n")
            for secret in ["Music promoter", "Ipoh Music Society"] { #expect(!labels.contains(secret), "\(by)") }
        }
    }
}
