import ConveneModel

/// What the filter picker narrows: delegates' countries, or one facet of the sessions.
public enum FilterFacet: Sendable, Hashable {
    case country
    case session(SessionFacet)

    /// Every facet, in the order the picker's Tab visits them.
    public static let all: [FilterFacet] = [.country] + SessionFacet.allCases.map { .session($0) }

    /// "Country", "Day", "Track", …
    public var title: String {
        switch self {
        case .country: "Country"
        case .session(let facet): facet.title
        }
    }
}

/// The filter picker (`c`, `f`): one facet at a time, its values with counts, ticks and exclusions.
///
/// The picker edits a copy of the filter (`draft`), so several facets can be
/// changed before Enter applies them all and Esc drops them all.
public struct FilterPicker: Sendable, Hashable {
    public var facet: FilterFacet
    /// What is typed to narrow the values.
    public var query: String = ""
    /// The highlighted entry.
    public var selected: Int = 0
    /// The filter as it will be applied.
    public var draft: Filter
    /// True once something was ticked, excluded or cleared: Enter then applies the draft as it is.
    /// Before that, Enter on a facet with nothing chosen chooses the highlighted value (the quick pick).
    public var edited = false

    public init(facet: FilterFacet, draft: Filter) {
        self.facet = facet
        self.draft = draft
    }

    /// The draft's choice for the picker's facet.
    public var choice: FacetChoice {
        get {
            switch facet {
            case .country: draft.countryChoice
            case .session(let f): draft[f]
            }
        }
        set {
            switch facet {
            case .country: draft.countryChoice = newValue
            case .session(let f): draft[f] = newValue
            }
        }
    }
}

/// One value the picker offers: its key in the filter, its name, a short code (a country's), and
/// how many records have it under the other filters (delegates for a country, sessions otherwise).
public struct PickerEntry: Sendable, Hashable {
    public var key: String
    public var label: String
    public var code: String
    public var count: Int
}
