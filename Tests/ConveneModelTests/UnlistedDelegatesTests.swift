import Testing
@testable import ConveneModel

/// Delegates who asked not to be named (``Delegate/listed`` false): counted by every query,
/// found by no search, written back by the encoder, read from a registration sheet's consent
/// column, and redacted from a copy to hand on.
@Suite struct UnlistedDelegatesTests {
    /// The minimal fixture with d2 (Đặng Văn Đức, Hanoi) unlisted and a speaker d1 unlisted too.
    func directory() throws -> Directory {
        var d = try DirectoryLoader.load(path: Fixtures.path("valid/minimal.json"))
        d.delegates[1].listed = false
        return d
    }

    @Test func countsIncludeThemAndListsSplitThemOff() throws {
        let ix = DirectoryIndex(try directory())
        let everyone = ix.delegates(Filter())
        #expect(everyone.count == 3)
        #expect(ix.summary(Filter()).delegates == 3)
        #expect(ix.listedCount(event: 0, Filter()) == 3)
        let (listed, unlisted) = ix.splitListed(everyone)
        #expect(listed == [0, 2])
        #expect(unlisted == 1)
        #expect(UnlistedDelegates.line(1) == "1 unlisted delegate")
        #expect(UnlistedDelegates.line(3) == "3 unlisted delegates")
        #expect(ix.listedDelegate("d2") == nil)
        #expect(ix.listedDelegate("d1")?.name == "Phạm Thị Thanh Hương")
    }

    /// By name, by part of it, by city: no query finds them, on the fast search and on the string path.
    @Test(arguments: ["dang", "Đặng Văn Đức", "duc", "ha noi", "hanoi"])
    func noSearchFindsThem(query: String) throws {
        let ix = DirectoryIndex(try directory())
        var f = Filter()
        f.search = query
        #expect(!ix.delegates(f).contains(1), "fast search")
        #expect(!ix.delegatesComparingStrings(f).contains(1), "string path")
        #expect(!ix.delegateSearch.matches(query).contains(1))
    }

    @Test func listedPeopleAreStillFoundBesideThem() throws {
        let ix = DirectoryIndex(try directory())
        var f = Filter()
        f.search = "hanoi"
        #expect(ix.delegates(f) == [0], "Phạm Thị Thanh Hương is in Hanoi too, and listed")
    }

    @Test func theEncoderWritesListedOnlyWhenFalse() throws {
        let text = DirectoryEncoder.encode(try directory())
        #expect(text.components(separatedBy: "\"listed\"").count - 1 == 1)
        #expect(text.contains("\"illustrative\": true,\n      \"listed\": false\n"))
        let again = try DirectoryLoader.load(bytes: Array(text.utf8), name: "again")
        #expect(again == (try directory()))
    }

