/// Combines two directories, refusing to guess when they disagree.
///
/// Records are matched by key: countries by code, everything else by id. A
/// record in only one directory is taken as it is; a record in both is taken once
/// when both copies are equal. A delegate whose copies differ only in the events
/// they attend is one person at more events, so the event lists are joined (first
/// directory's order, then the second's additions). Any other difference is a
/// ``Conflict`` that names the record and each field that differs, and no result
/// is produced: which copy is right is for a person to decide.
///
/// The merged directory keeps the first one's title; notices are joined when they
/// differ. It is validated before it is returned (session ids, for instance, must
/// be unique across both).
public enum DirectoryMerge {
    /// The same key with different content in the two directories.
    public struct Conflict: Sendable, Equatable, CustomStringConvertible {
        /// "country", "city", "organization", "event" or "delegate".
        public var kind: String
        public var id: String
        /// One line per differing field: `name: "A" ≠ "B"`.
        public var differences: [String]

        public var description: String {
            "\(kind) '\(id)' differs: " + differences.joined(separator: "; ")
        }
    }

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case conflicts([Conflict])
        case invalid([Problem])

        public var description: String {
            switch self {
            case .conflicts(let list):
                return "\(list.count) conflicting record\(list.count == 1 ? "" : "s"); nothing was merged:\n"
                    + list.map { "  \($0)" }.joined(separator: "\n")
            case .invalid(let problems):
                return "the merged directory would not be valid:\n" + problems.map { "  \($0)" }.joined(separator: "\n")
            }
        }
    }

    /// The union of `a` and `b`, or every conflict between them.
    public static func merge(_ a: Directory, _ b: Directory) throws(Failure) -> Directory {
        var conflicts: [Conflict] = []
        var out = a
        out.countries = union(a.countries, b.countries, kind: "country", key: \.code, &conflicts)
        out.cities = union(a.cities, b.cities, kind: "city", key: \.id, &conflicts)
        out.organizations = union(a.organizations, b.organizations, kind: "organization", key: \.id, &conflicts)
        out.events = union(a.events, b.events, kind: "event", key: \.id, &conflicts)
        out.delegates = DelegateList(union(Array(a.delegates), Array(b.delegates), kind: "delegate", key: \.id, &conflicts) { x, y in
            var x2 = x, y2 = y
            x2.events = []
            y2.events = []
            guard x2 == y2 else { return nil }
            var joined = x
            for e in y.events where !joined.events.contains(e) { joined.events.append(e) }
            return joined
        })
        if !conflicts.isEmpty { throw .conflicts(conflicts) }
        if let note = b.notice, note != a.notice {
            out.notice = a.notice.map { $0 + "\n\n" + note } ?? note
        }
        let (problems, _) = Validator.validate(out)
        if !problems.isEmpty { throw .invalid(Array(problems.prefix(20))) }
        return out
    }

    /// `a` in order, then what only `b` has; equal duplicates once, others reconciled or reported.
    private static func union<T: Equatable>(_ a: [T], _ b: [T], kind: String, key: KeyPath<T, String>,
                                            _ conflicts: inout [Conflict],
                                            reconcile: (T, T) -> T? = { _, _ in nil }) -> [T] {
        var out = a
        var index: [String: Int] = [:]
        for (i, x) in a.enumerated() where index[x[keyPath: key]] == nil { index[x[keyPath: key]] = i }
        for y in b {
            let k = y[keyPath: key]
            guard let i = index[k] else {
                index[k] = out.count
                out.append(y)
                continue
            }
            if out[i] == y { continue }
            if let joined = reconcile(out[i], y) {
                out[i] = joined
                continue
            }
            conflicts.append(Conflict(kind: kind, id: k, differences: differences(out[i], y)))
        }
        return out
    }

    /// The fields that differ, with both values, read by reflection so every model type is covered.
    static func differences<T>(_ a: T, _ b: T) -> [String] {
        let left = Mirror(reflecting: a).children, right = Mirror(reflecting: b).children
        var out: [String] = []
        for (l, r) in zip(left, right) {
            if let ls = l.value as? [Session], let rs = r.value as? [Session], ls.map(\.id) == rs.map(\.id) {
                for (x, y) in zip(ls, rs) where x != y {
                    out += differences(x, y).map { "sessions[\(x.id)].\($0)" }
                }
                continue
            }
            let lv = show(l.value), rv = show(r.value)
            if lv != rv { out.append("\(l.label ?? "?"): \(lv) ≠ \(rv)") }
        }
        return out
    }

    /// A field's value as a person reads it: text in quotes, numbers and times as written,
    /// an absent optional as "not set" — never Swift's `Optional(120)` or `nil`.
    static func show(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return "not set" }
            return show(wrapped)
        }
        if let s = value as? String { return "\"\(s)\"" }
        if let b = value as? Bool { return b ? "yes" : "no" }
        if let sessions = value as? [Session] { return "sessions [" + sessions.map(\.id).joined(separator: ", ") + "]" }
        if let t = value as? Timestamp { return t.description }
        if mirror.displayStyle == .collection { return "[" + mirror.children.map { show($0.value) }.joined(separator: ", ") + "]" }
        return String(describing: value)
    }
}
