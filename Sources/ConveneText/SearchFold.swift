import Foundation

/// Search keys that ignore case and accents, so "dang" finds "Đặng".
///
/// People type names without diacritics. Folding both sides to the same key
/// (lowercase, combining marks stripped after canonical decomposition, and the
/// letters Foundation's diacritic folding leaves alone mapped by hand: đ → d,
/// ø → o, ł → l, ß → ss, æ → ae, œ → oe, ı → i, þ → th, ð → d) makes a plain
/// substring test do the work. Fold each haystack once, when data is loaded,
/// and only the needle per keystroke.
///
/// Only Latin, Greek and Cyrillic diacritics (the combining-mark blocks used
/// with them) are stripped: Thai vowels and tone marks and other scripts'
/// marks are letters of their own, so Thai and CJK text stays as it was.
///
/// ```swift
/// SearchFold.fold("Phạm Thị Thanh Hương")  // "pham thi thanh huong"
/// SearchFold.fold("Đức")                    // "duc"
/// ```
public enum SearchFold {
    /// The folded search key for a string: compare keys, never raw text.
    public static func fold(_ string: String) -> String {
        if let ascii = foldASCII(string) { return ascii }
        if let latin = foldLatin(string) { return latin }
        return foldAnything(string)
    }

    /// Folds text made only of ASCII, Latin letters (Vietnamese included) and
    /// CJK ideographs one scalar at a time from ``latinTable``, skipping
    /// Foundation's decomposition; nil for anything else.
    ///
    /// Without combining marks in the input, canonical decomposition works
    /// scalar by scalar, so this gives exactly what ``foldAnything(_:)`` gives.
    static func foldLatin(_ string: String) -> String? {
        var output = ""
        output.unicodeScalars.reserveCapacity(string.utf8.count)
        for scalar in string.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                output.unicodeScalars.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
            } else if value < 0x250 {
                output.append(latinTable[Int(value) - 0x80])
            } else if value >= 0x1E00 && value < 0x1F00 {
                output.append(latinTable[Int(value) - 0x1E00 + 0x1D0])
            } else if value >= 0x4E00 && value <= 0x9FFF {
                output.unicodeScalars.append(scalar)  // CJK ideographs: no case, no decomposition
            } else {
                return nil
            }
        }
        return output
    }

    /// The folded form of U+0080–U+024F and U+1E00–U+1EFF (Latin Extended
    /// Additional, where precomposed Vietnamese lives), built once from the
    /// general path so the two can never disagree.
    static let latinTable: [String] = {
        let scalars = Array(0x80..<0x250) + Array(0x1E00..<0x1F00)
        return scalars.map { value in
            guard let scalar = Unicode.Scalar(UInt32(value)) else { return "" }
            return foldAnything(String(scalar))
        }
    }()

    /// The general fold: canonical decomposition through Foundation, then
    /// lowercase, strip diacritics and map special letters scalar by scalar.
    static func foldAnything(_ string: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in string.decomposedStringWithCanonicalMapping.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                output.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
                continue
            }
            if isStrippedMark(value) { continue }
            if let replacement = letterReplacement(value) {
                output.append(contentsOf: replacement.unicodeScalars)
                continue
            }
            let lower = scalar.properties.lowercaseMapping
            for lowerScalar in lower.unicodeScalars where !isStrippedMark(lowerScalar.value) {
                output.append(lowerScalar)
            }
        }
        return String(output)
    }

    /// Whether a folded haystack contains the needle (folded here), ignoring
    /// case and accents. An empty needle matches everything.
    public static func matches(haystackFolded: String, needle: String) -> Bool {
        matches(haystackFolded: haystackFolded, needleFolded: fold(needle))
    }

    /// Whether a folded haystack contains an already folded needle: the inner
    /// loop of a search, with the needle folded once per keystroke.
    ///
    /// Compares UTF-8 bytes rather than graphemes, so "ก" is found inside "ก่า"
    /// even though the tone mark makes "ก่" one grapheme.
    public static func matches(haystackFolded: String, needleFolded: String) -> Bool {
        var haystack = haystackFolded
        var needle = needleFolded
        return haystack.withUTF8 { haystackBytes in
            needle.withUTF8 { needleBytes in
                containsBytes(haystackBytes, needleBytes)
            }
        }
    }

    /// Naive byte search: names are short, and the first-byte check skips most positions.
    private static func containsBytes(_ haystack: UnsafeBufferPointer<UInt8>,
                                      _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        let needleCount = needle.count
        guard needleCount > 0 else { return true }
        guard haystack.count >= needleCount else { return false }
        let first = needle[0]
        var start = 0
        let lastStart = haystack.count - needleCount
        while start <= lastStart {
            if haystack[start] == first {
                var offset = 1
                while offset < needleCount && haystack[start + offset] == needle[offset] {
                    offset += 1
                }
                if offset == needleCount { return true }
            }
            start += 1
        }
        return false
    }

    /// Lowercases an all-ASCII string byte by byte, or returns nil if it is not ASCII.
    private static func foldASCII(_ string: String) -> String? {
        var isASCII = true
        var hasUpper = false
        for byte in string.utf8 {
            if byte >= 0x80 { isASCII = false; break }
            if byte >= 0x41 && byte <= 0x5A { hasUpper = true }
        }
        guard isASCII else { return nil }
        guard hasUpper else { return string }
        return String(decoding: string.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    /// Combining diacritics used with Latin, Greek and Cyrillic letters.
    private static func isStrippedMark(_ value: UInt32) -> Bool {
        (value >= 0x0300 && value <= 0x036F)      // Combining Diacritical Marks
            || (value >= 0x1AB0 && value <= 0x1AFF)  // … Extended
            || (value >= 0x1DC0 && value <= 0x1DFF)  // … Supplement
            || (value >= 0x20D0 && value <= 0x20FF)  // … for Symbols
            || (value >= 0xFE20 && value <= 0xFE2F)  // Combining Half Marks
    }

    /// Letters with no canonical decomposition that readers still treat as
    /// accented forms of a plain letter.
    private static func letterReplacement(_ value: UInt32) -> String? {
        switch value {
        case 0x0110, 0x0111, 0x00D0, 0x00F0: return "d"   // Đ đ Ð ð
        case 0x00D8, 0x00F8: return "o"                   // Ø ø
        case 0x0141, 0x0142: return "l"                   // Ł ł
        case 0x00DF, 0x1E9E: return "ss"                  // ß ẞ
        case 0x00C6, 0x00E6: return "ae"                  // Æ æ
        case 0x0152, 0x0153: return "oe"                  // Œ œ
        case 0x0131: return "i"                           // ı
        case 0x00DE, 0x00FE: return "th"                  // Þ þ
        default: return nil
        }
    }
}
