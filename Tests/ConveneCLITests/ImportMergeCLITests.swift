import Foundation
import Testing

/// `convene import` and `convene merge` end to end: the built binary on a copy of the minimal
/// fixture, its exact messages and exit codes, and the file it leaves, read back with Foundation
/// (never with the code under test).
@Suite struct ImportMergeCLITests {
    /// Two rows that can be taken (a code and a country name, a known and a new role) and one
    /// that cannot (an unknown country).
    static let sheet = """
        Full Name,Country,City,Role
        Nguyễn Văn An,VN,Hà Nội,Architect
        Sato Ken,Japan,Kanazawa,

        """
    static let badRow = "Bad Person,ZZ,Nowhere,\n"

    /// A scratch directory holding `d.json` (a copy of the minimal fixture) and `sheet.csv`.
    /// The directory is removed when `dir` goes away: a test keeps it to its end.
    private func scratch(sheet: String = sheet) throws -> (dir: TemporaryDirectory, target: String, sheet: String) {
        let dir = try TemporaryDirectory()
        let target = dir.file("d.json").path
        try FileManager.default.copyItem(atPath: Fixtures.path("valid/minimal.json"), toPath: target)
        try Data(sheet.utf8).write(to: dir.file("sheet.csv"))
        return (dir, target, dir.file("sheet.csv").path)
    }

    private func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// The delegates of a directory file as (id, name, country, events), in file order.
    private func delegates(_ path: String) throws -> [String] {
        let object = try #require(try JSONSerialization.jsonObject(with: bytes(path)) as? [String: Any])
        let list = try #require(object["delegates"] as? [[String: Any]])
        return list.map { d in
            let events = (d["events"] as? [String] ?? []).joined(separator: "+")
            return "\(d["id"] as? String ?? "?")|\(d["name"] as? String ?? "?")|\(d["country"] as? String ?? "?")|\(events)"
        }
    }

    static let minimalDelegates = ["d1|Phạm Thị Thanh Hương|VN|conf", "d2|Đặng Văn Đức|VN|conf", "d3|田中 美咲|JP|conf"]

    // MARK: import

    @Test func importAddsTheRowsWritesABackupAndTheResultValidates() throws {
        let (dir, target, sheet) = try scratch()
        defer { withExtendedLifetime(dir) {} }
        let before = try bytes(target)
        let run = try Convene.run(["import", sheet, "--event", "conf", "--into", target])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.err.isEmpty, "\(run.err)")
        #expect(run.out == """
            \(sheet): line 2: add nguyen-van-an (Nguyễn Văn An)
            \(sheet): line 3: add sato-ken (Sato Ken)
            2 added, 0 added to the event, 0 unchanged, 0 not taken. Wrote \(target) (previous version kept as \(target).bak).

            """)
        #expect(try delegates(target) == Self.minimalDelegates + ["nguyen-van-an|Nguyễn Văn An|VN|conf", "sato-ken|Sato Ken|JP|conf"])
        #expect(try bytes(target + ".bak") == before, "the backup is the file as it was")
        let check = try Convene.run(["validate", target])
        #expect(check.status == 0, "\(check.err)")
    }

    @Test func aDryRunReportsTheSameRowsAndChangesNothing() throws {
        let (dir, target, sheet) = try scratch()
        defer { withExtendedLifetime(dir) {} }
        let before = try bytes(target)
        let run = try Convene.run(["import", sheet, "--event", "conf", "--into", target, "--dry-run"])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out == """
            \(sheet): line 2: add nguyen-van-an (Nguyễn Văn An)
            \(sheet): line 3: add sato-ken (Sato Ken)
            2 added, 0 added to the event, 0 unchanged, 0 not taken. Dry run: \(target) was not changed.

            """)
        #expect(try bytes(target) == before)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted()
        #expect(names == ["d.json", "sheet.csv"], "no backup, lock or temporary file: \(names)")
    }

    @Test func importingTheSameSheetAgainAddsNothingAndLeavesTheFileAsItWas() throws {
        let (dir, target, sheet) = try scratch()
        defer { withExtendedLifetime(dir) {} }
        let first = try Convene.run(["import", sheet, "--event", "conf", "--into", target])
        #expect(first.status == 0, "\(first.err)")
        let afterFirst = try bytes(target)
        let again = try Convene.run(["import", sheet, "--event", "conf", "--into", target])
        #expect(again.status == 0, "\(again.err)")
        #expect(again.out == """
            \(sheet): line 2: unchanged: nguyen-van-an (Nguyễn Văn An) is already listed
            \(sheet): line 3: unchanged: sato-ken (Sato Ken) is already listed
            0 added, 0 added to the event, 2 unchanged, 0 not taken. Nothing to write: \(target) was not changed.

