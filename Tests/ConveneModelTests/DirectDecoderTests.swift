import Foundation
import Testing
@testable import ConveneModel

/// The direct decoder gives exactly the general path's outcome: the same directory, or the same error.
@Suite struct DirectDecoderTests {
    /// The general path: tree parse, decode, validate.
    static func general(_ bytes: [UInt8], name: String = "x.json") -> Result<Directory, LoadError> {
        Result { () throws(LoadError) -> Directory in
            // A published schedule has its own reader; everything else is convene/1's general path.
            if let reader = PublishedFormats.reader(for: bytes) {
                return try DirectoryLoader.loadPublished(reader, bytes: bytes, name: name)
            }
            return try DirectoryLoader.decodeAndValidate(DirectoryLoader.parse(bytes: bytes, name: name), name: name)
        }
    }

    static func fast(_ bytes: [UInt8], name: String = "x.json") -> Result<Directory, LoadError> {
        Result { () throws(LoadError) -> Directory in try DirectoryLoader.loadFast(bytes: bytes, name: name).directory }
    }

    static let sample = BundledSample.bytes

    @Test func theSampleIsReadDirectlyAndEqualsTheGeneralPath() throws {
        let loaded = try DirectoryLoader.loadFast(bytes: Self.sample, name: "sample")
        #expect(loaded.wasDirect)
        #expect(Self.general(Self.sample) == .success(loaded.directory))
    }

    @Test func aGeneratedDirectoryIsReadDirectlyWithTheSameIndex() throws {
        let bytes = Array(SyntheticDirectory(delegates: 3000, seed: 7).json().utf8)
        let loaded = try DirectoryLoader.loadFast(bytes: bytes, name: "gen")
        #expect(loaded.wasDirect)
        // The compact delegates (columns) equal the general path's plain ones.
        #expect(loaded.directory.delegates.isCompact)
        #expect(Self.general(bytes) == .success(loaded.directory))
        let fastIndex = loaded.makeIndex()
        let plainIndex = DirectoryIndex(loaded.directory)
        #expect(fastIndex.attendees == plainIndex.attendees)
        #expect(fastIndex.delegateCityIndex == plainIndex.delegateCityIndex)
        #expect(fastIndex.delegateCountryIndex == plainIndex.delegateCountryIndex)
        #expect(fastIndex.placement.allResolved)
    }

    /// A generated directory with places removed — some delegates without a city, some without
    /// either — is read directly, equals the general path, and places everyone as the general index does.
    @Test func delegatesWithoutPlacesAreReadDirectlyWithTheSameIndex() throws {
        var d = try DirectoryLoader.load(bytes: Array(SyntheticDirectory(delegates: 2000, seed: 5).json().utf8), name: "gen")
        for i in d.delegates.indices where i % 3 != 0 {
            d.delegates[i].city = nil
            if i % 3 == 2 { d.delegates[i].country = nil }
        }
        d.events[0].city = nil
        d.events[0].venue = nil
        // One event known only by its country, another with its city's country written beside the city.
        d.events[1].city = nil
        d.events[1].country = "DE"
        if let city = d.events[2].city { d.events[2].country = d.cities.first { $0.id == city }?.country }
        let bytes = DirectoryEncoder.encodeBytes(d)
        let loaded = try DirectoryLoader.loadFast(bytes: bytes, name: "gen")
        #expect(loaded.wasDirect)
        #expect(loaded.directory == d)
        #expect(Self.general(bytes) == .success(loaded.directory))
        let fastIndex = loaded.makeIndex()
        let plainIndex = DirectoryIndex(loaded.directory)
        #expect(fastIndex.delegateCityIndex == plainIndex.delegateCityIndex)
        #expect(fastIndex.delegateCountryIndex == plainIndex.delegateCountryIndex)
        #expect(fastIndex.delegateCityIndex.filter { $0 < 0 }.count == 2000 - (2000 + 2) / 3)
        #expect(fastIndex.placement.allResolved && plainIndex.placement.allResolved)
        #expect(fastIndex.summary(Filter()) == plainIndex.summary(Filter()))
    }

