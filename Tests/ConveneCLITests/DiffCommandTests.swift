import Foundation
import Testing

@Suite struct DiffCommandTests {
    static let frab = Paths.fixtures.appendingPathComponent("published/frab-congress.xml")

    /// The fixture with `edits` applied (each replaces the first match, which must exist), written beside the test.
    static func edited(_ scratch: TemporaryDirectory, _ source: URL, _ name: String,
                       _ edits: [(String, String)]) throws -> String {
        var text = try String(contentsOf: source, encoding: .utf8)
        for (from, to) in edits {
            let range = try #require(text.range(of: from), "the fixture has \(from)")
            text.replaceSubrange(range, with: to)
        }
        let file = scratch.file(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    @Test func theSameScheduleTwiceExitsZeroWithNoRows() throws {
        let run = try Convene.run(["diff", Self.frab.path, Self.frab.path, "--format", "csv"])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.err.isEmpty)
        #expect(run.out == "change,event,id,title,before,after,key\r\n")
    }

    @Test func aChangedPublishedScheduleListsEachChangeAndExitsOne() throws {
        let scratch = try TemporaryDirectory()
        let new = try Self.edited(scratch, Self.frab, "new.xml", [
            ("<title>Opening (invented)</title>", "<title>Opening, renamed (invented)</title>"),
            ("<date>2025-12-27T11:00:00+01:00</date>\n        <start>11:00</start>",
             "<date>2025-12-27T12:00:00+01:00</date>\n        <start>12:00</start>"),
            ("<room>Saal GLITCH</room>", "<room>Saal 2</room>"),
        ])
        let run = try Convene.run(["diff", Self.frab.path, new, "--format", "csv"])
        #expect(run.status == 1, "\(run.err)")
        #expect(run.err.isEmpty)
        let lines = run.out.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines == [
            "change,event,id,title,before,after,key",
            "retitled,inv42c3,inv42c3-101-opening,\"Opening, renamed (invented)\",Opening (invented),\"Opening, renamed (invented)\",guid:a0000000-0000-4000-8000-000000000001",
            "moved-time,inv42c3,inv42c3-103-zoep,Codes in other scripts (invented),2025-12-27 11:00–12:00,2025-12-27 12:00–13:00,guid:a0000000-0000-4000-8000-000000000003",
            "moved-room,inv42c3,inv42c3-103-zoep,Codes in other scripts (invented),Saal GLITCH,Saal 2,guid:a0000000-0000-4000-8000-000000000003",
        ])
    }

    @Test func aConvene1FileGivesJSONWithNullForWhatWasNotThere() throws {
        let scratch = try TemporaryDirectory()
        let new = try Self.edited(scratch, Paths.sample, "new.json", [("\"room\": \"Lobby\",", "")])
        let run = try Convene.run(["diff", Paths.sample.path, new, "--format", "json"])
        #expect(run.status == 1, "\(run.err)")
        let rows = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows.first?["change"] as? String == "moved-room")
        #expect(rows.first?["id"] as? String == "hanoi-2023-s01")
        #expect(rows.first?["before"] as? String == "Lobby")
        #expect(rows.first?["after"] is NSNull)
        #expect(rows.first?["key"] as? String == "id:hanoi-2023-s01")
    }

    @Test func theTableNamesTheChangeAndTheSession() throws {
        let scratch = try TemporaryDirectory()
        let new = try Self.edited(scratch, Paths.sample, "new.json", [("Registration and welcome coffee", "Registration")])
        let run = try Convene.run(["diff", Paths.sample.path, new])
        #expect(run.status == 1, "\(run.err)")
        let lines = run.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(run.out)")
        #expect(lines.first?.hasPrefix("Change") == true)
        #expect(lines.last?.contains("retitled") == true && lines.last?.contains("hanoi-2023-s01") == true)
        #expect(lines.last?.contains("Registration and welcome coffee") == true)
    }

    @Test func aMissingFileExits66AndAnInvalidOneExits65() throws {
        let missing = try Convene.run(["diff", Self.frab.path, "/nonexistent/new.xml"])
        #expect(missing.status == 66)
        #expect(missing.stdout.isEmpty)
        #expect(missing.err.contains("/nonexistent/new.xml"))
        let invalid = Paths.invalidFixture("end-before-start.json").path
        let bad = try Convene.run(["diff", invalid, Self.frab.path])
        #expect(bad.status == 65)
        #expect(bad.stdout.isEmpty)
        #expect(bad.err.hasPrefix("convene: \(invalid): "))
    }

    @Test func bothArgumentsCompleteTheFilesConveneReads() throws {
        let script = try Convene.run(["--generate-completion-script", "bash"])
        #expect(script.status == 0)
        let body = try #require(script.out.components(separatedBy: "_convene_diff() {").dropFirst().first)
        let function = body.components(separatedBy: "\n}\n").first ?? ""
        #expect(function.components(separatedBy: "-fX '!*.@(json|xml|ics)'").count == 3, "OLD and NEW: \(function)")
    }

    @Test func bothFilesAreRequired() throws {
        let run = try Convene.run(["diff", Self.frab.path])
        #expect(run.status == 64)
    }
}
