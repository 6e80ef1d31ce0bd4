/// Reads the fields of one JSON object into model values, recording problems.
///
/// The decoder never stops at the first problem: a wrong type, a missing
/// required field or an unknown key is recorded at its JSON path and decoding
/// goes on with a placeholder, so a user sees every problem in one run.
final class DecodeContext {
    var problems = ProblemList()
}

struct ObjectReader {
    let path: JSONPath
    let context: DecodeContext
    /// The object's members in source order; objects have a handful, so a linear search beats hashing.
    private let members: [(key: String, value: JSONValue)]

    /// Reads `value` as an object; records a problem and returns nil when it is not one.
    init?(_ value: JSONValue, path: JSONPath, context: DecodeContext, allowedKeys: Set<String>) {
        guard case .object(let pairs) = value else {
            context.problems.add(path.description, "expected an object, found \(value.typeDescription)")
            return nil
        }
        self.path = path
        self.context = context
        for (key, _) in pairs where !allowedKeys.contains(key) {
            let hint = Suggestion.closest(to: key, in: allowedKeys).map { " (did you mean '\($0)'?)" } ?? ""
            context.problems.add(path.key(key).description, "unknown field '\(key)'\(hint)")
        }
        self.members = pairs
    }

    func value(_ key: String) -> JSONValue? {
        for member in members where member.key == key {
            if case .null = member.value { return nil }
            return member.value
        }
        return nil
    }

    private func mismatch(_ key: String, _ expected: String, _ found: JSONValue) {
        context.problems.add(path.key(key).description, "expected \(expected), found \(found.typeDescription)")
    }

    private func missing(_ key: String) {
        context.problems.add(path.key(key).description, "missing required field '\(key)'")
    }

    /// A required string; empty or blank strings are a problem too.
    func string(_ key: String) -> String {
        guard let v = value(key) else { missing(key); return "" }
        guard case .string(let s) = v else { mismatch(key, "a string", v); return "" }
        if s.allSatisfy(\.isWhitespace) {
            context.problems.add(path.key(key).description, "'\(key)' must not be empty")
        }
        return s
    }

    /// An optional string that, when present (and not null), must not be blank: a
    /// place or an id is either recorded or absent, never written as "".
    func optionalNonBlankString(_ key: String) -> String? {
        guard let s = optionalString(key) else { return nil }
        if s.allSatisfy(\.isWhitespace) {
            context.problems.add(path.key(key).description, "'\(key)' must not be empty; omit it when it is not recorded")
        }
        return s
    }

    func optionalString(_ key: String) -> String? {
        guard let v = value(key) else { return nil }
        guard case .string(let s) = v else { mismatch(key, "a string", v); return nil }
        return s
    }

    func bool(_ key: String, default fallback: Bool) -> Bool {
        guard let v = value(key) else { return fallback }
        guard case .bool(let b) = v else { mismatch(key, "true or false", v); return fallback }
        return b
    }

    /// An optional `true` or `false`; nil when absent or null.
    func optionalBool(_ key: String) -> Bool? {
        guard let v = value(key) else { return nil }
        guard case .bool(let b) = v else { mismatch(key, "true or false", v); return nil }
        return b
    }

    /// An optional whole number within `range`; fractions, exponents that do not fit and out-of-range values are problems.
    func optionalInteger(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let v = value(key) else { return nil }
        guard case .number(let literal) = v else { mismatch(key, "a whole number", v); return nil }
        guard let n = IntegerLiteral.parse(literal), range.contains(n) else {
            let expected = "a whole number from \(range.lowerBound) to \(range.upperBound)"
            // Say which rule was broken: the digits are fine but the value is not, or the form is not plain digits.
            let message = IntegerLiteral.isPlain(literal)
                ? "\(literal) is out of range: expected \(expected)"
                : "expected \(expected) written as plain digits, found \(literal)"
            context.problems.add(path.key(key).description, message)
            return nil
        }
        return n
    }

    /// A number that may have a fraction (a coordinate), within `range`; nil when absent or wrong.
    func optionalNumber(_ key: String, in range: ClosedRange<Double>, unit: String) -> Double? {
        guard let v = value(key) else { return nil }
        guard case .number(let literal) = v else { mismatch(key, "a number of \(unit)", v); return nil }
        guard let n = Double(literal), n.isFinite, range.contains(n) else {
            let bounds = "\(Self.plain(range.lowerBound)) to \(Self.plain(range.upperBound))"
            context.problems.add(path.key(key).description, "\(literal) is out of range: expected \(unit) from \(bounds)")
            return nil
        }
        return n
    }

    /// A bound as people write it: "-90", not "-90.0".
    private static func plain(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : String(x)
    }

    func strings(_ key: String, required: Bool = false) -> [String] {
        guard let v = value(key) else {
            if required { missing(key) }
            return []
        }
        guard case .array(let items) = v else { mismatch(key, "an array of strings", v); return [] }
        var out: [String] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            if case .string(let s) = item {
                out.append(s)
            } else {
                context.problems.add(path.key(key).index(i).description, "expected a string, found \(item.typeDescription)")
            }
        }
        return out
    }

    /// An optional calendar date written exactly `YYYY-MM-DD`; anything else is a problem.
    func optionalDate(_ key: String) -> LocalDate? {
        guard let s = optionalString(key) else { return nil }
        guard let date = Self.date(s) else {
            context.problems.add(path.key(key).description, "'\(s)' is not a date of the form YYYY-MM-DD, e.g. 2023-11-18")
            return nil
        }
        return date
    }

    /// A date written exactly `YYYY-MM-DD`, or nil; shared with ``DirectReader``.
    static func date(_ s: String) -> LocalDate? {
        guard s.utf8.count == 10, let date = LocalDate(s), date.text == s else { return nil }
        return date
    }

    func timestamp(_ key: String) -> Timestamp? {
        guard let v = value(key) else { missing(key); return nil }
        guard case .string(let s) = v else { mismatch(key, "a date-time string", v); return nil }
        guard let t = Timestamp(iso8601: s) else {
            context.problems.add(path.key(key).description,
                                 "'\(s)' is not an ISO 8601 date-time with a UTC offset, e.g. 2023-11-18T08:30:00+07:00")
            return nil
        }
        return t
    }

    /// The elements of an array field, each with its path; a missing array is empty.
    func array(_ key: String, required: Bool = false) -> [(JSONValue, JSONPath)] {
        guard let v = value(key) else {
            if required { missing(key) }
            return []
        }
        guard case .array(let items) = v else { mismatch(key, "an array", v); return [] }
        let base = path.key(key)
        return items.enumerated().map { ($1, base.index($0)) }
    }
}

/// Exact whole numbers from JSON number literals.
enum IntegerLiteral {
    /// The value of a plain integer literal ("2019", "-3"), or nil for fractions, exponents and values that do not fit `Int`.
    static func parse(_ literal: String) -> Int? {
        // Only plain integer literals: "1e3" or "2019.0" are rejected rather than guessed at.
        guard isPlain(literal) else { return nil }
        return Int(literal)
    }

    /// True for an optional minus and digits only: "2019", "-1", "1180591620717411303424".
    static func isPlain(_ literal: String) -> Bool {
        literal.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }
}
