import Testing
@testable import ConveneModel

@Suite struct FormatsImportTests {
    private func minimal() throws -> Directory { try DirectoryLoader.load(path: Fixtures.path("valid/minimal.json")) }
    private func sheet() throws -> [CSVReader.Record] {
        try CSVReader.parse(bytes: DirectoryLoader.readFile(Fixtures.path("formats/registrations.csv"), maxBytes: 1 << 20))
    }

    @Test func everyRowIsAccountedForWithItsLineNumber() throws {
        let plan = try RegistrationImport.plan(records: try sheet(), into: try minimal(), event: "conf")
        let lines = plan.outcomes.map(\.description)
        #expect(lines == [
            "line 2: unchanged: d1 (Phạm Thị Thanh Hương) is already listed",
            "line 3: add nguyen-van-an (Nguyễn Văn An)",
            "line 4: add sato-kenji (Sato, Kenji); organisation 'Kanazawa University' is not in the directory, so it is left out",
            "line 5: add le-thi-hoa (Lê Thị Hoa); new city hue (Huế, VN, Asia/Ho_Chi_Minh)",
            "line 6: not taken: unknown country 'Atlantis'; add it to the directory's countries first",
            "line 7: not taken: no name",
            "line 8: unchanged: nguyen-van-an (nguyen van an) is already listed; same delegate as line 3",
            "line 9: add tanaka-yui (Tanaka Yui); new city osaka (Osaka, JP, Asia/Tokyo)",
            "line 10: not taken: unknown country 'KR'; add it to the directory's countries first",
            "line 11: not taken: city 'Hà Nội' is in VN, not in JP",
        ])
        #expect(plan.added == 4)
        #expect(plan.rejected.map(\.line) == [6, 7, 10, 11])
        #expect(plan.addedCities.map(\.id) == ["hue", "osaka"])
    }

    @Test func addedDelegatesCarryTheirFields() throws {
        let plan = try RegistrationImport.plan(records: try sheet(), into: try minimal(), event: "conf")
        let hoa = try #require(plan.directory.delegates.first { $0.id == "le-thi-hoa" })
        #expect(hoa.role == "Curator, \"Old Town\" museum")
        #expect(hoa.city == "hue")
        #expect(hoa.country == "VN")
        #expect(hoa.events == ["conf"])
        #expect(Validator.validate(plan.directory).problems.isEmpty)
    }

    @Test func reimportingTheSameSheetChangesNothing() throws {
        let first = try RegistrationImport.plan(records: try sheet(), into: try minimal(), event: "conf")
        let second = try RegistrationImport.plan(records: try sheet(), into: first.directory, event: "conf")
        #expect(second.directory == first.directory)
        #expect(second.added == 0)
        #expect(second.joined == 0)
        #expect(!second.changesDirectory)
    }

    @Test func anExistingDelegateJoinsAnotherEvent() throws {
        var d = try minimal()
        var second = d.events[0]
        second.id = "conf2"
        second.sessions = []
        d.events.append(second)
        let records = try CSVReader.parse("Name,Country,City\r\nPhạm Thị Thanh Hương,VN,Hà Nội\r\n")
        let plan = try RegistrationImport.plan(records: records, into: d, event: "conf2")
        #expect(plan.outcomes.map(\.kind) == [.joined(id: "d1")])
        #expect(plan.directory.delegates[0].events == ["conf", "conf2"])
    }

    @Test func mapNamesColumnsAndAnIDColumnIdentifiesDelegates() throws {
        let text = "Mã,Họ và tên,Quốc gia,Thành phố\r\nd2,Đặng Văn Đức (renamed),VN,hanoi\r\nvn-007,Trần Bảo,VN,hanoi\r\nBad ID,X,VN,hanoi\r\n"
        let map = try RegistrationImport.parseMap("id=Mã, name=Họ và tên,country=Quốc gia,city=Thành phố")
        let plan = try RegistrationImport.plan(records: try CSVReader.parse(text), into: try minimal(), event: "conf", map: map)
        #expect(plan.outcomes[0].kind == .unchanged(id: "d2"))
        #expect(plan.outcomes[1].kind == .added(id: "vn-007"))
        #expect(plan.outcomes[2].isRejected)
    }

    @Test func firstAndLastNameColumnsMakeAName() throws {
        let records = try CSVReader.parse("First name,Last name,Country,City\nKenji,Sato,JP,Kanazawa\n")
        let plan = try RegistrationImport.plan(records: records, into: try minimal(), event: "conf")
        #expect(plan.outcomes.map(\.kind) == [.added(id: "kenji-sato")])
    }

    @Test func aCityInACountryWithSeveralZonesMustAlreadyExist() throws {
        var d = try minimal()
        d.countries.append(Country(code: "ID", name: "Indonesia"))
        let records = try CSVReader.parse("Name,Country,City\nBudi,Indonesia,Ambon\n")
        let plan = try RegistrationImport.plan(records: records, into: d, event: "conf")
        guard case .rejected(let reason) = plan.outcomes[0].kind else { Issue.record("took Ambon"); return }
        #expect(reason.contains("several time zones"))
    }

    @Test func wholeSheetProblemsAreErrors() throws {
        #expect(throws: RegistrationImport.Failure.missingColumn(field: "country", headers: ["Name", "City"])) {
            try RegistrationImport.plan(records: try CSVReader.parse("Name,City\nA,B\n"), into: try minimal(), event: "conf")
        }
        #expect(throws: RegistrationImport.Failure.unknownEvent("cnof", suggestion: "conf")) {
            try RegistrationImport.plan(records: try sheet(), into: try minimal(), event: "cnof")
        }
        #expect(throws: RegistrationImport.Failure.self) { try RegistrationImport.parseMap("nmae=Full Name") }
        #expect(throws: RegistrationImport.Failure.self) {
            try RegistrationImport.plan(records: try sheet(), into: try minimal(), event: "conf", map: [.name: "Nope"])
        }
    }

    @Test func rowsWithMoreFieldsThanTheHeaderAreNotTaken() throws {
        let records = try CSVReader.parse("Name,Country,City\nA,VN,hanoi,extra\n")
        let plan = try RegistrationImport.plan(records: records, into: try minimal(), event: "conf")
        #expect(plan.outcomes[0].isRejected)
    }
}

