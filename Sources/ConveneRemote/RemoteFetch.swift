import ConveneStore
import Glibc

/// A schedule from a URL, through the cache: what the caller is to parse, and what to say about it.
///
/// The caller parses the bytes and only then calls ``commit()``, so a body that
/// fails to parse never replaces a good cached copy; when it fails, ``fallback``
/// is the cached copy to use instead (with its notice).
public struct RemoteFetch: Sendable {
    /// Where the bytes came from.
    public enum Origin: Sendable, Equatable {
        /// A new body from the server (200).
        case fetched
        /// The server confirmed the cached copy (304).
        case unchanged(CachedCopy)
        /// The server could not be asked or refused: the cached copy, with why.
        case cached(FetchError)
    }

    public let url: RemoteURL
    public let bytes: [UInt8]
    public let origin: Origin
    /// When the bytes were fetched or last confirmed, seconds since 1970.
    public let fetchedAt: Int64
    /// The cached copy to fall back on when a fetched body does not parse.
    public let fallback: CachedCopy?
    private let cache: RemoteCache?
    private let validators: (etag: String?, lastModified: String?)

    /// Fetches `url`, conditionally when the cache has a copy; falls back on that copy when the
    /// fetch fails. Throws only when the fetch fails and there is no copy.
    public static func fetch(_ url: RemoteURL, cache: RemoteCache?, timeout: Double, maxBytes: Int,
                             now: () -> Int64 = { Int64(time(nil)) }) throws(FetchError) -> RemoteFetch {
        let copy = cache?.copy(for: url)
        do throws(FetchError) {
            switch try HTTPFetch.get(url, etag: copy?.metadata.etag, lastModified: copy?.metadata.lastModified,
                                     timeout: timeout, maxBytes: maxBytes) {
            case let .body(bytes, etag, lastModified):
                return RemoteFetch(url: url, bytes: bytes, origin: .fetched, fetchedAt: now(), fallback: copy,
                                   cache: cache, validators: (etag, lastModified))
            case .notModified:
                // A 304 to a request that had no validators is the server's mistake: there is nothing to reuse.
                guard let copy else { throw FetchError(url: url.shown, failure: .status(304)) }
                return RemoteFetch(url: url, bytes: copy.bytes, origin: .unchanged(copy), fetchedAt: now(), fallback: nil,
                                   cache: cache, validators: (copy.metadata.etag, copy.metadata.lastModified))
            }
        } catch {
            guard let copy else { throw error }
            return RemoteFetch(url: url, bytes: copy.bytes, origin: .cached(error), fetchedAt: copy.metadata.fetchedAt,
                               fallback: nil, cache: nil, validators: (nil, nil))
        }
    }

    /// The cached copy in place of a fetched body that failed to parse; `problem` says why.
    public func usingFallback(because problem: String) -> RemoteFetch? {
        guard let fallback else { return nil }
        return RemoteFetch(url: url, bytes: fallback.bytes, origin: .cached(FetchError(url: url.shown, failure: .other(problem))),
                           fetchedAt: fallback.metadata.fetchedAt, fallback: nil, cache: nil, validators: (nil, nil))
    }

    /// Records a parsed copy in the cache: a new body is stored, a 304 updates the fetch time.
    /// Returns the cache's error, if any, for a warning: the schedule itself is fine.
    @discardableResult
    public func commit() -> StoreError? {
        guard let cache else { return nil }
        do throws(StoreError) {
            switch origin {
            case .fetched:
                try cache.store(bytes, for: url, etag: validators.etag, lastModified: validators.lastModified,
                                fetchedAt: fetchedAt)
            case .unchanged(let copy):
                try cache.confirm(copy, for: url, at: fetchedAt)
            case .cached:
                break
            }
            return nil
        } catch {
            return error
        }
    }

    /// What to tell the user about these bytes, or nil when they are fresh from the server.
    ///
    /// "offline: schedule as fetched 3 h ago (https://…: connection refused)" when the
    /// network failed; the server's answer instead of "offline" when it answered badly.
    public func notice(now: Int64 = Int64(time(nil))) -> String? {
        guard case .cached(let error) = origin else { return nil }
        let age = Self.age(seconds: now - fetchedAt)
        let lead = error.isOffline ? "offline" : "not updated"
        return "\(lead): schedule as fetched \(age) (\(error.url): \(error.reason))"
    }

    /// "less than a minute ago", "5 min ago", "3 h ago", "2 days ago".
    public static func age(seconds: Int64) -> String {
        let s = max(0, seconds)
        switch s {
        case ..<60: return "less than a minute ago"
        case ..<3600: return "\(s / 60) min ago"
        case ..<(48 * 3600): return "\(s / 3600) h ago"
        default: return "\(s / 86400) days ago"
        }
    }
}
