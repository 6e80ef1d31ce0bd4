import Foundation
import Testing
import ConveneModel
@testable import ConveneReports

@Suite struct ICalendarTests {
    static let now = Timestamp(seconds: 1_700_000_000, offsetSeconds: 0)   // 2023-11-14T22:13:20Z

    private func sample() throws -> DirectoryIndex { BundledSample.index }

    @Test func linesEndInCRLFAndNoneIsLongerThan75Octets() throws {
        let ics = ICalendar.render(try sample(), Filter(), now: Self.now)
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Convene//Convene agenda//EN\r\n"))
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
        let bytes = Array(ics.utf8)
        for (i, b) in bytes.enumerated() where b == 0x0A { #expect(i > 0 && bytes[i - 1] == 0x0D) }
        for line in ics.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75, "\(line)") }
    }

    @Test func everySessionIsOneEventWithAStableUIDAndUTCTimes() throws {
        let ix = try sample()
        let ics = ICalendar.render(ix, Filter(event: "hanoi-2023"), now: Self.now)
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        let sessions = ix.directory.events.first { $0.id == "hanoi-2023" }?.sessions ?? []
        #expect(unfolded.components(separatedBy: "BEGIN:VEVENT").count - 1 == sessions.count)
        #expect(unfolded.contains("UID:hanoi-2023-s02@hanoi-2023.convene\r\n"))
        // 08:30 in Hanoi (+07:00) is 01:30 UTC.
        #expect(unfolded.contains("DTSTART:20231118T013000Z\r\nDTEND:20231118T015000Z\r\n"))
        #expect(unfolded.contains("DTSTAMP:20231114T221320Z\r\n"))
        // Exporting again gives the same file: calendars update instead of duplicating.
        #expect(ICalendar.render(ix, Filter(event: "hanoi-2023"), now: Self.now) == ics)
    }

    @Test(arguments: [
        ("a,b;c\\d", "a\\,b\\;c\\\\d"),
        ("line one\nline two\r\nthree\rfour", "line one\\nline two\\nthree\\nfour"),
        ("bell\u{07} esc\u{1B}[31m del\u{7F}", "bell esc[31m del"),
        ("tab\there", "tab here"),
    ])
    func textIsEscaped(raw: String, escaped: String) {
        #expect(ICalendar.escape(raw) == escaped)
    }

    @Test func foldingNeverSplitsAUTF8Sequence() {
        for prefix in 0..<4 {
            let line = "SUMMARY:" + String(repeating: "x", count: prefix) + String(repeating: "Hương 田中 ", count: 20)
            let folded = ICalendar.fold(line)
            let physical = folded.components(separatedBy: "\r\n")
            #expect(physical.count > 1)
            for (i, part) in physical.enumerated() {
                #expect(part.utf8.count <= 75)
                if i > 0 { #expect(part.hasPrefix(" ")) }
                // Each physical line is valid UTF-8 on its own.
                #expect(String(validating: Array(part.utf8), as: UTF8.self) != nil)
            }
            #expect(physical.enumerated().map { $0 == 0 ? $1 : String($1.dropFirst()) }.joined() == line)
        }
    }

    @Test func shortLinesAreNotFolded() {
        let line = "SUMMARY:" + String(repeating: "a", count: 67)
        #expect(line.utf8.count == 75)
        #expect(ICalendar.fold(line) == line)
    }

    /// True when `python3 -c 'import icalendar'` works; .ci/run installs the package.
    static let hasICalendar: Bool = (try? runPython(["-c", "import icalendar"]).0) == 0
    static let skipReason: Comment = "Python module 'icalendar' is not installed (pip install icalendar)"

    /// Parses the output with Python's `icalendar` package, a widely used RFC 5545 implementation.
    @Test(.enabled(if: hasICalendar, skipReason))
    func aRealICalendarParserReadsTheOutput() throws {
        let ix = try sample()
        let ics = ICalendar.render(ix, Filter(), now: Self.now)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("convene-\(UUID().uuidString).ics")
        try Data(ics.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
        import sys, icalendar
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        assert cal['VERSION'] == '2.0', cal['VERSION']
        events = cal.walk('VEVENT')
        for e in events:
            assert e.decoded('DTSTART').tzinfo is not None
            assert e.decoded('DTEND') > e.decoded('DTSTART')
            assert str(e['UID']).endswith('.convene')
        uids = [str(e['UID']) for e in events]
        assert len(set(uids)) == len(uids)
        print(len(events))
        for e in events:
            print(str(e['UID']) + '|' + e.decoded('DTSTART').isoformat() + '|' + str(e['SUMMARY']) + '|' + str(e.get('LOCATION', '')))
        """
        let (status, output) = try Self.runPython(["-c", script, file.path])
        #expect(status == 0, "\(output)")
        let lines = output.split(separator: "\n").map(String.init)
        let sessions = ix.directory.events.reduce(0) { $0 + $1.sessions.count }
        #expect(lines.first == String(sessions))
        #expect(lines.contains("hanoi-2023-s02@hanoi-2023.convene|2023-11-18T01:30:00+00:00|Opening speech|Main hall, Hanoi Museum, Hanoi"))
    }

    @Test(.enabled(if: hasICalendar, skipReason))
    func hostileTextSurvivesARealParser() throws {
        var d = BundledSample.directory
        let title = "Ghế; bàn, \\ \"quoted\"\nsecond line " + String(repeating: "Thành phố sáng tạo 創意城市 ", count: 6)
        d.events[d.events.firstIndex { $0.id == "hanoi-2023" } ?? 0].sessions[0].title = title
        let ix = DirectoryIndex(d)
        let ics = ICalendar.render(ix, Filter(event: "hanoi-2023"), now: Self.now)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("convene-\(UUID().uuidString).ics")
        try Data(ics.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
        import sys, icalendar
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        e = [e for e in cal.walk('VEVENT') if str(e['UID']).startswith('hanoi-2023-s01@')][0]
        sys.stdout.buffer.write(str(e['SUMMARY']).encode('utf-8'))
        """
        let (status, output) = try Self.runPython(["-c", script, file.path])
        #expect(status == 0)
        #expect(output == title)
    }

    private static func runPython(_ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
