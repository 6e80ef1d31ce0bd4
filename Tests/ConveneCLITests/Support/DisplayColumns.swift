/// Display columns of text captured from a terminal, to check alignment.
///
/// `tmux capture-pane -p` writes one character per cell, except that a wide
/// character (CJK) is written once for its two cells, and combining marks
/// (Vietnamese tones written apart, Thai vowels) share their base's cell. So
/// the column of a character is the sum of the widths before it.
///
/// This is a deliberately small width function, independent of the one the
/// app uses so the test does not just agree with itself: zero for combining
/// marks and format characters, two for the East Asian wide and fullwidth
/// blocks the sample uses (and their neighbours), one otherwise.
enum DisplayColumns {
    static func width(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return 0
        default:
            break
        }
        if (0x1160...0x11FF).contains(v) { return 0 }  // Hangul medial vowels and final consonants
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
            0x20000...0x2FFFD, 0x30000...0x3FFFD,
        ]
        return wide.contains { $0.contains(v) } ? 2 : 1
    }

    static func width(_ text: some StringProtocol) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width($1) }
    }

    /// The display columns (from 0) at which `character` occurs in `line`.
    static func columns(of character: Character, in line: String) -> [Int] {
        var column = 0
        var found: [Int] = []
        for c in line {
            if c == character { found.append(column) }
            column += width(String(c))
        }
        return found
    }

    /// The display column at which `needle` starts in `line`, if it occurs.
    static func column(of needle: String, in line: String) -> Int? {
        guard let range = line.range(of: needle) else { return nil }
        return width(line[..<range.lowerBound])
    }
}
