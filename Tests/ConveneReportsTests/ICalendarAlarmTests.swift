import ConveneModel
import Foundation
import Testing
@testable import ConveneReports

@Suite struct ICalendarAlarmTests {
    static let now = Timestamp(iso8601: "2023-11-01T00:00:00Z") ?? .unknown

    @Test func anAlarmIsADisplayAlarmBeforeEachSessionAndNoneWithout() {
        let ix = BundledSample.index
        let with = ICalendar.render(ix, Filter(event: "hanoi-2023"), now: Self.now, alarmMinutes: 15)
        let sessions = with.components(separatedBy: "BEGIN:VEVENT").count - 1
        #expect(sessions == 12)
        #expect(with.components(separatedBy: "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:").count - 1 == sessions)
        #expect(with.components(separatedBy: "TRIGGER:-PT15M\r\nEND:VALARM\r\nEND:VEVENT").count - 1 == sessions)
        for minutes in [nil, 0] {
            #expect(!ICalendar.render(ix, Filter(event: "hanoi-2023"), now: Self.now, alarmMinutes: minutes).contains("VALARM"))
        }
    }

    /// Python's `icalendar` (a widely used RFC 5545 implementation) reads each alarm as
    /// a display alarm, 90 minutes before its event, described by the session's title.
    @Test(.enabled(if: ICalendarTests.hasICalendar, ICalendarTests.skipReason))
    func aRealICalendarParserReadsTheAlarms() throws {
        let ics = ICalendar.render(BundledSample.index, Filter(event: "hanoi-2023"), now: Self.now, alarmMinutes: 90)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("convene-\(UUID().uuidString).ics")
        try Data(ics.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
        import sys, datetime, icalendar
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        events = cal.walk('VEVENT')
        for e in events:
            alarms = [c for c in e.subcomponents if c.name == 'VALARM']
            assert len(alarms) == 1, len(alarms)
            a = alarms[0]
            assert str(a['ACTION']) == 'DISPLAY', a['ACTION']
            assert a.decoded('TRIGGER') == datetime.timedelta(minutes=-90), a.decoded('TRIGGER')
            assert str(a['DESCRIPTION']) == str(e['SUMMARY'])
        print(len(events))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output == "12\n")
    }
}
