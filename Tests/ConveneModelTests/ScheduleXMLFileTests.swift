import Foundation
import Testing
@testable import ConveneModel

/// Reading a schedule.xml from its open file (``ScheduleXMLStream/read(file:size:head:reading:)``): in
/// two parts at once, cut before a `<day>`, or in one part, through a small buffer. Where it answers it
/// must give exactly the one-pass reading of the whole bytes (``ScheduleXMLStream/read(_:)``), which
/// ``ScheduleXMLStreamTests`` holds to the tree's; where it cannot vouch for a cut, it must decline.
@Suite struct ScheduleXMLFileTests {
    typealias ScratchFile = FileReadTests.ScratchFile

    /// Reads `bytes` from a scratch file as the loader would, with `reading`'s sizes and cut.
    static func fromFile(_ bytes: [UInt8], _ reading: ScheduleXMLStream.FileReading) throws -> PublishedSchedule? {
        let file = try ScratchFile(bytes)
        let fd = open(file.path, O_RDONLY)
        #expect(fd >= 0)
        defer { close(fd) }
        return ScheduleXMLStream.read(file: fd, size: bytes.count, head: Array(bytes.prefix(DirectoryLoader.headBytes)),
                                      reading: reading)
    }

    /// Equality without printing both schedules when they differ (they run to megabytes).
    static func same(_ a: PublishedSchedule?, _ b: PublishedSchedule?) -> Bool { a == b }
    static func declined(_ a: PublishedSchedule?) -> Bool { a == nil }

    static func offset(of text: String, in bytes: [UInt8]) -> Int? {
        let t = Array(text.utf8)
        return bytes.indices.first { bytes[$0...].starts(with: t) }
    }

    /// Offsets of every `<day` in `bytes`.
    static func days(in bytes: [UInt8]) -> [Int] {
        bytes.withUnsafeBufferPointer { b in
            var found: [Int] = []
            var i = 0
            while i + 4 <= b.count {
                if b[i] == 0x3C, b[i + 1] == 0x64, b[i + 2] == 0x61, b[i + 3] == 0x79 { found.append(i) }  // "<day"
                i += 1
            }
            return found
        }
    }

    /// A congress-shaped document: `days` days of rooms and events, people shared across days, text in
    /// several scripts, CDATA and entities, and (with `index: false`) days without an index.
    static func congress(days: Int, roomsPerDay: Int = 3, eventsPerRoom: Int = 6, index: Bool = true,
                         between: String = "", tracks: Bool = true, seed: Int = 0) -> String {
        var body = ""
        var event = seed * 1000
        for d in 1...days {
            body += "<day\(index ? " index=\"\(d)\"" : "") date=\"2031-12-0\(d)\" start=\"2031-12-0\(d)T10:00:00+01:00\">\n"
            for r in 0..<roomsPerDay {
                body += "  <room name=\"Saal \(r) \u{00E9}\">\n"
                for e in 0..<eventsPerRoom {
                    event += 1
                    let words = String(repeating: "Hà Nội 東京 🎉 &amp; <![CDATA[<x>]]> ", count: (event * 7) % 23)
                    body += "    <event guid=\"g-\(event)\" id=\"\(event % 40)\"><title> T\(event) \(words)</title>"
                        + "<date>2031-12-0\(d)T\(10 + e % 12):00:00+01:00</date><start>\(10 + e % 12):00</start>"
                        + "<duration>00:45</duration>"
                        + "<track>Track \(event % 5)</track><abstract>\(words)</abstract>"
                        + "<persons><person id=\"\(event % 60)\">Person \(event % 60)</person>"
                        + "<person guid=\"p-\(event % 17)\">Ünïcødé \(event % 17)</person></persons>"
                        + "<links><link href=\"https://example.org/\(event)\">Slides</link></links></event>\n"
                }
                body += "  </room>\n"
            }
            body += "</day>\n\(between)"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- invented for tests -->\n"
            + "<schedule xmlns:x=\"urn:x\">\n<version>1</version>\n<conference><title>Test Congress</title>"
            + "<time_zone_name>Europe/Berlin</time_zone_name><city>Hamburg</city></conference>\n"
            + (tracks ? "<tracks><track>Track 0</track></tracks>\n" : "") + "\(body)</schedule>\n"
    }

