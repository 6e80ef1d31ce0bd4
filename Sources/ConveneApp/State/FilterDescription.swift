import ConveneModel
import ConveneText

/// The active filters in words, for the title bar and the picker's message.
///
/// Each filter is a part with a full form ("Country: Viet Nam, ✕ Japan") and
/// shorter ones ("Country: VN,✕JP"); ``fitted(_:width:)`` takes the longest form
/// that fits and, when even the shortest does not, says how many filters are
/// active ("3 filters") rather than cutting a word in half.
public struct FilterDescription: Sendable {
    /// The mark of an excluded value: "✕ Kidspace" reads as "everything but Kidspace".
    public static let excludedMark = "✕"

    struct Part {
        var full: String
        var short: String
        var shortest: String
    }

    let parts: [Part]

    public init(_ f: Filter, _ ix: DirectoryIndex) {
        var parts: [Part] = []
        func part(_ name: String, _ choice: FacetChoice, label: (String) -> String, code: (String) -> String) {
            guard !choice.isEmpty else { return }
            let included = choice.included.sorted { label($0) < label($1) }
            let excluded = choice.excluded.sorted { label($0) < label($1) }
            let values = included.map { ($0, false) } + excluded.map { ($0, true) }
            func list(_ name: (String) -> String, limit: Int, cut: Int, separator: String) -> String {
                let shown = values.prefix(limit).map { value, excluded in
                    let text = TextLayout.truncate(name(value), toWidth: cut)
                    return excluded ? Self.excludedMark + (separator == ", " ? " " : "") + text : text
                }
                let more = values.count > limit ? "+\(values.count - limit)" : ""
                return shown.joined(separator: separator) + (more.isEmpty ? "" : separator + more)
            }
            parts.append(Part(full: name + ": " + list(label, limit: .max, cut: .max, separator: ", "),
                              short: name + ": " + list(code, limit: 2, cut: 12, separator: ","),
                              shortest: list(code, limit: 1, cut: 8, separator: ",")))
        }
        part("Country", f.countryChoice, label: { ix.countryName($0) }, code: { $0 == NotRecorded.key ? NotRecorded.dash : $0 })
        if let e = f.event {
            let title = ix.event(e)?.title ?? e
            parts.append(Part(full: "Event: " + title, short: "Event: " + TextLayout.truncate(title, toWidth: 16),
                              shortest: TextLayout.truncate(title, toWidth: 10)))
        }
        if let c = f.city {
            let name = ix.cityName(c)
            parts.append(Part(full: "City: " + name, short: "City: " + TextLayout.truncate(name, toWidth: 12),
                              shortest: TextLayout.truncate(name, toWidth: 8)))
        }
        if let field = f.field {
            parts.append(Part(full: "Field: " + field, short: "Field: " + TextLayout.truncate(field, toWidth: 12),
                              shortest: TextLayout.truncate(field, toWidth: 8)))
        }
        if let b = f.breakdownValue {
            // "Role: Mayor", "Kind: university": the Summary bar the delegates were opened from.
            let name = b.by.name
            let value = ix.breakdownLabel(b.by, b.key)
            parts.append(Part(full: name + ": " + value, short: name + ": " + TextLayout.truncate(value, toWidth: 12),
                              shortest: TextLayout.truncate(value, toWidth: 8)))
        }
        for facet in SessionFacet.allCases {
            let name = { (v: String) in v == NotRecorded.key ? NotRecorded.label : v }
            // A day is shown without its year when short: "12-27".
            let short = facet == .day ? { (v: String) in v.count == 10 ? String(v.dropFirst(5)) : name(v) } : name
            part(facet.title, f[facet], label: name, code: short)
        }
        self.parts = parts
    }

    /// How many filters are active (a facet with several values is one filter).
    public var count: Int { parts.count }

    /// Every filter in full: "Country: Viet Nam · Room: ✕ Kidspace"; "" when none.
    public var full: String { parts.map(\.full).joined(separator: " · ") }

    /// The longest description that fits in `width` columns: full, short, shortest, or "3 filters".
    public func fitted(width: Int) -> String {
        guard !parts.isEmpty else { return "" }
        for form in [full, parts.map(\.short).joined(separator: " · "), parts.map(\.shortest).joined(separator: " · ")]
        where DisplayWidth.of(form) <= width {
            return form
        }
        let counted = count == 1 ? "1 filter" : "\(count) filters"
        return DisplayWidth.of(counted) <= width ? counted : ""
    }
}
