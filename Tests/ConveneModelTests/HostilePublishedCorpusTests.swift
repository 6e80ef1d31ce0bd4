import ConveneText
import Foundation
import Testing
@testable import ConveneModel

/// The hostile corpus for the published-schedule readers (issue 13): every file in
/// `Tests/Fixtures/hostile/published` and its exact outcome.
///
/// A file either loads — with this many sessions and people, its hostile text kept as
/// written and made harmless by the sanitiser — or fails with one message, pinned whole,
/// naming the file and the place (line:column for XML, the line for iCalendar), with exit
/// code 65. Never a crash, a hang, an expanded entity or a read of another file. The files
/// are written by `make-hostile-published.py`; inputs too large for git are generated here.
@Suite struct HostilePublishedCorpusTests {
    static let folder = Fixtures.root.appendingPathComponent("hostile/published")

    static func outcome(_ bytes: [UInt8], name: String) -> Result<Directory, LoadError> {
        Result { () throws(LoadError) -> Directory in try DirectoryLoader.load(bytes: bytes, name: name) }
    }

    static func outcome(_ file: String) throws -> Result<Directory, LoadError> {
        outcome(Array(try Data(contentsOf: folder.appendingPathComponent(file))), name: file)
    }

    /// File → (sessions, delegates) once loaded.
    static let loads: [(String, Int, Int)] = [
        ("xml-controls-allowed.xml", 1, 1),
        ("ics-controls-everywhere.ics", 1, 1),
        // COUNT=10^9 is expanded only within the bounded window, and the notice says so.
        ("ics-rrule-count-billion.ics", 367, 0),
        ("ics-rrule-secondly.ics", 1, 0),
        ("v2-controls-everywhere.json", 1, 1),
        ("v2-colliding-ids.json", 4, 7),
    ]

    static let dtdRefused = "the document declares a DTD or entities (<!DOCTYPE … [ … ]> or SYSTEM/PUBLIC); schedules need neither, "
        + "and Convene reads no DTDs so that nothing outside the file is fetched and no text is silently replaced"

    /// File → the complete message after the file name. Every one exits 65.
    static let failures: [(String, String)] = [
        ("xml-escape-raw.xml", "6:24: not well-formed XML: a character that XML does not allow"),
        ("xml-escape-reference.xml", "6:29: not well-formed XML: a character that XML does not allow"),
        // Entities are refused before anything is expanded or fetched.
        ("xml-billion-laughs.xml", "2:1: " + dtdRefused),
        ("xml-external-entity.xml", "2:1: " + dtdRefused),
        ("xml-external-dtd.xml", "2:1: " + dtdRefused),
        ("xml-deep-nesting.xml", "23:207: elements are nested more than 64 deep; no schedule is"),
        ("ics-duration-overflow.ics", "10: 'P99999999999999999999W' is not a non-negative duration such as PT1H30M"),
        ("ics-duration-huge.ics", "10: 'P9999999W' is not a non-negative duration such as PT1H30M"),
    ]

