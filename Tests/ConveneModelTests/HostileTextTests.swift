import ConveneText
import Foundation
import Testing
@testable import ConveneModel

/// Text that attacks a terminal: it loads exactly as written, and the sanitiser
/// makes every string of it safe to draw or print.
///
/// `controls-everywhere.json` puts a screen clear, an OSC title change, CR, BS,
/// TAB, NUL, DEL, a C1 CSI, bidi overrides and isolates, zero-width characters
/// and a BOM into every text field and id of a valid directory. Drawing it in the
/// browser (`Grid.write`, `ScreenRenderer.render`) is checked by the fuzz
/// package's replay tests (`swift test` in `Fuzz/`), which can depend on the
/// screen and app targets; `table`, JSON and CSV output by ConveneReportsTests.
@Suite struct HostileTextTests {
    static let payload = "\u{1B}[2J\u{1B}[H\u{1B}]0;pwned\u{07}\rFAKE\u{08}\t\u{00}\u{7F}\u{9B}31m"
        + "\u{202E}evil\u{202C}\u{2066}iso\u{2069}\u{200B}\u{200C}\u{200D}\u{FEFF}\u{202A}\u{202B}\u{202D}\u{2067}\u{2068}"

    static func load(_ name: String) throws(LoadError) -> Directory {
        try DirectoryLoader.load(path: Fixtures.path("hostile/" + name))
    }

    /// Scalars that must never reach a terminal from a data file.
    static func isHazard(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200B...0x200D, 0xFEFF: return true
        default: return false
        }
    }

    /// Every text field (ids and references are checked against the id pattern, so they are clean).
    static func strings(in d: Directory) -> [String] {
        var out = [d.title] + [d.notice].compactMap { $0 }
        out += d.countries.flatMap { [$0.name] + [$0.region].compactMap { $0 } }
        out += d.cities.flatMap { [$0.name] + [$0.creativeField].compactMap { $0 } }
        out += d.organizations.flatMap { [$0.name, $0.kind] }
        for e in d.events {
            out += [e.title, e.kind] + [e.venue, e.localTitle].compactMap { $0 }
            out += e.themes + e.sources
            for s in e.sessions {
                out += [s.title] + [s.room, s.track, s.description].compactMap { $0 }
            }
        }
        for p in d.delegates {
            out += [p.name] + [p.role].compactMap { $0 }
        }
        return out
    }

    @Test func controlsInEveryTextFieldLoadExactlyAsWritten() throws {
        let d = try Self.load("controls-everywhere.json")
        #expect(d.title == "Minimal directory" + Self.payload)
        #expect(d.delegates[0].name == "Phạm Thị Thanh Hương" + Self.payload)
        #expect(d.events[0].sessions[0].description == "Welcome." + Self.payload)
        #expect(d.delegates[0].events == ["conf"])
        let fields = Self.strings(in: d)
        #expect(fields.count == 28)
        for field in fields {
            #expect(field.hasSuffix(Self.payload), "\(field.debugDescription)")
        }
    }

    @Test func sanitisedControlsLeaveNothingThatActsOnATerminal() throws {
        let d = try Self.load("controls-everywhere.json")
        for field in Self.strings(in: d) {
            let line = Sanitizer.line(field)
            #expect(!line.unicodeScalars.contains(where: Self.isHazard), "\(line.debugDescription)")
            let text = Sanitizer.text(field)
            #expect(!text.unicodeScalars.contains { $0 != "\n" && Self.isHazard($0) }, "\(text.debugDescription)")
        }
        // The tampering shows instead of acting: ESC, CR, BS, TAB, NUL and DEL as control pictures, C1 as U+FFFD.
        #expect(Sanitizer.line("Opening" + Self.payload) == "Opening␛[2J␛[H␛]0;pwned␇␍FAKE␈␉␀␡\u{FFFD}31meviliso")
    }

    @Test func tenThousandCombiningMarksLoadAndShrinkToFour() throws {
        let d = try Self.load("combining-marks-10000.json")
        let name = d.delegates[1].name
        #expect(name.unicodeScalars.filter { $0 == "\u{301}" }.count == 10_000)
        let shown = Sanitizer.line(name)
        // "a" and the first acute compose to "á" under NFC; three more acutes stay.
        #expect(shown == "Đặng Vá\u{301}\u{301}\u{301}n Đức")
        #expect(DisplayWidth.of(shown) == 12)
    }

    @Test func escapedNulAndSurrogatePairsLoadAsTheScalarsTheyName() throws {
        let nul = try Self.load("nul-escaped.json")
        #expect(nul.countries[1].name == "Ja\u{0}pan")
        #expect(Sanitizer.line(nul.countries[1].name) == "Ja␀pan")
        let flag = try Self.load("surrogate-pair-valid.json")
        #expect(flag.countries[1].name == "Japan 🇯🇵")
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        let withMark = try Self.load("bom-valid.json")
        let without = try DirectoryLoader.load(path: Fixtures.path("valid/minimal.json"))
        #expect(withMark == without)
    }

    /// Messages quote ids and keys from the file; the CLI prints them through
    /// `Sanitizer.text`, so what reaches the terminal has no escape sequence left.
    @Test func errorMessagesAreSafeOnceSanitised() throws {
        do {
            _ = try Self.load("hostile-error-text.json")
            Issue.record("loaded")
        } catch {
            let shown = Sanitizer.text(error.description)
            #expect(!shown.unicodeScalars.contains { $0 != "\n" && Self.isHazard($0) })
            #expect(shown.hasSuffix("$.delegates[0].city: unknown city '␛[31mhanoi'"))
        }
    }
}
