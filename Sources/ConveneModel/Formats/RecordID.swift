import ConveneText

/// Makes record ids of the form the format requires: `^[a-z0-9][a-z0-9._-]*$`.
public enum RecordID {
    /// True when `text` is already a valid id.
    public static func isValid(_ text: String) -> Bool {
        isValid(utf8: text.utf8)
    }

    /// True when the UTF-8 bytes spell a valid id; the loader checks ids this way before making strings.
    @inline(__always)
    static func isValid<C: Collection<UInt8>>(utf8 bytes: C) -> Bool {
        guard let first = bytes.first, isLowerAlnum(first) else { return false }
        return bytes.allSatisfy { isLowerAlnum($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
    }

    /// A readable id from a name: accents folded, lower case, runs of anything else become one `-`.
    ///
    /// "Phạm Thị Thanh Hương" → "pham-thi-thanh-huong", "36C3" → "36c3". Names with no
    /// Latin letters or digits ("田中 美咲") give "", and the caller picks a fallback.
    public static func slug(_ text: String, maxLength: Int = 60) -> String {
        var out = ""
        var pendingDash = false
        for u in SearchFold.fold(text).unicodeScalars {
            let lowered = u.value >= 0x41 && u.value <= 0x5A ? u.value + 0x20 : u.value
            if (lowered >= 0x61 && lowered <= 0x7A) || (lowered >= 0x30 && lowered <= 0x39) {
                if pendingDash, !out.isEmpty { out += "-" }
                pendingDash = false
                out.unicodeScalars.append(Unicode.Scalar(UInt8(lowered)))
                if out.utf8.count >= maxLength { break }
            } else {
                pendingDash = true
            }
        }
        return out
    }

    /// `base`, or `base-2`, `base-3`, … : the first that `taken` does not hold.
    public static func unique(_ base: String, in taken: Set<String>) -> String {
        if !taken.contains(base) { return base }
        var n = 2
        while taken.contains("\(base)-\(n)") { n += 1 }
        return "\(base)-\(n)"
    }

    private static func isLowerAlnum(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) }
}

/// FNV-1a over UTF-8: a hash that is the same in every run, unlike `Hasher`.
func stableHash(_ text: String) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in text.utf8 {
        h ^= UInt64(b)
        h = h &* 0x100_0000_01b3
    }
    return h
}
