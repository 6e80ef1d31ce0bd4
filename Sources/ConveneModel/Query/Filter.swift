import ConveneText

/// What the user narrowed the directory to; one filter applies to every view and count.
///
/// Countries restrict delegates to those from the countries, cities to those in
/// them, and events to those held in them or attended by someone from them.
/// `search` is matched, ignoring case and accents, against each view's own text.
public struct Filter: Sendable, Equatable {
    /// ISO codes; empty means every country.
    public var countries: Set<String>
    public var city: String?
    public var event: String?
    /// A creative field such as "Design".
    public var field: String?
    /// Raw search text as typed; see ``SearchQuery``.
    public var search: String
    /// Only the sessions with this day, track, room, type or language (a Summary bar opened):
    /// narrows the sessions only, not the events, delegates or cities.
    public var sessionsWith: SessionValue? = nil

    public init(countries: Set<String> = [], city: String? = nil, event: String? = nil,
                field: String? = nil, search: String = "") {
        self.countries = countries
        self.city = city
        self.event = event
        self.field = field
        self.search = search
    }

    /// True when nothing is narrowed.
    public var isEmpty: Bool {
        countries.isEmpty && city == nil && event == nil && field == nil && search.isEmpty && sessionsWith == nil
    }

    /// The same filter without the search text: used for counts that a search must not change.
    public var withoutSearch: Filter {
        var f = self
        f.search = ""
        return f
    }
}

/// Search text folded once into terms; a record matches when every term occurs in its folded text.
public struct SearchQuery: Sendable, Equatable {
    public let terms: [String]

    public init(_ text: String) {
        terms = SearchFold.fold(text).split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }

    /// A query of terms already folded: for ``DelegateSearchIndex``, which checks one term at a time.
    init(folded terms: [String]) {
        self.terms = terms
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// True when every term is a substring of `folded` (already passed through `SearchFold.fold`).
    public func matches(_ folded: String) -> Bool {
        terms.allSatisfy { folded.contains($0) }
    }
}
