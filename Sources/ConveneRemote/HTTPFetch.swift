import CLibCurl
import Foundation

/// One GET of a schedule, through libcurl's easy interface (the library FoundationNetworking's
/// URLSession uses underneath), opened with `dlopen` on the first fetch (``CurlLibrary``): no
/// hand-written HTTP, and no networking libraries in a process that fetches nothing.
///
/// What this adds to libcurl, and why:
/// - **Conditional requests.** The cached copy's ETag and Last-Modified go out as
///   `If-None-Match` and `If-Modified-Since`; a 304 is ``Answer/notModified``.
/// - **Redirects** are followed by this code (libcurl's FOLLOWLOCATION is off) at most
///   ``maxRedirects`` times, and never to a scheme other than http or https: the `Location`
///   header itself is judged, so a `Location: file:///etc/passwd` is refused before any request.
/// - **A timeout** over the whole exchange, redirects included (libcurl's TIMEOUT_MS with what is
///   left of it on each hop), so a server that trickles bytes cannot hold a command forever.
/// - **The size limit** of files: a body past `maxBytes` is abandoned as it arrives.
/// - **A body cut short** (fewer bytes than its Content-Length) is an error, never a copy.
/// - **Proxies**: libcurl's own rule, as URLSession had it: the `http_proxy`, `https_proxy`
///   and `no_proxy` environment variables (and `ALL_PROXY`), nothing else; no `.netrc`, no cookies.
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
        let curl: CurlLibrary
        switch CurlLibrary.shared {
        case .success(let library): curl = library
        case .failure(let missing): throw FetchError(url: url.shown, failure: .noLibcurl(missing.reason))
        }
        var headers = ["User-Agent: Convene"]
        if let etag { headers.append("If-None-Match: \(etag)") }
        if let lastModified { headers.append("If-Modified-Since: \(lastModified)") }
        let deadline = ContinuousClock.now + .milliseconds(Int64((timeout * 1000).rounded(.up)))
        var current = url.url
        var redirects = 0
        while true {
            let left = deadline - ContinuousClock.now
            guard left > .zero else { throw FetchError(url: url.shown, failure: .timedOut(seconds: timeout)) }
            let transfer = Transfer(maxBytes: maxBytes)
            let code = transfer.perform(curl, url: current.absoluteString, headers: headers, timeout: left)
            if let refused = transfer.refused { throw FetchError(url: url.shown, failure: refused) }
            guard code == Int32(CC_E_OK) else {
                throw FetchError(url: url.shown, host: url.url.host ?? "", secrets: url.secrets, code: code,
                                 words: transfer.errorWords, transfer: transfer, timeout: timeout)
            }
            switch transfer.status {
            case 200:
                // A Content-Length says how much was sent; fewer bytes means the body was cut short.
                // (With a Content-Encoding the length is of the encoded body, so it is not compared.)
                let encoding = (transfer.header("content-encoding") ?? "identity").lowercased()
                if let expected = transfer.contentLength, encoding == "identity", transfer.body.count != expected {
                    throw FetchError(url: url.shown, failure: .cutShort(received: transfer.body.count, expected: expected))
                }
                return .body(transfer.body, etag: transfer.header("etag"), lastModified: transfer.header("last-modified"))
            case 304:
                return .notModified
            case 301, 302, 303, 307, 308:
                guard let location = transfer.header("location") else { fallthrough }
                guard let next = URL(string: location, relativeTo: current)?.absoluteURL else {
                    throw FetchError(url: url.shown, failure: .redirectRefused(to: "an unreadable address"))
                }
                let scheme = next.scheme?.lowercased()
                guard scheme == "http" || scheme == "https" else {
                    throw FetchError(url: url.shown, failure: .redirectRefused(to: RemoteURL.shown(next)))
                }
                guard redirects < maxRedirects else { throw FetchError(url: url.shown, failure: .tooManyRedirects) }
                redirects += 1
                current = next
            default:
                throw FetchError(url: url.shown, failure: .status(transfer.status))
            }
        }
    }
}

/// One request and its answer: what libcurl's header and write callbacks report, kept here.
///
/// Used by one thread, inside one `curl_easy_perform`; the callbacks find it through their
/// user pointer.
final class Transfer {
    let maxBytes: Int
    /// The status of the latest status line (an interim 1xx is replaced by the final one).
    private(set) var status = 0
    /// Header values by lower-cased name, of the latest response only.
    private var headers: [String: String] = [:]
    private(set) var body: [UInt8] = []
    /// Set by a callback that stopped the transfer on purpose (too large).
    private(set) var refused: FetchError.Failure?
    /// libcurl's words for a failure (CURLOPT_ERRORBUFFER), possibly empty.
    private(set) var errorWords = ""

    init(maxBytes: Int) { self.maxBytes = maxBytes }

    /// A header's value, without control characters, or nil when absent, empty or over 1 KiB.
    func header(_ name: String) -> String? {
        guard let value = headers[name] else { return nil }
        let clean = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
        return clean.isEmpty || clean.count > 1024 ? nil : clean
    }

