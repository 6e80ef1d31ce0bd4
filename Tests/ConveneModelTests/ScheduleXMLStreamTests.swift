import Foundation
import Testing
@testable import ConveneModel

/// The one-pass reader (``ScheduleXMLStream``) must give exactly the tree's schedule, or decline.
///
/// Every case is read both ways: through the tree (``ScheduleXMLReader/readThroughTree(bytes:name:)``,
/// the reading that reports errors) and from the SAX events. Where the stream answers, its schedule
/// equals the tree's; where it declines, ``ScheduleXMLReader/read(bytes:name:)`` still gives the tree's.
@Suite struct ScheduleXMLStreamTests {
    /// The tree's schedule or error, as text to compare.
    static func throughTree(_ bytes: [UInt8]) -> Result<PublishedSchedule, PublishedReadError> {
        do { return .success(try ScheduleXMLReader().readThroughTree(bytes: bytes, name: "t.xml")) } catch { return .failure(error) }
    }

    static func throughReader(_ bytes: [UInt8]) -> Result<PublishedSchedule, PublishedReadError> {
        do { return .success(try ScheduleXMLReader().read(bytes: bytes, name: "t.xml")) } catch { return .failure(error) }
    }

    static func describe(_ r: Result<PublishedSchedule, PublishedReadError>) -> String {
        switch r {
        case .success(let s): return "\(s)"
        case .failure(let e): return "error: \(e.description)"
        }
    }

    static let fixtures = ["frab-congress.xml", "fosdem-style.xml", "merged-congress.xml", "timetable-congress.xml",
                           "wafer-style.xml"]

