extension RichText {
    /// The Markdown schedules use, line by line: headings, lists (nested by indentation), quotes, fenced
    /// code, rules and paragraphs; inline, links, images, emphasis, code spans, escapes, `<br>` and entities.
    public static func fromMarkdown(_ text: String) -> String {
        var w = PlainWriter()
        var fence: [UInt8]?
        for rawLine in Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false) {
            var line = rawLine
            if line.last == 0x0D { line = line.dropLast() }
            let indent = line.prefix { $0 == 0x20 || $0 == 0x09 }.reduce(0) { $0 + ($1 == 0x09 ? 4 : 1) }
            var body = line.drop { $0 == 0x20 || $0 == 0x09 }
            if let open = fence {
                if body.starts(with: open) { fence = nil; w.breakLine(2); continue }
                w.append(line.map { $0 == 0x09 ? 0x20 : $0 })
                w.breakLine(1)
                continue
            }
            if body.starts(with: Array("```".utf8)) || body.starts(with: Array("~~~".utf8)) {
                fence = Array(body.prefix(3))
                w.breakLine(2)
                continue
            }
            if body.isEmpty { w.breakLine(2); continue }
            if MarkdownLine.isRule(body) { w.breakLine(2); continue }
            while body.first == UInt8(ascii: ">") {
                body = body.dropFirst().drop { $0 == 0x20 }
            }
            if let heading = MarkdownLine.heading(body) {
                w.breakLine(2)
                MarkdownInline.write(heading, to: &w)
                w.breakLine(2)
                continue
            }
            if let (marker, rest) = MarkdownLine.listMarker(body) {
                w.listItem(marker, depth: indent / 2 + 1)
                MarkdownInline.write(rest, to: &w)
                continue
            }
            // A paragraph line: joined to the one before with a space, unless that ended in two spaces or `\`.
            w.space()
            var content = body
            var hardBreak = false
            if content.last == UInt8(ascii: "\\") { content = content.dropLast(); hardBreak = true }
            else if line.count >= 2, line.suffix(2).elementsEqual([0x20, 0x20]) { hardBreak = true }
            MarkdownInline.write(content, to: &w)
            if hardBreak { w.breakLine(1) }
        }
        return w.finish()
    }
}

/// Block-level shapes of one Markdown line (leading spaces already removed).
enum MarkdownLine {
    /// `## Title ##` → `Title`.
    static func heading(_ l: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        let hashes = l.prefix { $0 == UInt8(ascii: "#") }.count
        guard (1...6).contains(hashes), l.count > hashes, l[l.startIndex + hashes] == 0x20 else { return nil }
        var text = l.dropFirst(hashes + 1)
        while let last = text.last, last == UInt8(ascii: "#") || last == 0x20 { text = text.dropLast() }
        return text
    }

    /// `- item`, `* item`, `+ item` → `•`; `3. item`, `3) item` → `3.`; with the item's text.
    static func listMarker(_ l: ArraySlice<UInt8>) -> (String, ArraySlice<UInt8>)? {
        guard let first = l.first else { return nil }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") {
            guard l.count > 2, l[l.startIndex + 1] == 0x20 else { return nil }
            let rest = l.dropFirst(2).drop { $0 == 0x20 }
            return rest.isEmpty ? nil : ("•", rest)
        }
        let digits = l.prefix { $0 >= 0x30 && $0 <= 0x39 }
        guard (1...9).contains(digits.count), l.count > digits.count + 1 else { return nil }
        let after = l[l.startIndex + digits.count]
        guard after == UInt8(ascii: ".") || after == UInt8(ascii: ")"), l[l.startIndex + digits.count + 1] == 0x20 else {
            return nil
        }
        let rest = l.dropFirst(digits.count + 2).drop { $0 == 0x20 }
        let number = String(decoding: digits.drop { $0 == 0x30 }, as: UTF8.self)
        return rest.isEmpty ? nil : ((number.isEmpty ? "0" : number) + ".", rest)
    }

    /// `---`, `***`, `___` (three or more, spaces allowed) alone on a line.
    static func isRule(_ l: ArraySlice<UInt8>) -> Bool {
        guard let c = l.first, c == UInt8(ascii: "-") || c == UInt8(ascii: "*") || c == UInt8(ascii: "_") else { return false }
        return l.allSatisfy { $0 == c || $0 == 0x20 } && l.filter { $0 == c }.count >= 3
    }
}

/// Inline Markdown: every marker is dropped or replaced in one left-to-right pass.
enum MarkdownInline {
    /// The longest link text and address looked for. With the scans stopping at the next `[`, each byte
    /// is read a bounded number of times, so a line of brackets costs linear time.
    static let textLimit = 1000
    static let urlLimit = 2048