    /// The Content-Length announced, when there is a readable one.
    var contentLength: Int? { headers["content-length"].flatMap { Int($0) }.flatMap { $0 >= 0 ? $0 : nil } }

    /// Runs one GET of `url` (no redirect followed) and returns libcurl's code.
    func perform(_ curl: CurlLibrary, url: String, headers lines: [String], timeout: Duration) -> Int32 {
        // The header list and the error buffer must outlive the handle (curl_easy_cleanup may
        // still use them), so they are made first and their defers run last.
        var list: UnsafeMutablePointer<cc_slist>?
        for line in lines { list = curl.slistAppend(list, line) ?? list }
        defer { curl.slistFreeAll(list) }
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CC_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CC_ERROR_SIZE) + 1)
        defer { errorBuffer.deallocate() }
        guard let easy = curl.easyInit() else {
            errorWords = "libcurl could not make a transfer handle"
            return -1
        }
        defer { curl.easyCleanup(easy) }
        let milliseconds = max(1, Int(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000))
        let me = Unmanaged.passUnretained(self).toOpaque()
        let set = curl.easySetopt
        _ = cc_setopt_pointer(set, easy, Int32(CC_OPT_URL), url)
        _ = cc_setopt_long(set, easy, Int32(CC_OPT_HTTPGET), 1)
        _ = cc_setopt_long(set, easy, Int32(CC_OPT_PROTOCOLS), CC_PROTO_HTTP | CC_PROTO_HTTPS)
        _ = cc_setopt_long(set, easy, Int32(CC_OPT_FOLLOWLOCATION), 0)
        _ = cc_setopt_long(set, easy, Int32(CC_OPT_NOSIGNAL), 1)
        _ = cc_setopt_long(set, easy, Int32(CC_OPT_NOPROGRESS), 1)
        _ = cc_setopt_long(set, easy, Int32(CC_OPT_TIMEOUT_MS), milliseconds)
        _ = cc_setopt_long(set, easy, Int32(CC_OPT_CONNECTTIMEOUT_MS), milliseconds)
        // "": every encoding this libcurl can decode is offered and decoded, as URLSession did.
        _ = cc_setopt_pointer(set, easy, Int32(CC_OPT_ACCEPT_ENCODING), "")
        _ = cc_setopt_pointer(set, easy, Int32(CC_OPT_HTTPHEADER), list)
        _ = cc_setopt_pointer(set, easy, Int32(CC_OPT_ERRORBUFFER), errorBuffer)
        _ = cc_setopt_write(set, easy, Int32(CC_OPT_HEADERFUNCTION), Transfer.onHeader)
        _ = cc_setopt_pointer(set, easy, Int32(CC_OPT_HEADERDATA), me)
        _ = cc_setopt_write(set, easy, Int32(CC_OPT_WRITEFUNCTION), Transfer.onBody)
        _ = cc_setopt_pointer(set, easy, Int32(CC_OPT_WRITEDATA), me)
        let code = curl.easyPerform(easy)
        errorWords = String(cString: errorBuffer)
        return code
    }

    /// One header line; a status line starts a new response. Returning less than given stops the transfer.
    private static let onHeader: cc_write_fn = { data, size, count, user in
        let n = size * count
        guard let data, let user else { return n }
        let transfer = Unmanaged<Transfer>.fromOpaque(user).takeUnretainedValue()
        let line = String(decoding: UnsafeRawBufferPointer(start: data, count: n), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return transfer.take(headerLine: line) ? n : 0
    }

    /// Part of the body; only a 200's body is kept, an error page is read and dropped.
    private static let onBody: cc_write_fn = { data, size, count, user in
        let n = size * count
        guard let data, let user else { return n }
        let transfer = Unmanaged<Transfer>.fromOpaque(user).takeUnretainedValue()
        return transfer.take(body: UnsafeRawBufferPointer(start: data, count: n)) ? n : 0
    }

    /// False to stop the transfer: a 200 announcing more than `maxBytes`.
    func take(headerLine line: String) -> Bool {
        if line.hasPrefix("HTTP/") {
            let fields = line.split(separator: " ", maxSplits: 2)
            status = fields.count >= 2 ? Int(fields[1]) ?? 0 : 0
            headers = [:]
            return true
        }
        guard let colon = line.firstIndex(of: ":") else { return true }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        if name == "content-length", status == 200, let length = contentLength, length > maxBytes {
            refused = .tooLarge(limit: maxBytes)
            return false
        }
        return true
    }

    /// False to stop the transfer: the body passed `maxBytes`.
    func take(body bytes: UnsafeRawBufferPointer) -> Bool {
        guard refused == nil else { return false }
        guard status == 200 else { return true }
        if body.count + bytes.count > maxBytes {
            refused = .tooLarge(limit: maxBytes)
            body = []
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }
}