    @Test(arguments: fixtures)
    func everyFixtureIsReadInOnePassAsTheTreeReadsIt(name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.path("published/" + name))))
        let streamed = try #require(ScheduleXMLStream.read(bytes), "the stream declined \(name)")
        let tree = try ScheduleXMLReader().readThroughTree(bytes: bytes, name: name)
        #expect(streamed == tree)
        #expect(!streamed.sessions.isEmpty)
    }

    @Test func hostileFilesAreLeftToTheTreeOrReadAsItReadsThem() throws {
        let folder = Fixtures.root.appendingPathComponent("hostile/published")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xml") }
        #expect(names.count >= 5)
        for name in names.sorted() {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            if let streamed = ScheduleXMLStream.read(bytes) {
                #expect(Self.describe(.success(streamed)) == Self.describe(Self.throughTree(bytes)), "\(name)")
            }
            #expect(Self.describe(Self.throughReader(bytes)) == Self.describe(Self.throughTree(bytes)), "\(name)")
        }
    }

    static func document(conference: String = "<conference><title>C</title><time_zone_name>Europe/Berlin</time_zone_name></conference>",
                         _ body: String) -> String {
        "<?xml version=\"1.0\"?>\n<schedule>\n\(conference)\n\(body)\n</schedule>\n"
    }

    static let event = "<event guid=\"g1\" id=\"1\"><title>T</title><start>10:00</start><duration>00:30</duration></event>"

    /// Shapes that test each rule the one-pass reader shares with the tree, and the ones it leaves to it.
    static let variants: [(String, String, Bool)] = [
        ("plain", document("<day index=\"1\" date=\"2031-02-01\"><room name=\"A\">\(event)</room></day>"), true),
        ("first of each field counts, even when blank",
         document("<day date=\"2031-02-01\"><room name=\"A\"><event><title> </title><title>Second</title><start>10:00</start>"
                  + "<duration>00:30</duration></event></room></day>"), false),
        ("text before a field's first child is its text",
         document("<day date=\"2031-02-01\"><room name=\"A\"><event><title>Kept<b>bold</b>dropped</title><start>10:00</start>"
                  + "<duration>00:30</duration><persons><person id=\"7\">Own<x/>after</person>"
                  + "<person code=\"C\"> Own <name> </name><name>Second</name></person>"
                  + "<person guid=\"G\">x<name>Named</name></person></persons></event></room></day>"), true),
        ("comments, CDATA and entities join into one text",
         document("<day date=\"2031-02-01\"><room name=\"A &amp; B\"><event id=\"a&amp;b\"><title>A<!-- c -->B<![CDATA[<C>]]>&amp;D"
                  + "</title><start> 10:00 </start><duration>\n00:30:00\n</duration></event></room></day>"), true),
        ("prefixed names are not a schedule's",
         document("<day date=\"2031-02-01\" x:date=\"1999-01-01\" xmlns:x=\"urn:x\"><room name=\"A\"><event><x:title>No</x:title>"
                  + "<title>Yes</title><start>10:00</start><duration>00:30</duration></event></room></day>"), true),
        ("events elsewhere are counted in a note",
         document("<event><title>Loose</title></event><day date=\"2031-02-01\"><room name=\"A\">\(event)<x>\(event)</x></room>"
                  + "</day><room>\(event)</room>"), true),
        ("a day's own events and its rooms", document("<day date=\"2031-02-01\">\(event)<room name=\"B\">\(event)</room></day>"), true),
        ("a day's events after its rooms are left to the tree",
         document("<day date=\"2031-02-01\"><room name=\"B\"><event><title>In B</title><start>10:00</start><duration>00:30</duration>"
                  + "<room>Z</room></event></room><event><title>Own</title><start>11:00</start><duration>00:30</duration>"
                  + "<room>Y</room></event></day>"), false),
        ("a conference after the days is left to the tree",
         "<schedule><day date=\"2031-02-01\"><room name=\"A\">\(event)</room></day>"
             + "<conference><title>Late</title><day_change>11:00</day_change></conference></schedule>", false),
        ("tracks after the days are left to the tree",
         document("<day date=\"2031-02-01\"><room name=\"A\">\(event)</room></day><tracks><track name=\"Z\"/></tracks>"), false),
        ("second conference and tracks are ignored",
         document("<tracks><track>  One </track><track name=\"Two\">x</track><track/></tracks><tracks><track>No</track></tracks>"
                  + "<day date=\"2031-02-01\"><room name=\"A\">\(event)</room></day><conference><title>No</title></conference>"),
         true),
        ("links, recording and persons, first of each",
         document("<day date=\"2031-02-01\"><room name=\"A\"><event><title>T</title><start>01:00</start><duration>00:30</duration>"
                  + "<links><link href=\" h1 \"> L1 </link><link>no href</link><link href=\"h2\"/></links><links><link href=\"no\"/></links>"
                  + "<recording><optout> </optout><optout>true</optout></recording>"
                  + "<persons><person id=\"1\">A</person><person id=\"1\">A</person><person/></persons>"
                  + "<persons><person>No</person></persons></event></room></day>"), true),
        ("day change and past-midnight events",
         document(conference: "<conference><title>C</title><day_change>04:00</day_change></conference>",
                  "<day date=\"2031-02-01\" start=\"2031-02-01T10:00:00+01:00\" end=\"2031-02-02T04:00\">"
                  + "<room name=\"A\"><event><title>Late</title><start>01:30</start><duration>01:00</duration></event></room></day>"),
         true),
        ("offsets in dates", document(conference: "<conference><title>C</title></conference>",
                                      "<day date=\"2031-02-01\" start=\"2031-02-01T09:00:00-05:00\"><room name=\"A\"><event>"
                                      + "<title>T</title><date>2031-02-01T09:00:00-05:00</date><start>09:00</start>"
                                      + "<duration>00:30</duration></event></room></day>"), true),
        ("an error in an event", document("<day date=\"2031-02-01\"><room name=\"A\"><event><title>T</title>"
                                          + "<start>25:99</start><duration>00:30</duration></event></room></day>"), false),
        ("an error in a day", document("<day date=\"2031-2-1\"><room name=\"A\">\(event)</room></day>"), false),
        ("an error in the conference", document(conference: "<conference><title>C</title><time_zone_name>Mars/Base</time_zone_name></conference>",
                                                "<day date=\"2031-02-01\"/>"), false),
        ("no conference", "<schedule><day date=\"2031-02-01\"/></schedule>", false),
        ("another root", "<schedules><schedule/></schedules>", false),
        ("not well-formed", document("<day date=\"2031-02-01\"><room name=\"A\">\(event)</day>"), false),
        ("a DTD", "<!DOCTYPE schedule SYSTEM \"x.dtd\">" + document("<day date=\"2031-02-01\"/>"), false),
    ]

    @Test func everyVariantReadsAsTheTreeReadsItAndTheStreamAnswersWhereItShould() {
        for (label, text, streams) in Self.variants {
            let bytes = Array(text.utf8)
            let tree = Self.describe(Self.throughTree(bytes))
            let streamed = ScheduleXMLStream.read(bytes)
            #expect((streamed != nil) == streams, "\(label): the stream \(streamed == nil ? "declined" : "answered")")
            if let streamed { #expect(Self.describe(.success(streamed)) == tree, "\(label)") }
            #expect(Self.describe(Self.throughReader(bytes)) == tree, "\(label)")
        }
    }

    @Test func aBlankFirstFieldIsMissingAsInTheTree() {
        // The first <title> counts and is blank: the event has no title, whatever follows.
        let text = Self.variants[1].1
        #expect(publishedError(text, name: "t.xml")?.contains("missing required element <title>") == true)
    }

    /// The stream runs libxml2's pull parser, fed a few KiB at a time by a read callback; the tree runs the push
    /// parser. Encodings it must detect from the first bytes or the declaration, and text, names and attributes
    /// that straddle the pieces, give the same schedule both ways.
    @Test func otherEncodingsAndTextAcrossThePullParsersPiecesReadAsTheTreeReadsThem() throws {
        var events = ""
        for i in 0..<300 {
            let words = String(repeating: "Hà Nội 東京 🎉 &amp; <![CDATA[<x>]]> ", count: i % 37)
            events += "<event guid=\"g\(i)\" id=\"\(i)\"><title>  T\(i) \(words) </title><start>1\(i % 10):00</start>"
                + "<duration>00:30</duration><abstract>\(words)</abstract><persons><person id=\"\(i % 50)\">P\(i % 50)"
                + "</person></persons></event>"
        }
        let body = "<day index=\"1\" date=\"2031-02-01\"><room name=\"Saal \u{00E9}\">\(events)</room></day>"
        let big = Self.document(body)
        #expect(big.utf8.count > 200_000)
        let latin = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<schedule><conference><title>Caf\u{00E9}</title>"
            + "</conference><day date=\"2031-02-01\"><room name=\"Salle \u{00E9}t\u{00E9}\">\(Self.event)</room></day></schedule>\n"
        var cases: [(String, [UInt8])] = [("UTF-8, 200 KB", Array(big.utf8)), ("UTF-8 with a BOM", [0xEF, 0xBB, 0xBF] + Array(big.utf8))]
        cases.append(("ISO-8859-1", latin.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }))
        let plain = big.replacingOccurrences(of: "<?xml version=\"1.0\"?>", with: "<?xml version=\"1.0\" encoding=\"UTF-16\"?>")
        cases.append(("UTF-16LE with a BOM", [0xFF, 0xFE] + plain.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        cases.append(("UTF-16BE with a BOM", [0xFE, 0xFF] + plain.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }))
        for (name, bytes) in cases {
            let streamed = try #require(ScheduleXMLStream.read(bytes), "the stream declined \(name)")
            #expect(Self.describe(.success(streamed)) == Self.describe(Self.throughTree(bytes)), "\(name)")
            #expect(!streamed.sessions.isEmpty, "\(name)")
        }
    }
}
