import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization

/// One GET of a schedule, through Foundation's URLSession (libcurl on Linux): no hand-written HTTP.
///
/// What this adds to URLSession, and why:
/// - **Conditional requests.** The cached copy's ETag and Last-Modified go out as
///   `If-None-Match` and `If-Modified-Since`; a 304 is ``Answer/notModified``.
///   URLSession's own cache is off, so it never answers a 304 itself.
/// - **Redirects** are followed at most ``maxRedirects`` times, and never to a
///   scheme other than http or https (a `Location: file:///etc/passwd` is refused).
/// - **A timeout** over the whole exchange, kept by this code as well as by
///   URLSession, so a server that trickles bytes cannot hold a command forever.
/// - **The size limit** of files: a body past `maxBytes` is abandoned as it arrives.
/// - **A body cut short** (fewer bytes than its Content-Length) is an error, never a copy.
///
/// Every message names the URL without its credentials (``RemoteURL/shown``).
public enum HTTPFetch {
    /// The most redirects followed for one fetch.
    public static let maxRedirects = 5

    /// What the server answered.
    public enum Answer: Sendable, Equatable {
        /// 200: the body and its validators for the next conditional request.
        case body([UInt8], etag: String?, lastModified: String?)
        /// 304: the cached copy is still current.
        case notModified
    }

    /// Fetches `url`, conditionally when `etag` or `lastModified` is given.
    public static func get(_ url: RemoteURL, etag: String? = nil, lastModified: String? = nil,
                           timeout: Double, maxBytes: Int) throws(FetchError) -> Answer {
        var request = URLRequest(url: url.url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = "GET"
        if let etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let lastModified { request.setValue(lastModified, forHTTPHeaderField: "If-Modified-Since") }
        request.setValue("Convene", forHTTPHeaderField: "User-Agent")

        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpShouldSetCookies = false
        let exchange = Exchange(url: url, maxBytes: maxBytes)
        let session = URLSession(configuration: configuration, delegate: exchange, delegateQueue: nil)
        defer { session.invalidateAndCancel() }
        let task = session.dataTask(with: request)
        task.resume()
        // URLSession keeps the timeout too; this one also covers a server that sends a byte now and then.
        if exchange.done.wait(timeout: .now() + timeout + 0.5) == .timedOut {
            task.cancel()
            throw FetchError(url: url.shown, failure: .timedOut(seconds: timeout))
        }
        return try exchange.answer(timeout: timeout)
    }
}

/// Why a fetch failed, with the URL (no credentials) it was for.
public struct FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Failure: Sendable, Equatable {
        case dns(host: String)
        case connectionRefused
        /// With libcurl's words when they hold no secret ("SSL certificate problem: …").
        case tls(String?)
        case timedOut(seconds: Double)
        case notConnected
        case connectionLost
        case cutShort(received: Int, expected: Int)
        case status(Int)
        case tooManyRedirects
        case redirectRefused(to: String)
        case tooLarge(limit: Int)
        case other(String)
    }

    /// The URL without credentials.
    public var url: String
    public var failure: Failure

    /// True for failures of the network rather than of the server's answer: "offline".
    public var isOffline: Bool {
        switch failure {
        case .dns, .connectionRefused, .timedOut, .notConnected, .connectionLost, .tls, .other: return true
        default: return false
        }
    }

    /// What failed, in words, without the URL: "connection refused", "HTTP 404 Not Found".
    public var reason: String {
        switch failure {
        case .dns(let host): return "cannot find the host '\(host)' (DNS lookup failed)"
        case .connectionRefused: return "connection refused"
        case .tls(let detail): return "the TLS (https) handshake failed" + (detail.map { " (\($0))" } ?? "")
        case .timedOut(let seconds): return "timed out after \(Self.seconds(seconds)) (--timeout)"
        case .notConnected: return "no network connection"
        case .connectionLost: return "the connection was lost before the whole schedule arrived"
        case let .cutShort(received, expected):
            return "the body was cut short: \(received) of the \(expected) bytes announced arrived"
        case .status(let code):
            return "HTTP \(code) \(HTTPURLResponse.localizedString(forStatusCode: code).capitalized)"
        case .tooManyRedirects: return "more than \(HTTPFetch.maxRedirects) redirects"
        case .redirectRefused(let to): return "a redirect to \(to) was refused: only http and https are followed"
        case .tooLarge(let limit): return "the schedule is larger than the limit of \(limit) bytes"
        case .other(let text): return text
        }
    }

    public var description: String { "\(url): cannot fetch: \(reason)" }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    /// A URLSession error in these terms: by its code, and for libcurl's catch-all code by libcurl's
    /// words, which are shown only when no user-info or secret query value is in them.
    init(url: String, host: String, secrets: [String], error: any Error, timeout: Double) {
        self.url = url
        let code = (error as? URLError)?.code ?? URLError.Code(rawValue: (error as NSError).code) ?? .unknown
        switch code {
        case .cannotFindHost, .dnsLookupFailed: failure = .dns(host: host)
        case .cannotConnectToHost: failure = .connectionRefused
        case .timedOut: failure = .timedOut(seconds: timeout)
        case .notConnectedToInternet: failure = .notConnected
        case .networkConnectionLost: failure = .connectionLost
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected,
             .clientCertificateRequired:
            failure = .tls(nil)
        case .badServerResponse: failure = .other("the server's answer is not valid HTTP")
        default:
            // corelibs reports most libcurl failures as -1 (unknown), with libcurl's own words as the
            // description: those words tell a TLS failure apart, and are shown only when they hold no secret.
            let words = ((error as NSError).userInfo[NSLocalizedDescriptionKey] as? String) ?? ""
            let safe = words.isEmpty || secrets.contains(where: { words.contains($0) }) ? nil
                : String(String.UnicodeScalarView(words.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(200)))
            if ["ssl", "tls", "certificate", "handshake"].contains(where: words.lowercased().contains) {
                failure = .tls(safe)
            } else {
                failure = .other(safe.map { "network error: " + $0 } ?? "network error \(code.rawValue)")
            }
        }
    }

