import ConveneApp
import ConveneModel
import Testing

@Suite struct ReminderTests {
    /// The sample at `time` on the Hanoi conference day (+07:00), reminding `lead` minutes ahead.
    static func state(at time: String, lead: Int = 10, stars: Set<String>) -> AppState {
        var s = Sample.state()
        s.loadStars(stars)
        s.reminders.leadMinutes = lead
        s.setNow(Timestamp(iso8601: "2023-11-18T\(time):00+07:00") ?? .unknown)
        s.message = nil
        return s
    }

    static func at(_ time: String) -> Timestamp { Timestamp(iso8601: "2023-11-18T\(time):00+07:00") ?? .unknown }

    @Test func aStarredSessionIsRemindedAtTheLeadOnceWithWhereAndWhen() {
        // s02, "Opening speech", starts at 08:30 in the Main hall.
        var s = Self.state(at: "08:19", stars: ["hanoi-2023-s02"])
        let early = s.remindIfDue()
        #expect(!early, "11 minutes ahead: not yet")
        #expect(s.message == nil)
        s.setNow(Self.at("08:20"))
        let due = s.remindIfDue()
        #expect(due)
        #expect(s.message == "Reminder: Opening speech at 08:30 in Main hall (in 10 min)")
        s.message = nil
        s.setNow(Self.at("08:25"))
        let again = s.remindIfDue()
        #expect(!again, "once: the bell rings once")
        #expect(s.message == nil)
    }

    @Test func unstarredStartedAndOffAreNeverReminded() {
        var unstarred = Self.state(at: "08:25", stars: [])
        var started = Self.state(at: "08:31", stars: ["hanoi-2023-s02"])
        var off = Self.state(at: "08:25", lead: 0, stars: ["hanoi-2023-s02"])
        let given = [unstarred.remindIfDue(), started.remindIfDue(), off.remindIfDue()]
        #expect(given == [false, false, false])
        #expect([unstarred.message, started.message, off.message] == [nil, nil, nil])
    }

    @Test func aClashAmongTheStarredSessionsIsNamed() {
        // s08 (Main hall) and s09 (Room 2) both start at 13:30.
        var s = Self.state(at: "13:25", stars: ["hanoi-2023-s08", "hanoi-2023-s09"])
        let due = s.remindIfDue()
        #expect(due)
        let message = s.message ?? ""
        #expect(message.hasPrefix("Reminder: Panel: ASEAN Plus 3 cities facing rapid"), "\(message)")
        #expect(message.contains("at 13:30 in Main hall (in 5 min) — clashes with Workshop: City-level cooperation between"),
                "\(message)")
        #expect(message.contains("(Room 2)"))
    }

    @Test func aSessionMovedToAnotherTimeIsRemindedAgain() {
        var s = Self.state(at: "08:25", stars: ["hanoi-2023-s02"])
        let first = s.remindIfDue()
        #expect(first)
        var d = s.index.directory
        let e = d.events.firstIndex { $0.id == "hanoi-2023" } ?? 0
        let i = d.events[e].sessions.firstIndex { $0.id == "hanoi-2023-s02" } ?? 0
        d.events[e].sessions[i].start.seconds += 120
        s.reload(with: DirectoryIndex(d))
        let moved = s.remindIfDue()
        #expect(moved)
        #expect(s.message?.contains("at 08:32") == true, "\(s.message ?? "")")
    }
}
