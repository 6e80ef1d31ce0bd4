import Foundation
import Testing
@testable import ConveneModel

/// The direct reading of `events` (DirectReader+Events.swift) against ``DirectoryDecoder``: for
/// every events array, the same events where the decoder finds no problem, a decline where it does.
@Suite struct DirectEventsTests {
    /// The events the direct reader makes of `text` (an `events` value), or nil when it declines.
    static func direct(_ text: String) -> [Event]? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> [Event]? in
            var reader = DirectReader(bytes: buffer, limits: .default)
            guard let events = try? reader.eventArray() else { return nil }
            reader.reader.skipWhitespace()
            return reader.reader.index == reader.reader.end ? events : nil
        }
    }

    /// The events the tree and ``DirectoryDecoder/event(_:_:_:)`` make of `text`, or nil when the
    /// parse fails or the decoder records a problem.
    static func general(_ text: String) -> [Event]? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> [Event]? in
            var reader = DirectReader(bytes: buffer, limits: .default)
            let context = DecodeContext()
            guard let events = try? reader.smallArray(.events, context, { DirectoryDecoder.event($0, $1, $2) })
            else { return nil }
            reader.reader.skipWhitespace()
            return reader.reader.index == reader.reader.end && context.problems.isEmpty ? events : nil
        }
    }

    /// An object as ordered members, written as JSON text.
    typealias Members = [(key: String, value: String)]

    static func object(_ members: Members) -> String {
        "{" + members.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}"
    }

    /// A link, a session and an event with every field the format allows, each valid.
    static let link: Members = [("title", #""Slides""#), ("url", #""https://example.org/s""#)]

    static let session: Members = [
        ("id", #""s1""#), ("title", #""Đổi mới \ud83d\ude00""#), ("start", #""2023-01-01T08:00:00+07:00""#),
        ("end", #""2023-01-01T09:00+07:00""#), ("room", #""Hall \"A\"""#), ("track", #""""#),
        ("speakers", #"["d1","d2",""]"#), ("description", #""<p>Long</p>""#), ("illustrative", "false"),
        ("subtitle", #""Sub""#), ("abstract", #""  ""#), ("language", #""vi""#), ("type", #""Talk""#),
        ("links", "[" + object(link) + #",{"url":"u2","title":null}]"#), ("recordingOptOut", "true"),
        ("url", #""https://example.org""#), ("day", #""2022-12-31""#), ("guid", #""1f0e-42""#),
    ]

    static let event: Members = [
        ("id", #""e1""#), ("title", #""Hội nghị""#), ("localTitle", #""Local""#), ("kind", #""conference""#),
        ("city", #""c1""#), ("country", #""VN""#), ("venue", #""Hall""#), ("start", #""2023-01-01T08:00:00+07:00""#),
        ("end", #""2023-01-02T18:00:00Z""#), ("timeZone", #""Asia/Ho_Chi_Minh""#), ("organizers", #"["o1","o2"]"#),
        ("themes", #"["AI","\u00c0 la carte"]"#), ("reportedDelegates", "500"), ("sources", #"["https://x"]"#),
        ("sessions", "[" + object(session) + "]"), ("illustrative", "true"),
    ]

    /// Values of every type and many shapes: each replaces each field in turn.
    static let values: [String] = [
        "null", #""""#, #"" ""#, #""\u3000""#, #"" \u0301""#, #""x""#, #""Đặng \ud83d\ude00""#, #""a\"b\\c""#,
        "7", "0", "-0", "-1", "1.5", "1e3", "2019.0", "100000000", "100000001", "true", "false",
        "[]", #"["a"]"#, #"[null]"#, "[1]", #"["a",["b"]]"#, "{}", #"{"title":"t","url":"u"}"#, #"{"url":"u"}"#,
        #""2023-01-01T08:30:00Z""#, #""2023-01-01T08:30:00+07:00""#, #""2023-01-01T08:30""#, #""2023-02-30T08:00Z""#,
        #""2023-01-01""#, #""2023-1-01""#, #""2023-02-30""#, #""2023-01-01T""#, #""UTC""#, "nul", "tru",
    ]

    /// Each way to change one field of `members`: every value, removed, given twice, its key
    /// misspelled, its key written with an escape.
    static func variants(_ members: Members) -> [Members] {
        var out: [Members] = [members]
        for i in members.indices {
            for value in values {
                var changed = members
                changed[i].value = value
                out.append(changed)
            }
            var removed = members
            removed.remove(at: i)
            out.append(removed)
            out.append(members + [members[i]])
            var misspelled = members
            misspelled[i].key += "s"
            out.append(misspelled)
            var escaped = members
            escaped[i].key = #"\u00"# + String(members[i].key.utf8.first ?? 0, radix: 16) + members[i].key.dropFirst()
            out.append(escaped)
        }
        return out + [members + [("unknown", "1")], [], [("id", #""e1""#)]]
    }

    /// The events arrays the variants make: of the event's fields, of its session's, of a link's.
    static var documents: [String] {
        var out: [String] = ["null", "[]", "{}", "[null]", "[[]]", "7", #""e""#, "[" + object(event) + "," + object(event) + "]"]
        for e in variants(event) { out.append("[" + object(e) + "]") }
        for s in variants(session) {
            var e = event
            e[14].value = "[" + object(s) + "]"
            out.append("[" + object(e) + "]")
        }
        for l in variants(link) {
            var s = session
            s[13].value = "[" + object(l) + "]"
            var e = event
            e[14].value = "[" + object(s) + "]"
            out.append("[" + object(e) + "]")
        }
        // Lists of the wrong shapes, empty lists, whitespace between every token.
        for (key, value) in [("sessions", "null"), ("sessions", "[]"), ("sessions", "[null]"), ("sessions", "[{}]"),
                             ("sessions", "{}"), ("organizers", "null"), ("themes", #"[" "]"#)] {
            var e = event
            if let i = e.firstIndex(where: { $0.key == key }) { e[i].value = value }
            out.append("[" + object(e) + "]")
        }
        out.append(" [ \n" + object(event).replacingOccurrences(of: ",", with: " ,\t").replacingOccurrences(of: ":", with: " : ") + " ] ")
        return out
    }

    @Test func everyVariantOfAnEventHasTheDecodersOutcome() {
        var accepted = 0, declined = 0, disagreements: [String] = []
        for text in Self.documents {
            let direct = Self.direct(text), general = Self.general(text)
            if direct != general { disagreements.append(text) }
            if general == nil { declined += 1 } else { accepted += 1 }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagree, first: \(disagreements.first?.prefix(400) ?? "")")
        // Both outcomes are exercised, many times.
        #expect(accepted > 300 && declined > 700, "accepted \(accepted), declined \(declined)")
    }

    /// The full event is read directly, field for field.
    @Test func theFullEventIsReadWithEveryField() throws {
        let events = try #require(Self.direct("[" + Self.object(Self.event) + "]"))
        let session = try #require(events.first?.sessions.first)
        #expect(events.first?.reportedDelegates == 500 && events.first?.themes == ["AI", "À la carte"])
        #expect(session.links == [SessionLink(title: "Slides", url: "https://example.org/s"), SessionLink(url: "u2")])
        #expect(session.day == LocalDate(year: 2022, month: 12, day: 31) && session.guid == "1f0e-42")
        #expect(session.room == "Hall \"A\"" && session.abstract == "  " && session.recordingOptOut == true)
        #expect(Self.general("[" + Self.object(Self.event) + "]") == events)
    }

    /// Random edits of the sample's events array never make the two readers disagree.
    @Test func mutatedEventsOfTheSampleHaveTheDecodersOutcome() throws {
        let sample = try DirectoryLoader.load(bytes: BundledSample.bytes, name: "sample")
        let text = String(decoding: DirectoryEncoder.encodeBytes(sample), as: UTF8.self)
        let start = try #require(text.range(of: "\"events\":"))
        // The events array: from its bracket to the matching one.
        let bytes = Array(text[start.upperBound...].utf8)
        var depth = 0, end = 0
        for (i, b) in bytes.enumerated() {
            if b == UInt8(ascii: "[") { depth += 1 }
            if b == UInt8(ascii: "]") { depth -= 1; if depth == 0 { end = i + 1; break } }
        }
        let open = bytes.firstIndex(of: UInt8(ascii: "[")) ?? 0
        let events = Array(bytes[open..<end])
        #expect(Self.direct(String(decoding: events, as: UTF8.self)) == sample.events)
        var rng = SeededGenerator(seed: 17)
        let alphabet: [UInt8] = Array(#"{}[],:"\ n0-1eE.tfuTZ+"#.utf8) + [0xC3, 0xA9, 0xE1, 0x80, 0xFF, 0x09]
        var disagreements = 0, accepted = 0
        for _ in 0..<600 {
            var mutated = events
            for _ in 0..<(1 + Int(rng.next() % 2)) {
                let at = Int(rng.next() % UInt64(mutated.count))
                rng.edit(&mutated, at: at, from: alphabet)
            }
            let text = String(decoding: mutated, as: UTF8.self)
            let direct = Self.direct(text)
            if direct != Self.general(text) { disagreements += 1 }
            if direct != nil { accepted += 1 }
        }
        #expect(disagreements == 0)
        #expect(accepted > 50, "some edits keep the events valid (\(accepted))")
    }

    /// Whole documents: a generated directory whose sessions use every optional field is read
    /// directly and equals the general path; so are its copies with one session field broken.
    @Test func generatedDirectoriesWithEveryFieldAreReadDirectly() throws {
        var d = try DirectoryLoader.load(bytes: Array(SyntheticDirectory(delegates: 400, seed: 3).json().utf8), name: "gen")
        for e in d.events.indices {
            d.events[e].localTitle = e % 2 == 0 ? "Hội nghị \(e)" : nil
            d.events[e].reportedDelegates = e % 3 == 0 ? nil : e * 10
            d.events[e].themes = e % 4 == 0 ? [] : ["Đổi mới", "t\(e)"]
            for s in d.events[e].sessions.indices {
                var session = d.events[e].sessions[s]
                session.subtitle = s % 2 == 0 ? "Sub \u{1F600}" : nil
                session.abstract = s % 3 == 0 ? "" : "A \"quoted\" abstract\nwith a line"
                session.description = s % 5 == 0 ? nil : "<p>Description</p>"
                session.language = "vi"
                session.type = s % 2 == 0 ? "Talk" : "Workshop"
                session.links = s % 4 == 0 ? [] : [SessionLink(title: s % 3 == 0 ? nil : "Slides", url: "https://x/\(s)")]
                session.recordingOptOut = s % 3 == 0 ? nil : s % 3 == 1
                session.url = "https://example.org/\(s)"
                session.guid = s % 2 == 0 ? "guid-\(e)-\(s)" : nil
                session.day = s % 3 == 0 ? LocalDate(session.conferenceDay) : nil
                d.events[e].sessions[s] = session
            }
        }
        let bytes = DirectoryEncoder.encodeBytes(d)
        let loaded = try DirectoryLoader.loadFast(bytes: bytes, name: "gen")
        #expect(loaded.wasDirect)
        #expect(loaded.directory == d)
        #expect(DirectDecoderTests.general(bytes) == .success(loaded.directory))

        // One session field made wrong at a time: the same error as the general path, word for word.
        let text = String(decoding: bytes, as: UTF8.self)
        let breaks: [(String, String)] = [
            (#""guid": "guid-0-0""#, #""guid": " ""#), (#""language": "vi""#, #""language": 1"#),
            (#""type": "Talk""#, #""type": "Talk", "type": "Talk""#), (#""language": "vi""#, #""langauge": "vi""#),
            (#""url": "https://x/1""#, #""url": null"#), (#""recordingOptOut": true"#, #""recordingOptOut": "yes""#),
        ]
        for (from, to) in breaks {
            guard let range = text.range(of: from) else {
                Issue.record("the encoded file has no \(from)")
                continue
            }
            let broken = Array(text.replacingCharacters(in: range, with: to).utf8)
            let fast = DirectDecoderTests.fast(broken), general = DirectDecoderTests.general(broken)
            #expect(fast == general)
            if case .success = general { Issue.record("\(to) was accepted by the general path") }
        }
    }

    /// Under a depth limit shallower than the events', the tree reads them and words the error.
    @Test func aTightDepthLimitLeavesTheEventsToTheTree() throws {
        let bytes = Array(SyntheticDirectory(delegates: 50, seed: 2).json().utf8)
        // The speakers arrays are at level 6: a limit of 6 still reads the file, through the tree.
        let tight = try #require(DirectDecoder.load(bytes, limits: JSONLimits(maxDepth: 6)))
        #expect(tight.directory == DirectDecoder.load(bytes)?.directory)
        #expect(DirectDecoder.load(bytes, limits: JSONLimits(maxDepth: 5)) == nil)
    }
}
