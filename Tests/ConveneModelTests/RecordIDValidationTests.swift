import Foundation
import Testing
@testable import ConveneModel

/// Ids of every kind match `^[a-z0-9][a-z0-9._-]*$` (data/README.md), checked the
/// same way by the direct decoder and the general path; imported formats make ids
/// that match.
@Suite struct RecordIDValidationTests {
    static let minimal = (try? String(contentsOfFile: Fixtures.path("valid/minimal.json"), encoding: .utf8)) ?? ""

    /// The minimal fixture with one id (and every reference to it) replaced, as JSON text.
    static func minimal(replacing old: String, with new: String) -> [UInt8] {
        let escaped = String(decoding: (try? JSONSerialization.data(withJSONObject: [new], options: [.withoutEscapingSlashes])) ?? Data(), as: UTF8.self)
            .dropFirst(2).dropLast(2)
        return Array(minimal.replacingOccurrences(of: "\"\(old)\"", with: "\"\(escaped)\"").utf8)
    }

    static let hostile = "x/../../escape\u{1B}[2J"

    static func message(_ id: String) -> String {
        "\"\(id)\" is not a valid id: ids are lowercase letters, digits, '.', '_' and '-', starting with a letter or digit"
    }

    /// (old id in minimal.json, where the record's id is)
    static let kinds: [(String, String)] = [
        ("conf", "$.events[0].id"),
        ("s1", "$.events[0].sessions[0].id"),
        ("d2", "$.delegates[1].id"),
        ("unesco-hanoi", "$.organizations[0].id"),
        ("kanazawa", "$.cities[1].id"),
    ]

    @Test(arguments: kinds)
    func aHostileIDOfEveryKindIsRefusedAtItsPathByBothPaths(old: String, path: String) throws {
        let bytes = Self.minimal(replacing: old, with: Self.hostile)
        let fast = Result { () throws(LoadError) in try DirectoryLoader.loadFast(bytes: bytes, name: "x.json").directory }
        let general = DirectDecoderTests.general(bytes)
        #expect(fast == general, "the direct decoder and the general path disagree")
        guard case .failure(.invalid(_, let problems, _)) = fast else {
            Issue.record("loaded: \(fast)")
            return
        }
        #expect(problems.first == Problem(path: path, message: Self.message(Self.hostile)), "\(problems)")
    }

    @Test(arguments: ["Upper", "-lead", ".hidden", "_x", "a b", "a/b", "é", "a\u{0}b", "a\nb", "ａ"])
    func idsOutsideThePatternAreRefused(id: String) throws {
        let bytes = Self.minimal(replacing: "d2", with: id)
        let fast = Result { () throws(LoadError) in try DirectoryLoader.loadFast(bytes: bytes, name: "x.json").directory }
        #expect(fast == DirectDecoderTests.general(bytes))
        guard case .failure(.invalid(_, let problems, _)) = fast else {
            Issue.record("\(id.debugDescription) loaded")
            return
        }
        #expect(problems.contains(Problem(path: "$.delegates[1].id", message: Self.message(id))), "\(problems)")
    }

    @Test(arguments: ["d2", "0", "a.b_c-d", "hanoi-2023-s01", "9lives"])
    func idsInsideThePatternLoad(id: String) throws {
        let bytes = Self.minimal(replacing: "d2", with: id)
        let loaded = try DirectoryLoader.loadFast(bytes: bytes, name: "x.json")
        #expect(loaded.wasDirect)
        #expect(loaded.directory.delegates[1].id == id)
    }

    /// Country codes keep their own check (ISO 3166-1 alpha-2, upper case), not the id pattern.
    @Test func countryCodesAreNotHeldToTheIDPattern() throws {
        let d = try DirectoryLoader.load(path: Fixtures.path("valid/minimal.json"))
        #expect(d.countries.map(\.code).allSatisfy { !RecordID.isValid($0) })
    }

    // MARK: Imported formats

    static func allIDs(_ d: Directory) -> [String] {
        d.cities.map(\.id) + d.organizations.map(\.id) + d.events.map(\.id)
            + d.events.flatMap { $0.sessions.map(\.id) } + d.delegates.map(\.id)
    }

    /// The frab fixture with hostile text wherever ids are made from: acronym, talk slugs, guids, person codes and names.
    static func hostileSchedule() throws -> [UInt8] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("formats/schedule-frab.json")))
        var text = String(decoding: data, as: UTF8.self)
        text = text.replacingOccurrences(of: "\"acronym\": \"democamp23\"", with: #""acronym": "../\u001b[2J/X""#)
        text = text.replacingOccurrences(of: "\"slug\": \"", with: #""slug": "../../\u001b]0;t\u0007"#)
        text = text.replacingOccurrences(of: "\"guid\": \"", with: #""guid": "/etc/"#)
        text = text.replacingOccurrences(of: "\"code\": \"NQTF8Y\"", with: #""code": "../NQ\u202eTF""#)
        text = text.replacingOccurrences(of: "\"public_name\": \"Jürgen Groß\"", with: #""public_name": "\u001b[31m/""#)
        return Array(text.utf8)
    }

    @Test func aScheduleWithHostileTextGetsValidIDsTheSameEachTime() throws {
        let bytes = try Self.hostileSchedule()
        let first = try DirectoryLoader.load(bytes: bytes, name: "schedule.json")
        let ids = Self.allIDs(first)
        #expect(!ids.isEmpty)
        #expect(ids.allSatisfy(RecordID.isValid), "\(ids.filter { !RecordID.isValid($0) })")
        let again = try DirectoryLoader.load(bytes: bytes, name: "schedule.json")
        #expect(Self.allIDs(again) == ids, "ids are made deterministically")
    }

    @Test func importedRowsWithHostileNamesGetValidIDsTheSameEachTime() throws {
        let sheet = "Full Name,Country,City\n"
            + "\"../../etc/passwd\u{1B}[2J\",VN,Hà Nội\n"
            + "鈴木 花子,JP,Kanazawa\n"
            + "\"\u{202E}/.\u{0}\",VN,\"../Huế\u{1B}\"\n"
            + ".hidden,VN,Hà Nội\n"
        let records = try CSVReader.parse(bytes: Array(sheet.utf8))
        let directory = try DirectoryLoader.load(path: Fixtures.path("valid/minimal.json"))
        let plan = try RegistrationImport.plan(records: records, into: directory, event: "conf")
        #expect(plan.added == 4, "\(plan.outcomes.map(\.description))")
        let ids = Self.allIDs(plan.directory)
        #expect(ids.allSatisfy(RecordID.isValid), "\(ids.filter { !RecordID.isValid($0) })")
        let again = try RegistrationImport.plan(records: records, into: directory, event: "conf")
        #expect(Self.allIDs(again.directory) == ids)
        // The result passes the loader's own checks.
        #expect(Validator.validate(plan.directory).problems.isEmpty)
    }
}
