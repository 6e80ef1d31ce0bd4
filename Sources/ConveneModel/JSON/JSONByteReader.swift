/// The parser's working state: a cursor over a UTF-8 buffer and the containers still open.
///
/// Containers are parsed with an explicit stack rather than recursion, so the
/// depth limit is the only bound on nesting and no input can overflow the
/// thread's stack. Open containers share flat stacks (`elements` for arrays,
/// `members` for objects); a container's contents are moved out of them in one
/// go when it closes, which avoids copying an array held inside an enum on
/// every append and a retain and release per element.
struct JSONByteReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let limits: JSONLimits
    /// The number of bytes in `bytes`.
    let end: Int
    /// The cursor: the offset of the next byte to read.
    var index = 0
    /// Where line 1's text starts: after the byte-order mark, if there is one.
    var textStart = 0
    /// Reused buffer for strings that contain escapes.
    var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, limits: JSONLimits) {
        self.bytes = bytes
        self.limits = limits
        self.end = bytes.count
    }

    /// Parses the whole buffer: an optional byte-order mark, one value, whitespace.
    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        if end > limits.maxDocumentBytes {
            throw failure(
                "the document is \(Self.describeSize(end)), larger than the limit of \(Self.describeSize(limits.maxDocumentBytes))",
                at: 0)
        }
        if end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            index = 3
            textStart = 3
        }
        skipWhitespace()
        if index == end {
            if end == textStart { throw failure("the document is empty, expected a JSON value", at: index) }
            throw failure("the document contains only whitespace, expected a JSON value", at: index)
        }
        let value = try parseValue()
        skipWhitespace()
        if index < end {
            throw failure("expected the end of the document after the top-level value, found \(describe(at: index))", at: index)
        }
        return value
    }

    /// Skips the four whitespace bytes RFC 8259 allows: space, tab, line feed, carriage return.
    @inline(__always)
    mutating func skipWhitespace() {
        while index < end {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index &+= 1
        }
    }

    /// One open array or object.
    private struct Frame {
        var isObject: Bool
        /// Where this container's contents start in the shared `elements` or `members` stack.
        var start: Int
        /// Built once an object has many keys, so duplicate checks stay linear overall.
        var keySet: Set<String>?
    }

    /// Objects with fewer keys than this are checked for duplicates by a linear scan.
    private static let linearKeyScanLimit = 12

    /// Parses one value, with everything nested in it, starting at the cursor.
    ///
    /// `baseDepth` is how many containers are already open around the value, so a
    /// caller that reads the outer levels itself (``DirectReader``) gets the same
    /// depth limit as a parse of the whole document.
    mutating func parseValue(baseDepth: Int = 0) throws(JSONSyntaxError) -> JSONValue {
        var frames: [Frame] = []
        // The contents of every open array, innermost last.
        var elements: [JSONValue] = []
        // The members of every open object, innermost last.
        var members: [(key: String, value: JSONValue)] = []
        // The key of each open object's member whose value is being read.
        var pendingKeys: [String] = []
        // What came before the value being read, for messages: "after '['", "after ','".
        var context = ValueContext.topLevel

        nextValue: while true {
            guard index < end else {
                throw failure("expected a value\(context.phrase), found end of file", at: index)
            }
            var value: JSONValue
            switch bytes[index] {
            case UInt8(ascii: "{"):
                try checkDepth(opening: baseDepth + frames.count + 1)
                index &+= 1
                skipWhitespace()
                if index < end, bytes[index] == UInt8(ascii: "}") {
                    index &+= 1
                    value = .object([])
                } else {
                    frames.append(Frame(isObject: true, start: members.count, keySet: nil))
                    pendingKeys.append(try readKey(members: members, frame: &frames[frames.count - 1], afterComma: false))
                    context = .afterColon
                    continue nextValue
                }
            case UInt8(ascii: "["):
                try checkDepth(opening: baseDepth + frames.count + 1)
                index &+= 1
                skipWhitespace()
                if index < end, bytes[index] == UInt8(ascii: "]") {
                    index &+= 1
                    value = .array([])
                } else {
                    frames.append(Frame(isObject: false, start: elements.count, keySet: nil))
                    context = .afterOpenBracket
                    continue nextValue
                }
            case UInt8(ascii: "\""):
                value = .string(try readString())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = .number(try readNumber())
            case UInt8(ascii: "t"):
                try readLiteral("true", context: context)
                value = .bool(true)
            case UInt8(ascii: "f"):
                try readLiteral("false", context: context)
                value = .bool(false)
            case UInt8(ascii: "n"):
                try readLiteral("null", context: context)
                value = .null
            default:
                throw unexpectedValue(context: context)
            }

            // A value is complete: add it to the open container, closing containers as they end.
            while let top = frames.indices.last {
                skipWhitespace()
                let byte: UInt8 = index < end ? bytes[index] : 0
                if frames[top].isObject {
                    members.append((key: pendingKeys.removeLast(), value: value))
                    if index < end, byte == UInt8(ascii: ",") {
                        index &+= 1
                        skipWhitespace()
                        pendingKeys.append(try readKey(members: members, frame: &frames[top], afterComma: true))
                        context = .afterColon
                        continue nextValue
                    }
                    guard index < end, byte == UInt8(ascii: "}") else {
                        throw failure("expected ',' or '}' after an object member, found \(describe(at: index))", at: index)
                    }
                    index &+= 1
                    value = .object(members.moveOut(from: frames.removeLast().start, refill: (key: "", value: .null)))
                } else {
                    elements.append(value)
                    if index < end, byte == UInt8(ascii: ",") {
                        index &+= 1
                        skipWhitespace()
                        context = .afterComma
                        continue nextValue
                    }
                    guard index < end, byte == UInt8(ascii: "]") else {
                        throw failure("expected ',' or ']' after an array element, found \(describe(at: index))", at: index)
                    }
                    index &+= 1
                    value = .array(elements.moveOut(from: frames.removeLast().start, refill: .null))
                }
            }
            return value
        }
    }

    /// Where a value is expected, for messages.
    enum ValueContext {
        case topLevel, afterOpenBracket, afterComma, afterColon

        var phrase: String {
            switch self {
            case .topLevel: return ""
            case .afterOpenBracket: return " after '['"
            case .afterComma: return " after ','"
            case .afterColon: return " after ':'"
            }
        }
    }

    /// The error for a byte that cannot start a value.
    private func unexpectedValue(context: ValueContext) -> JSONSyntaxError {
        let found = describe(at: index)
        if context == .afterComma, index < end, bytes[index] == UInt8(ascii: "]") {
            return failure("expected a value after ',', found ']' (trailing commas are not allowed)", at: index)
        }
        return failure("expected a value\(context.phrase), found \(found)\(nonNumberHint(at: index))", at: index)
    }

    /// Throws if opening a container would nest deeper than the limit.
    @inline(__always)
    private func checkDepth(opening depth: Int) throws(JSONSyntaxError) {
        if depth > limits.maxDepth {
            throw failure("nesting deeper than \(limits.maxDepth) levels", at: index)
        }
    }

    /// Reads `"key" :` at the cursor and returns the key, rejecting one the object already has.
    private mutating func readKey(
        members: [(key: String, value: JSONValue)], frame: inout Frame, afterComma: Bool
    ) throws(JSONSyntaxError) -> String {
        guard index < end, bytes[index] == UInt8(ascii: "\"") else {
            if afterComma {
                if index < end, bytes[index] == UInt8(ascii: "}") {
                    throw failure("expected a string key after ',', found '}' (trailing commas are not allowed)", at: index)
                }
                throw failure("expected a string key after ',', found \(describe(at: index))", at: index)
            }
            throw failure("expected a string key or '}' after '{', found \(describe(at: index))", at: index)
        }
        let keyOffset = index
        let key = try readString()

        if frame.keySet == nil, members.count - frame.start >= Self.linearKeyScanLimit {
            frame.keySet = Set(members[frame.start...].lazy.map(\.key))
        }
        if let inserted = frame.keySet?.insert(key).inserted {
            if !inserted { throw duplicateKey(key, at: keyOffset) }
        } else {
            for member in members[frame.start...] where member.key == key {
                throw duplicateKey(key, at: keyOffset)
            }
        }

        skipWhitespace()
        guard index < end, bytes[index] == UInt8(ascii: ":") else {
            throw failure("expected ':' after an object key, found \(describe(at: index))", at: index)
        }
        index &+= 1
        skipWhitespace()
        return key
    }

    private func duplicateKey(_ key: String, at offset: Int) -> JSONSyntaxError {
        failure("duplicate key \(Self.quoted(key)) in object", at: offset)
    }

    /// Reads `true`, `false` or `null`, rejecting a longer word such as `nulls`.
    @inline(__always)
    mutating func readLiteral(_ literal: StaticString, context: ValueContext) throws(JSONSyntaxError) {
        let count = literal.utf8CodeUnitCount
        // The common case in two word compares: the literal's four or five bytes, then a byte that
        // ends the word. Anything else (the end of the buffer, a longer word, a typo) is judged below.
        if count >= 4, count <= 8, index &+ count < end, let base = bytes.baseAddress {
            let here = UnsafeRawPointer(base + index), expected = UnsafeRawPointer(literal.utf8Start)
            let tail = count &- 4
            if here.loadUnaligned(as: UInt32.self) == expected.loadUnaligned(as: UInt32.self),
               here.loadUnaligned(fromByteOffset: tail, as: UInt32.self) == expected.loadUnaligned(fromByteOffset: tail, as: UInt32.self),
               !Self.isWordByte(base[index &+ count]) {
                index &+= count
                return
            }
        }
        let matches = literal.withUTF8Buffer { expected -> Bool in
            guard end - index >= count else { return false }
            for offset in 0..<count where bytes[index + offset] != expected[offset] { return false }
            let after = index + count
            return after == end || !Self.isWordByte(bytes[after])
        }
        guard matches else { throw unexpectedValue(context: context) }
        index += count
    }

    /// ASCII letters, digits and `_`: the bytes that make up a word in messages.
    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }
}

extension Array {
    /// Removes the elements from `start` to the end and returns them as a new array.
    ///
    /// The elements are moved, not copied, so no reference count is touched;
    /// the vacated slots are refilled with `refill` (a value without references)
    /// before the array shrinks, so the array stays fully initialized throughout.
    @inline(__always)
    fileprivate mutating func moveOut(from start: Int, refill: Element) -> [Element] {
        let count = self.count - start
        guard count > 0 else { return [] }
        let moved = self.withUnsafeMutableBufferPointer { source -> [Element] in
            guard let sourceBase = source.baseAddress else { return [] }
            return [Element](unsafeUninitializedCapacity: count) { target, initialized in
                guard let targetBase = target.baseAddress else { return }
                targetBase.moveInitialize(from: sourceBase + start, count: count)
                (sourceBase + start).initialize(repeating: refill, count: count)
                initialized = count
            }
        }
        removeLast(count)
        return moved
    }
}