    /// `[text](url)` or `[text](url "title")` at `b[i]`: the text's range, the address, and the index after `)`.
    static func link<C: RandomAccessCollection<UInt8>>(_ b: C, at i: C.Index) -> (text: Range<C.Index>, url: String, next: C.Index)?
    where C.Index == Int {
        // The text ends at the first `]`; another `[` first means this one is text (then that one is tried).
        // Stopping at either keeps the scans from overlapping.
        var j = i + 1
        while j < b.endIndex, j - i <= textLimit, b[j] != 0x0A, b[j] != UInt8(ascii: "]"), b[j] != UInt8(ascii: "[") {
            j += 1
        }
        guard j + 1 < b.endIndex, b[j] == UInt8(ascii: "]"), b[j + 1] == UInt8(ascii: "(") else { return nil }
        var k = j + 2
        func stops(_ c: UInt8) -> Bool { c == UInt8(ascii: ")") || c == 0x0A || c == UInt8(ascii: "[") }
        while k < b.endIndex, k - j <= urlLimit, !stops(b[k]), b[k] != 0x20 { k += 1 }
        let urlEnd = k
        if k < b.endIndex, b[k] == 0x20 {
            // An optional title: `(url "title")`.
            while k < b.endIndex, k - j <= urlLimit, !stops(b[k]) { k += 1 }
        }
        guard k < b.endIndex, b[k] == UInt8(ascii: ")"), urlEnd > j + 2 else { return nil }
        var url = Array(b[(j + 2)..<urlEnd])
        if url.first == UInt8(ascii: "<"), url.last == UInt8(ascii: ">") { url = Array(url.dropFirst().dropLast()) }
        return ((i + 1)..<j, RichText.decodeEntities(url), k + 1)
    }

    static func write(_ s: ArraySlice<UInt8>, to w: inout PlainWriter) {
        let b = Array(s)
        writeRange(b, 0..<b.count, to: &w)
    }

    private static func isWordByte(_ c: UInt8) -> Bool {
        RichText.isLetter(c) || (c >= 0x30 && c <= 0x39) || c >= 0x80
    }

    /// Writes `b[range]`; link texts are written by a nested call on their own range (no deeper nesting:
    /// a link inside a link's text is written as text).
    private static func writeRange(_ b: [UInt8], _ range: Range<Int>, to w: inout PlainWriter, inLink: Bool = false) {
        var i = range.lowerBound
        var start = i
        let end = range.upperBound
        func flush(_ upTo: Int) { if start < upTo { w.text(b[start..<upTo]) } }
        while i < end {
            let c = b[i]
            switch c {
            case UInt8(ascii: "\\") where i + 1 < end && isPunctuation(b[i + 1]):
                flush(i)
                w.append([b[i + 1]])
                i += 2
                start = i
            case UInt8(ascii: "`"):
                flush(i)
                i += 1
                start = i
            case UInt8(ascii: "*"), UInt8(ascii: "_"):
                // A run of markers is emphasis when it touches a word on one side only (`*word*`, `**a**`);
                // `5 * 3` and `snake_case` keep theirs.
                var runEnd = i
                while runEnd < end, b[runEnd] == c { runEnd += 1 }
                let before: UInt8? = i > range.lowerBound ? b[i - 1] : nil
                let after: UInt8? = runEnd < end ? b[runEnd] : nil
                let wordBefore = before.map(isWordByte) ?? false
                let wordAfter = after.map(isWordByte) ?? false
                let spaceBefore = before.map { $0 == 0x20 || $0 == 0x09 } ?? true
                let spaceAfter = after.map { $0 == 0x20 || $0 == 0x09 } ?? true
                let emphasis = c == UInt8(ascii: "_") ? wordBefore != wordAfter : !(spaceBefore && spaceAfter)
                if emphasis {
                    flush(i)
                    start = runEnd
                }
                i = runEnd
            case UInt8(ascii: "!") where i + 1 < end && b[i + 1] == UInt8(ascii: "["):
                if let image = link(b[..<end], at: i + 1) {
                    flush(i)
                    writeRange(b, image.text, to: &w, inLink: true)
                    i = image.next
                    start = i
                } else {
                    i += 1
                }
            case UInt8(ascii: "[") where !inLink:
                if let l = link(b[..<end], at: i) {
                    flush(i)
                    let textStart = w.out.count
                    writeRange(b, l.text, to: &w, inLink: true)
                    w.endLink(url: l.url, textStart: textStart)
                    i = l.next
                    start = i
                } else {
                    i += 1
                }
            case UInt8(ascii: "<"):
                // `<https://…>` autolinks show the address; `<br>` breaks the line; other tags are dropped.
                // The scan stops at the next `<` too, so a run of `<` costs linear time.
                if let close = b[(i + 1)..<min(end, i + urlLimit)].firstIndex(where: { $0 == 0x3E || $0 == 0x3C }),
                   b[close] == UInt8(ascii: ">") {
                    let inner = b[(i + 1)..<close]
                    let (name, _) = RichText.tagName(b, from: i + 1 + (inner.first == UInt8(ascii: "/") ? 1 : 0))
                    if inner.starts(with: Array("http".utf8)) || inner.starts(with: Array("mailto:".utf8)) {
                        flush(i)
                        w.text(Array(inner))
                        i = close + 1
                        start = i
                    } else if RichText.isKnownTag(name) {
                        flush(i)
                        if name == "br" { w.breakLine(1) }
                        i = close + 1
                        start = i
                    } else {
                        i += 1
                    }
                } else {
                    i += 1
                }
            case UInt8(ascii: "&"):
                if let (decoded, next) = RichText.entity(b, at: i), next <= end {
                    flush(i)
                    if decoded == " " { w.space() } else { w.append(decoded) }
                    i = next
                    start = i
                } else {
                    i += 1
                }
            default:
                i += 1
            }
        }
        flush(end)
    }

    private static func isPunctuation(_ c: UInt8) -> Bool {
        (0x21...0x2F).contains(c) || (0x3A...0x40).contains(c) || (0x5B...0x60).contains(c) || (0x7B...0x7E).contains(c)
    }
}
