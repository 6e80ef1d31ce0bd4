import Foundation
import Testing
@testable import ConveneModel

@Suite struct DirectoryLoaderTests {
    @Test func minimalFixtureLoads() throws {
        let d = try DirectoryLoader.load(path: Fixtures.path("valid/minimal.json"))
        #expect(d.title == "Minimal directory")
        #expect(d.delegates.count == 3)
        #expect(d.events.first?.sessions.first?.speakers == ["d1"])
        #expect(d.delegates[1].illustrative)
        #expect(!d.delegates[0].illustrative)
    }

    /// A place may be left out (or null): an event without city or venue, delegates with a
    /// country but no city, or neither. The fast path reads it directly, as the general path does.
    @Test func unrecordedPlacesLoad() throws {
        let path = Fixtures.path("valid/unrecorded-places.json")
        let d = try DirectoryLoader.load(path: path)
        let online = try #require(d.events.first { $0.id == "online" })
        #expect(online.city == nil && online.venue == nil)
        #expect(d.delegates.map(\.city) == ["hanoi", "hanoi", nil, nil, nil])
        #expect(d.delegates.map(\.country) == ["VN", "VN", "JP", nil, nil])
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let fast = try DirectoryLoader.loadFast(bytes: bytes, name: path)
        #expect(fast.wasDirect)
        #expect(fast.directory == d)
    }

    /// Each broken fixture fails with exactly these problems (path: message), in this order.
    @Test(arguments: [
        ("dangling-city.json", ["$.delegates[1].city: unknown city 'hanio' (did you mean 'hanoi'?)"]),
        ("duplicate-delegate-id.json", ["$.delegates[2].id: duplicate id 'd1' (first used at $.delegates[0])"]),
        ("country-mismatch.json", ["$.delegates[2].country: country 'VN' does not match city 'kanazawa', which is in 'JP'"]),
        // A city may be left out, never given without its country or written blank.
        ("city-without-country.json", ["$.delegates[0].country: missing country: city 'hanoi' is given, which is in 'VN'"]),
        ("blank-place.json", [
            "$.events[0].venue: 'venue' must not be empty; omit it when it is not recorded",
            "$.delegates[1].city: 'city' must not be empty; omit it when it is not recorded",
        ]),
        // An event's country, given beside its city or alone, must be listed and be the city's.
        ("event-country-mismatch.json", ["$.events[0].country: country 'DE' does not match city 'hanoi', which is in 'VN'"]),
        ("event-unknown-country.json", ["$.events[1].country: unknown country 'FR'"]),
        ("session-outside-event.json", ["$.events[0].sessions[0]: session 2023-11-18T18:00:00+07:00–2023-11-18T19:00:00+07:00 lies outside its event (2023-11-18T08:00:00+07:00–2023-11-18T17:00:00+07:00)"]),
        ("end-before-start.json", ["$.events[0].end: end 2023-11-18T07:00:00+07:00 is not after start 2023-11-18T08:00:00+07:00"]),
        ("bad-time-zone.json", ["$.cities[0].timeZone: unknown IANA time zone 'Asia/Hanoi' (did you mean 'Asia/Harbin'?)"]),
        ("bad-country-code.json", ["$.countries[1].code: 'XX' is not an ISO 3166-1 alpha-2 country code"]),
        ("unknown-speaker.json", ["$.events[0].sessions[0].speakers[0]: unknown delegate 'd9' (did you mean 'd1'?)"]),
        ("unknown-event-and-organization.json", [
            "$.delegates[0].organization: unknown organization 'unesco'",
            "$.delegates[0].events[0]: unknown event 'nope'",
        ]),
        ("wrong-types.json", [
            "$.delegates[0].name: expected a string, found a number",
            "$.delegates[1].name: missing required field 'name'",
            "$.delegates[2].nmae: unknown field 'nmae' (did you mean 'name'?)",
        ]),
        ("huge-number.json", [
            "$.cities[0].memberSince: expected a whole number from 1900 to 2999 written as plain digits, found 1e400",
            "$.events[0].reportedDelegates: -1 is out of range: expected a whole number from 0 to 100000000",
        ]),
        ("wrong-offset.json", ["$.events[0].start: UTC offset +08:00 does not match time zone Asia/Ho_Chi_Minh (+07:00 then)"]),
        ("wrong-format.json", ["$.format: unsupported format 'convene/9'; this version of Convene reads 'convene/1'"]),
    ])
    func invalidFixtureReportsEveryProblemAtItsPath(file: String, expected: [String]) throws {
        let path = Fixtures.path("invalid/" + file)
        do {
            _ = try DirectoryLoader.load(path: path)
            Issue.record("\(file) loaded but should not")
        } catch {
            guard case let .invalid(name, problems, dropped) = error else {
                Issue.record("expected a model error, got \(error)")
                return
            }
            #expect(name == path)
            #expect(problems.map(\.description) == expected)
            #expect(dropped == 0)
            #expect(error.exitCode == 65)
        }
    }

