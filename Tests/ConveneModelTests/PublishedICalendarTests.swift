import Foundation
import Testing
@testable import ConveneModel

@Suite struct PublishedICalendarTests {
    private func session(_ s: PublishedSchedule, uid: String) throws -> PublishedSession {
        try #require(s.sessions.first { $0.ids.guid == uid })
    }

    private func time(_ text: String) throws -> PublishedTime {
        .instant(try #require(Timestamp(iso8601: text)))
    }

    @Test func aCalendarIsOneConferenceWithItsNameAndZone() throws {
        let s = try readPublished("linuxconf-style.ics")
        #expect(s.format == "iCalendar")
        #expect(s.conference.title == "Invented Linux Conference 2032 (test fixture)")
        #expect(s.conference.timeZone == "Australia/Sydney")
        #expect(s.conference.rooms == ["Room 101", "Room 102", "Foyer"])
        #expect(s.conference.tracks == ["Kernel", "Security"])
    }

    @Test func textIsUnfoldedAndUnescaped() throws {
        let keynote = try session(try readPublished("linuxconf-style.ics"), uid: "talk-1@invented.example")
        #expect(keynote.title == "Keynote: kernels, compilers and cake (invented)")
        #expect(keynote.description == "First line of an invented description.\nSecond line; with a semicolon and a folded continuation.")
        #expect(keynote.room == "Room 101")
        #expect(keynote.track == "Kernel")
        #expect(keynote.url == "https://example.org/talk/1")
    }

    @Test func everyKindOfTimeIsReadAtItsPublishedLocalTime() throws {
        let s = try readPublished("linuxconf-style.ics")
        // IANA TZID, in summer time (+11:00 in January).
        let keynote = try session(s, uid: "talk-1@invented.example")
        #expect(keynote.start == (try time("2032-01-19T09:30:00+11:00")))
        #expect(keynote.durationSeconds == 45 * 60)
        // A VTIMEZONE that is not an IANA name, with RRULE BYDAY switches; DURATION instead of DTEND.
        let custom = try session(s, uid: "talk-2@invented.example")
        #expect(custom.start == (try time("2032-01-20T14:00:00+11:00")))
        #expect(custom.durationSeconds == 45 * 60)
        // A Windows zone name.
        #expect(try session(s, uid: "talk-3@invented.example").start == (try time("2032-01-21T11:00:00+11:00")))
        // UTC, shown in the calendar's zone.
        #expect(try session(s, uid: "talk-4@invented.example").start == (try time("2032-01-20T10:00:00+11:00")))
        // All day.
        let day = try session(s, uid: "day-1@invented.example")
        #expect(day.start == .allDay(LocalDate(year: 2032, month: 1, day: 18)))
        #expect(day.durationSeconds == 86_400)
        // Floating: no TZID, no Z, no X-WR-TIMEZONE.
        let floating = try readPublished("floating.ics").sessions
        #expect(floating.map(\.start) == [.floating(LocalDateTime(date: LocalDate(year: 2033, month: 5, day: 5), secondOfDay: 18 * 3600 + 1800))])
        #expect(floating.map(\.durationSeconds) == [3600])
    }

    @Test func aVTimezoneSwitchesBetweenStandardAndDaylightTime() throws {
        let text = """
            BEGIN:VCALENDAR\r
            X-WR-CALNAME:Zones\r
            BEGIN:VTIMEZONE\r
            TZID:Custom Eastern\r
            BEGIN:STANDARD\r
            DTSTART:19700405T030000\r
            TZOFFSETFROM:+1100\r
            TZOFFSETTO:+1000\r
            RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU\r
            END:STANDARD\r
            BEGIN:DAYLIGHT\r
            DTSTART:19701004T020000\r
            TZOFFSETFROM:+1000\r
            TZOFFSETTO:+1100\r
            RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU\r
            END:DAYLIGHT\r
            END:VTIMEZONE\r
            BEGIN:VEVENT\r
            DTSTART;TZID=Custom Eastern:20320703T120000\r
            SUMMARY:winter\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            DTSTART;TZID=Custom Eastern:20320404T020000\r
            SUMMARY:last summer hour\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            DTSTART;TZID=Custom Eastern:20321003T120000\r
            SUMMARY:after the switch\r
            END:VEVENT\r
            END:VCALENDAR\r

            """
        let s = try readPublished(text: text, name: "zones.ics")
        // The same instants the tz database gives for Australia/Sydney.
        let sydney = try #require(ZoneClock(identifier: "Australia/Sydney"))
        for session in s.sessions {
            guard case .instant(let t) = session.start else { Issue.record("not an instant"); continue }
            #expect(t.offsetSeconds == sydney.offset(at: t.seconds), "\(session.title)")
        }
        #expect(s.sessions.map(\.start.description)
                == ["2032-07-03T12:00:00+10:00", "2032-04-04T02:00:00+11:00", "2032-10-03T12:00:00+11:00"])
    }

