/// Numbers: RFC 8259's grammar, kept as literal text.
extension JSONByteReader {
    /// Reads `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` at the cursor.
    ///
    /// Only the grammar is checked; the value is not converted, so `1e400` and
    /// `0e1` are fine here and the decoder decides what fits its field.
    mutating func readNumber() throws(JSONSyntaxError) -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") {
            index &+= 1
        }
        guard index < end, Self.isDigit(bytes[index]) else {
            throw failure("expected a digit after '-', found \(describe(at: index))\(nonNumberHint(at: index))", at: index)
        }
        if bytes[index] == UInt8(ascii: "0") {
            index &+= 1
            if index < end, Self.isDigit(bytes[index]) {
                var literalEnd = index
                while literalEnd < end, literalEnd - start < 24, Self.isDigit(bytes[literalEnd]) { literalEnd += 1 }
                let literal = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<literalEnd]), as: UTF8.self)
                throw failure("leading zeros are not allowed in numbers, found '\(literal)'", at: start)
            }
        } else {
            skipDigits()
        }
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index &+= 1
            guard index < end, Self.isDigit(bytes[index]) else {
                throw failure("expected a digit after the decimal point, found \(describe(at: index))", at: index)
            }
            skipDigits()
        }
        if index < end, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index &+= 1
            if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index &+= 1
            }
            guard index < end, Self.isDigit(bytes[index]) else {
                throw failure("expected a digit in the exponent, found \(describe(at: index))", at: index)
            }
            skipDigits()
        }
        if index - start > limits.maxNumberLength {
            throw failure("number literal is longer than the limit of \(limits.maxNumberLength) characters", at: start)
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    @inline(__always)
    private mutating func skipDigits() {
        while index < end, Self.isDigit(bytes[index]) { index &+= 1 }
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }
}
