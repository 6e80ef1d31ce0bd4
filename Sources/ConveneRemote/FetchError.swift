import CLibCurl

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
        /// libcurl cannot be loaded: why, such as "libcurl (libcurl.so.4) is not installed".
        case noLibcurl(String)
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
        case .status(let code): return "HTTP \(code) \(Self.statusWords(code))"
        case .tooManyRedirects: return "more than \(HTTPFetch.maxRedirects) redirects"
        case .redirectRefused(let to): return "a redirect to \(to) was refused: only http and https are followed"
        case .tooLarge(let limit): return "the schedule is larger than the limit of \(limit) bytes"
        case .noLibcurl(let why): return "cannot fetch URLs: \(why)"
        case .other(let text): return text
        }
    }

    public var description: String { "\(url): cannot fetch: \(reason)" }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    /// The reason phrase of an HTTP status (RFC 9110's words; the class for a code it does not name).
    static func statusWords(_ code: Int) -> String {
        let words: [Int: String] = [
            300: "Multiple Choices", 301: "Moved Permanently", 302: "Found", 303: "See Other", 304: "Not Modified",
            305: "Use Proxy", 307: "Temporary Redirect", 308: "Permanent Redirect",
            400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden", 404: "Not Found",
            405: "Method Not Allowed", 406: "Not Acceptable", 407: "Proxy Authentication Required",
            408: "Request Timeout", 409: "Conflict", 410: "Gone", 411: "Length Required", 412: "Precondition Failed",
            413: "Content Too Large", 414: "URI Too Long", 415: "Unsupported Media Type", 416: "Range Not Satisfiable",
            417: "Expectation Failed", 421: "Misdirected Request", 422: "Unprocessable Content", 426: "Upgrade Required",
            428: "Precondition Required", 429: "Too Many Requests", 431: "Request Header Fields Too Large",
            451: "Unavailable For Legal Reasons",
            500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
            504: "Gateway Timeout", 505: "HTTP Version Not Supported", 511: "Network Authentication Required",
        ]
        if let known = words[code] { return known }
        switch code {
        case 100..<200: return "Informational"
        case 200..<300: return "Success"
        case 300..<400: return "Redirection"
        case 400..<500: return "Client Error"
        default: return "Server Error"
        }
    }

    /// A failed `curl_easy_perform` in these terms: by libcurl's code (curl.h's CURLcode), and by
    /// libcurl's words where they add something, shown only when no user-info or secret query
    /// value is in them.
    init(url: String, host: String, secrets: [String], code: Int32, words: String, transfer: Transfer, timeout: Double) {
        self.url = url
        let clean = String(String.UnicodeScalarView(words.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(200)))
        let safe = clean.isEmpty || secrets.contains(where: { clean.contains($0) }) ? nil : clean
        switch Int(code) {
        case CC_E_COULDNT_RESOLVE_HOST: failure = .dns(host: host)
        case CC_E_COULDNT_RESOLVE_PROXY: failure = .other("cannot find the proxy's host (DNS lookup failed)")
        case CC_E_COULDNT_CONNECT: failure = .connectionRefused
        case CC_E_OPERATION_TIMEDOUT: failure = .timedOut(seconds: timeout)
        case CC_E_SSL_CONNECT_ERROR, CC_E_PEER_FAILED_VERIFICATION, CC_E_SSL_CERTPROBLEM, CC_E_SSL_CIPHER,
             CC_E_SSL_ENGINE_NOTFOUND, CC_E_SSL_ENGINE_SETFAILED, CC_E_SSL_ENGINE_INITFAILED, CC_E_SSL_CACERT_BADFILE,
             CC_E_SSL_SHUTDOWN_FAILED, CC_E_SSL_CRL_BADFILE, CC_E_SSL_ISSUER_ERROR, CC_E_SSL_PINNEDPUBKEYNOTMATCH,
             CC_E_SSL_INVALIDCERTSTATUS, CC_E_SSL_CLIENTCERT:
            failure = .tls(safe)
        case CC_E_PARTIAL_FILE, CC_E_RECV_ERROR, CC_E_SEND_ERROR, CC_E_GOT_NOTHING, CC_E_HTTP2, CC_E_HTTP2_STREAM:
            // "transfer closed with N bytes remaining": fewer bytes than the Content-Length announced.
            if transfer.status == 200, let expected = transfer.contentLength, expected > transfer.body.count {
                failure = .cutShort(received: transfer.body.count, expected: expected)
            } else {
                failure = .connectionLost
            }
        case CC_E_WEIRD_SERVER_REPLY: failure = .other("the server's answer is not valid HTTP")
        case CC_E_BAD_CONTENT_ENCODING: failure = .other("the server's compressed answer cannot be decoded")
        default: failure = .other(safe.map { "network error: " + $0 } ?? "network error \(code)")
        }
    }

    init(url: String, failure: Failure) {
        self.url = url
        self.failure = failure
    }
}