    /// Unlisted delegates (``Delegate/listed``) read the same on both paths, directly, and survive the encoder.
    @Test func unlistedDelegatesAreReadDirectlyAndAgree() throws {
        var d = try DirectoryLoader.load(bytes: Array(SyntheticDirectory(delegates: 1500, seed: 11).json().utf8), name: "gen")
        for i in d.delegates.indices where i % 7 == 3 { d.delegates[i].listed = false }
        let bytes = DirectoryEncoder.encodeBytes(d)
        let loaded = try DirectoryLoader.loadFast(bytes: bytes, name: "gen")
        #expect(loaded.wasDirect)
        #expect(loaded.directory == d)
        #expect(loaded.directory.delegates.filter { !$0.listed }.count == (1500 + 3) / 7)
        #expect(Self.general(bytes) == .success(loaded.directory))
        #expect(DirectoryEncoder.encodeBytes(loaded.directory) == bytes)
    }

    @Test func theBundledSampleHasItsUnlistedDelegatesOnBothPaths() throws {
        let loaded = try DirectoryLoader.loadFast(bytes: Self.sample, name: "sample")
        #expect(loaded.directory.delegates.filter { !$0.listed }.map(\.id) == ["d025", "d083", "d111"])
        let unlisted = loaded.directory.delegates.filter { !$0.listed }
        #expect(unlisted.allSatisfy { $0.illustrative }, "only invented people")
    }

