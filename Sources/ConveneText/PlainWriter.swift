/// The output side of ``RichText``: readable plain text with paragraph and line breaks, list
/// markers and numbered link references, built in one pass.
///
/// Breaks are kept pending and written only before the next visible character, so a
/// document never starts or ends with blank lines and two block ends make one blank
/// line, not three. White space between words collapses to one space, as a browser
/// shows it.
struct PlainWriter {
    private(set) var out: [UInt8] = []
    /// 0: none, 1: a line break, 2: a blank line.
    private var pendingBreak = 0
    private var pendingSpace = false
    /// Link targets in the order they are referenced: `[1]` is `links[0]`.
    private(set) var links: [String] = []
    private var linkNumbers: [String: Int] = [:]

    /// Deeper lists are indented as this deep: the text stays readable and the output linear in the input.
    static let indentLimit = 8

    /// Ends the line (`level` 1) or the paragraph (`level` 2) before whatever comes next.
    mutating func breakLine(_ level: Int) {
        if !out.isEmpty { pendingBreak = max(pendingBreak, level) }
        pendingSpace = false
    }

    /// White space between words; written as one space, and only between visible text on one line.
    mutating func space() {
        if !out.isEmpty, pendingBreak == 0 { pendingSpace = true }
    }

    /// Visible bytes (UTF-8), after any pending break or space. Control bytes other than a line feed are dropped
    /// here: the caller turns tab, CR and LF into ``space()`` or ``breakLine(_:)`` first.
    mutating func append<C: Collection<UInt8>>(_ bytes: C) {
        guard !bytes.isEmpty else { return }
        if pendingBreak > 0 {
            out.append(0x0A)
            if pendingBreak == 2 { out.append(0x0A) }
        } else if pendingSpace {
            out.append(0x20)
        }
        pendingBreak = 0
        pendingSpace = false
        for b in bytes where b >= 0x20 && b != 0x7F { out.append(b) }
    }

    mutating func append(_ text: String) { append(Array(text.utf8)) }

    /// Text that is not preformatted: runs of white space become one space.
    mutating func text<C: Collection<UInt8>>(_ bytes: C) {
        var start = bytes.startIndex
        var i = start
        while i != bytes.endIndex {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
                append(bytes[start..<i])
                space()
                start = bytes.index(after: i)
            }
            i = bytes.index(after: i)
        }
        append(bytes[start..<i])
    }

    /// A list item's marker (`•`, `3.`) at the start of a new line, indented two spaces per level below the first.
    mutating func listItem(_ marker: String, depth: Int) {
        breakLine(1)
        append(String(repeating: "  ", count: min(Self.indentLimit, max(0, depth - 1))) + marker)
        pendingSpace = true
    }

    /// Marks the end of a link whose text is already written: ` [n]`, with `url` listed at the end. No reference
    /// when the text is the address itself, or the address is not one a reader can follow.
    mutating func endLink(url: String, textStart: Int) {
        let target = RichText.cleanURL(url)
        guard let target else { return }
        let shown = String(decoding: out[min(textStart, out.count)...], as: UTF8.self)
        if shown == target || shown.isEmpty { return }
        let number: Int
        if let known = linkNumbers[target] {
            number = known
        } else {
            links.append(target)
            number = links.count
            linkNumbers[target] = number
        }
        pendingSpace = true
        append("[\(number)]")
    }

    /// The finished text: links listed after it as `Links: [1] https://…`, one per line.
    mutating func finish() -> String {
        if !links.isEmpty {
            breakLine(2)
            for (i, url) in links.enumerated() {
                if i > 0 { breakLine(1) }
                append((i == 0 ? "Links: " : "") + "[\(i + 1)] " + url)
            }
        }
        return RichText.withoutControls(String(decoding: out, as: UTF8.self))
    }
}