    init(url: String, failure: Failure) {
        self.url = url
        self.failure = failure
    }
}

/// The delegate that watches one task: redirects, status, body, completion.
///
/// URLSession calls it on its own queue; everything it learns is kept under a lock
/// and read by ``HTTPFetch/get(_:etag:lastModified:timeout:maxBytes:)`` once
/// ``done`` is signalled.
final class Exchange: NSObject, URLSessionDataDelegate, Sendable {
    struct Progress {
        var redirects = 0
        var refused: FetchError.Failure?
        var response: HTTPURLResponse?
        var body: [UInt8] = []
        var error: (any Error)?
    }

    let url: RemoteURL
    let maxBytes: Int
    let done = DispatchSemaphore(value: 0)
    private let progress = Mutex(Progress())

    init(url: RemoteURL, maxBytes: Int) {
        self.url = url
        self.maxBytes = maxBytes
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        // URLSession (corelibs) turns a Location in another scheme into a path on the same host
        // (`file:///etc/passwd` became `http://host/etc/passwd`): the header itself is judged.
        let location = response.value(forHTTPHeaderField: "Location").flatMap { URL(string: $0, relativeTo: response.url) }
        let scheme = (location?.scheme ?? request.url?.scheme)?.lowercased()
        let allowed: Bool = progress.withLock { p in
            if scheme != "http" && scheme != "https" {
                p.refused = .redirectRefused(to: (location ?? request.url).map(RemoteURL.shown) ?? "an unreadable address")
            } else if p.redirects >= HTTPFetch.maxRedirects {
                p.refused = .tooManyRedirects
            } else {
                p.redirects += 1
                return true
            }
            return false
        }
        completionHandler(allowed ? request : nil)
        if !allowed { task.cancel() }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        let tooLarge: Bool = progress.withLock { p in
            p.response = response as? HTTPURLResponse
            if p.refused != nil { return true }
            if p.response?.statusCode == 200, response.expectedContentLength > Int64(maxBytes) {
                p.refused = .tooLarge(limit: maxBytes)
                return true
            }
            return false
        }
        completionHandler(tooLarge ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let over: Bool = progress.withLock { p in
            guard p.refused == nil else { return true }
            // Only a 200's body is kept; an error page is read and dropped.
            guard p.response?.statusCode == 200 else { return false }
            if p.body.count + data.count > maxBytes {
                p.refused = .tooLarge(limit: maxBytes)
                p.body = []
                return true
            }
            p.body.append(contentsOf: data)
            return false
        }
        if over { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        progress.withLock { $0.error = error }
        done.signal()
    }

    /// What the finished exchange amounts to.
    func answer(timeout: Double) throws(FetchError) -> HTTPFetch.Answer {
        let p = progress.withLock { $0 }
        if let refused = p.refused { throw FetchError(url: url.shown, failure: refused) }
        if let error = p.error {
            // libcurl's "transfer closed with N bytes remaining": fewer bytes than the Content-Length announced.
            if let response = p.response, response.statusCode == 200, response.expectedContentLength > Int64(p.body.count) {
                throw FetchError(url: url.shown, failure: .cutShort(received: p.body.count,
                                                                    expected: Int(response.expectedContentLength)))
            }
            throw FetchError(url: url.shown, host: url.url.host ?? "", secrets: url.secrets, error: error, timeout: timeout)
        }
        guard let response = p.response else { throw FetchError(url: url.shown, failure: .other("no answer from the server")) }
        switch response.statusCode {
        case 200:
            // A Content-Length says how much was sent; fewer bytes means the body was cut short.
            // (With a Content-Encoding the length is of the encoded body, so it is not compared.)
            let encoding = (response.value(forHTTPHeaderField: "Content-Encoding") ?? "identity").lowercased()
            let expected = response.expectedContentLength
            if expected >= 0, encoding == "identity", Int64(p.body.count) != expected {
                throw FetchError(url: url.shown, failure: .cutShort(received: p.body.count, expected: Int(expected)))
            }
            return .body(p.body, etag: Self.header("ETag", response), lastModified: Self.header("Last-Modified", response))
        case 304:
            return .notModified
        default:
            if (300..<400).contains(response.statusCode), p.redirects >= HTTPFetch.maxRedirects {
                throw FetchError(url: url.shown, failure: .tooManyRedirects)
            }
            throw FetchError(url: url.shown, failure: .status(response.statusCode))
        }
    }

    /// A header's value, without control characters, or nil when absent or empty.
    private static func header(_ name: String, _ response: HTTPURLResponse) -> String? {
        guard let value = response.value(forHTTPHeaderField: name) else { return nil }
        let clean = String(value.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F })
        return clean.isEmpty || clean.count > 1024 ? nil : clean
    }
}
