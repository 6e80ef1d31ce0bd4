/// The properties Summary can break delegates down by: one at a time, on `b` in the
/// Summary view and `convene summary --by`.
///
/// Every breakdown counts the same delegates (those the filter allows, unlisted ones
/// included: a bar is a count, never a name) and adds up to ``Summary/delegates``;
/// delegates without a value are the "not recorded" entry, listed last.
public enum DelegateBreakdown: String, CaseIterable, Sendable, Hashable {
    case country, region, city, field, organisation, kind, role, member

    /// The heading over the bars, e.g. "By organisation kind".
    public var title: String {
        switch self {
        case .country: "By country"
        case .region: "By region"
        case .city: "By city"
        case .field: "By creative field"
        case .organisation: "By organisation"
        case .kind: "By organisation kind"
        case .role: "By role"
        case .member: "By network membership"
        }
    }

    /// The property as a filter names it: "Organisation kind: university".
    public var name: String {
        switch self {
        case .country: "Country"
        case .region: "Region"
        case .city: "City"
        case .field: "Creative field"
        case .organisation: "Organisation"
        case .kind: "Organisation kind"
        case .role: "Role"
        case .member: "Network membership"
        }
    }

    /// The next breakdown in `allCases` order, wrapping round: what `b` shows next.
    public var next: DelegateBreakdown {
        let all = Self.allCases
        let i = all.firstIndex(of: self) ?? 0
        return all[(i + 1) % all.count]
    }
}

/// The keys of the ``DelegateBreakdown/member`` breakdown.
///
/// A city is a member when it has a creative field (or a year of designation). The
/// data format has no way to say a city is *not* a member, so a city without a field
/// counts as "membership not recorded", never as "not a member"; ``notMember`` is
/// kept for a format that can say so, and is never produced from a city's silence.
public enum NetworkMembership {
    public static let member = "member"
    public static let notMember = "not-member"
    /// The delegate's city is known but its membership is not recorded.
    public static let cityNotRecorded = "membership-not-recorded"

    public static func label(_ key: String) -> String {
        switch key {
        case member: "Network member city"
        case notMember: "Not a network member"
        case cityNotRecorded: "Membership not recorded"
        default: NotRecorded.label
        }
    }
}

/// The bar that counts unlisted delegates in the breakdowns that would name them.
///
/// An organisation or a role can point at one person, so a delegate who asked not to
/// be named (``Delegate/listed`` false) is counted there in a bar of their own rather
/// than under their organisation or role; every other breakdown counts them as anyone.
public enum UnlistedBar {
    /// No organisation id or role is written in parentheses with a space, so this cannot collide.
    public static let key = "(unlisted)"
    public static let label = "unlisted delegates (not named)"
}

extension DirectoryIndex {
    /// Delegates under `filter` (its search text ignored) broken down by `by`: the same
    /// numbers as ``summary(_:)`` for country, city and field.
    public func breakdown(_ by: DelegateBreakdown, _ filter: Filter) -> [Summary.Entry] {
        let people = delegates(filter.withoutSearch)
        var counts: [String: Int] = [:]
        for i in people {
            counts[breakdownKey(by, at: i), default: 0] += 1
        }
        let total = people.count
        let entries = counts.map { key, n in
            Summary.Entry(key: key, label: breakdownLabel(by, key), count: n,
                          share: total == 0 ? 0 : Double(n) / Double(total))
        }
        let last = [NetworkMembership.cityNotRecorded, UnlistedBar.key, NotRecorded.key]
        let recorded = entries.filter { !last.contains($0.key) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.label < $1.label }
        return recorded + last.flatMap { key in entries.filter { $0.key == key } }
    }

    /// The key a delegate counts under in a breakdown (``NotRecorded/key`` for none).
    public func breakdownKey(_ by: DelegateBreakdown, of p: Delegate) -> String {
        breakdownKey(by, listed: p.listed, country: { p.country }, city: { p.city }, organization: { p.organization },
                     role: { p.role })
    }

    /// The key delegate `i` counts under, reading only the field the breakdown needs.
    func breakdownKey(_ by: DelegateBreakdown, at i: Int) -> String {
        let people = directory.delegates
        return breakdownKey(by, listed: people.isListed(at: i), country: { people.country(at: i) },
                            city: { people.city(at: i) }, organization: { people.organization(at: i) },
                            role: { people.role(at: i) })
    }

    private func breakdownKey(_ by: DelegateBreakdown, listed: Bool, country: () -> String?, city cityID: () -> String?,
                              organization organizationID: () -> String?, role: () -> String?) -> String {
        func nonEmpty(_ s: String?) -> String? { s.flatMap { $0.isEmpty ? nil : $0 } }
        if !listed, by == .organisation || by == .role { return UnlistedBar.key }
        switch by {
        case .country: return country() ?? NotRecorded.key
        case .region:
            guard let code = country() else { return NotRecorded.key }
            return nonEmpty(countryByCode[code].flatMap { directory.countries[$0].region }) ?? NotRecorded.key
        case .city: return cityID() ?? NotRecorded.key
        case .field:
            guard let id = cityID() else { return NotRecorded.key }
            return city(id)?.creativeField ?? Summary.noFieldLabel
        case .organisation: return organizationID() ?? NotRecorded.key
        case .kind: return nonEmpty(organizationID().flatMap { organization($0)?.kind }) ?? NotRecorded.key
        case .role: return nonEmpty(role()) ?? NotRecorded.key
        case .member:
            guard let id = cityID() else { return NotRecorded.key }
            guard let c = city(id) else { return NetworkMembership.cityNotRecorded }
            return c.creativeField != nil || c.memberSince != nil ? NetworkMembership.member : NetworkMembership.cityNotRecorded
        }
    }

    /// How a breakdown's key reads on its bar.
    public func breakdownLabel(_ by: DelegateBreakdown, _ key: String) -> String {
        if key == NotRecorded.key { return NotRecorded.label }
        if key == UnlistedBar.key, by == .organisation || by == .role { return UnlistedBar.label }
        switch by {
        case .country: return countryName(key)
        case .city: return cityName(key)
        case .organisation: return organizationName(key).isEmpty ? key : organizationName(key)
        case .member: return NetworkMembership.label(key)
        case .region, .field, .kind, .role: return key
        }
    }
}
