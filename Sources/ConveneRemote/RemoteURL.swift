import Foundation

/// An http or https address given to `--data`, and the form of it that may be shown.
///
/// A schedule's address can carry a secret: `https://user:pass@host/…` or
/// `…/schedule.xml?token=abc`. The full URL is used only for the request;
/// ``shown`` (no user-info, secret query values replaced by `***`, no fragment)
/// is what every message, cache name and cache listing uses.
public struct RemoteURL: Sendable, Hashable, CustomStringConvertible {
    /// The address as given, credentials included: for the request only, never printed.
    public let url: URL
    /// The address without user-info or secrets: safe to print and to store.
    public let shown: String

    /// Query parameters whose values are taken for secrets (compared without case;
    /// a name that contains one of these, such as `api_key` or `access_token`, counts too).
    static let secretParameterWords = ["token", "key", "secret", "password", "passwd", "auth", "sig", "credential"]

    /// Parses `text` as an http or https URL with a host; nil for anything else.
    public init?(_ text: String) {
        guard Self.looksRemote(text), let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty, let url = components.url else { return nil }
        self.url = url
        shown = Self.redacted(components)
    }

    public var description: String { shown }

    /// True when `text` starts with `http://` or `https://` (any case): `--data` then means a URL, not a file.
    public static func looksRemote(_ text: String) -> Bool {
        let lower = text.prefix(8).lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// The scheme of `text` when it looks like `scheme://…` (letters, digits, `+`, `-`, `.`), else nil.
    public static func scheme(of text: String) -> String? {
        guard let range = text.range(of: "://") else { return nil }
        let scheme = text[..<range.lowerBound]
        guard let first = scheme.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII,
              scheme.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "+-.".unicodeScalars.contains($0)) })
        else { return nil }
        return String(scheme)
    }

    /// True when a query parameter of this name is taken for a secret.
    static func isSecret(parameter name: String) -> Bool {
        let lower = name.lowercased()
        return secretParameterWords.contains { lower.contains($0) }
    }

    /// `components` without user-info, fragment and secret query values.
    static func redacted(_ components: URLComponents) -> String {
        var c = components
        c.user = nil
        c.password = nil
        c.fragment = nil
        if let items = c.percentEncodedQueryItems {
            c.percentEncodedQueryItems = items.map { item in
                isSecret(parameter: item.name) && item.value != nil ? URLQueryItem(name: item.name, value: "***") : item
            }
        }
        return c.string ?? ((components.scheme ?? "http") + "://" + (components.host ?? ""))
    }

    /// The user-info and secret query values of the URL: text that must never be shown.
    var secrets: [String] {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        var found = [components?.user, components?.password, components?.percentEncodedUser, components?.percentEncodedPassword]
        for item in components?.queryItems ?? [] where Self.isSecret(parameter: item.name) { found.append(item.value) }
        for item in components?.percentEncodedQueryItems ?? [] where Self.isSecret(parameter: item.name) { found.append(item.value) }
        return found.compactMap { $0 }.filter { !$0.isEmpty }
    }

    /// A URL found in a server's answer (a redirect's Location), shown the same careful way.
    static func shown(_ url: URL) -> String {
        URLComponents(url: url, resolvingAgainstBaseURL: true).map(redacted) ?? "(an unreadable address)"
    }
}