    @Test func cutBeforeAnyDayTheTwoPartsReadAsTheWholeDoes() throws {
        let bytes = Array(Self.congress(days: 5).utf8)
        let whole = try #require(ScheduleXMLStream.read(bytes))
        let days = Self.days(in: bytes)
        #expect(days.count == 5)
        // Each day after the first: the rest starts there. Small pieces split names, text and UTF-8 sequences.
        for (n, cut) in days.dropFirst().enumerated() {
            for chunk in [1, 2, 3, 5, 7, 64, 4096, 64 << 10] {
                let read = try Self.fromFile(bytes, .init(twoPartsAbove: 0, onlyWithTwoCPUs: false, chunk: chunk, cut: cut))
                #expect(Self.same(read, whole), "cut before day \(n + 2), pieces of \(chunk) bytes")
            }
        }
        #expect(whole.sessions.count == 5 * 3 * 6)
    }

    @Test func theCutNearestTheMiddleIsFoundAndTheFileReadInTwoParts() throws {
        let bytes = Array(Self.congress(days: 8, eventsPerRoom: 20).utf8)
        #expect(bytes.count > 512 << 10)
        let file = try ScratchFile(bytes)
        let fd = open(file.path, O_RDONLY)
        defer { close(fd) }
        let cut = try #require(ScheduleXMLStream.dayNearMiddle(fd, size: bytes.count))
        let nearest = try #require(Self.days(in: bytes).min { abs($0 - bytes.count / 2) < abs($1 - bytes.count / 2) })
        #expect(cut == nearest)
        #expect(try Self.same(Self.fromFile(bytes, .init()), ScheduleXMLStream.read(bytes)))
        // One part, with no cut at all.
        #expect(try Self.same(Self.fromFile(bytes, .init(twoPartsAbove: .max)), ScheduleXMLStream.read(bytes)))
    }

    @Test func aDayAcrossTwoSearchWindowsIsFound() throws {
        let file = try ScratchFile(Array(String(repeating: " ", count: (64 << 10) - 2).utf8) + Array("<day date=\"x\">".utf8))
        let fd = open(file.path, O_RDONLY)
        defer { close(fd) }
        #expect(ScheduleXMLStream.firstDay(fd, from: 0, to: 70_000) == (64 << 10) - 2)
        #expect(ScheduleXMLStream.lastDay(fd, from: 0, to: 70_000) == (64 << 10) - 2)
        #expect(ScheduleXMLStream.firstDay(fd, from: 0, to: (64 << 10) - 2) == nil)
    }

    /// The search outwards from the middle finds what a scan of the whole middle half would: the nearest `<day`.
    @Test func theSearchFromTheMiddleFindsTheNearestDay() throws {
        var rng = SplitMix64(seed: 11)
        for round in 0..<60 {
            let size = 200_000 + Int(rng.next() % 600_000)
            var bytes = [UInt8](repeating: UInt8(ascii: " "), count: size)
            var marks: [Int] = []
            for _ in 0..<Int(rng.next() % 4) {
                let at = Int(rng.next() % UInt64(size - 10))
                if marks.contains(where: { abs($0 - at) < 6 }) { continue }
                marks.append(at)
                let tag = Array((rng.next() % 3 == 0 ? "<dax " : rng.next() % 2 == 0 ? "<day>" : "<day\n").utf8)
                bytes.replaceSubrange(at..<(at + 5), with: tag)
            }
            let file = try ScratchFile(bytes)
            let fd = open(file.path, O_RDONLY)
            defer { close(fd) }
            let middle = size / 2
            let candidates = Self.days(in: bytes).filter { $0 >= size / 4 && $0 < size - size / 4 && bytes[$0 + 3] == UInt8(ascii: "y") }
            let nearest = candidates.min { (abs($0 - middle), $0) < (abs($1 - middle), $1) }
            #expect(ScheduleXMLStream.dayNearMiddle(fd, size: size) == nearest, "round \(round): marks \(marks)")
        }
    }

