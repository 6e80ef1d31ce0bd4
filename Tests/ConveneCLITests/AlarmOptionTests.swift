import Foundation
import Testing

@Suite struct AlarmOptionTests {
    @Test(arguments: [("10m", "-PT10M"), ("1h", "-PT60M"), ("1h30m", "-PT90M"), ("45", "-PT45M")])
    func agendaAsICalendarCarriesAnAlarmPerSession(value: String, trigger: String) throws {
        let run = try Convene.run(["agenda", "--event", "hanoi-2023", "--format", "ics", "--alarm", value])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.components(separatedBy: "BEGIN:VALARM").count - 1 == 12)
        #expect(run.out.components(separatedBy: "TRIGGER:\(trigger)\r\n").count - 1 == 12)
    }

    @Test func noAlarmForZeroOrWithoutTheOption() throws {
        for extra in [[], ["--alarm", "0"]] {
            let run = try Convene.run(["agenda", "--format", "ics"] + extra)
            #expect(run.status == 0)
            #expect(!run.out.contains("VALARM"))
        }
    }

    @Test func anAlarmOutsideACalendarOrABadDurationIsAUsageError() throws {
        let table = try Convene.run(["agenda", "--alarm", "10m"])
        #expect(table.status == 64)
        #expect(table.err.contains("--alarm applies to --format ics"), "\(table.err)")
        for bad in ["ten", "-5m", "10x", "1h30", "99999h"] {
            let run = try Convene.run(["agenda", "--format", "ics", "--alarm", bad])
            #expect(run.status == 64, "\(bad): \(run.err)")
            #expect(run.stdout.isEmpty)
        }
    }
}
