import Foundation
import Testing

/// Delegates who asked not to be named, through the built binary: every output format of every
/// command that lists people is searched for them, and they are still counted.
///
/// The bundled sample marks three illustrative delegates unlisted: Mohd Hafiz bin Kamarudin
/// (Ipoh; the only "Music promoter" and the only member of "Ipoh Music Society"), Kiều Thị Minh
/// Nguyệt (Hanoi), and Phan Văn Lộc (Hội An), who speaks at the Hanoi conference.
@Suite struct UnlistedCommandTests {
    /// What names the two unlisted non-speakers: names, a unique role and organisation, ids
    /// (an id is often made from the name).
    static let secrets = ["Mohd Hafiz", "Kamarudin", "Music promoter", "Ipoh Music Society", "Kiều Thị Minh Nguyệt",
                          "Nguyệt", "\"d111\"", "\"d025\"", ",d111,", ",d025,", " d111 ", " d025 "]
    /// The speaker's name: allowed on their sessions only.
    static let speaker = "Phan Văn Lộc"

    static func leaks(_ text: String, _ forbidden: [String] = secrets) -> [String] {
        forbidden.filter { text.contains($0) }
    }

    /// Every listing command in every format, with and without filters and searches.
    static let listings: [[String]] = {
        var out: [[String]] = []
        for command in ["events", "agenda", "delegates", "cities", "summary"] {
            for format in ["table", "json", "csv"] {
                for extra in [[], ["--country", "MY"], ["--event", "hanoi-2023"], ["--search", "hafiz"],
                              ["--search", "ipoh"], ["--search", "nguyet"], ["--search", "music promoter"]] {
                    out.append([command, "--format", format] + extra)
                }
            }
        }
        out.append(["agenda", "--format", "ics"])
        out.append(["export", "--format", "ics"])
        out.append(["export", "--format", "schedule-json", "--event", "hanoi-2023"])
        out.append(["export", "--format", "convene"])
        return out
    }()

    @Test(arguments: listings)
    func noOutputNamesAnUnlistedDelegate(arguments: [String]) throws {
        let run = try Convene.run(arguments)
        #expect(run.status == 0, "\(arguments): \(run.err)")
        #expect(Self.leaks(run.out).isEmpty, "convene \(arguments.joined(separator: " ")) shows \(Self.leaks(run.out))")
        #expect(Self.leaks(run.err).isEmpty)
        // The speaker's name is public on their sessions only: never in a list of delegates.
        if arguments.first == "delegates" || arguments.first == "cities" || arguments.first == "summary" {
            #expect(!run.out.contains(Self.speaker))
        }
    }

