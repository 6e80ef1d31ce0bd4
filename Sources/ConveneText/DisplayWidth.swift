/// How many terminal columns text takes, the way the terminal itself counts.
///
/// `String.count` counts graphemes, not columns: "漢字" is two characters but
/// four columns, and an NFD "ệ" is one character made of three scalars taking
/// one column. Everything that lays text out on a grid (truncation, padding,
/// table columns, the screen grid) measures with `DisplayWidth` so that what the
/// grid believes and what the terminal draws agree.
///
/// The per-scalar widths reproduce glibc's `wcwidth` (which ncurses and tmux
/// use): 0 for combining marks and zero-width format characters, 2 for East
/// Asian Wide/Fullwidth characters and emoji with emoji presentation, 1 for
/// everything else, including unassigned and private-use scalars. Control
/// characters, which `wcwidth` rejects, count as 0: pass data through
/// ``Sanitizer`` first, which turns them into visible one-column pictures.
/// Longer text measures as the sum of its scalars, like `wcswidth`. Emoji
/// sequences (skin tones, flags, ZWJ families) are where terminals disagree
/// with `wcwidth` and with each other; they are measured per scalar too.
///
/// ```swift
/// DisplayWidth.of("Phạm Thị Hương")  // 14
/// DisplayWidth.of("東京")            // 4
/// ```
public enum DisplayWidth {
    /// The columns one scalar takes: 0, 1 or 2.
    ///
    /// Use this when you walk `unicodeScalars`; prefer the `Character` overload
    /// for layout, which measures whole graphemes.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        // Printable ASCII and Latin-1 letters are by far the most common case.
        if value >= 0x20 && value < 0x7F { return 1 }
        if value < 0x20 || (value >= 0x7F && value < 0xA0) { return 0 }
        if value < 0x300 { return 1 }
        if contains(zeroWidthRanges, value) { return 0 }
        if value >= 0x1100 && contains(wideRanges, value) { return 2 }
        return 1
    }

    /// The columns one grapheme takes: the sum of its scalars' widths.
    ///
    /// This is what the terminal does (`wcswidth`): a base letter with
    /// combining marks ("e" + U+0302 + U+0323) takes the base's one column,
    /// but Thai "น้ำ", a single grapheme, takes two, because SARA AM (U+0E33)
    /// is a spacing letter of its own. Taking the widest scalar instead would
    /// make the grid and the terminal disagree. A grapheme is 0 wide only when
    /// every scalar in it is.
    public static func of(_ character: Character) -> Int {
        var total = 0
        for scalar in character.unicodeScalars {
            total += of(scalar)
        }
        return total
    }

    /// The columns a whole string takes: the sum of its scalars' widths.
    public static func of(_ string: String) -> Int {
        if let asciiWidth = asciiPrintableCount(string) { return asciiWidth }
        var total = 0
        for scalar in string.unicodeScalars {
            total += of(scalar)
        }
        return total
    }

    /// The length of an all-printable-ASCII string, or nil if it has anything else.
    ///
    /// Most data is plain ASCII; counting bytes skips grapheme breaking entirely.
    static func asciiPrintableCount(_ string: String) -> Int? {
        // Over the string's own bytes when it has them (always, for a native string): a table
        // cell measured through the UTF-8 view's iterator cost ≈ 300 instructions.
        if let counted = string.utf8.withContiguousStorageIfAvailable({ bytes -> Int? in
            for byte in bytes where !(byte >= 0x20 && byte < 0x7F) { return nil }
            return bytes.count
        }) {
            return counted
        }
        var count = 0
        for byte in string.utf8 {
            guard byte >= 0x20 && byte < 0x7F else { return nil }
            count += 1
        }
        return count
    }

    /// Binary search of a sorted flat table of inclusive `low, high` pairs.
    private static func contains(_ table: [UInt32], _ value: UInt32) -> Bool {
        var low = 0
        var high = table.count / 2 - 1
        while low <= high {
            let middle = (low + high) / 2
            if value < table[middle * 2] {
                high = middle - 1
            } else if value > table[middle * 2 + 1] {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
