/// What a terminal backend read, before it becomes an ``InputEvent``.
///
/// The backend knows its library's codes (ncurses key codes, mouse reports); the
/// decoding that does not depend on them — which characters are keys, and what
/// belongs to a bracketed paste — is here, pure, so it can be tested and fuzzed
/// without a terminal.
public enum RawInput: Sendable, Hashable {
    /// A character read as text (a Unicode scalar value, controls included).
    case character(UInt32)
    /// A function key, mouse action or resize the backend has already decoded.
    case event(InputEvent)
    /// The terminal's "paste starts" marker (`ESC [ 200 ~`).
    case pasteStart
    /// The terminal's "paste ends" marker (`ESC [ 201 ~`).
    case pasteEnd
    /// Input that makes no event (a key Convene does not use): inside a paste it still shows the paste goes on.
    case ignored
    /// Nothing arrived within one input timeout (about 100 ms).
    case idle
}

/// Turns ``RawInput`` into ``InputEvent``s, joining a bracketed paste into one ``InputEvent/paste(_:)``.
///
/// With bracketed paste on, the terminal wraps pasted text in `ESC [ 200 ~` …
/// `ESC [ 201 ~`. Everything in between is text, never keys: a pasted
/// `huong⏎qtouch /tmp/x⏎` must not press Enter, then quit, and leave
/// `touch /tmp/x` for the shell. Escape sequences inside a paste (a pasted
/// arrow key) are dropped; a resize during a paste is reported after it.
///
/// A paste whose end marker never comes (a terminal that lost it) ends after
/// ``stallLimit`` idle timeouts in a row, so the keyboard comes back. At most
/// ``maxPasteScalars`` scalars are kept; the rest are read and dropped.
public struct InputDecoder: Sendable {
    /// The most scalars one paste keeps: far more than any prompt takes, small enough to hold.
    public static let maxPasteScalars = 65_536
    /// Idle timeouts in a row (about 100 ms each) after which an unfinished paste is delivered.
    public static let stallLimit = 10

    private var paste: String.UnicodeScalarView?
    private var pasteScalars = 0
    private var stalls = 0
    private var afterPaste: [InputEvent] = []

    public init() {}

    /// Whether a paste has started and not yet ended.
    public var isInPaste: Bool { paste != nil }

    /// The events that `raw` completes, in order (often none or one).
    public mutating func feed(_ raw: RawInput) -> [InputEvent] {
        guard var text = paste else {
            switch raw {
            case .character(let value): return Self.event(forCharacter: value).map { [$0] } ?? []
            case .event(let event): return [event]
            case .pasteStart:
                paste = String.UnicodeScalarView()
                pasteScalars = 0
                stalls = 0
                return []
            case .pasteEnd, .idle, .ignored: return []   // an end without a start: nothing to end
            }
        }
        switch raw {
        case .character(let value):
            stalls = 0
            if pasteScalars < Self.maxPasteScalars, let scalar = Unicode.Scalar(value) {
                paste = nil                          // keep `text` uniquely referenced while appending
                text.append(scalar)
                pasteScalars += 1
                paste = text
            }
            return []
        case .event(let event):
            stalls = 0
            if case .resize = event { afterPaste.append(event) }   // keys from pasted escapes are dropped
            return []
        case .pasteStart, .ignored:
            stalls = 0
            return []
        case .idle:
            stalls += 1
            return stalls >= Self.stallLimit ? finishPaste() : []
        case .pasteEnd:
            return finishPaste()
        }
    }

    private mutating func finishPaste() -> [InputEvent] {
        let text = paste.map(String.init) ?? ""
        paste = nil
        let events = [InputEvent.paste(text)] + afterPaste
        afterPaste = []
        return events
    }

    /// The event for a character read as text, outside a paste.
    ///
    /// Enter is 13 (or 10), Backspace 8 or 127, and Ctrl-A … Ctrl-Z the other
    /// values from 1 to 26. Other C0 and C1 controls are never text and give nil.
    public static func event(forCharacter value: UInt32) -> InputEvent? {
        switch value {
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 9: return .key(.tab)
        case 8, 127: return .key(.backspace)
        case 1...26:
            guard let letter = Unicode.Scalar(value + 0x60) else { return nil }
            return .key(.control(Character(letter)))
        case 0..<32, 0x80...0x9F:
            return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }
}
