import Foundation
import Testing

@Suite struct ValidateCommandTests {
    /// Each invalid fixture and where its error must point: a JSON path, a
    /// line:column for syntax errors, or only the file when it is not JSON at all.
    static let expectedLocations: [String: String] = [
        "bad-country-code.json": "$.countries[1].code",
        "bad-time-zone.json": "$.cities[0].timeZone",
        "blank-place.json": "$.events[0].venue",
        "city-without-country.json": "$.delegates[0].country",
        "country-mismatch.json": "$.delegates[2].country",
        "dangling-city.json": "$.delegates[1].city",
        "duplicate-delegate-id.json": "$.delegates[2].id",
        "empty.json": "the file is empty",
        "end-before-start.json": "$.events[0].end",
        "event-country-mismatch.json": "$.events[0].country",
        "event-unknown-country.json": "$.events[1].country",
        "huge-number.json": "$.cities[0].memberSince",
        "not-json.txt": "not a JSON document",
        "session-outside-event.json": "$.events[0].sessions[0]",
        "syntax-trailing-comma.json": "at 19:104",
        "truncated.json": "at 18:78",
        "unknown-event-and-organization.json": "$.delegates[0].events[0]",
        "unknown-speaker.json": "$.events[0].sessions[0].speakers[0]",
        "wrong-format.json": "$.format",
        "wrong-offset.json": "$.events[0].start",
        "wrong-types.json": "$.delegates[2].nmae",
    ]

    static var invalidFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: Paths.invalidFixtures.path)) ?? []).sorted()
    }

    @Test func theSampleFileIsValid() throws {
        let run = try Convene.run(["validate", Paths.sample.path])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.err.isEmpty)
        #expect(run.out.hasPrefix(Paths.sample.path + ": valid (15 events, 120 delegates"))
    }

    @Test func theMinimalFixtureAndTheE2EFixturesAreValid() throws {
        let files = [Paths.fixtures.appendingPathComponent("valid/minimal.json").path,
                     Paths.fixtures.appendingPathComponent("valid/unrecorded-places.json").path,
                     Paths.e2eFixture("hostile-names.json").path, Paths.e2eFixture("csv-injection.json").path]
        let run = try Convene.run(["validate"] + files)
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.split(separator: "\n").count == 4)
    }

    @Test func everyInvalidFixtureIsListed() {
        #expect(Self.invalidFiles.count >= Self.expectedLocations.count)
    }

    /// Every file in Tests/Fixtures/invalid, including ones added later, is rejected with exit 65.
    @Test(arguments: invalidFiles)
    func invalidFileExits65NamingTheFileAndWhere(file: String) throws {
        let path = Paths.invalidFixture(file).path
        let run = try Convene.run(["validate", path])
        #expect(run.status == 65, "\(file): \(run.err)")
        #expect(run.stdout.isEmpty)
        #expect(run.err.hasPrefix("convene: \(path): "), "the message names the file")
        if let location = Self.expectedLocations[file] {
            #expect(run.err.contains(location), "\(file) should point at \(location): \(run.err)")
        } else {
            #expect(run.err.contains("$.") || run.err.range(of: #"at \d+:\d+"#, options: .regularExpression) != nil,
                    "\(file) should point at a JSON path or a line:column: \(run.err)")
        }
    }

    @Test func aMissingFileExits66() throws {
        let path = "/nonexistent/directory.json"
        let run = try Convene.run(["validate", path])
        #expect(run.status == 66)
        #expect(run.err == "convene: \(path): cannot read: no such file\n")
    }

    @Test func aDirectoryExits66() throws {
        let run = try Convene.run(["validate", Paths.fixtures.path])
        #expect(run.status == 66)
        #expect(run.err.contains(Paths.fixtures.path))
        #expect(run.err.contains("directory"))
    }

    @Test func everyFileIsCheckedAndTheWorstCodeWins() throws {
        let valid = Paths.sample.path
        let invalid = Paths.invalidFixture("dangling-city.json").path
        let invalidOnly = try Convene.run(["validate", valid, invalid])
        #expect(invalidOnly.status == 65)
        #expect(invalidOnly.out.contains(valid + ": valid"))
        #expect(invalidOnly.err.contains(invalid))
        let withMissing = try Convene.run(["validate", invalid, "/nonexistent.json", valid])
        #expect(withMissing.status == 66)
        #expect(withMissing.err.contains(invalid) && withMissing.err.contains("/nonexistent.json"))
        #expect(withMissing.out.contains(valid + ": valid"), "files after a missing one are still checked")
    }

    @Test func anInvalidDataFileStopsAListingCommandWith65() throws {
        let run = try Convene.run(["events", "--data", Paths.invalidFixture("dangling-city.json").path])
        #expect(run.status == 65)
        #expect(run.stdout.isEmpty)
        #expect(run.err.contains("$.delegates[1].city"))
    }

    /// An event id that would lead an export out of the current directory and clear the
    /// screen is refused, at its path, with the escape shown rather than acted on.
    @Test func anEventIDWithSlashesAndAnEscapeIsRefusedWith65() throws {
        let scratch = try TemporaryDirectory()
        let path = scratch.file("hostile-id.json").path
        let minimal = try String(contentsOf: Paths.fixtures.appendingPathComponent("valid/minimal.json"), encoding: .utf8)
        let hostile = minimal.replacingOccurrences(of: "\"conf\"", with: #""x/../../escape\u001b[2J""#)
        #expect(hostile != minimal)
        try hostile.write(toFile: path, atomically: false, encoding: .utf8)
        for arguments in [["validate", path], ["events", "--data", path]] {
            let run = try Convene.run(arguments)
            #expect(run.status == 65)
            #expect(run.stdout.isEmpty)
            #expect(run.err == "convene: \(path): 1 problem in the directory:\n"
                    + "  $.events[0].id: \"x/../../escape␛[2J\" is not a valid id: ids are lowercase letters, digits, "
                    + "'.', '_' and '-', starting with a letter or digit\n", "\(arguments[0])")
        }
    }
}