    @Test func syntaxErrorGivesLineAndColumnNotAPath() throws {
        let path = Fixtures.path("invalid/syntax-trailing-comma.json")
        #expect(throws: LoadError.self) { try DirectoryLoader.load(path: path) }
        do { _ = try DirectoryLoader.load(path: path) } catch {
            guard case let .syntax(_, line, column, message) = error else {
                Issue.record("expected a syntax error, got \(error)")
                return
            }
            #expect(line == 19)
            #expect(column == 104)
            #expect(column > 1)
            #expect(message.contains("]"))
            #expect(error.description.hasPrefix("\(path): not valid JSON at 19:104: expected a value after ',', found ']'"))
        }
    }

    @Test func truncatedFileIsASyntaxError() {
        do {
            _ = try DirectoryLoader.load(path: Fixtures.path("invalid/truncated.json"))
            Issue.record("loaded a truncated file")
        } catch {
            guard case .syntax = error else { Issue.record("expected syntax error, got \(error)"); return }
            #expect(error.exitCode == 65)
        }
    }

    @Test func emptyFileHasItsOwnMessage() {
        let path = Fixtures.path("invalid/empty.json")
        #expect(throws: LoadError.empty(file: path)) { try DirectoryLoader.load(path: path) }
    }

    @Test func whitespaceOnlyCountsAsEmpty() {
        #expect(throws: LoadError.empty(file: "x")) { try DirectoryLoader.load(bytes: Array(" \n\t ".utf8), name: "x") }
    }

    @Test func textThatIsNotJSONSaysSo() {
        do {
            _ = try DirectoryLoader.load(path: Fixtures.path("invalid/not-json.txt"))
            Issue.record("loaded a CSV file")
        } catch {
            guard case let .notJSON(_, detail) = error else { Issue.record("got \(error)"); return }
            #expect(detail.contains("starts with 'n'"))
        }
    }

    @Test func pngIsRecognised() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        #expect(throws: LoadError.notJSON(file: "x.png", detail: "it looks like a PNG image")) {
            try DirectoryLoader.load(bytes: png, name: "x.png")
        }
    }

    @Test func missingFileExits66() {
        do {
            _ = try DirectoryLoader.load(path: "/nonexistent/convene.json")
            Issue.record("loaded a missing file")
        } catch {
            #expect(error == .cannotRead(file: "/nonexistent/convene.json", reason: "no such file"))
            #expect(error.exitCode == 66)
        }
    }

    @Test func directoryIsNotAFile() {
        do {
            _ = try DirectoryLoader.load(path: Fixtures.root.path)
            Issue.record("loaded a directory")
        } catch {
            #expect(error == .cannotRead(file: Fixtures.root.path, reason: "it is a directory, not a file"))
            #expect(error.exitCode == 66)
        }
    }

    @Test func fileOverTheLimitIsRejectedBeforeParsing() {
        let path = Fixtures.path("valid/minimal.json")
        do {
            _ = try DirectoryLoader.load(path: path, maxBytes: 100)
            Issue.record("accepted an over-size file")
        } catch {
            guard case let .tooLarge(_, _, limit) = error else { Issue.record("got \(error)"); return }
            #expect(limit == 100)
        }
    }

    @Test func topLevelArrayIsAModelError() {
        do {
            _ = try DirectoryLoader.load(bytes: Array("[]".utf8), name: "a.json")
            Issue.record("loaded an array")
        } catch {
            #expect(error == .invalid(file: "a.json", problems: [Problem(path: "$", message: "expected an object, found an array")], dropped: 0))
        }
    }

    @Test func problemsAreCappedAndTheRestCounted() throws {
        var delegates: [String] = []
        for i in 0..<150 {
            delegates.append(#"{"id":"p\#(i)","name":"N","city":"nowhere","country":"VN","events":[]}"#)
        }
        let json = #"{"format":"convene/1","title":"t","countries":[{"code":"VN","name":"Viet Nam"}],"cities":[],"events":[],"delegates":["# + delegates.joined(separator: ",") + "]}"
        do {
            _ = try DirectoryLoader.load(bytes: Array(json.utf8), name: "many.json")
            Issue.record("loaded")
        } catch {
            guard case let .invalid(_, problems, dropped) = error else { Issue.record("got \(error)"); return }
            #expect(problems.count == ProblemList.cap)
            #expect(dropped == 150 - ProblemList.cap)
            #expect(error.description.contains("… and \(dropped) more"))
        }
    }
}
