import ConveneText

/// What the user narrowed the directory to; one filter applies to every view and count.
///
/// Countries restrict delegates to those from the countries, cities to those in
/// them, and events to those held in them or attended by someone from them;
/// `excludedCountries` take those countries out the same way ("everyone but the hosts").
/// `search` is matched, ignoring case and accents, against each view's own text.
///
/// Session facets (``SessionFacet``: day, track, room, type, language) narrow the
/// sessions. While one is active the other views follow the sessions: Events lists
/// the events with a matching session, Delegates the speakers of matching sessions,
/// Cities those speakers' cities, and every count (Summary's too) counts those. With
/// no session facet nothing looks at sessions, so the delegate paths stay as fast.
public struct Filter: Sendable, Hashable {
    /// ISO codes; empty means every country.
    public var countries: Set<String>
    /// ISO codes (or ``NotRecorded/key``) whose delegates, cities and events are left out.
    public var excludedCountries: Set<String> = []
    /// The session facets that narrow something; a facet with an empty choice is not stored.
    public private(set) var sessionFacets: [SessionFacet: FacetChoice] = [:]
    public var city: String?
    public var event: String?
    /// A creative field such as "Design".
    public var field: String?
    /// Raw search text as typed; see ``SearchQuery``.
    public var search: String
    /// Only delegates with this value of a Summary breakdown (an organisation, a kind, a
    /// role, a network membership, a region): what Enter on such a bar opens. It narrows
    /// the delegates only (and so every count), not the events or cities.
    public var breakdownValue: BreakdownValue?

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
        countries.isEmpty && excludedCountries.isEmpty && city == nil && event == nil && field == nil && search.isEmpty
            && sessionFacets.isEmpty && breakdownValue == nil
    }

    /// The countries as one facet choice: included and excluded codes.
    public var countryChoice: FacetChoice {
        get { FacetChoice(included: countries, excluded: excludedCountries) }
        set {
            countries = newValue.included
            excludedCountries = newValue.excluded
        }
    }

    /// True when delegates from `code` (``NotRecorded/key`` for none) pass the country filter.
    @inline(__always)
    public func countryAllows(_ code: String) -> Bool {
        (countries.isEmpty || countries.contains(code)) && !excludedCountries.contains(code)
    }

    /// True when the country filter narrows anything.
    public var narrowsCountries: Bool { !countries.isEmpty || !excludedCountries.isEmpty }

    /// The choice for one session facet (empty when it narrows nothing).
    public subscript(facet: SessionFacet) -> FacetChoice {
        get { sessionFacets[facet] ?? FacetChoice() }
        set { sessionFacets[facet] = newValue.isEmpty ? nil : newValue }
    }

    /// True when some session facet narrows the sessions (and so the other views).
    public var narrowsSessions: Bool { !sessionFacets.isEmpty }

    /// True when the session passes every session facet.
    public func sessionPasses(_ s: Session) -> Bool {
        for (facet, choice) in sessionFacets where !choice.allows(facet.value(of: s)) { return false }
        return true
    }

    /// The same filter without its session facets: the places and people part.
    public var withoutSessionFacets: Filter {
        var f = self
        f.sessionFacets = [:]
        return f
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

/// One bar of a Summary breakdown as a filter: ``DirectoryIndex/breakdownKey(_:of:)`` must equal `key`.
public struct BreakdownValue: Sendable, Hashable {
    public var by: DelegateBreakdown
    public var key: String

    public init(_ by: DelegateBreakdown, _ key: String) {
        self.by = by
        self.key = key
    }
}
