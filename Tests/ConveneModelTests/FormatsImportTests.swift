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