    /// A `<day` that is not a child of `<schedule>`: the first part is not well-formed with `</schedule>` after it.
    @Test(arguments: [
        ("a comment", "<!-- <day index=\"9\" date=\"2031-01-01\"> -->\n"),
        ("a CDATA section", "<x><![CDATA[ <day index=\"9\" date=\"2031-01-01\"> ]]></x>\n"),
        ("a processing instruction", "<?pi <day index=\"9\" date=\"2031-01-01\"> ?>\n"),
        ("another element", "<wrapper><day index=\"9\" date=\"2031-01-01\"></day></wrapper>\n"),
    ])
    func aCutThatIsNotBeforeAChildOfScheduleIsDeclined(place: String, decoy: String) throws {
        let bytes = Array(Self.congress(days: 4, between: decoy).utf8)
        let whole = try #require(ScheduleXMLStream.read(bytes))
        let decoys = Self.days(in: bytes).filter { i in bytes[i...].starts(with: Array("<day index=\"9\"".utf8)) }
        #expect(decoys.count == 4, "\(place)")
        for cut in decoys {
            #expect(try Self.declined(Self.fromFile(bytes, .init(twoPartsAbove: 0, onlyWithTwoCPUs: false, chunk: 4096, cut: cut))), "\(place) at \(cut)")
        }
        // The genuine days still cut well.
        let genuine = Self.days(in: bytes).filter { !decoys.contains($0) }.dropFirst()
        for cut in genuine {
            #expect(try Self.same(Self.fromFile(bytes, .init(twoPartsAbove: 0, onlyWithTwoCPUs: false, chunk: 4096, cut: cut)), whole), "\(place)")
        }
    }

    /// The fuzzer's invariant, on seeded edits made of the tokens that change what a cut means: at every
    /// `<day` of the edited document, the two parts give the one-pass reading of the whole, or decline.
    @Test func seededEditsNeverGiveAScheduleTheWholeReadDoesNot() throws {
        let base = Array(Self.congress(days: 4, eventsPerRoom: 3).utf8)
        let tokens = ["<!--", "-->", "<![CDATA[", "]]>", "<day index=\"7\" date=\"2031-12-09\">", "</day>", "<", ">", "&",
                      "\"", "<room name=\"R\">", "</room>", "<?x ", "?>", "</schedule>", "<schedule>", "\u{00E9}", "\u{FF}"]
            .map { Array($0.utf8) }
        var rng = SplitMix64(seed: 29)
        var answered = 0, declined = 0
        for round in 0..<250 {
            var bytes = base
            for _ in 0..<(rng.next() % 4 == 0 ? 2 : 1) {
                let at = Int(rng.next() % UInt64(bytes.count))
                switch rng.next() % 3 {
                case 0: bytes.insert(contentsOf: tokens[Int(rng.next() % UInt64(tokens.count))], at: at)
                case 1: bytes.removeSubrange(at..<min(bytes.count, at + 1 + Int(rng.next() % 12)))
                default: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
                }
            }
            let whole = ScheduleXMLStream.read(bytes)
            let file = try ScratchFile(bytes)
            let fd = open(file.path, O_RDONLY)
            defer { close(fd) }
            let head = Array(bytes.prefix(DirectoryLoader.headBytes))
            for cut in Self.days(in: bytes) {
                let parts = ScheduleXMLStream.read(file: fd, size: bytes.count, head: head,
                                                   reading: .init(twoPartsAbove: 0, onlyWithTwoCPUs: false, chunk: 777, cut: cut))
                if let parts {
                    answered += 1
                    #expect(Self.same(parts, whole), "round \(round), cut at \(cut)")
                } else {
                    declined += 1
                }
            }
        }
        // Both outcomes occur: the edits are neither all harmless nor all fatal.
        #expect(answered > 50 && declined > 50, "answered \(answered), declined \(declined)")
    }

    @Test func aDayWithoutAnIndexAfterTheCutIsLeftToTheWholeRead() throws {
        let bytes = Array(Self.congress(days: 3, index: false).utf8)
        let whole = try #require(ScheduleXMLStream.read(bytes))
        let cut = Self.days(in: bytes)[1]
        #expect(try Self.declined(Self.fromFile(bytes, .init(twoPartsAbove: 0, onlyWithTwoCPUs: false, cut: cut))))
        // In one part, positions are known.
        #expect(try Self.same(Self.fromFile(bytes, .init(twoPartsAbove: .max, chunk: 1000)), whole))
    }

    @Test func rulesAboutWhatComesAfterTheFirstDayHoldAcrossTheCut() throws {
        // <tracks> after a day, and a day's events after its rooms, are the tree's to read: declined in the rest too.
        let late = Array(Self.congress(days: 3, between: "<tracks><track>Late</track></tracks>\n", tracks: false).utf8)
        #expect(Self.declined(ScheduleXMLStream.read(late)))
        #expect(try Self.declined(Self.fromFile(late, .init(twoPartsAbove: 0, onlyWithTwoCPUs: false, cut: Self.days(in: late)[2]))))
        // A second <conference> after the days is ignored by both.
        let second = Array(Self.congress(days: 3, between: "<conference><title>Other</title></conference>\n").utf8)
        let whole = try #require(ScheduleXMLStream.read(second))
        #expect(try Self.same(Self.fromFile(second, .init(twoPartsAbove: 0, onlyWithTwoCPUs: false, cut: Self.days(in: second)[2])), whole))
        #expect(whole.conference.title == "Test Congress")
    }

