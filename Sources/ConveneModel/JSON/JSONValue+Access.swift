/// Reading parsed values: object members by key and exact integers from number literals.
extension JSONValue {
    /// The value of the member named `key` when this is an object; nil otherwise or when absent.
    ///
    /// A linear search: objects in a directory have a handful of members, and the
    /// parser has already rejected duplicate keys, so at most one member matches.
    /// Keys compare as Swift strings (canonical equivalence), as the parser's
    /// duplicate check does.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        for member in members where member.key == key {
            return member.value
        }
        return nil
    }

    /// The exact integer this value denotes when it is a number that is a whole number fitting in `Int`.
    ///
    /// See ``integerValue(fromLiteral:)`` for which literals qualify.
    public var integerValue: Int? {
        guard case .number(let literal) = self else { return nil }
        return Self.integerValue(fromLiteral: literal)
    }

    /// The exact integer a JSON number literal denotes, or nil when it is not a whole number
    /// or does not fit in `Int`.
    ///
    /// The literal's mathematical value decides, never a rounded `Double`: `2023`,
    /// `-0`, `2.023e3`, `2023.0` and `1e2` are whole numbers (2023, 0, 2023, 2023,
    /// 100), while `1.5`, `1e-1`, `1e400`, `2e70` and `9223372036854775808` are
    /// nil. A literal that is not valid JSON number syntax (`+1`, `01`, `1.`,
    /// ` 1`) is nil too. Huge exponents are handled without overflow: `0e99999999999`
    /// is 0, `1e99999999999` is nil.
    ///
    /// ```swift
    /// JSONValue.integerValue(fromLiteral: "2.023e3")   // 2023
    /// JSONValue.integerValue(fromLiteral: "1e400")     // nil
    /// ```
    public static func integerValue(fromLiteral literal: String) -> Int? {
        var bytes = literal.utf8[...]
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes = bytes.dropFirst() }

        // Integer part: 0 or a digit sequence without a leading zero.
        let integerDigits = bytes.prefix(while: isDigit)
        guard !integerDigits.isEmpty, integerDigits.count == 1 || integerDigits.first != UInt8(ascii: "0") else { return nil }
        bytes = bytes.dropFirst(integerDigits.count)

        var fractionDigits = bytes.prefix(0)
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fractionDigits = bytes.prefix(while: isDigit)
            guard !fractionDigits.isEmpty else { return nil }
            bytes = bytes.dropFirst(fractionDigits.count)
        }

        // The exponent saturates: past a million, only its sign matters.
        var exponent = 0
        if let marker = bytes.first, marker | 0x20 == UInt8(ascii: "e") {
            bytes = bytes.dropFirst()
            var exponentNegative = false
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                exponentNegative = sign == UInt8(ascii: "-")
                bytes = bytes.dropFirst()
            }
            let exponentDigits = bytes.prefix(while: isDigit)
            guard !exponentDigits.isEmpty else { return nil }
            bytes = bytes.dropFirst(exponentDigits.count)
            for digit in exponentDigits {
                exponent = min(exponent * 10 + Int(digit - UInt8(ascii: "0")), 1_000_000)
            }
            if exponentNegative { exponent = -exponent }
        }
        guard bytes.isEmpty else { return nil }

        // Significant digits, without leading zeros; the value is digits × 10^scale.
        var digits = Array(integerDigits) + Array(fractionDigits)
        var scale = exponent - fractionDigits.count
        guard let firstNonZero = digits.firstIndex(where: { $0 != UInt8(ascii: "0") }) else { return 0 }
        digits.removeFirst(firstNonZero)
        while digits.last == UInt8(ascii: "0") {
            digits.removeLast()
            scale += 1
        }
        // A fraction remains, or more digits than Int.max (19) has.
        guard scale >= 0, digits.count + scale <= 19 else { return nil }

        // Accumulate towards the sign so that Int.min fits.
        var result = 0
        for digit in digits + Array(repeating: UInt8(ascii: "0"), count: scale) {
            let value = Int(digit - UInt8(ascii: "0"))
            let (shifted, overflow) = result.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            let (next, overflow2) = negative ? shifted.subtractingReportingOverflow(value) : shifted.addingReportingOverflow(value)
            guard !overflow2 else { return nil }
            result = next
        }
        return result
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