    @Test func theDelegatesTableEndsWithOneUnlistedLineAndCountsEveryone() throws {
        let table = try Convene.run(["delegates"])
        let lines = table.out.split(separator: "\n")
        #expect(lines.last?.contains("3 unlisted delegates") == true)
        #expect(lines.count == 2 + 117 + 1, "a header, its rule, the 117 listed delegates and one line for the rest")
        let summary = try Convene.run(["summary", "--format", "json"])
        let totals = try #require((try JSONSerialization.jsonObject(with: summary.stdout) as? [String: Any])?["totals"] as? [String: Any])
        #expect(totals["delegates"] as? Int == 120, "the unlisted are counted")
        let events = try #require(try JSONSerialization.jsonObject(with: try Convene.run(["events", "--format", "json"]).stdout)
            as? [[String: Any]])
        #expect(events.first { $0["id"] as? String == "hanoi-2023" }?["listed"] as? Int == 120)
    }

    @Test func jsonAndCSVCarryTheUnlistedLine() throws {
        let json = try Convene.run(["delegates", "--country", "MY", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows[0]["name"] as? String == "Nur Aisyah Rahman")
        #expect(rows[1] as NSDictionary == ["unlisted": 1] as NSDictionary)
        let csv = try StrictCSV.records(try Convene.run(["delegates", "--country", "MY", "--format", "csv"]).out)
        #expect(csv.count == 3)
        #expect(csv.last == ["", "1 unlisted delegate", "", "", "", "", "", ""])
        let searched = try Convene.run(["delegates", "--search", "ipoh", "--format", "json"])
        #expect(try JSONSerialization.jsonObject(with: searched.stdout) as? [[String: Any]] != nil)
        #expect(!searched.out.contains("unlisted"), "a search never finds them, not even as a count")
    }

    @Test func aSpeakersNameIsShownOnTheirSessionsOnly() throws {
        let agenda = try Convene.run(["agenda", "--event", "hanoi-2023"])
        #expect(agenda.out.contains(Self.speaker))
        let ics = try Convene.run(["export", "--format", "ics", "--event", "hanoi-2023"])
        #expect(ics.out.contains(Self.speaker))
        let schedule = try Convene.run(["export", "--format", "schedule-json", "--event", "hanoi-2023"])
        #expect(schedule.out.contains(Self.speaker))
        // The name alone: not their role, organisation or id.
        for run in [agenda, ics, schedule] {
            #expect(!run.out.contains("Hội An City Culture Office"))
            #expect(!run.out.contains("d083"))
        }
    }

    /// `export --format convene` keeps everyone counted and names nobody unlisted; the copy loads
    /// and gives the same counts. `--keep-unlisted` is the organisers' full copy.
    @Test func theConveneExportRedactsUnlessAskedToKeepThem() throws {
        let dir = try TemporaryDirectory()
        let out = dir.file("copy.json").path
        let export = try Convene.run(["export", "--format", "convene", "-o", out])
        #expect(export.status == 0, "\(export.err)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(Self.leaks(text).isEmpty, "\(Self.leaks(text))")
        #expect(text.contains("\"name\": \"Phan Văn Lộc\""), "a speaker keeps the name their session shows")
        #expect(text.contains("\"id\": \"unlisted-1\""))
        let original = try Convene.run(["summary", "--format", "json"])
        let copy = try Convene.run(["summary", "--format", "json", "--data", out])
        #expect(copy.status == 0, "\(copy.err)")
        #expect(copy.stdout == original.stdout, "the same counts, the unlisted included")
        let copyAgenda = try Convene.run(["agenda", "--data", out, "--event", "hanoi-2023"])
        #expect(copyAgenda.out.contains(Self.speaker))

        let kept = dir.file("full.json").path
        #expect(try Convene.run(["export", "--format", "convene", "--keep-unlisted", "-o", kept]).status == 0)
        let full = try String(contentsOfFile: kept, encoding: .utf8)
        #expect(full.contains("Mohd Hafiz bin Kamarudin"))
        #expect(full.contains("\"listed\": false"))
    }

    // MARK: import's consent column

    private func directory(_ dir: TemporaryDirectory) throws -> String {
        let path = dir.file("dir.json").path
        let minimal = Fixtures.path("valid/minimal.json")
        try FileManager.default.copyItem(atPath: minimal, toPath: path)
        return path
    }

    @Test func importMapsTheConsentColumn() throws {
        let dir = try TemporaryDirectory()
        let into = try directory(dir)
        let sheet = dir.file("sheet.csv").path
        try "Name,Country,City,Consent\r\nAn Nguyen,VN,Hanoi,No\r\nBinh Tran,VN,Hanoi,yes\r\nChi Le,VN,Hanoi,\r\nDung Pham,VN,Hanoi, N \r\n"
            .write(toFile: sheet, atomically: true, encoding: .utf8)
        let run = try Convene.run(["import", sheet, "--event", "conf", "--into", into])
        #expect(run.status == 0, "\(run.err)")
        let listed = try Convene.run(["delegates", "--data", into, "--format", "csv"]).out
        #expect(listed.contains("Binh Tran") && listed.contains("Chi Le"))
        #expect(!listed.contains("An Nguyen") && !listed.contains("Dung Pham"))
        #expect(listed.contains("2 unlisted delegates"))
        let written = try String(contentsOfFile: into, encoding: .utf8)
        #expect(written.components(separatedBy: "\"listed\": false").count - 1 == 2)
    }

    @Test func anUnclearConsentValueStopsTheImportWithItsPlace() throws {
        let dir = try TemporaryDirectory()
        let into = try directory(dir)
        let before = try Data(contentsOf: URL(fileURLWithPath: into))
        let sheet = dir.file("sheet.csv").path
        try "Name,Country,City,Publish\r\nAn Nguyen,VN,Hanoi,yes\r\nBinh Tran,VN,Hanoi,maybe\r\n"
            .write(toFile: sheet, atomically: true, encoding: .utf8)
        let run = try Convene.run(["import", sheet, "--event", "conf", "--into", into])
        #expect(run.status == 65)
        #expect(run.err.hasPrefix("convene: \(sheet):3:4: 'maybe' in column 'Publish' is not a consent value"), "\(run.err)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: into)) == before, "nothing is written on a doubt")
    }
}
