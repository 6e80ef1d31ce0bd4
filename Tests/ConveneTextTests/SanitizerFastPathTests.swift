import Testing
@testable import ConveneText

/// The sanitiser's fast path: text that needs no change is returned as it is,
/// and anything that needs a change still gets it.
@Suite struct SanitizerFastPathTests {
    /// Whether two strings share one UTF-8 buffer, i.e. the second is the first returned as it is.
    private func sameStorage(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in x.baseAddress == y.baseAddress && x.count == y.count } }
    }

    /// A summary table: ASCII, box-drawing rules, accented Latin and CJK, long enough to live on the heap.
    private let cleanTable = String(repeating: "Code  Name        Delegates\n────  ──────────  ─────────\n"
                                        + "VN    Hà Nội — 東京 한국어 «ñ»  12582 ½ ±\n", count: 40)

    @Test func cleanNonASCIITextIsReturnedWithoutCopying() {
        #expect(sameStorage(cleanTable, Sanitizer.text(cleanTable)))
        let line = cleanTable.replacing("\n", with: " ")
        #expect(sameStorage(line, Sanitizer.line(line)))
    }

    @Test func aControlByteAtTheEndIsStillCaught() {
        #expect(Sanitizer.text(cleanTable + "\u{1b}") == cleanTable + "␛")
        #expect(Sanitizer.line("Hà Nội\u{7f}") == "Hà Nội␡")
        #expect(Sanitizer.line("東京\r") == "東京␍")
        #expect(Sanitizer.text("東京\n") == "東京\n")
        #expect(Sanitizer.line("東京\n") == "東京␊")
    }

    @Test func aControlByteAtTheStartIsStillCaught() {
        #expect(Sanitizer.text("\u{0}" + cleanTable) == "␀" + cleanTable)
        #expect(Sanitizer.line("\u{1b}[31m東京") == "␛[31m東京")
    }

    /// C1 controls are two UTF-8 bytes (C2 80…C2 9F), both outside ASCII: a scan for
    /// bytes below 0x20 alone would miss them.
    @Test func c1ControlsInUTF8AreStillReplaced() {
        #expect(Array("\u{9b}".utf8) == [0xC2, 0x9B])
        #expect(Sanitizer.text(cleanTable + "\u{9b}31m") == cleanTable + "\u{FFFD}31m")
        #expect(Sanitizer.line("é\u{80}") == "é\u{FFFD}")
        #expect(Sanitizer.line("\u{9f}─") == "\u{FFFD}─")
        // U+00A0 (C2 A0), the first scalar past the C1 block, is kept.
        #expect(Sanitizer.line("a\u{a0}b") == "a\u{a0}b")
    }

    @Test func invisibleAndReorderingScalarsAmongCleanTextAreStillRemoved() {
        #expect(Sanitizer.text(cleanTable + "\u{202e}x") == cleanTable + "x")
        #expect(Sanitizer.line("東京\u{200b}─") == "東京─")
        #expect(Sanitizer.text("一\u{2028}二") == "一\n二")
        #expect(Sanitizer.line("一\u{2029}二") == "一 二")
        #expect(Sanitizer.line("😀\u{feff}") == "😀")
    }

    @Test func marksAmongCleanTextAreStillComposedAndCut() {
        #expect(Sanitizer.line("東京 Nguye\u{302}\u{303}n") == "東京 Nguyễn")
        // Fifty acute accents: cut to four, then NFC composes the first into "é".
        let stacked = "─e" + String(repeating: "\u{301}", count: 50)
        #expect(Sanitizer.line(stacked) == "─é" + String(repeating: "\u{301}", count: 3))
    }

    /// Every scalar the fast path lets through, between two letters, is left as it is by the full
    /// sanitiser too: the fast path never skips a change. (Planes 4–13 are unassigned and 15–16
    /// private use: nothing there differs from plane 3's unassigned scalars.)
    @Test(arguments: [(UInt32(0x80), UInt32(0xFFFF)), (0x10000, 0x3FFFF), (0xE0000, 0xE0FFF)])
    func everyScalarTheFastPathPassesIsUnchangedBySanitising(range: (UInt32, UInt32)) {
        var passed = 0
        for value in range.0...range.1 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(scalar) + "b"
            guard Sanitizer.isClean(text, keepingNewlines: true) else { continue }
            #expect(Sanitizer.isClean(text, keepingNewlines: false))
            #expect(Sanitizer.sanitize(text, keepingNewlines: false) == text, "U+\(String(value, radix: 16))")
            passed += 1
        }
        #expect(passed > 1_000)
    }
}
