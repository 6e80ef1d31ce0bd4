import ConveneModel

/// The state file's contents: which sessions are starred, with a format version.
///
/// ```json
/// {
///   "format": "convene-state/1",
///   "directory": "UNESCO Creative Cities — ASEAN+3 directory (sample)",
///   "identity": "5d0c7a51e0a2f3b9",
///   "stars": ["hanoi-2023-s04", "hanoi-2023-s08"]
/// }
/// ```
///
/// Stars are session ids (unique across a directory). `directory` is only for a
/// person reading the file. Unknown keys are ignored, so a later version-1 writer
/// may add some; a file whose format is `convene-state/2` or later is "newer",
/// never "corrupt": it is neither overwritten nor moved aside.
public struct StarFile: Sendable, Equatable {
    public static let format = "convene-state/1"
    /// Bigger than any real state file; a larger one is treated as corrupt.
    public static let maximumSize = 4 * 1024 * 1024

    public var directoryTitle: String
    public var identity: String
    public var stars: Set<String>

    public init(directoryTitle: String, identity: String, stars: Set<String>) {
        self.directoryTitle = directoryTitle
        self.identity = identity
        self.stars = stars
    }

    /// What reading a file can find.
    public enum Decoded: Sendable, Equatable {
        case file(StarFile)
        /// `convene-state/N` with N above 1.
        case newer(String)
        /// Anything else: the reason, for the message.
        case corrupt(String)
    }

    /// Decodes bytes with the strict parser (Foundation's `JSONDecoder` traps on deep nesting).
    public static func decode(_ bytes: [UInt8]) -> Decoded {
        if bytes.count > maximumSize { return .corrupt("larger than \(maximumSize) bytes") }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes, limits: JSONLimits(maxDepth: 16))
        } catch {
            return .corrupt("not JSON: \(error)")
        }
        guard case .object = value else { return .corrupt("expected an object, found \(value.typeDescription)") }
        guard case .string(let format)? = value["format"] else { return .corrupt("no \"format\"") }
        if format != Self.format {
            if format.hasPrefix("convene-state/"), let n = Int(format.dropFirst("convene-state/".count)), n > 1 {
                return .newer(format)
            }
            return .corrupt("unknown format \"\(format)\"")
        }
        guard case .array(let items)? = value["stars"] else { return .corrupt("no \"stars\" array") }
        var stars = Set<String>()
        for item in items {
            guard case .string(let id) = item else { return .corrupt("a star that is not a string") }
            stars.insert(id)
        }
        var title = ""
        if case .string(let t)? = value["directory"] { title = t }
        var identity = ""
        if case .string(let i)? = value["identity"] { identity = i }
        return .file(StarFile(directoryTitle: title, identity: identity, stars: stars))
    }

    /// Pretty, sorted, newline-terminated JSON: diffs well and reads well.
    public func encoded() -> [UInt8] {
        var text = "{\n"
        text += "  \"format\": \(Self.quote(Self.format)),\n"
        text += "  \"directory\": \(Self.quote(directoryTitle)),\n"
        text += "  \"identity\": \(Self.quote(identity)),\n"
        text += "  \"stars\": ["
        text += stars.sorted().map { "\n    " + Self.quote($0) }.joined(separator: ",")
        text += stars.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return Array(text.utf8)
    }

    static func quote(_ s: String) -> String { JSONString.quote(s) }
}