/// Item 9 of issue 11: importing is linear in the rows, and item 8: no row the loader would refuse.
@Suite struct FormatsImportScaleTests {
    private func minimal() throws -> Directory { try DirectoryLoader.load(path: Fixtures.path("valid/minimal.json")) }

    @Test func idsForManyRowsOfOneNameAreUniqueAndCostLinearWork() {
        var ids = UniqueIDs(["an", "an-2", "an-5"])
        var claimed: [String] = []
        for _ in 0..<2_000 { claimed.append(ids.claim("an")) }
        #expect(Set(claimed).count == claimed.count)
        #expect(claimed.prefix(4) == ["an-3", "an-4", "an-6", "an-7"])
        // Each claim looks at its new candidate and, at most, the ids that were already taken:
        // 2,000 claims after 3 ids cost about 4,000 lookups, not the 2,000,000 of restarting at -2 each time.
        #expect(ids.probes <= 2 * 2_000 + 3)
    }

    @Test func rowsWhoseIDsCollideStillGetTheSameIDsAsBefore() throws {
        var csv = "Full Name,Country,City\n"
        for _ in 0..<300 { csv += "Nguyễn Văn An,VN,hanoi\n" }
        // Same name and country: the second row is the same delegate as the first, so only one is added.
        var distinct = "Full Name,Country,City,ID\n"
        for n in 0..<300 { distinct += "Same Name,VN,hanoi,\n" + (n == 0 ? "" : "") }
        let plan = try RegistrationImport.plan(records: try CSVReader.parse(bytes: Array(csv.utf8)),
                                               into: try minimal(), event: "conf")
        #expect(plan.added == 1)
        // Different countries make different people of one name: ids an, an-2, an-3, … in order.
        var mixed = "Full Name,Country,City\n"
        for n in 0..<400 { mixed += "Sato Kenji,\(n % 2 == 0 ? "JP" : "VN"),\(n % 2 == 0 ? "kanazawa" : "hanoi")\n" }
        let two = try RegistrationImport.plan(records: try CSVReader.parse(bytes: Array(mixed.utf8)),
                                              into: try minimal(), event: "conf")
        #expect(two.added == 2)
        #expect(two.directory.delegates.suffix(2).map(\.id) == ["sato-kenji", "sato-kenji-2"])
    }

    @Test func aCellLongerThanTheLoaderAcceptsIsNotTakenAndNamesLineAndColumn() throws {
        let huge = String(repeating: "x", count: JSONLimits().maxStringBytes + 1)
        let csv = "Full Name,Country,City,Role\nAn,VN,hanoi,ok\nBình,VN,hanoi,\(huge)\n"
        let plan = try RegistrationImport.plan(records: try CSVReader.parse(bytes: Array(csv.utf8)),
                                               into: try minimal(), event: "conf")
        #expect(plan.added == 1)
        #expect(plan.rejected.map(\.line) == [3])
        #expect(plan.rejected.first?.description.contains("column 4 (role)") == true)
        // What is written loads again.
        _ = try DirectoryLoader.load(bytes: DirectoryEncoder.encodeBytes(plan.directory, schema: nil), name: "result")
    }
}