    @Test func everyFixtureHasAnExpectedOutcome() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { !$0.hasSuffix(".py") }
        #expect(Set(files) == Set(Self.loads.map(\.0) + Self.failures.map(\.0)))
    }

    @Test(arguments: loads)
    func fixtureLoads(file: String, sessions: Int, delegates: Int) throws {
        switch try Self.outcome(file) {
        case .failure(let error): Issue.record("\(file) should load: \(error)")
        case .success(let d):
            #expect(d.events.count == 1)
            #expect(d.events.first?.sessions.count == sessions)
            #expect(d.delegates.count == delegates)
        }
    }

    @Test(arguments: failures)
    func fixtureFailsWithExactlyThisMessage(file: String, message: String) throws {
        switch try Self.outcome(file) {
        case .success: Issue.record("\(file) loaded but should not")
        case .failure(let error):
            #expect(error.description == "\(file):\(message)")
            #expect(error.exitCode == 65)
        }
    }

    // MARK: - Text that attacks a terminal

    /// Every text a view or report shows of a published schedule.
    static func strings(in d: Directory) -> [String] {
        var out = [d.title] + [d.notice].compactMap { $0 } + d.delegates.map(\.name)
        for e in d.events {
            out.append(e.title)
            for s in e.sessions {
                out += [s.title] + [s.room, s.track, s.abstract, s.description, s.subtitle].compactMap { $0 }
            }
        }
        return out
    }

    static func load(_ file: String) throws -> Directory {
        guard case .success(let d) = try outcome(file) else { throw CocoaError(.fileReadCorruptFile) }
        return d
    }

    @Test(arguments: ["xml-controls-allowed.xml", "ics-controls-everywhere.ics", "v2-controls-everywhere.json"])
    func hostileTextIsKeptAsWrittenAndSanitisedForTheTerminal(file: String) throws {
        let d = try Self.load(file)
        let s = try #require(d.events.first?.sessions.first)
        let person = try #require(d.delegates.first)
        // Title, speaker, room and abstract each carry the attack, as written.
        for field in [s.title, person.name, s.room ?? "", s.abstract ?? s.description ?? ""] {
            #expect(field.contains("FAKE") && field.contains("\u{9B}31m") && field.contains("\u{202E}evil\u{202C}"),
                    "\(field.prefix(80).debugDescription)")
            #expect(field.unicodeScalars.filter { $0 == "\u{301}" }.count == 500)
        }
        for field in Self.strings(in: d) {
            let line = Sanitizer.line(field)
            #expect(!line.unicodeScalars.contains(where: HostileTextTests.isHazard), "\(line.prefix(80).debugDescription)")
            let text = Sanitizer.text(field)
            #expect(!text.unicodeScalars.contains { $0 != "\n" && HostileTextTests.isHazard($0) })
            // 500 combining marks shrink to a few.
            #expect(!line.contains(String(repeating: "\u{301}", count: 5)))
        }
    }

    @Test func iCalendarAndJSONShowEscapesAsPictures() throws {
        for file in ["ics-controls-everywhere.ics", "v2-controls-everywhere.json"] {
            let title = try #require(try Self.load(file).events.first?.sessions.first?.title)
            #expect(Sanitizer.line(title).hasPrefix("Opening ␛[2J␛[H␛]0;pwned␇␍FAKE␈\u{FFFD}31meviliso"), "\(file)")
        }
    }

    // MARK: - Ids that collide once slugged

    @Test func idsThatCollideAfterSluggingStayApart() throws {
        let d = try Self.load("v2-colliding-ids.json")
        let sessions = d.events[0].sessions
        #expect(Set(sessions.map(\.id)).count == 4, "\(sessions.map(\.id))")
        #expect(Set(d.delegates.map(\.id)).count == 7, "\(d.delegates.map(\.id))")
        #expect(d.delegates.allSatisfy { RecordID.isValid($0.id) } && sessions.allSatisfy { RecordID.isValid($0.id) })
        // Each talk keeps its own two speakers (the last, one), never a namesake's.
        #expect(sessions.map(\.speakers.count) == [2, 2, 2, 1])
        #expect(Set(sessions.flatMap(\.speakers)).count == 7)
        // And the same file gives the same ids every time.
        #expect(try Self.load("v2-colliding-ids.json") == d)
    }

    // MARK: - Generated: too large for git

    static func xml(title: String = "Talk", room: String = "Hall") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <schedule><conference><acronym>huge</acronym><title>Huge</title><start>2030-03-01</start>
        <end>2030-03-01</end><time_zone_name>Europe/Berlin</time_zone_name></conference>
        <day index="1" date="2030-03-01"><room name="\(room)"><event guid="g1" id="1">
        <date>2030-03-01T10:00:00+01:00</date><start>10:00</start><duration>00:30</duration>
        <room>\(room)</room><title>\(title)</title><persons><person id="7">Mallory</person></persons>
        </event></room></day></schedule>
        """
    }

    /// Megabytes of element text and of attribute text load whole, once, without a hang.
    @Test func hugeElementAndAttributeTextLoad() throws {
        let big = String(repeating: "x", count: 3_000_000)
        for (text, what) in [(Self.xml(title: big), "element"), (Self.xml(room: big), "attribute")] {
            switch Self.outcome(Array(text.utf8), name: "huge.xml") {
            case .failure(let error): Issue.record("\(what): \(error)")
            case .success(let d):
                let s = try #require(d.events.first?.sessions.first)
                #expect(what == "element" ? s.title.utf8.count == 3_000_000 : s.room?.utf8.count == 3_000_000)
            }
        }
    }

    /// A DESCRIPTION of 1 MiB folded over 14,000 lines is unfolded into one text.
    @Test func aOneMegabyteFoldedLineIsUnfolded() throws {
        let value = String(repeating: "y", count: 1 << 20)
        let line = "DESCRIPTION:" + value
        var folded: [String] = []
        var rest = Substring(line)
        while !rest.isEmpty { folded.append(String(rest.prefix(74))); rest = rest.dropFirst(74) }
        let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nX-WR-CALNAME:Huge\r\nX-WR-TIMEZONE:Europe/Berlin\r\n"
            + "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20300301T100000Z\r\nDTEND:20300301T103000Z\r\nSUMMARY:Talk\r\n"
            + folded.joined(separator: "\r\n ") + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        switch Self.outcome(Array(ics.utf8), name: "huge.ics") {
        case .failure(let error): Issue.record("\(error)")
        case .success(let d): #expect(d.events.first?.sessions.first?.description == value)
        }
    }
}
