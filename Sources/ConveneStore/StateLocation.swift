import ConveneModel

/// Which directory a state file belongs to: a hash of its title and event ids, not its path.
///
/// The same directory opened from another path (a copy, the bundled sample, a
/// file moved to another folder) finds the same stars. The cost: a directory
/// whose title or set of events changes is a new directory with no stars; the old
/// file stays where it was and can be renamed by hand. Session ids alone would not
/// do, since two unrelated files can both start at `s1`.
public struct DirectoryIdentity: Sendable, Hashable {
    /// 16 hex digits of 64-bit FNV-1a over the title and the sorted event ids.
    public var hash: String
    /// The title, kept in the file for people.
    public var title: String

    public init(_ directory: Directory) {
        self.init(title: directory.title, eventIDs: directory.events.map(\.id))
    }

    public init(title: String, eventIDs: [String]) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ s: String) {
            for b in s.utf8 {
                h ^= UInt64(b)
                h = h &* 0x0000_0100_0000_01B3
            }
            h ^= 0   // a 0 separator so ["ab", "c"] and ["a", "bc"] differ
            h = h &* 0x0000_0100_0000_01B3
        }
        add(title)
        for id in eventIDs.sorted() { add(id) }
        let hex = String(h, radix: 16)
        hash = String(repeating: "0", count: 16 - hex.count) + hex
        self.title = title
    }

    /// `unesco-creative-cities-asean-3-directory-5d0c7a51e0a2f3b9.json`: readable, and unique by the hash.
    public var fileName: String {
        var slug = ""
        for c in title.lowercased().unicodeScalars {
            if ("a"..."z").contains(c) || ("0"..."9").contains(c) {
                slug.unicodeScalars.append(c)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
            if slug.count >= 40 { break }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return (slug.isEmpty ? "" : slug + "-") + hash + ".json"
    }
}

/// Where state files live: `$XDG_STATE_HOME/convene`, else `~/.local/state/convene`.
public enum StateLocation {
    /// The directory for a given environment, or nil when neither `XDG_STATE_HOME` nor `HOME` is usable.
    ///
    /// As the XDG Base Directory spec says, a relative `XDG_STATE_HOME` is ignored.
    public static func directory(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            return trimmed(xdg) + "/convene"
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return trimmed(home) + "/.local/state/convene"
        }
        return nil
    }

    private static func trimmed(_ path: String) -> String {
        var p = path
        while p.count > 1, p.hasSuffix("/") { p.removeLast() }
        return p == "/" ? "" : p
    }
}
