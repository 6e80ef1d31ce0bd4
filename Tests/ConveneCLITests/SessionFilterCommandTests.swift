import Foundation
import Testing

/// `--day`, `--track`, `--room`, `--type`, `--language` and `!VALUE` (issue 15), `--country '!VN'` (issue 16),
/// on the invented congress: Opening (Saal 1, CCC, lecture, en), After Midnight (Saal 1, Science, lecture, de,
/// 00:15 listed under the 27th), Codes (Saal GLITCH, Security, workshop, en), Day two keynote (Saal 1, CCC, the 28th).
@Suite struct SessionFilterCommandTests {
    static let congress = Fixtures.path("published/frab-congress.xml")

    static func ids(_ arguments: [String], command: String = "agenda") throws -> [String] {
        let run = try Convene.run([command, "--data", congress] + arguments + ["--format", "json"])
        #expect(run.status == 0, "\(run.err)")
        let rows = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [[String: Any]])
        return rows.compactMap { $0["id"] as? String }.map { $0.replacingOccurrences(of: "inv42c3-", with: "") }
    }

    @Test(arguments: [
        (["--day", "2025-12-27"], ["101-opening", "103-zoep", "102-late"]),
        (["--day", "day 2"], ["104"]),
        (["--day", "!2025-12-27"], ["104"]),
        (["--track", "ccc"], ["101-opening", "104"]),
        (["--track", "CCC", "--track", "Science"], ["101-opening", "102-late", "104"]),
        (["--track", "!CCC"], ["103-zoep", "102-late"]),
        (["--room", "saal glitch"], ["103-zoep"]),
        (["--room", "!Saal GLITCH"], ["101-opening", "102-late", "104"]),
        (["--type", "Workshop"], ["103-zoep"]),
        (["--type", "!workshop", "--language", "en"], ["101-opening", "104"]),
        (["--language", "de"], ["102-late"]),
        (["--language", "!de", "--day", "2025-12-27"], ["101-opening", "103-zoep"]),
    ])
    func eachFlagNarrowsTheAgenda(arguments: [String], expected: [String]) throws {
        #expect(try Self.ids(arguments) == expected)
    }

    @Test func aSessionFacetNarrowsTheCountsOfSummary() throws {
        let run = try Convene.run(["summary", "--data", Self.congress, "--language", "de", "--format", "json"])
        #expect(run.status == 0, "\(run.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        let totals = try #require(object["totals"] as? [String: Any])
        #expect(totals["sessions"] as? Int == 1)
        #expect(totals["delegates"] as? Int == 1, "the speaker of the German talk")
        #expect(try Self.ids(["--language", "de"], command: "delegates").count == 1)
    }

    @Test(arguments: [
        (["--room", "Saal GLICH"], "convene: unknown room 'Saal GLICH': no session has it (did you mean 'Saal GLITCH'?); rooms: Saal 1, Saal GLITCH\n"),
        (["--track", "!Sience"], "convene: unknown track '!Sience': no session has it (did you mean '!Science'?); tracks: CCC, Science, Security\n"),
        (["--day", "2025-12-29"], "convene: unknown day '2025-12-29': no session is on it (did you mean '2025-12-27'?); day 1 = 2025-12-27, day 2 = 2025-12-28\n"),
        (["--day", "day 3"], "convene: unknown day 'day 3': the sessions are on 2 days; day 1 = 2025-12-27, day 2 = 2025-12-28\n"),
        (["--language", "fr"], "convene: unknown language 'fr': no session has it; languages: en, de\n"),
    ])
    func aValueNoSessionHasIsAUsageErrorWithASuggestion(arguments: [String], message: String) throws {
        let run = try Convene.run(["agenda", "--data", Self.congress] + arguments)
        #expect(run.status == 64)
        #expect(run.err == message)
        #expect(run.out.isEmpty)
    }

    @Test func countryExclusionLeavesEveryoneElse() throws {
        let all = try Convene.run(["delegates", "--format", "json"])
        let noVN = try Convene.run(["delegates", "--country", "!VN", "--format", "json"])
        let vn = try Convene.run(["delegates", "--country", "VN", "--format", "json"])
        #expect(noVN.status == 0, "\(noVN.err)")
        // Listed delegates, plus the number the closing {"unlisted": N} object stands for.
        let count = { (data: Data) -> Int in
            guard let rows = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return -1 }
            return rows.reduce(0) { $0 + (($1["unlisted"] as? Int) ?? 1) }
        }
        #expect(try count(noVN.stdout) == count(all.stdout) - count(vn.stdout))
        #expect(!noVN.out.contains("\"country\": \"VN\""))
        let typo = try Convene.run(["delegates", "--country", "!vietnm"])
        #expect(typo.status == 64)
        #expect(typo.err == "convene: unknown country '!vietnm' (did you mean '!Viet Nam'?)\n")
    }

    @Test func theFlagsAreDocumentedInHelp() throws {
        let run = try Convene.run(["agenda", "--help"])
        for flag in ["--day <day>", "--track <track>", "--room <room>", "--type <type>", "--language <language>"] {
            #expect(run.out.contains(flag), "\(flag)")
        }
        #expect(run.out.contains("'!VN' leaves"))
    }
}
