import Foundation
import Testing

/// `convene export` (schedule.json and iCalendar) and `convene generate` end to end: the built
/// binary, the exact documents it writes, and what reading them back gives.
@Suite struct ExportGenerateCLITests {
    private func json(_ data: Data) throws -> Any { try JSONSerialization.jsonObject(with: data) }

    private func rows(_ run: RunResult) throws -> [[String: Any]] {
        try #require(try json(run.stdout) as? [[String: Any]], "\(run.out.prefix(200))")
    }

    // MARK: export --format schedule-json

    /// The agenda of the exported schedule.json, read back with `--data`, is the event's agenda:
    /// every session with its id, date, times, title, room, track and speakers. (`illustrative`
    /// has no place in a schedule.json, so it is the one column that differs.)
    @Test func aScheduleJSONExportReadsBackAsTheSameAgenda() throws {
        let dir = try TemporaryDirectory()
        let out = dir.file("schedule.json").path
        let export = try Convene.run(["export", "--format", "schedule-json", "--event", "hanoi-2023", "-o", out])
        #expect(export.status == 0, "\(export.err)")
        #expect(export.out.isEmpty, "the document goes to the file only")

        let document = try #require(try json(Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        #expect(document["$schema"] as? String == "https://c3voc.de/schedule/schema.json")
        let schedule = try #require(document["schedule"] as? [String: Any])
        let conference = try #require(schedule["conference"] as? [String: Any])
        #expect(conference["acronym"] as? String == "hanoi_2023", "the schema's pattern: later dashes become underscores")
        #expect(conference["time_zone_name"] as? String == "Asia/Ho_Chi_Minh")
        let days = try #require(conference["days"] as? [[String: Any]])
        let talks = days.flatMap { ($0["rooms"] as? [String: [[String: Any]]] ?? [:]).values.flatMap { $0 } }
        #expect(talks.count == 12, "the event's 12 sessions")

        let original = try rows(try Convene.run(["agenda", "--event", "hanoi-2023", "--format", "json"]))
        let back = try rows(try Convene.run(["agenda", "--data", out, "--format", "json"]))
        #expect(original.count == 12)
        func strip(_ rows: [[String: Any]]) -> [NSDictionary] {
            rows.map { row in NSDictionary(dictionary: row.filter { $0.key != "illustrative" }) }
        }
        #expect(strip(back) == strip(original))
    }

    @Test func scheduleJSONWithoutAnEventIsAUsageErrorNamingTheEvents() throws {
        let run = try Convene.run(["export", "--data", Fixtures.path("valid/minimal.json"), "--format", "schedule-json"])
        #expect(run.status == 64)
        #expect(run.err == "convene: --format schedule-json writes one event: add --event ID (events: conf)\n")
        #expect(run.out.isEmpty)
    }

    // MARK: export --format ics