    @Test func theMinimalFixtureIsReadDirectly() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("valid/minimal.json"))))
        let loaded = try DirectoryLoader.loadFast(bytes: bytes, name: "minimal")
        #expect(loaded.wasDirect)
        #expect(Self.general(bytes) == .success(loaded.directory))
    }

    /// Small documents around the shapes the direct decoder handles itself.
    static let documents: [String] = [
        // Delegates before the cities and events they name.
        #"{"delegates":[{"id":"d1","name":"A","city":"c1","country":"VN","events":["e1"]}],"format":"convene/1","title":"t","countries":[{"code":"VN","name":"V"}],"cities":[{"id":"c1","name":"C","country":"VN","timeZone":"UTC"}],"events":[{"id":"e1","title":"E","kind":"k","city":"c1","venue":"v","start":"2023-01-01T08:00:00Z","end":"2023-01-01T09:00:00Z","timeZone":"UTC"}]}"#,
        // Nulls where they are allowed and where they are not.
        #"{"format":"convene/1","title":"t","notice":null,"countries":null,"cities":null,"organizations":null,"events":null,"delegates":null}"#,
        #"{"format":"convene/1","title":"t","countries":[{"code":"VN","name":"V"}],"cities":[{"id":"c1","name":"C","country":"VN","timeZone":"UTC"}],"delegates":[{"id":"d1","name":"A","role":null,"organization":null,"city":"c1","country":"VN","events":null,"illustrative":null}]}"#,
        #"{"format":"convene/1","title":"t","countries":[{"code":"VN","name":"V"}],"cities":[{"id":"c1","name":"C","country":"VN","timeZone":"UTC"}],"delegates":[{"id":null,"name":"A","city":"c1","country":"VN"}]}"#,
        // Escapes in ids and names; an empty event and organisation reference.
        #"{"format":"convene/1","title":"t","countries":[{"code":"VN","name":"V"}],"cities":[{"id":"c\u0031","name":"C","country":"VN","timeZone":"UTC"}],"delegates":[{"id":"d\"1","name":"\u00c0 \ud83d\ude00","city":"c1","country":"\u0056N","organization":"","events":["",""]}]}"#,
        // Blank names: ASCII space, ideographic space, a space with a combining mark.
        #"{"format":"convene/1","title":"t","countries":[{"code":"VN","name":"V"}],"cities":[{"id":"c1","name":"C","country":"VN","timeZone":"UTC"}],"delegates":[{"id":"d1","name":"  ","city":"c1","country":"VN"}]}"#,
        #"{"format":"convene/1","title":"t","countries":[{"code":"VN","name":"V"}],"cities":[{"id":"c1","name":"C","country":"VN","timeZone":"UTC"}],"delegates":[{"id":"d1","name":"\u3000","city":"c1","country":"VN"}]}"#,
        #"{"format":"convene/1","title":"t","countries":[{"code":"VN","name":"V"}],"cities":[{"id":"c1","name":"C","country":"VN","timeZone":"UTC"}],"delegates":[{"id":"d1","name":" \u0301","city":"c1","country":"VN"}]}"#,
        // Two spellings of one id (NFC and NFD): one Swift string, so a duplicate.
        #"{"format":"convene/1","title":"t","countries":[{"code":"VN","name":"V"}],"cities":[{"id":"c1","name":"C","country":"VN","timeZone":"UTC"}],"delegates":[{"id":"\u00e9","name":"A","city":"c1","country":"VN"},{"id":"e\u0301","name":"B","city":"c1","country":"VN"}]}"#,
        // A reference spelled differently from its city, but canonically equal.
        #"{"format":"convene/1","title":"t","countries":[{"code":"VN","name":"V"}],"cities":[{"id":"h\u00e0","name":"C","country":"VN","timeZone":"UTC"}],"delegates":[{"id":"d1","name":"A","city":"ha\u0300","country":"VN"}]}"#,
        // A $schema of any shape, and one nested to the depth limit.
        #"{"$schema":{"a":[1,2,{"b":null}]},"format":"convene/1","title":"t"}"#,
        #"{"$schema":"# + String(repeating: "[", count: 63) + String(repeating: "]", count: 63) + #","format":"convene/1","title":"t"}"#,
        #"{"$schema":"# + String(repeating: "[", count: 64) + String(repeating: "]", count: 64) + #","format":"convene/1","title":"t"}"#,
        // Wrong types, unknown and duplicate keys, a schedule.json.
        #"{"format":"convene/1","title":"t","delegates":[{"id":"d1","name":"A","city":"c1","country":"VN","events":"e1"}]}"#,
        #"{"format":"convene/1","title":"t","delegates":[{"id":"d1","name":"A","city":"c1","country":"VN","nmae":"x"}]}"#,
        #"{"format":"convene/1","title":"t","delegates":[{"id":"d1","id":"d2","name":"A","city":"c1","country":"VN"}]}"#,
        #"{"format":"convene/1","title":"t","delegates":[{"id":"d1","name":"A","city":"c1","country":"VN","illustrative":1}]}"#,
        #"{"format":"convene/2","title":"t"}"#,
        #"{"schedule":{"conference":{"title":"x","days":[]}}}"#,
        // Names before ids (the columns keep the id first), empty ids among events, empty role and organisation.
        #"{"format":"convene/1","title":"t","countries":[{"code":"VN","name":"V"}],"cities":[{"id":"c1","name":"C","country":"VN","timeZone":"UTC"}],"events":[{"id":"e1","title":"E","kind":"k","start":"2023-01-01T08:00:00Z","end":"2023-01-01T09:00:00Z","timeZone":"UTC"}],"delegates":[{"name":"Đặng","id":"d1","events":["","e1",""]},{"id":"d2","name":"B","role":"","organization":"","events":[""]},{"name":"\u00c0","role":"r","id":"d3","city":"c1","country":"VN"}]}"#,
        // A long role, stored once.
        #"{"format":"convene/1","title":"t","countries":[{"code":"VN","name":"V"}],"cities":[{"id":"c1","name":"C","country":"VN","timeZone":"UTC"}],"delegates":[{"id":"d1","name":"A","role":"Chief Executive Officer","city":"c1","country":"VN"},{"id":"d2","name":"B","role":"Chief Executive Officer","city":"c1","country":"VN"}]}"#,
        // Places not recorded: absent or null city and country; a country without a city; an event without either.
        #"{"format":"convene/1","title":"t","countries":[{"code":"VN","name":"V"}],"cities":[{"id":"c1","name":"C","country":"VN","timeZone":"UTC"}],"events":[{"id":"e1","title":"E","kind":"k","start":"2023-01-01T08:00:00Z","end":"2023-01-01T09:00:00Z","timeZone":"UTC"}],"delegates":[{"id":"d1","name":"A","events":["e1"]},{"id":"d2","name":"B","city":null,"country":null},{"id":"d3","name":"C","country":"VN"},{"id":"d4","name":"D","city":"c1","country":"VN"}]}"#,
        // ... and where a place is wrong: a city without its country, a blank or unknown one, a wrong country.
        #"{"format":"convene/1","title":"t","countries":[{"code":"VN","name":"V"}],"cities":[{"id":"c1","name":"C","country":"VN","timeZone":"UTC"}],"delegates":[{"id":"d1","name":"A","city":"c1"}]}"#,
        #"{"format":"convene/1","title":"t","countries":[{"code":"VN","name":"V"}],"cities":[{"id":"c1","name":"C","country":"VN","timeZone":"UTC"}],"delegates":[{"id":"d1","name":"A","city":"c1","country":null}]}"#,
        #"{"format":"convene/1","title":"t","countries":[{"code":"VN","name":"V"}],"cities":[{"id":"c1","name":"C","country":"VN","timeZone":"UTC"}],"delegates":[{"id":"d1","name":"A","city":"","country":"VN"}]}"#,
        #"{"format":"convene/1","title":"t","countries":[{"code":"VN","name":"V"}],"cities":[{"id":"c1","name":"C","country":"VN","timeZone":"UTC"}],"delegates":[{"id":"d1","name":"A","country":" "}]}"#,
        #"{"format":"convene/1","title":"t","countries":[{"code":"VN","name":"V"}],"cities":[{"id":"c1","name":"C","country":"VN","timeZone":"UTC"}],"delegates":[{"id":"d1","name":"A","city":"c2"}]}"#,
        #"{"format":"convene/1","title":"t","countries":[{"code":"VN","name":"V"}],"cities":[{"id":"c1","name":"C","country":"VN","timeZone":"UTC"}],"delegates":[{"id":"d1","name":"A","country":"JP"}]}"#,
        #"{"format":"convene/1","title":"t","countries":[{"code":"VN","name":"V"},{"code":"JP","name":"J"}],"cities":[{"id":"c1","name":"C","country":"VN","timeZone":"UTC"}],"delegates":[{"id":"d1","name":"A","city":"c1","country":"JP"}]}"#,
        #"{"format":"convene/1","title":"t","events":[{"id":"e1","title":"E","kind":"k","city":"","venue":null,"start":"2023-01-01T08:00:00Z","end":"2023-01-01T09:00:00Z","timeZone":"UTC"}]}"#,
        // An event's country: alone, beside its city, null; unknown, blank, not the city's, of the wrong type.
        #"{"format":"convene/1","title":"t","countries":[{"code":"VN","name":"V"},{"code":"DE","name":"G"}],"cities":[{"id":"c1","name":"C","country":"VN","timeZone":"UTC"}],"events":[{"id":"e1","title":"E","kind":"k","country":"DE","start":"2023-01-01T08:00:00Z","end":"2023-01-01T09:00:00Z","timeZone":"UTC"},{"id":"e2","title":"F","kind":"k","city":"c1","country":"VN","start":"2023-01-01T08:00:00Z","end":"2023-01-01T09:00:00Z","timeZone":"UTC"},{"id":"e3","title":"G","kind":"k","country":null,"start":"2023-01-01T08:00:00Z","end":"2023-01-01T09:00:00Z","timeZone":"UTC"}]}"#,
        #"{"format":"convene/1","title":"t","countries":[{"code":"VN","name":"V"}],"events":[{"id":"e1","title":"E","kind":"k","country":"DE","start":"2023-01-01T08:00:00Z","end":"2023-01-01T09:00:00Z","timeZone":"UTC"}]}"#,
        #"{"format":"convene/1","title":"t","countries":[{"code":"VN","name":"V"}],"events":[{"id":"e1","title":"E","kind":"k","country":" ","start":"2023-01-01T08:00:00Z","end":"2023-01-01T09:00:00Z","timeZone":"UTC"}]}"#,
        #"{"format":"convene/1","title":"t","countries":[{"code":"VN","name":"V"},{"code":"DE","name":"G"}],"cities":[{"id":"c1","name":"C","country":"VN","timeZone":"UTC"}],"events":[{"id":"e1","title":"E","kind":"k","city":"c1","country":"DE","start":"2023-01-01T08:00:00Z","end":"2023-01-01T09:00:00Z","timeZone":"UTC"}]}"#,
        #"{"format":"convene/1","title":"t","countries":[{"code":"VN","name":"V"}],"events":[{"id":"e1","title":"E","kind":"k","country":7,"start":"2023-01-01T08:00:00Z","end":"2023-01-01T09:00:00Z","timeZone":"UTC"}]}"#,
        // Consent: "listed" false, true, null (listed) and absent; of the wrong type; twice; beside "illustrative".
        #"{"format":"convene/1","title":"t","countries":[{"code":"VN","name":"V"}],"cities":[{"id":"c1","name":"C","country":"VN","timeZone":"UTC"}],"delegates":[{"id":"d1","name":"A","city":"c1","country":"VN","listed":false},{"id":"d2","name":"B","listed":true},{"id":"d3","name":"C","listed":null},{"id":"d4","name":"D","illustrative":true,"listed":false,"events":[]}]}"#,
        #"{"format":"convene/1","title":"t","delegates":[{"id":"d1","name":"A","listed":"no"}]}"#,
        #"{"format":"convene/1","title":"t","delegates":[{"id":"d1","name":"A","listed":0}]}"#,
        #"{"format":"convene/1","title":"t","delegates":[{"id":"d1","name":"A","listed":false,"listed":true}]}"#,
        #"{"format":"convene/1","title":"t","delegates":[{"id":"d1","name":"A","lisetd":false}]}"#,
        #"{"format":"convene/1","title":"t","delegates":[{"id":"d1","name":"A","listed":fals}]}"#,
        // City coordinates: both, null, one alone, out of range, of the wrong type.
        #"{"format":"convene/1","title":"t","countries":[{"code":"VN","name":"V"}],"cities":[{"id":"c1","name":"C","country":"VN","timeZone":"UTC","latitude":21.0245,"longitude":105.8412},{"id":"c2","name":"D","country":"VN","timeZone":"UTC","latitude":null,"longitude":null}],"delegates":[{"id":"d1","name":"A","city":"c1","country":"VN"}]}"#,
        #"{"format":"convene/1","title":"t","countries":[{"code":"VN","name":"V"}],"cities":[{"id":"c1","name":"C","country":"VN","timeZone":"UTC","latitude":21.0245}],"delegates":[{"id":"d1","name":"A","city":"c1","country":"VN"}]}"#,
        #"{"format":"convene/1","title":"t","countries":[{"code":"VN","name":"V"}],"cities":[{"id":"c1","name":"C","country":"VN","timeZone":"UTC","latitude":-90.5,"longitude":181}]}"#,
        #"{"format":"convene/1","title":"t","countries":[{"code":"VN","name":"V"}],"cities":[{"id":"c1","name":"C","country":"VN","timeZone":"UTC","latitude":true,"longitude":"E"}]}"#,
        // Whitespace everywhere the grammar allows it.
        " \n{ \"format\" : \"convene/1\" ,\t\"title\" : \"t\" , \"delegates\" : [ ] } \r\n",
        "\u{FEFF}{\"format\":\"convene/1\",\"title\":\"t\"}",
    ]

    @Test(arguments: documents)
    func smallDocumentsHaveTheGeneralOutcome(text: String) {
        let bytes = Array(text.utf8)
        #expect(Self.fast(bytes) == Self.general(bytes))
        // What the direct path read is kept in columns: the comparison above is compact against plain.
        if let loaded = try? DirectoryLoader.loadFast(bytes: bytes, name: "x.json"), loaded.wasDirect,
           !loaded.directory.delegates.isEmpty {
            #expect(loaded.directory.delegates.isCompact)
        }
    }

    /// Thousands of random edits of the sample — deleted, inserted and swapped bytes, chosen to
    /// hit JSON's punctuation, escapes and UTF-8 — never make the two paths disagree.
    @Test func mutatedSamplesHaveTheGeneralOutcome() {
        var rng = SeededGenerator(seed: 42)
        let alphabet: [UInt8] = Array(#"{}[],:"\ n0-1eE.tfu"#.utf8) + [0xC3, 0xA9, 0xE1, 0x80, 0xFF, 0x09, 0x0A]
        let base = Self.sample
        var disagreements = 0
        for _ in 0..<400 {
            var bytes = base
            for _ in 0..<(1 + Int(rng.next() % 3)) {
                let at = Int(rng.next() % UInt64(bytes.count))
                rng.edit(&bytes, at: at, from: alphabet)
            }
            if Self.fast(bytes) != Self.general(bytes) { disagreements += 1 }
        }
        #expect(disagreements == 0)
    }

    /// Every scalar: the decoder's White_Space table against Unicode's, which `Character.isWhitespace` uses.
    @Test func whiteSpaceTableMatchesUnicode() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(DirectReader.isWhiteSpace(value) == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
            if DirectReader.isWhiteSpace(value) != scalar.properties.isWhitespace { return }
        }
    }

    /// A string is blank to the decoder exactly when it is blank to the general path.
    @Test(arguments: [" ", "\u{3000}", " \u{301}", "a", "\u{301}", "\u{85}x", "", "\u{2028}\u{2029}", "Đặng", "\t\n"])
    func blankStringsAgreeWithCharacterWhitespace(text: String) {
        let blank: Bool
        do {
            try DirectReader.requireNotBlank(text)
            blank = false
        } catch {
            blank = true
        }
        #expect(blank == text.allSatisfy(\.isWhitespace))
        // The byte-level shortcut the delegate reader takes never calls a blank text not blank.
        let mayBeBlank = Array(text.utf8).withUnsafeBytes { DirectReader.mayBeBlank($0) }
        #expect(mayBeBlank || !blank)
        #expect(mayBeBlank == (text.unicodeScalars.first.map { $0.properties.isWhitespace } ?? true))
    }
}