    @Test func invalidUTF8AnywhereIsLeftToTheWholeRead() throws {
        let bytes = Array(Self.congress(days: 4).utf8)
        let cut = Self.days(in: bytes)[2]
        for at in [100, cut - 10, cut + 100, bytes.count - 20] {
            var broken = bytes
            broken.insert(0xC3, at: at)  // a lead byte with no continuation
            #expect(Self.declined(ScheduleXMLStream.read(broken)))
            #expect(try Self.declined(Self.fromFile(broken, .init(twoPartsAbove: 0, onlyWithTwoCPUs: false, chunk: 1000, cut: cut))), "at \(at)")
            #expect(try Self.declined(Self.fromFile(broken, .init(twoPartsAbove: .max, chunk: 1000))), "at \(at)")
        }
    }

    @Test func aDocumentLibxml2TranscodesIsReadInOnePart() throws {
        let latin = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + Self.congress(days: 3)
            .replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", with: "")
            .replacingOccurrences(of: "Hà Nội 東京 🎉 ", with: "Caf\u{00E9} ")
            .replacingOccurrences(of: "Ünïcødé", with: "\u{00C9}t\u{00E9}")
        let bytes = latin.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        let whole = try #require(ScheduleXMLStream.read(bytes))
        // A cut is never made (the positions libxml2 reports are not the file's), and one part reads it all.
        #expect(try Self.same(Self.fromFile(bytes, .init(twoPartsAbove: 0, onlyWithTwoCPUs: false, chunk: 333)), whole))
        #expect(whole.sessions.first?.title.hasPrefix("T1 Caf\u{00E9}") == true)
    }

    /// A doctype the whole read refuses must not be passed by because the prolog runs past the head.
    @Test func aPrologLongerThanTheHeadIsLeftToTheWholeRead() throws {
        let comment = "<!-- " + String(repeating: "x", count: DirectoryLoader.headBytes) + " -->\n"
        let dtd = "<!DOCTYPE schedule [ <!ENTITY e \"entity text\"> ]>\n"
        let text = Self.congress(days: 4).replacingOccurrences(of: "<!-- invented for tests -->\n", with: comment + dtd)
        let bytes = Array(text.utf8)
        #expect(XMLTree.prolog(Array(bytes.prefix(DirectoryLoader.headBytes))) == .undecided)
        #expect(XMLTree.declaredDTD(bytes) != nil)
        for reading in [ScheduleXMLStream.FileReading(twoPartsAbove: .max), .init(twoPartsAbove: 0, onlyWithTwoCPUs: false)] {
            #expect(try Self.declined(Self.fromFile(bytes, reading)))
        }
        // The loader refuses it as the whole read does.
        let file = try ScratchFile(bytes)
        #expect(throws: LoadError.self) { _ = try DirectoryLoader.loadFast(path: file.path) }
        // A long comment alone is fine for the whole read, and the file is read whole.
        let plain = Array(Self.congress(days: 4).replacingOccurrences(of: "<!-- invented for tests -->\n", with: comment).utf8)
        #expect(try Self.declined(Self.fromFile(plain, .init(twoPartsAbove: .max))))
        let whole = try DirectoryLoader.loadFast(bytes: plain, name: "x")
        let plainFile = try ScratchFile(plain)
        #expect(try DirectoryLoader.loadFast(path: plainFile.path).directory == whole.directory, "the directories differ")
    }