    /// The minimal fixture's one session, as RFC 5545 text: UTC times, escaped commas, a folded
    /// line, CRLF everywhere. DTSTAMP is the time of the export, so it is checked for its form only.
    @Test func anICSExportOfTheMinimalFixtureIsExactlyThisCalendar() throws {
        let run = try Convene.run(["export", "--data", Fixtures.path("valid/minimal.json"), "--format", "ics"])
        #expect(run.status == 0, "\(run.err)")
        var lines = run.out.components(separatedBy: "\r\n")
        let stamp = try #require(lines.firstIndex { $0.hasPrefix("DTSTAMP:") })
        #expect(lines[stamp].wholeMatch(of: /DTSTAMP:\d{8}T\d{6}Z/) != nil, "\(lines[stamp])")
        lines.remove(at: stamp)
        #expect(lines.joined(separator: "\r\n") == [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Convene//Convene agenda//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:Conference",
            "BEGIN:VEVENT", "UID:s1@conf.convene",
            "DTSTART:20231118T013000Z", "DTEND:20231118T020000Z",   // 08:30 and 09:00 at +07:00
            "SUMMARY:Opening", #"LOCATION:Main hall\, Hanoi Museum\, Hà Nội"#,
            #"DESCRIPTION:Welcome.\n\nSpeakers: Phạm Thị Thanh Hương\n\nEvent: Conf"#, " erence",
            "CATEGORIES:Plenary", "END:VEVENT", "END:VCALENDAR", "",
        ].joined(separator: "\r\n"))
    }

    @Test func anICSExportOfOneEventHasOneVEventPerSessionAndGoesToTheFileNamed() throws {
        let dir = try TemporaryDirectory()
        let out = dir.file("agenda.ics").path
        let run = try Convene.run(["export", "--format", "ics", "--event", "hanoi-2023", "-o", out])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.isEmpty)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        let uids = text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
        #expect(uids == (1...12).map { String(format: "UID:hanoi-2023-s%02d@hanoi-2023.convene", $0) })
        #expect(text.components(separatedBy: "\r\n").contains("DTSTART:20231118T010000Z"), "08:00 at +07:00")
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no bare line feed")
    }

    /// The sample has sessions in one event only; a generated directory has two, 24 sessions each.
    @Test func anICSExportWithAnEventHasThatEventsSessionsOnly() throws {
        let dir = try TemporaryDirectory()
        let data = dir.file("two-events.json").path
        #expect(try Convene.run(["generate", "--delegates", "100", "--events", "2", "-o", data]).status == 0)
        func uids(_ arguments: [String]) throws -> [String] {
            let run = try Convene.run(["export", "--data", data, "--format", "ics"] + arguments)
            #expect(run.status == 0, "\(run.err)")
            return run.out.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
        }
        let all = try uids([]), second = try uids(["--event", "e1"])
        #expect(all.count == 48)
        #expect(second.count == 24)
        #expect(second.allSatisfy { $0.hasSuffix("@e1.convene") }, "\(second)")
        #expect(Set(second).isSubset(of: Set(all)))
    }

    @Test func anUnknownEventIsAUsageErrorWithASuggestion() throws {
        let run = try Convene.run(["export", "--format", "ics", "--event", "hanoi-2O23"])
        #expect(run.status == 64)
        #expect(run.err == "convene: unknown event 'hanoi-2O23' (did you mean 'hanoi-2023'?)\n")
        #expect(run.out.isEmpty)
    }

    // MARK: generate

    /// Counts in a generated file, read with Foundation.
    private func counts(_ data: Data) throws -> (delegates: Int, events: Int, sessions: Int, illustrative: Int) {
        let object = try #require(try json(data) as? [String: Any])
        let delegates = try #require(object["delegates"] as? [[String: Any]])
        let events = try #require(object["events"] as? [[String: Any]])
        return (delegates.count, events.count, events.map { ($0["sessions"] as? [Any])?.count ?? 0 }.reduce(0, +),
                delegates.filter { $0["illustrative"] as? Bool == true }.count)
    }

    @Test(arguments: [(0, 1), (1, 1), (250, 3), (1200, 2)])
    func generateWritesTheAskedSizeAndAFileThatValidates(delegates: Int, events: Int) throws {
        let dir = try TemporaryDirectory()
        let out = dir.file("g.json").path
        let run = try Convene.run(["generate", "--delegates", String(delegates), "--events", String(events), "-o", out])
        #expect(run.status == 0, "\(run.err)")
        let c = try counts(Data(contentsOf: URL(fileURLWithPath: out)))
        #expect(c.delegates == delegates)
        #expect(c.events == events)
        #expect(c.sessions == events * 24, "24 sessions an event by default")
        #expect(c.illustrative == delegates, "every generated delegate is marked illustrative")
        let check = try Convene.run(["validate", out])
        #expect(check.status == 0, "\(check.err)")
    }

    @Test func generateWithoutEventsMakesOnePer500Delegates() throws {
        let run = try Convene.run(["generate", "--delegates", "1600"])
        #expect(run.status == 0, "\(run.err)")
        #expect(try counts(run.stdout).events == 3)
    }

    @Test func theSameSeedWritesTheSameBytesAndAnotherSeedDoesNot() throws {
        let dir = try TemporaryDirectory()
        let a = try Convene.run(["generate", "--delegates", "300", "--seed", "42"])
        let b = try Convene.run(["generate", "--delegates", "300", "--seed", "42"])
        let toFile = try Convene.run(["generate", "--delegates", "300", "--seed", "42", "-o", dir.file("g.json").path])
        let other = try Convene.run(["generate", "--delegates", "300", "--seed", "43"])
        #expect([a.status, b.status, toFile.status, other.status] == [0, 0, 0, 0])
        #expect(a.stdout.count > 10_000)
        #expect(a.stdout == b.stdout)
        #expect(try Data(contentsOf: dir.file("g.json")) == a.stdout, "-o writes what stdout gets")
        #expect(other.stdout != a.stdout)
        #expect(try counts(other.stdout).delegates == 300)
    }

    @Test func aNegativeSizeIsAUsageError() throws {
        let run = try Convene.run(["generate", "--delegates=-1"])
        #expect(run.status == 64)
        #expect(run.err.contains("--delegates must be 0…50000000"), "\(run.err)")
        #expect(run.out.isEmpty)
    }
}
