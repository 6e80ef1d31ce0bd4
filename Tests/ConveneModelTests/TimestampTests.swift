import Testing
@testable import ConveneModel

@Suite struct TimestampTests {
    @Test func parsesOffsetAndKeepsIt() throws {
        let t = try #require(Timestamp(iso8601: "2023-11-18T08:30:00+07:00"))
        #expect(t.seconds == 1_700_271_000)
        #expect(t.offsetSeconds == 7 * 3600)
        #expect(t.description == "2023-11-18T08:30:00+07:00")
        #expect(t.components().time == "08:30")
        #expect(t.components(offsetSeconds: 0).time == "01:30")
    }

    @Test func zuluAndNegativeOffsetsAndNoSeconds() throws {
        #expect(Timestamp(iso8601: "2023-11-18T01:30Z")?.seconds == 1_700_271_000)
        #expect(Timestamp(iso8601: "2023-11-17T20:30:00-05:00")?.seconds == 1_700_271_000)
        #expect(Timestamp(iso8601: "2024-07-01T09:00:00+06:30")?.components().date == "2024-07-01")
    }

    @Test(arguments: ["", "2023-11-18", "2023-11-18T08:30:00", "2023-13-01T00:00Z", "2023-02-29T00:00Z",
                      "2023-11-18T24:00Z", "2023-11-18T08:30:00+7:00", "2023-11-18T08:30:00+07:00 ", "x023-11-18T08:30Z",
                      "2023-11-18T08:60Z", "2023-11-18T08:30:00+15:00"])
    func rejectsMalformed(text: String) {
        #expect(Timestamp(iso8601: text) == nil)
    }

    @Test func leapDayIsAccepted() {
        #expect(Timestamp(iso8601: "2024-02-29T12:00Z") != nil)
    }

    @Test func roundTripsAcrossCenturies() throws {
        for text in ["1970-01-01T00:00:00+00:00", "1900-03-01T00:00:00+00:00", "2099-12-31T23:59:59+09:00"] {
            #expect(try #require(Timestamp(iso8601: text)).description == text)
        }
    }
}