    @Test func organizerAndAttendeesAreSpeakersToldApartByAddress() throws {
        let s = try readPublished("linuxconf-style.ics")
        let keynote = try session(s, uid: "talk-1@invented.example")
        #expect(keynote.persons == [.id("mailto:lee@example.org"), .id("mailto:sam.one@example.org"), .id("mailto:sam.two@example.org")])
        #expect(s.person(.id("mailto:lee@example.org"))?.name == "Lee, Invented")
        #expect(s.persons.filter { $0.name == "Sam Sample" }.count == 2)
        // The first Sam also speaks at talk 2, and is the same person.
        #expect(try session(s, uid: "talk-2@invented.example").persons == [.id("mailto:sam.one@example.org")])
    }

    @Test func recurrencesAreExpandedWithExceptionsAndOverrides() throws {
        let s = try readPublished("linuxconf-style.ics")
        let tea = s.sessions.filter { $0.ids.guid == "coffee@invented.example" }
        // COUNT=5 from the 19th, minus the EXDATE on the 21st; the 22nd is replaced by its override at 11:00.
        #expect(tea.map(\.start.description) == [
            "2032-01-19T10:30:00+11:00", "2032-01-20T10:30:00+11:00", "2032-01-23T10:30:00+11:00",
            "2032-01-22T11:00:00+11:00",
        ])
        #expect(tea.last?.title == "Morning tea (moved, invented)")
    }

    @Test func anEndlessRuleIsBoundedAndSaidSoAndAnUnsupportedOneIsReported() throws {
        let s = try readPublished("linuxconf-style.ics")
        let standups = s.sessions.filter { $0.ids.guid == "standup@invented.example" }
        // Weekly on Mondays for a year from Monday 1 March 2032, crossing the April switch to +10:00.
        #expect(standups.count == 53)
        #expect(standups.first?.start.description == "2032-03-01T09:00:00+11:00")
        #expect(standups[6].start.description == "2032-04-12T09:00:00+10:00")
        #expect(s.notes.contains { $0.contains("'Weekly volunteers standup (invented)'") && $0.contains("later ones are not listed") })
        let odd = s.sessions.filter { $0.ids.guid == "odd@invented.example" }
        #expect(odd.count == 1)
        #expect(s.notes.contains { $0.contains("'Last workday check (invented)'") && $0.contains("BYSETPOS=-1") && $0.contains("not expanded") })
        #expect(s.sessions.count == 5 + 4 + 53 + 1)
    }

    @Test func brokenCalendarsAreReportedAtTheirLineNumber() {
        let head = "BEGIN:VCALENDAR\r\nX-WR-CALNAME:x\r\n"
        #expect(publishedError(head + "BEGIN:VEVENT\r\nDTSTART:20240101T100000\r\nSUMMARY:a\r\nEND:VCALENDAR\r\n", name: "a.ics")
                == "a.ics:6: END:VCALENDAR does not close BEGIN:VEVENT from line 3")
        #expect(publishedError(head + "BEGIN:VEVENT\r\nDTSTART:20240101T100000\r\n", name: "b.ics")
                == "b.ics:3: the file ends inside BEGIN:VEVENT (END:VEVENT is missing)")
        #expect(publishedError(head + "BEGIN:VEVENT\r\nDTSTART;TZID=Nowhere/Atlantis:20240101T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", name: "c.ics")
                == "c.ics:4: TZID 'Nowhere/Atlantis' is neither an IANA time zone nor defined by a VTIMEZONE in the calendar")
        #expect(publishedError(head + "BEGIN:VEVENT\r\nSUMMARY:a\r\n long\r\nDTSTART:2024-01-01\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", name: "d.ics")
                == "d.ics:6: DTSTART '2024-01-01' is not a date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS, optionally with Z)")
        #expect(publishedError(head + "BEGIN:VEVENT\r\nSUMMARY:no start\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", name: "e.ics")
                == "e.ics:3: the VEVENT has no DTSTART")
        #expect(publishedError(head + "this line has no colon\r\nEND:VCALENDAR\r\n", name: "f.ics")
                == "f.ics:3: not a content line of the form NAME:value: 'this line has no colon'")
        #expect(publishedError(head + "END:VCALENDAR\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", name: "g.ics")
                == "g.ics:4: a second calendar begins here; Convene reads one calendar as one conference")
        #expect(publishedError(head + "BEGIN:VEVENT\r\nDTSTART:20240101T100000\r\nDTEND:20240101T090000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", name: "h.ics")
                == "h.ics:5: DTEND 2024-01-01T09:00:00 (floating) is before DTSTART 2024-01-01T10:00:00 (floating)")
        var bytes = Array((head + "BEGIN:VEVENT\r\nSUMMARY:caf").utf8)
        bytes += [0xE9] + Array("\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".utf8)
        #expect(throws: PublishedReadError(file: "i.ics", place: .line(4), problem: "the line is not valid UTF-8 text")) {
            try PublishedFormats.read(bytes: bytes, name: "i.ics")
        }
    }

    @Test func legacyZoneNamesWithoutASlashAreReadWhenTheFileDefinesNone() throws {
        let text = "BEGIN:VCALENDAR\r\nX-WR-CALNAME:x\r\nBEGIN:VEVENT\r\nDTSTART;TZID=CET:20320701T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        #expect(try readPublished(text: text, name: "cet.ics").sessions.map(\.start.description) == ["2032-07-01T10:00:00+02:00"])
    }

    @Test func durationsFollowRFC5545() {
        #expect(ICalendarValue.duration("PT1H30M") == 5400)
        #expect(ICalendarValue.duration("P1D") == 86_400)
        #expect(ICalendarValue.duration("P2W") == 14 * 86_400)
        #expect(ICalendarValue.duration("P1DT2H") == 93_600)
        #expect(ICalendarValue.duration("-PT15M") == -900)
        #expect(ICalendarValue.duration("PT") == nil)
        #expect(ICalendarValue.duration("P1H") == nil)
        #expect(ICalendarValue.duration("1H") == nil)
        // Repeated units must not overflow (they trapped before the bound).
        #expect(ICalendarValue.duration("P" + String(repeating: "99999999W", count: 200_000)) == nil)
    }
}

@Suite struct PublishedICalendarSharedAddressTests {
    @Test func speakersUnderOneMailboxWithDifferentNamesStayApartAndTheFileNameStandsInForAMissingTitle() throws {
        let s = try readPublished("shared-mailbox.ics")
        #expect(s.persons.map(\.name) == ["Invented Hackspace", "Rin Invented"])
        #expect(s.sessions.map(\.persons) == [
            [.id("mailto:info@invented.example")],
            [.id("mailto:info@invented.example (Rin Invented)")],
            [.id("mailto:info@invented.example (Rin Invented)")],
        ])
        #expect(s.conference.title == "shared-mailbox.ics")
        #expect(s.notes == ["the calendar has no name (X-WR-CALNAME or NAME); it is called after its file"])
    }
}
