import ConveneText

/// Turns what a user types for a country — `vn`, `Viet Nam`, `Vietnam` — into an ISO code.
///
/// Matching ignores case, accents, spaces and punctuation, and knows the
/// common English names that differ from ISO's short names.
public struct CountryResolver: Sendable {
    private var byKey: [String: String] = [:]
    /// Display names by normalised key, for suggestions.
    private var nameByKey: [String: String] = [:]

    /// Common names that ISO writes differently.
    static let aliases: [String: String] = [
        "vietnam": "VN", "southkorea": "KR", "korea": "KR", "republicofkorea": "KR", "laos": "LA",
        "brunei": "BN", "burma": "MM", "macau": "MO", "macaochina": "MO", "uk": "GB", "unitedkingdom": "GB",
        "usa": "US", "unitedstates": "US", "russia": "RU", "turkey": "TR", "czechia": "CZ", "iran": "IR",
        "syria": "SY", "taiwan": "TW", "tanzania": "TZ", "bolivia": "BO", "venezuela": "VE", "moldova": "MD",
        "northkorea": "KP", "eastimor": "TL", "timorleste": "TL", "ivorycoast": "CI",
    ]

    public init(countries: [Country]) {
        for c in countries {
            byKey[Self.key(c.code)] = c.code
            byKey[Self.key(c.name)] = c.code
        }
        let known = Set(countries.map(\.code))
        for (alias, code) in Self.aliases where known.contains(code) && byKey[alias] == nil { byKey[alias] = code }
        for c in countries { nameByKey[Self.key(c.name)] = c.name }
    }

    /// The ISO code for `text`, or nil.
    public func resolve(_ text: String) -> String? { byKey[Self.key(text)] }

    /// The nearest known name or code, for "did you mean …?".
    public func suggestion(for text: String) -> String? {
        Suggestion.closest(to: Self.key(text), in: nameByKey.keys).flatMap { nameByKey[$0] }
    }

    /// What matching compares: `Viet-Nam`, `viet nam` and `VIETNAM` share one key.
    public static func key(_ s: String) -> String {
        String(SearchFold.fold(s).unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
            .map(Character.init))
    }
}