            """)
        #expect(try bytes(target) == afterFirst, "byte for byte")
        #expect(try delegates(target).count == 5)
    }

    @Test func aRowThatCannotBeTakenExits65AndTheOthersAreStillWritten() throws {
        let (dir, target, sheet) = try scratch(sheet: Self.sheet + Self.badRow)
        defer { withExtendedLifetime(dir) {} }
        let run = try Convene.run(["import", sheet, "--event", "conf", "--into", target])
        #expect(run.status == 65, "\(run.err)")
        #expect(run.err == "convene: \(sheet): line 4: not taken: unknown country 'ZZ'; add it to the directory's countries first\n")
        #expect(run.out.hasSuffix("2 added, 0 added to the event, 0 unchanged, 1 not taken. Wrote \(target) (previous version kept as \(target).bak).\n"),
                "\(run.out)")
        #expect(try delegates(target).count == 5)
    }

    @Test func anUnknownEventIsAUsageErrorAndTheFileIsUntouched() throws {
        let (dir, target, sheet) = try scratch()
        defer { withExtendedLifetime(dir) {} }
        let before = try bytes(target)
        let run = try Convene.run(["import", sheet, "--event", "cnof", "--into", target])
        #expect(run.status == 64, "\(run.err)")
        #expect(run.err.contains("'cnof'"), "\(run.err)")
        #expect(run.out.isEmpty)
        #expect(try bytes(target) == before)
    }

    // MARK: merge

    /// The minimal fixture with only d1, plus a new delegate d4: merges with the fixture cleanly.
    private func compatibleCopy(in dir: TemporaryDirectory) throws -> String {
        var object = try #require(try JSONSerialization.jsonObject(with: bytes(Fixtures.path("valid/minimal.json"))) as? [String: Any])
        let list = try #require(object["delegates"] as? [[String: Any]])
        object["delegates"] = list.filter { $0["id"] as? String == "d1" }
            + [["id": "d4", "name": "Kim Min-jun", "city": "kanazawa", "country": "JP", "events": ["conf"]]]
        let path = dir.file("other.json").path
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func mergingTwoFilesTakesEveryRecordOnceAndWritesAValidFile() throws {
        let dir = try TemporaryDirectory()
        let other = try compatibleCopy(in: dir)
        let out = dir.file("merged.json").path
        let run = try Convene.run(["merge", Fixtures.path("valid/minimal.json"), other, "-o", out])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out == "Wrote \(out): 1 events, 4 delegates, 2 cities.\n")
        #expect(try delegates(out) == Self.minimalDelegates + ["d4|Kim Min-jun|JP|conf"])
        #expect(try Convene.run(["validate", out]).status == 0)

        // To standard output, the same document.
        let toStdout = try Convene.run(["merge", Fixtures.path("valid/minimal.json"), other, "-o", "-"])
        #expect(toStdout.status == 0, "\(toStdout.err)")
        #expect(toStdout.stdout == (try bytes(out)))
    }

    @Test func aConflictListsTheFieldExits65AndWritesNothing() throws {
        let dir = try TemporaryDirectory()
        let text = try String(contentsOfFile: Fixtures.path("valid/minimal.json"), encoding: .utf8)
        let changed = dir.file("changed.json").path
        try Data(text.replacingOccurrences(of: "\"name\": \"Đặng Văn Đức\"", with: "\"name\": \"Đặng Văn Đức Jr\"").utf8)
            .write(to: URL(fileURLWithPath: changed))
        let out = dir.file("merged.json").path
        let run = try Convene.run(["merge", Fixtures.path("valid/minimal.json"), changed, "-o", out])
        #expect(run.status == 65, "\(run.err)")
        #expect(run.err == """
            convene: merging \(changed): 1 conflicting record; nothing was merged:
              delegate 'd2' differs: name: "Đặng Văn Đức" ≠ "Đặng Văn Đức Jr"

            """)
        #expect(run.out.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out), "nothing is written")
    }
}
