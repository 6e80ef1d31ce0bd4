import Foundation

/// The one place where text from a data file is made safe to show on a terminal.
///
/// JSON decodes `\u001b`, `\u009b` and `\u202e` faithfully, and ncurses acts on
/// CR, BS, LF and TAB and passes bidi overrides and zero-width characters
/// straight through. A name like `"Keynote\rFAKE"` could therefore overwrite
/// the screen, `"\u{1b}]0;pwned\u{7}"` could retitle the terminal, and
/// `"\u{202e}evil"` could reverse what follows. Every string from a data file
/// goes through `Sanitizer` before it is drawn or printed; the screen grid does
/// it itself on every write, so no drawing path can skip it.
///
/// What it does:
/// - C0 controls become visible control pictures (ESC → "␛", CR → "␍",
///   TAB → "␉"), DEL becomes "␡" and C1 controls become "�", so tampering
///   shows instead of acting.
/// - Bidi embeddings, overrides, isolates and marks are removed.
/// - Zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM, …) are removed.
/// - A run of more than four combining marks (or other zero-width extenders)
///   is cut to four, so 10,000 stacked marks cannot make one giant cell.
/// - The result is normalised to NFC, so NFD Vietnamese becomes precomposed.
///
/// Input that needs no change (printable ASCII, and any other scalar none of the
/// rules above touches) is returned unchanged without copying.
public enum Sanitizer {
    /// The most combining marks kept in a row; Vietnamese needs two at most.
    public static let maximumCombiningMarks = 4

    /// Sanitises a one-line field (a name, a title, a room): every control,
    /// including line breaks and tabs, becomes a visible picture.
    public static func line(_ string: String) -> String {
        if isClean(string, keepingNewlines: false) { return string }
        return sanitize(string, keepingNewlines: false)
    }

    /// Sanitises multi-line text (a description): like ``line(_:)`` but keeps
    /// line breaks as "\n", turning "\r\n" (and U+2028/U+2029) into "\n".
    public static func text(_ string: String) -> String {
        if isClean(string, keepingNewlines: true) { return string }
        return sanitize(string, keepingNewlines: true)
    }

    /// True when sanitising would give back `string` exactly: the fast path, a scan of the UTF-8
    /// that builds nothing.
    ///
    /// Why: a whole `convene summary` output (50 KB of tables whose rules are "─") went through the
    /// scalar-by-scalar rebuild below at ≈ 500 instructions a byte, though nothing in it needed a change.
    /// Printable ASCII (and "\n" when kept) is one compare a byte; any other scalar is decoded and
    /// passes only if ``sanitize(_:keepingNewlines:)`` would append it as it is and let it start no
    /// change of its own: not a control (C0, DEL, C1), not a line or paragraph separator, not removed,
    /// not an extender (whose runs are cut), not a scalar that NFC could change. Anything else — one
    /// byte of it anywhere, first or last — sends the whole text down the full path.
    static func isClean(_ string: String, keepingNewlines: Bool) -> Bool {
        if let clean = string.utf8.withContiguousStorageIfAvailable({ isClean(utf8: $0, keepingNewlines: keepingNewlines) }) {
            return clean
        }
        var copy = string
        return copy.withUTF8 { isClean(utf8: $0, keepingNewlines: keepingNewlines) }
    }

