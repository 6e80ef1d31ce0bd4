/// Fitting text into a number of terminal columns: truncating, padding, wrapping.
///
/// All measuring is by ``DisplayWidth``, never by `String.count`, so a
/// Vietnamese or CJK name lines up with an ASCII one. Give these functions
/// sanitised text (see ``Sanitizer``): a raw control character has no width of
/// its own and would throw the columns off.
public enum TextLayout {
    /// Which side of a padded field the text sits on.
    public enum Alignment: Sendable, Hashable {
        /// Text first, spaces after: names and titles.
        case left
        /// Spaces first, text after: numbers, so their digits line up.
        case right
    }

    /// The mark that shows text was cut.
    public static let ellipsis = "…"

    /// Cuts text to at most `width` columns, ending with "…" when anything was cut.
    ///
    /// A wide character is never cut in half: if it would straddle the limit it
    /// is dropped, and the result is one column short (the caller pads).
    /// Zero-width graphemes are kept with their neighbours.
    ///
    /// ```swift
    /// TextLayout.truncate("Nguyễn Văn An", toWidth: 8)  // "Nguyễn …"
    /// TextLayout.truncate("東京都", toWidth: 4)          // "東…"
    /// ```
    public static func truncate(_ string: String, toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        if let asciiWidth = DisplayWidth.asciiPrintableCount(string) {
            if asciiWidth <= width { return string }
            return String(decoding: string.utf8.prefix(width - 1), as: UTF8.self) + ellipsis
        }
        if DisplayWidth.of(string) <= width { return string }
        let budget = width - 1  // one column for the ellipsis
        var used = 0
        var result = ""
        for character in string {
            let characterWidth = DisplayWidth.of(character)
            if used + characterWidth > budget { break }
            used += characterWidth
            result.append(character)
        }
        return result + ellipsis
    }

    /// Fits text to exactly `width` columns: truncated with "…" if too long,
    /// then padded with spaces on the side opposite the alignment.
    ///
    /// The result is exactly `width` columns wide (or "" for a width ≤ 0),
    /// which is what keeps table columns aligned.
    public static func pad(_ string: String, toWidth width: Int, alignment: Alignment = .left) -> String {
        guard width > 0 else { return "" }
        let fitted = truncate(string, toWidth: width)
        let gap = width - DisplayWidth.of(fitted)
        guard gap > 0 else { return fitted }
        let spaces = String(repeating: " ", count: gap)
        switch alignment {
        case .left: return fitted + spaces
        case .right: return spaces + fitted
        }
    }

    /// Word-wraps text to lines of at most `width` columns.
    ///
    /// Breaks at spaces; a word longer than a line (or a run of CJK without
    /// spaces) is broken between graphemes. "\n" always starts a new line and
    /// an empty input line stays an empty output line. Runs of spaces at a
    /// break are dropped. A wide character in a one-column width gets a line
    /// of its own (the grid clips it). Returns no lines for a width ≤ 0.
    public static func wrap(_ string: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in string.split(separator: "\n", omittingEmptySubsequences: false) {
            let characters = Array(paragraph)
            let widths = characters.map { DisplayWidth.of($0) }
            let spaces = characters.map { $0 == " " }
            for range in wrapRanges(widths: widths, isSpace: spaces, width: width) {
                lines.append(String(characters[range]))
            }
        }
        return lines
    }

    /// The core of ``wrap(_:width:)`` on precomputed grapheme widths, for callers
    /// that wrap styled text and need to keep each grapheme's style.
    ///
    /// Returns one index range per output line (at least one, possibly empty),
    /// with break spaces excluded from the ranges.
    public static func wrapRanges(widths: [Int], isSpace: [Bool], width: Int) -> [Range<Int>] {
        let count = min(widths.count, isSpace.count)
        guard width > 0, count > 0 else { return [0..<0] }
        var lines: [Range<Int>] = []
        var lineStart = 0       // first index of the current line
        var lineEnd = 0         // one past the last index placed on it
        var lineWidth = 0
        var index = 0
        while index < count {
            if isSpace[index] {
                // Find the whole run of spaces and the word after it.
                var spaceEnd = index
                var spaceWidth = 0
                while spaceEnd < count && isSpace[spaceEnd] {
                    spaceWidth += widths[spaceEnd]
                    spaceEnd += 1
                }
                var wordEnd = spaceEnd
                var wordWidth = 0
                while wordEnd < count && !isSpace[wordEnd] {
                    wordWidth += widths[wordEnd]
                    wordEnd += 1
                }
                if lineWidth + spaceWidth + wordWidth <= width {
                    lineEnd = wordEnd
                    lineWidth += spaceWidth + wordWidth
                    index = wordEnd
                } else {
                    // Break here; the spaces vanish into the line break.
                    if lineEnd > lineStart || lineWidth > 0 { lines.append(lineStart..<lineEnd) }
                    lineStart = spaceEnd
                    lineEnd = spaceEnd
                    lineWidth = 0
                    index = spaceEnd
                    if wordEnd == spaceEnd { break }  // trailing spaces only
                }
                continue
            }
            // A word starting at `index` (at the start of the text or a line).
            var wordEnd = index
            var wordWidth = 0
            while wordEnd < count && !isSpace[wordEnd] {
                wordWidth += widths[wordEnd]
                wordEnd += 1
            }
            if lineWidth + wordWidth <= width {
                lineEnd = wordEnd
                lineWidth += wordWidth
                index = wordEnd
                continue
            }
            // Too long for any line: break between graphemes.
            while index < wordEnd {
                let graphemeWidth = widths[index]
                if lineWidth + graphemeWidth > width && lineEnd > lineStart {
                    lines.append(lineStart..<lineEnd)
                    lineStart = index
                    lineEnd = index
                    lineWidth = 0
                }
                lineEnd = index + 1
                lineWidth += graphemeWidth
                index += 1
            }
        }
        if lineEnd > lineStart || lines.isEmpty { lines.append(lineStart..<lineEnd) }
        return lines
    }
}
