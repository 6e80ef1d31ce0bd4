import ConveneScreen
import Testing

/// Bracketed paste and character decoding, without a terminal.
@Suite struct InputDecoderTests {
    static func feed(_ raws: [RawInput]) -> [InputEvent] {
        var decoder = InputDecoder()
        return raws.flatMap { decoder.feed($0) }
    }

    static func characters(_ text: String) -> [RawInput] {
        text.unicodeScalars.map { .character($0.value) }
    }

    @Test func charactersOutsideAPasteAreKeys() {
        #expect(Self.feed(Self.characters("q\r\u{1B}\u{7F}\u{15}")) == [
            .key(.character("q")), .key(.enter), .key(.escape), .key(.backspace), .key(.control("u")),
        ])
        #expect(Self.feed([.character(0), .character(0x9B)]).isEmpty, "other controls are never text")
    }

    @Test func aPasteBetweenTheMarkersIsOneEventWithItsTextUnchanged() {
        let pasted = "huong\rqtouch /tmp/x\r\u{1B}[A Hương 東京"
        let events = Self.feed(Self.characters("/") + [.pasteStart] + Self.characters(pasted) + [.pasteEnd]
                               + Self.characters("q"))
        #expect(events == [.key(.character("/")), .paste(pasted), .key(.character("q"))])
    }

    @Test func keysAndMouseInsideAPasteAreDroppedAndAResizeComesAfterIt() {
        let events = Self.feed([.pasteStart, .character(0x61), .event(.key(.up)),
                                .event(.mouse(MouseEvent(kind: .click, row: 1, column: 1))), .ignored,
                                .event(.resize(width: 50, height: 20)), .character(0x62), .pasteEnd])
        #expect(events == [.paste("ab"), .resize(width: 50, height: 20)])
    }

    @Test func anEmptyPasteAndAStrayEndMarker() {
        #expect(Self.feed([.pasteStart, .pasteEnd]) == [.paste("")])
        #expect(Self.feed([.pasteEnd, .character(0x71)]) == [.key(.character("q"))])
    }

    @Test func aPasteWhoseEndNeverComesIsDeliveredAfterTheStallLimit() {
        var decoder = InputDecoder()
        #expect(decoder.feed(.pasteStart).isEmpty)
        #expect(decoder.feed(.character(0x71)).isEmpty)
        for _ in 1..<InputDecoder.stallLimit { #expect(decoder.feed(.idle).isEmpty) }
        #expect(decoder.isInPaste)
        #expect(decoder.feed(.idle) == [.paste("q")])
        #expect(!decoder.isInPaste)
        #expect(decoder.feed(.character(0x71)) == [.key(.character("q"))], "keys work again")
    }

    @Test func aHugePasteKeepsItsFirstScalarsAndEndsAsOneEvent() {
        var decoder = InputDecoder()
        _ = decoder.feed(.pasteStart)
        for _ in 0..<(InputDecoder.maxPasteScalars + 500) { _ = decoder.feed(.character(0x78)) }
        let events = decoder.feed(.pasteEnd)
        #expect(events == [.paste(String(repeating: "x", count: InputDecoder.maxPasteScalars))])
    }
}
