import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ConveneModel

/// The libxml2 SAX2 tree builder against FoundationXML's `XMLParser`, which it replaced for speed:
/// the same elements, attributes, text and lines on every fixture and on the tricky corners
/// (entities in attributes and text, CDATA, prefixes, namespaces, mixed content).
@Suite struct XMLSAXBuilderTests {
    /// A flat, comparable picture of a tree: one line per element.
    static func picture(_ tree: XMLTree) -> [String] {
        tree.nodes.indices.map { i in
            let n = tree[i]
            let attributes = tree.attributes(i).sorted { $0.name < $1.name }.map { "\($0.name)=\($0.value.debugDescription)" }
            return "\(tree.name(i))@\(n.line) parent=\(n.parent) children=\(tree.children(i)) [\(attributes.joined(separator: " "))] "
                + tree.ownText(i).debugDescription
        }
    }

    static let corners: [String] = [
        "<schedule a=\"x &amp; y &lt; z &#38; &#x26; &quot;q&quot; &#8217;\" b='&amp;#38;'>t &amp; u &#8217; &lt;v&gt;</schedule>",
        "<schedule><title><![CDATA[<b>raw</b> & more]]> and after</title></schedule>",
        "<s:schedule xmlns:s=\"urn:x\" xmlns=\"urn:y\"><s:day s:date=\"2025-01-01\" plain=\"1\"/></s:schedule>",
        "<schedule>\n  <day>\n    <event id=\"1\">\n      <title>\n  Opening\n  </title>\n    </event>\n  </day>\n</schedule>",
        "<schedule>lead<a>x</a>tail<b/>more</schedule>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE schedule>\n<!-- c --><schedule><t>Hà Nội 東京 🎉</t></schedule>",
        "<schedule attr=\"line\nbreak\ttab\">x</schedule>",
    ]

    @Test(arguments: corners)
    func sameTreeAsFoundationXMLOnTrickyCorners(_ text: String) throws {
        let bytes = Array(text.utf8)
        let sax = try XMLTree.parse(bytes, file: "t.xml")
        let reference = try #require(FoundationReference.parse(bytes))
        #expect(Self.picture(sax) == Self.picture(reference))
    }