    @Test func aListedValueOfTheWrongTypeIsAProblemWithItsPath() {
        let bytes = Array(#"{"format":"convene/1","title":"t","delegates":[{"id":"d1","name":"A","listed":"no"}]}"#.utf8)
        #expect(throws: LoadError.self) { try DirectoryLoader.load(bytes: bytes, name: "x.json") }
        do {
            _ = try DirectoryLoader.load(bytes: bytes, name: "x.json")
        } catch {
            #expect(error.description.contains("$.delegates[0].listed"), "\(error)")
        }
    }

    // MARK: Import

    @Test(arguments: [("no", false), ("No", false), ("FALSE", false), ("0", false), ("n", false), (" N ", false),
                      ("yes", true), ("YES", true), ("true", true), ("1", true), ("y", true), ("", true), ("  ", true)])
    func consentValues(cell: String, listed: Bool) {
        #expect(RegistrationImport.consent(cell) == listed)
    }

    @Test(arguments: ["maybe", "nein", "2", "yes please", "–"])
    func otherConsentValuesAreRefused(cell: String) {
        #expect(RegistrationImport.consent(cell) == nil)
    }

    @Test(arguments: ["Listed", "Consent", "publish", "Consent to be listed", "May publish name"])
    func consentColumnsAreFoundByTheirHeaders(header: String) throws {
        let records = try CSVReader.parse("Name,Country,City,\(header)\r\nAn Nguyen,VN,Hà Nội,no\r\nBinh Tran,VN,Hà Nội,yes\r\n")
        let plan = try RegistrationImport.plan(records: records, into: try directory(), event: "conf")
        let added = plan.directory.delegates.suffix(2)
        #expect(added.map(\.name) == ["An Nguyen", "Binh Tran"])
        #expect(added.map(\.listed) == [false, true])
        #expect(plan.outcomes[0].description == "line 2: add an-nguyen (An Nguyen); unlisted (consent withheld)")
    }

    @Test func mapNamesAnyConsentColumn() throws {
        let records = try CSVReader.parse("Name,Country,City,Đồng ý\r\nAn Nguyen,VN,Hà Nội,n\r\n")
        let plan = try RegistrationImport.plan(records: records, into: try directory(), event: "conf",
                                               map: try RegistrationImport.parseMap("listed=Đồng ý"))
        #expect(plan.directory.delegates.last?.listed == false)
    }

    /// Withholding consent is honoured for someone already there; a yes never lists someone who asked not to be.
    @Test func anExistingDelegateIsUnlistedByANoAndNeverRelistedByAYes() throws {
        let records = try CSVReader.parse("Name,Country,City,Consent\r\nPhạm Thị Thanh Hương,VN,Hà Nội,no\r\nĐặng Văn Đức,VN,Hà Nội,yes\r\n")
        let plan = try RegistrationImport.plan(records: records, into: try directory(), event: "conf")
        #expect(plan.directory.delegates[0].listed == false)
        #expect(plan.directory.delegates[1].listed == false)
        #expect(plan.nowUnlisted == 1)
        #expect(plan.changesDirectory)
        #expect(plan.outcomes[0].description.hasSuffix("now unlisted (consent withheld)"))
    }

    @Test func anUnclearValueStopsTheWholeImportWithLineAndColumn() throws {
        let records = try CSVReader.parse("Name,Consent,Country,City\r\nAn Nguyen,yes,VN,Hà Nội\r\nBinh Tran,perhaps,VN,Hà Nội\r\n")
        #expect(throws: RegistrationImport.Failure.badConsent(line: 3, column: 2, value: "perhaps", header: "Consent")) {
            try RegistrationImport.plan(records: records, into: try directory(), event: "conf")
        }
        let failure = RegistrationImport.Failure.badConsent(line: 3, column: 2, value: "perhaps", header: "Consent")
        #expect(failure.description.hasPrefix("3:2: 'perhaps' in column 'Consent' is not a consent value; write yes, no"))
    }

    @Test func aSheetWithoutAConsentColumnListsEveryone() throws {
        let records = try CSVReader.parse("Name,Country,City\r\nAn Nguyen,VN,Hà Nội\r\n")
        let plan = try RegistrationImport.plan(records: records, into: try directory(), event: "conf")
        #expect(plan.directory.delegates.last?.listed == true)
    }

    // MARK: Redaction

    @Test func aRedactedCopyCountsThemAndNamesOnlySpeakers() throws {
        var d = try directory()
        d.delegates[0].listed = false   // the speaker of s1
        d.organizations.append(Organization(id: "only-d1", name: "Only Theirs", kind: "ngo"))
        d.organizations.append(Organization(id: "nobodys", name: "Nobody's", kind: "ngo"))
        d.delegates[0].organization = "only-d1"
        let r = UnlistedRedaction.redacted(d)
        #expect(r.delegates.count == 3)
        #expect(r.delegates[0] == Delegate(id: "unlisted-1", name: "Phạm Thị Thanh Hương", city: "hanoi", country: "VN",
                                           events: ["conf"], listed: false))
        #expect(r.delegates[1] == Delegate(id: "unlisted-2", name: "Unlisted delegate 2", city: "hanoi", country: "VN",
                                           events: ["conf"], illustrative: true, listed: false))
        #expect(r.delegates[2] == d.delegates[2])
        #expect(r.events[0].sessions[0].speakers == ["unlisted-1"])
        #expect(r.organizations.map(\.id) == ["unesco-hanoi", "nobodys"], "an event's organiser stays, and one nobody named")
        #expect(Validator.validate(r).problems.isEmpty)
        #expect(DirectoryIndex(r).summary(Filter()) == DirectoryIndex(d).summary(Filter()))
    }

    @Test func aDirectoryWithoutUnlistedDelegatesIsUnchanged() throws {
        let d = try DirectoryLoader.load(path: Fixtures.path("valid/minimal.json"))
        #expect(UnlistedRedaction.redacted(d) == d)
    }
}
