import ConveneModel
import ConveneRemote
import Foundation

/// What `--data` names: a file, an http(s) URL, or nothing (the bundled sample).
enum DataSource: Sendable, Equatable {
    case sample
    case file(String)
    case remote(RemoteURL)

    /// `text` as a source; an address with another scheme (`ftp://…`, `file://…`) is refused,
    /// naming only the scheme and host, never user-info.
    init(_ text: String?) throws(LoadError) {
        guard let text else { self = .sample; return }
        if let url = RemoteURL(text) {
            self = .remote(url)
        } else if RemoteURL.looksRemote(text) {
            throw .cannotRead(file: RemoteURL.scheme(of: text).map { $0 + "://…" } ?? "(an address)",
                              reason: "not a usable http(s) URL")
        } else if let scheme = RemoteURL.scheme(of: text) {
            throw .cannotRead(file: scheme + "://…", reason: "unsupported scheme '\(scheme)': --data takes a file or an http(s) URL")
        } else {
            self = .file(text)
        }
    }

    /// `text` as messages may show it: a URL without credentials.
    static func shownName(_ text: String) -> String { (try? DataSource(text))?.name ?? text }

    var isRemote: Bool {
        if case .remote = self { return true }
        return false
    }

    /// The name messages and the loading screen use (a URL without credentials).
    var name: String? {
        switch self {
        case .sample: return nil
        case .file(let path): return path
        case .remote(let url): return url.shown
        }
    }
}

/// How URLs are fetched: the timeout and the cache.
struct RemoteSettings: Sendable {
    /// Seconds for one whole fetch.
    var timeout: Double = RemoteSettings.defaultTimeout
    /// The cache, or nil when neither XDG_CACHE_HOME nor HOME says where it goes.
    var cache: RemoteCache? = RemoteCache(environment: RemoteSettings.cacheEnvironment())

    /// The two variables ``RemoteCache`` reads, with `getenv`: `ProcessInfo`'s whole environment
    /// dictionary cost every command that loads data 0.5 M instructions, a URL among its sources or not.
    static func cacheEnvironment() -> [String: String] {
        var environment: [String: String] = [:]
        for name in ["XDG_CACHE_HOME", "HOME"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return environment
    }

    static let defaultTimeout = 30.0
}

/// A loaded directory, and what to tell the user about where it came from.
struct LoadedSource: Sendable {
    var index: DirectoryIndex
    /// "offline: schedule as fetched 3 h ago (…)", or nil when there is nothing to say.
    var notice: String?
    /// False when a URL gave nothing new: a 304, or the cached copy because the fetch failed.
    var fresh = true
}

extension DataOptions {
    /// Loads a file, the sample, or a URL through the cache.
    ///
    /// For a URL the body is parsed before it is cached: a body that does not
    /// load never replaces a good copy, and when there is one it is shown instead,
    /// with a notice. A fetch that fails with no copy is ``LoadError/cannotRead(file:reason:)``
    /// (exit 66), naming the URL without credentials and what failed.
    static func loadSource(_ source: DataSource, options: PublishedReadOptions, remote: RemoteSettings,
                           progress: LoadProgress?) throws(LoadError) -> LoadedSource {
        switch source {
        case .sample:
            return LoadedSource(index: try loadIndex(path: nil, options: options, progress: progress))
        case .file(let path):
            return LoadedSource(index: try loadIndex(path: path, options: options, progress: progress))
        case .remote(let url):
            progress?.enter("fetching")
            let fetched: RemoteFetch
            do throws(FetchError) {
                fetched = try RemoteFetch.fetch(url, cache: remote.cache, timeout: remote.timeout,
                                                maxBytes: DirectoryLoader.defaultMaxBytes)
            } catch {
                throw .cannotRead(file: error.url, reason: error.reason)
            }
            let index: DirectoryIndex
            var used = fetched
            do throws(LoadError) {
                index = try loadBytes(fetched.bytes, name: url.shown, options: options, progress: progress)
            } catch {
                // A new body that does not load: the good copy stays, and is shown with why.
                let first = error.description.split(separator: "\n").first.map(String.init) ?? error.description
                guard let fallback = fetched.usingFallback(because: "the new copy does not load: " + first) else { throw error }
                used = fallback
                index = try loadBytes(fallback.bytes, name: url.shown, options: options, progress: progress)
            }
            var notice = used.notice()
            if let cacheError = used.commit() {
                notice = [notice, "the cache was not updated: \(cacheError.description)"].compactMap { $0 }.joined(separator: "; ")
            }
            return LoadedSource(index: index, notice: notice, fresh: used.origin == .fetched)
        }
    }

    /// Decodes, validates and indexes bytes already in memory (a fetched schedule).
    static func loadBytes(_ bytes: [UInt8], name: String, options: PublishedReadOptions,
                          progress: LoadProgress?) throws(LoadError) -> DirectoryIndex {
        let loaded = try DirectoryLoader.loadFast(bytes: bytes, name: name, options: options, progress: progress)
        progress?.enter("indexing")
        return loaded.makeIndex()
    }
}
