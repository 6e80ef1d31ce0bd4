import Testing
@testable import ConveneModel
import ConveneText

/// The matching structures that let an import start on a million delegates without a key
/// string per delegate (issue 11, item 9): they must answer exactly as the plain ones did.
@Suite struct FormatsImportIndexTests {
    /// What ``RegistrationImport/nameKey(_:)`` was before its shortcut: fold, split at spaces and tabs, join.
    private func plainNameKey(_ s: String) -> String {
        SearchFold.fold(s).split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    @Test(arguments: ["Nguyễn Văn An", "  Nguyễn  Văn\tAn ", "An", "", " ", "\t", "a  b", "a b ", " a b", "Sato, Kenji",
                      "田中 美咲", "สมชาย ใจดี", "a \u{301}b", " \u{301}a", "x\u{A0}y", "A\r\nB", "ĐỖ ĐÌNH HỒNG", "a \t b"])
    func nameKeysAreThoseOfSplittingAndJoining(name: String) {
        #expect(RegistrationImport.nameKey(name) == plainNameKey(name))
    }

    @Test func identityMatchesListEveryEqualDelegateLowestFirstAndNoOther() {
        let people: [(String, String)] = [("an", "VN"), ("binh", "VN"), ("an", "JP"), ("an", "VN"), ("chi", "VN"), ("an", "VN")]
        var index = ImportIdentityIndex(expectedCount: 2)  // grows while appending
        for (i, p) in people.enumerated() { index.append(index: i, nameKey: p.0, country: p.1) }
        func matches(_ name: String, _ country: String) -> [Int] {
            index.matches(nameKey: name, country: country) { people[$0] == (name, country) }
        }
        #expect(matches("an", "VN") == [0, 3, 5])
        #expect(matches("an", "JP") == [2])
        #expect(matches("chi", "VN") == [4])
        #expect(matches("chi", "JP") == [])
        #expect(matches("dung", "VN") == [])
    }

    @Test func aSheetWithIDsFindsDelegatesAddedEarlierInTheSameSheet() throws {
        let d = try DirectoryLoader.load(path: Fixtures.path("valid/minimal.json"))
        let csv = "Full Name,Country,City,ID\nNew Person,VN,hanoi,\nNew Person Two,VN,hanoi,np2\nNew Person Two,VN,hanoi,np2\n"
            + "Other,VN,hanoi,d1\n"
        let plan = try RegistrationImport.plan(records: try CSVReader.parse(bytes: Array(csv.utf8)), into: d, event: "conf")
        #expect(plan.outcomes.map(\.kind)[0...2] == [.added(id: "new-person"), .added(id: "np2"), .unchanged(id: "np2")])
        #expect(plan.outcomes[3].kind == .unchanged(id: "d1"))
    }
}