    /// ``isClean(_:keepingNewlines:)`` over valid UTF-8 (a Swift string's own bytes).
    private static func isClean(utf8 bytes: UnsafeBufferPointer<UInt8>, keepingNewlines: Bool) -> Bool {
        var i = 0
        let count = bytes.count
        while i < count {
            let lead = bytes[i]
            if lead < 0x80 {
                guard (lead >= 0x20 && lead != 0x7F) || (lead == 0x0A && keepingNewlines) else { return false }
                i += 1
                continue
            }
            // A String's UTF-8 is valid: the lead byte gives the length, the continuations are there.
            let value: UInt32
            if lead < 0xE0 {
                value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                i += 2
            } else if lead < 0xF0 {
                value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                i += 3
            } else {
                value = UInt32(lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
                    | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                i += 4
            }
            guard isCleanBeyondASCII(value) else { return false }
        }
        return true
    }

    /// Whether ``sanitize(_:keepingNewlines:)`` keeps a scalar above U+007F as it is, whatever
    /// surrounds it.
    static func isCleanBeyondASCII(_ value: UInt32) -> Bool {
        // C1 controls become "�"; from U+00A0 to U+02FF there are no marks, nothing zero-width,
        // nothing NFC changes (Latin-1 and Latin Extended: most accented names).
        if value < 0x300 { return value >= 0xA0 }
        // Box drawing, blocks and shapes (every table rule), CJK ideographs and Hangul syllables:
        // letters and symbols one or two columns wide, stable under NFC.
        if (0x2500...0x25FF).contains(value) || (0x4E00...0x9FFF).contains(value) || (0xAC00...0xD7A3).contains(value) {
            return true
        }
        guard value != 0x2028, value != 0x2029, !isRemoved(value), let scalar = Unicode.Scalar(value) else { return false }
        return !isExtender(scalar) && !mayChangeUnderNFC(scalar)
    }

    static func sanitize(_ string: String, keepingNewlines: Bool) -> String {
        var output = String.UnicodeScalarView()
        var marksInRun = 0
        var mayNeedComposing = false
        var previousWasCR = false
        for scalar in string.unicodeScalars {
            let value = scalar.value
            defer { previousWasCR = value == 0x0D }
            if value >= 0x20 && value < 0x7F {
                marksInRun = 0
                output.append(scalar)
                continue
            }
            if keepingNewlines {
                if value == 0x0A {
                    // "\r\n": the CR was already written as a picture; take it back.
                    if previousWasCR, output.last == controlPicture(0x0D) { output.removeLast() }
                    output.append(scalar)
                    marksInRun = 0
                    continue
                }
                if value == 0x2028 || value == 0x2029 {
                    output.append("\n")
                    marksInRun = 0
                    continue
                }
            }
            switch value {
            case 0x00..<0x20:
                output.append(controlPicture(value))
                marksInRun = 0
            case 0x7F:
                output.append("\u{2421}")
                marksInRun = 0
            case 0x80..<0xA0:
                output.append("\u{FFFD}")
                marksInRun = 0
            case 0x2028, 0x2029:
                // Line and paragraph separators: a break the terminal would not show.
                output.append(" ")
                marksInRun = 0
            default:
                if isRemoved(value) { continue }
                if !mayNeedComposing && mayChangeUnderNFC(scalar) { mayNeedComposing = true }
                if isExtender(scalar) {
                    marksInRun += 1
                    if marksInRun > maximumCombiningMarks { continue }
                } else {
                    marksInRun = 0
                }
                output.append(scalar)
            }
        }
        let result = String(output)
        // Composing is the slow part; precomposed text (most Vietnamese) skips it.
        return mayNeedComposing ? result.precomposedStringWithCanonicalMapping : result
    }

    /// Whether a scalar could make NFC differ from the text as it is: marks
    /// and Hangul jamo that compose with what precedes them, and the
    /// singletons and composition exclusions that NFC replaces on their own.
    /// A superset is harmless (it only costs time); the tests check every
    /// assigned scalar that this says is stable.
    static func mayChangeUnderNFC(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x300 { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            break
        }
        switch value {
        case 0x0340...0x0344, 0x0374, 0x037E, 0x0387,
             0x0958...0x095F, 0x09DC...0x09DF, 0x0A33, 0x0A36, 0x0A59...0x0A5E, 0x0B5C...0x0B5D,
             0x0F43...0x0FB9,
             0x1100...0x11FF, 0xA960...0xA97F, 0xD7B0...0xD7FF,  // Hangul jamo
             0x1F71...0x1FFD, 0x2000...0x2001, 0x2126, 0x212A...0x212B, 0x2329...0x232A, 0x2ADC,
             0xF900...0xFAFF, 0xFB1D...0xFB4E,
             0x1D15E...0x1D1C0, 0x2F800...0x2FA1D:
            return true
        default:
            return false
        }
    }

    /// The visible Unicode control picture for a C0 control (U+2400 + code).
    private static func controlPicture(_ value: UInt32) -> Unicode.Scalar {
        Unicode.Scalar(0x2400 + value) ?? "\u{FFFD}"
    }

    /// Bidi controls and zero-width characters, which are dropped outright.
    private static func isRemoved(_ value: UInt32) -> Bool {
        switch value {
        case 0x200B...0x200F,  // ZWSP, ZWNJ, ZWJ, LRM, RLM
             0x202A...0x202E,  // LRE, RLE, PDF, LRO, RLO
             0x2060...0x2064,  // word joiner, invisible operators
             0x2066...0x2069,  // LRI, RLI, FSI, PDI
             0x061C,           // Arabic letter mark
             0x180E,           // Mongolian vowel separator
             0xFEFF:           // byte-order mark / ZWNBSP
            return true
        default:
            return false
        }
    }

    /// Scalars that attach to the previous one without advancing: combining
    /// marks, zero-width scalars such as tag characters, and emoji skin-tone
    /// modifiers (which extend a grapheme too).
    private static func isExtender(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark:
            return true
        default:
            let value = scalar.value
            if value >= 0x1F3FB && value <= 0x1F3FF { return true }
            return DisplayWidth.of(scalar) == 0
        }
    }
}