    @Test(arguments: ["frab-congress.xml", "fosdem-style.xml", "wafer-style.xml", "merged-congress.xml"])
    func sameTreeAsFoundationXMLOnEveryFixture(_ name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.path("published/" + name))))
        let sax = try XMLTree.parse(bytes, file: name)
        let reference = try #require(FoundationReference.parse(bytes))
        #expect(Self.picture(sax) == Self.picture(reference))
    }

    /// The real files kept outside the repository (`CONVENE_PUBLISHED_DIR`), when present.
    @Test(.enabled(if: PublishedRealFilesTests.directory != nil))
    func sameTreeAsFoundationXMLOnRealFiles() throws {
        let dir = try #require(PublishedRealFilesTests.directory)
        for name in try FileManager.default.contentsOfDirectory(atPath: dir).sorted() where name.hasSuffix(".xml") {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dir).appendingPathComponent(name)))
            let sax = try XMLTree.parse(bytes, file: name)
            let reference = try #require(FoundationReference.parse(bytes))
            #expect(Self.picture(sax) == Self.picture(reference), "\(name)")
        }
    }

    @Test func attributeAmpersandsArriveEscapedAndAreDecodedOnce() {
        func decode(_ s: String) -> String {
            Array(s.utf8).withUnsafeBufferPointer { XMLSAXBuilder.attributeText($0) }
        }
        #expect(decode("a &#38; b") == "a & b")
        #expect(decode("&#38;#38;") == "&#38;")
        #expect(decode("no amp") == "no amp")
        #expect(decode("&#38") == "&#38")
        #expect(decode("") == "")
        #expect(decode("&#38;") == "&")
        #expect(decode("x&") == "x&")
    }

    /// libxml2 is fed 64 KiB at a time: text and tags cut by a boundary read whole, and an error far in still
    /// has its own line and column.
    @Test func aDocumentLongerThanOnePieceReadsWholeAndPlacesItsErrors() throws {
        let line = "<event><title>Caf\u{E9} &amp; T\u{EA}te \u{6771}\u{4EAC}</title></event>\n"
        let count = 3 * XMLSAXBuilder.pieceSize / line.utf8.count
        let good = "<schedule>\n" + String(repeating: line, count: count) + "</schedule>\n"
        let tree = try XMLTree.parse(Array(good.utf8), file: "long.xml")
        #expect(tree.count("event") == count)
        #expect(tree.children(0, "event").allSatisfy { tree.text($0, "title") == "Caf\u{E9} & T\u{EA}te \u{6771}\u{4EAC}" })
        let bad = "<schedule>\n" + String(repeating: line, count: count) + "<event><title>x</titel>\n</schedule>\n"
        #expect(publishedError(bad, name: "long.xml")
                == "long.xml:\(count + 2):24: not well-formed XML: an end tag does not match the element it closes")
    }

    /// The reader asks for names by fixed id; each id must be registered under its case's own spelling.
    @Test func everyScheduleNameHasItsCaseSpellingAndId() {
        #expect(XMLName.allCases.map { "\($0)" } == XMLName.names)
        let tree = XMLTree()
        #expect(XMLName.allCases.allSatisfy { tree.nameCodes.existingCode(XMLName.names[Int($0.rawValue)]) == $0.rawValue })
        // No two names share an id: every name's id is its own index, and the table has no other names.
        #expect(tree.nameCodes.values.enumerated().allSatisfy { tree.nameCodes.existingCode($1) == Int32($0) })
        #expect(XMLName.ids.count == XMLName.names.count)
    }

    /// Durations and times of day are read on the bytes: the same answers as the split-and-parse reading had.
    @Test func durationsReadAsTheyAlwaysDid() {
        #expect(DurationText.seconds("00:30") == 1800)
        #expect(DurationText.seconds("1:02:03") == 3723)
        #expect(DurationText.seconds("\n  25:00 \t") == 90_000)
        #expect(DurationText.seconds("0001:05") == 3900)
        for bad in ["", " ", "1", "1:", ":30", "1::2", "0:60", "1:2:60", "1:2:3:4", "12345:00", "+1:30", "1 :30",
                    "\u{661}:30", "1:3\u{0}", "01:30x", "١٢:٠٠"] {
            #expect(DurationText.seconds(bad) == nil, "\(bad.debugDescription)")
        }
        #expect(DurationText.timeOfDay("23:59:59") == 86_399)
        #expect(DurationText.timeOfDay("24:00") == nil)
        #expect(" a b ".trimmingXMLSpace() == "a b")
        #expect("a b".trimmingXMLSpace() == "a b")
        #expect("\u{A0}a\u{A0}".trimmingXMLSpace() == "\u{A0}a\u{A0}")
        #expect(" \n ".trimmingXMLSpace() == "")
        // Each end on its own, one byte, none, and a long (heap) string: the untouched-value shortcut reads the ends.
        #expect("".trimmingXMLSpace() == "")
        #expect("a".trimmingXMLSpace() == "a")
        #expect("\ta".trimmingXMLSpace() == "a")
        #expect("a\r\n".trimmingXMLSpace() == "a")
        let long = String(repeating: "é", count: 40)
        #expect(long.trimmingXMLSpace() == long)
        #expect((" " + long + "\n").trimmingXMLSpace() == long)
    }

    @Test func anEmptyDocumentIsNamed() {
        #expect(publishedError("<", name: "e.xml")?.hasPrefix("e.xml:1:") == true)
        #expect(throws: PublishedReadError.self) { try XMLTree.parse([], file: "empty.xml") }
    }
}

/// The previous builder, on FoundationXML's `XMLParser`: the reference the SAX2 builder must match.
private final class FoundationReference: NSObject, XMLParserDelegate {
    var tree = XMLTree()

    static func parse(_ bytes: [UInt8]) -> XMLTree? {
        let builder = FoundationReference()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = builder
        return parser.parse() ? builder.tree : nil
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        tree.open(elementName, attributes: attributes, line: parser.lineNumber)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        tree.close()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        tree.appendText(Array(string.utf8))
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        tree.appendText(Array(CDATABlock))
    }
}