    @Test func theUTF8BoundaryOfAPieceNeverSplitsASequence() {
        let text = Array("aé東🎉".utf8)  // 1, 2, 3 and 4 bytes
        text.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return }
            // Cut after each byte: the boundary falls before an incomplete sequence, or at the end of a complete one.
            let expected = [1, 1, 3, 3, 3, 6, 6, 6, 6, 10]
            for count in 1...text.count {
                #expect(XMLFileSource.sequenceBoundary(base, count) == expected[count - 1], "after \(count) bytes")
            }
        }
    }

    /// The loader: a published file read straight from the file gives the directory the whole-bytes path gives.
    @Test func theLoaderReadsTheFileStraightAndGivesTheSameDirectory() throws {
        let bytes = Array(Self.congress(days: 6, eventsPerRoom: 30).utf8)
        #expect(bytes.count > 512 << 10)
        let file = try ScratchFile(bytes)
        let straight = try DirectoryLoader.loadFast(path: file.path)
        let whole = try DirectoryLoader.loadFast(bytes: bytes, name: file.path)
        #expect(straight.directory == whole.directory, "the directories differ")
        #expect(straight.format == "schedule.xml")
    }

    /// `afterRead` (a caller timing the phases) hears once: for a file read straight, and for one a reader
    /// recognises but leaves to the whole read (an iCalendar feed, a schedule.xml that declines).
    @Test func afterReadIsHeardOncePerLoad() throws {
        var events = ""
        for i in 0..<900 {
            events += "BEGIN:VEVENT\r\nUID:e\(i)@x\r\nDTSTART:20310301T1000Z\r\nDTEND:20310301T1030Z\r\nSUMMARY:Talk \(i)\r\nEND:VEVENT\r\n"
        }
        let feed = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//invented//EN\r\n\(events)END:VCALENDAR\r\n"
        let broken = Self.congress(days: 4).replacingOccurrences(of: "<title>Test Congress</title>", with: "")
        for (label, text) in [("schedule.xml", Self.congress(days: 4)), ("iCalendar", feed), ("declined schedule.xml", broken)] {
            let bytes = Array(text.utf8)
            #expect(bytes.count > DirectoryLoader.headBytes, "\(label)")
            let file = try ScratchFile(bytes)
            var heard = 0
            _ = try? DirectoryLoader.loadFast(path: file.path, afterRead: { heard += 1 })
            #expect(heard == 1, "\(label): heard \(heard) times")
        }
    }

    @Test func aBrokenFileGivesTheWholeReadsMessage() throws {
        var text = Self.congress(days: 4)
        text = text.replacingOccurrences(of: "<duration>00:45</duration>", with: "<duration>1h</duration>")
        let bytes = Array(text.utf8)
        let file = try ScratchFile(bytes)
        let fromPath = Result { () throws(LoadError) in try DirectoryLoader.loadFast(path: file.path) }
        let fromBytes = Result { () throws(LoadError) in try DirectoryLoader.loadFast(bytes: bytes, name: file.path) }
        guard case .failure(let a) = fromPath, case .failure(let b) = fromBytes else {
            Issue.record("a broken file loaded")
            return
        }
        #expect("\(a)" == "\(b)")
        #expect("\(a)".contains("is not a duration"))
    }

    @Test func aFileChangedWhileItIsReadStraightIsReportedAsChanged() throws {
        let bytes = Array(Self.congress(days: 4).utf8)
        let file = try ScratchFile(bytes)
        guard case .head(let head) = try DirectoryLoader.openFile(file.path, maxBytes: 1 << 30, judgingHead: true) else {
            Issue.record("not read as a head")
            return
        }
        // Same length, new content written in place (a title's first letter): only the modification time tells.
        usleep(10_000)
        let title = try #require(Self.offset(of: "<title> T", in: bytes))
        let handle = try #require(FileHandle(forWritingAtPath: file.path))
        try handle.seek(toOffset: UInt64(title + 8))
        try handle.write(contentsOf: Array("X".utf8))
        try handle.close()
        #expect(throws: LoadError.changedWhileReading(file: file.path)) {
            var afterRead: (() -> Void)? = nil
            _ = try DirectoryLoader.loadStraightFromFile(head, path: file.path, options: PublishedReadOptions(), afterRead: &afterRead)
        }
    }

    @Test func aFileThatShrinksUnderTheReadIsNotReadStraight() throws {
        let bytes = Array(Self.congress(days: 4).utf8)
        let file = try ScratchFile(bytes)
        let fd = open(file.path, O_RDONLY)
        defer { close(fd) }
        let head = Array(bytes.prefix(DirectoryLoader.headBytes))
        _ = truncate(file.path, off_t(bytes.count / 2))
        let cut = Self.days(in: bytes)[1]
        #expect(Self.declined(ScheduleXMLStream.read(file: fd, size: bytes.count, head: head, reading: .init(twoPartsAbove: 0, onlyWithTwoCPUs: false, cut: cut))))
        #expect(Self.declined(ScheduleXMLStream.read(file: fd, size: bytes.count, head: head, reading: .init(twoPartsAbove: .max))))
    }
}
