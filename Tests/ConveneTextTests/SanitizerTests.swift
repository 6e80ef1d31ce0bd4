import Testing
@testable import ConveneText
import Foundation

@Suite struct SanitizerTests {
    @Test func printableASCIIPassesThroughUnchanged() {
        #expect(Sanitizer.line("Opening Keynote (Room 1)") == "Opening Keynote (Room 1)")
        #expect(Sanitizer.text("one\ntwo") == "one\ntwo")
    }

    @Test func carriageReturnBecomesAVisiblePictureInsteadOfOverwriting() {
        #expect(Sanitizer.line("Keynote\rFAKE") == "Keynote␍FAKE")
    }

    @Test func terminalTitleEscapeIsShownNotActedOn() {
        #expect(Sanitizer.line("\u{1b}]0;pwned\u{7}") == "␛]0;pwned␇")
    }

    @Test func everyC0ControlBecomesItsControlPicture() {
        #expect(Sanitizer.line("a\tb\nc\u{8}d\u{0}") == "a␉b␊c␈d␀")
    }

    @Test func deleteAndC1ControlsAreReplaced() {
        #expect(Sanitizer.line("x\u{7f}y") == "x␡y")
        #expect(Sanitizer.line("\u{9b}31m red") == "�31m red")
        #expect(Sanitizer.line("\u{85}") == "�")
    }

    @Test func bidiOverridesAndIsolatesAreRemoved() {
        #expect(Sanitizer.line("\u{202e}evil") == "evil")
        #expect(Sanitizer.line("a\u{2066}b\u{2069}c\u{200e}d\u{200f}e\u{61c}f") == "abcdef")
    }

    @Test func zeroWidthCharactersAreRemoved() {
        #expect(Sanitizer.line("pay\u{200b}pal\u{feff}\u{2060}\u{200d}") == "paypal")
    }

    @Test func decomposedVietnameseIsComposed() {
        let decomposed = "Nguye\u{302}\u{303}n Tho\u{31B}\u{300}"
        let clean = Sanitizer.line(decomposed)
        #expect(clean == "Nguyễn Thờ")
        #expect(clean.unicodeScalars.count == clean.count)
    }

    @Test func precomposedVietnameseIsKept() {
        #expect(Sanitizer.line("Phạm Thị Thanh Hương") == "Phạm Thị Thanh Hương")
    }

    @Test func thaiAndCJKAreKept() {
        #expect(Sanitizer.line("น้ำใจ กรุงเทพฯ") == "น้ำใจ กรุงเทพฯ")
        #expect(Sanitizer.line("東京 한국어 カタカナ") == "東京 한국어 カタカナ")
    }

    @Test func tenThousandCombiningMarksAreCutToFour() {
        let hostile = "Z" + String(repeating: "\u{301}", count: 10_000) + "ed"
        let clean = Sanitizer.line(hostile)
        #expect(clean.unicodeScalars.count <= 1 + Sanitizer.maximumCombiningMarks + 2)
        #expect(clean.hasSuffix("ed"))
        #expect(clean.count == 3)
    }

    @Test func stackedTagCharactersAreCutLikeCombiningMarks() {
        let hostile = "A" + String(repeating: "\u{E0041}", count: 1_000)
        #expect(Sanitizer.line(hostile).unicodeScalars.count == 1 + Sanitizer.maximumCombiningMarks)
    }

    @Test func textKeepsLineBreaksAndFoldsCRLF() {
        #expect(Sanitizer.text("one\r\ntwo\nthree\rfour") == "one\ntwo\nthree␍four")
        #expect(Sanitizer.text("Hà Nội\r\n東京\u{2028}end") == "Hà Nội\n東京\nend")
    }

    @Test func textStillNeutralisesEscapes() {
        #expect(Sanitizer.text("a\u{1b}[2Jb\n\u{202e}c") == "a␛[2Jb\nc")
    }

    @Test func sanitisingTwiceChangesNothing() {
        for sample in ["Keynote\rFAKE", "\u{1b}]0;pwned\u{7}", "\u{202e}evil", "Nguye\u{302}\u{303}n", "東京…"] {
            let once = Sanitizer.line(sample)
            #expect(Sanitizer.line(once) == once)
        }
    }
}

@Suite struct SanitizerCompositionTests {
    /// The sanitiser skips NFC unless a scalar might change under it; check
    /// that every assigned scalar it calls stable really is, on its own and
    /// after a base letter.
    @Test func everyScalarDeemedStableIsUnchangedByNFC() {
        var checked = 0
        for value in UInt32(0x300)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value),
                  scalar.properties.generalCategory != .unassigned,
                  scalar.properties.generalCategory != .privateUse,
                  !Sanitizer.mayChangeUnderNFC(scalar) else { continue }
            let alone = String(scalar)
            let afterBase = "a" + alone
            #expect(alone.precomposedStringWithCanonicalMapping == alone, "U+\(String(value, radix: 16))")
            #expect(afterBase.precomposedStringWithCanonicalMapping == afterBase, "U+\(String(value, radix: 16))")
            checked += 1
        }
        #expect(checked > 100_000)
    }
}
