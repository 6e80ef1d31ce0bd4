@testable import ConveneRemote
import Testing

/// The parts of ``HTTPFetch`` that need no server: what the libcurl callbacks keep and refuse,
/// the loader's failure, and the status words. The exchanges themselves are tested against a
/// loopback server in ConveneCLITests (RemoteDataTests).
@Suite struct HTTPFetchTests {
    private func feed(_ transfer: Transfer, _ lines: [String]) -> Bool {
        lines.allSatisfy { transfer.take(headerLine: $0) }
    }

    private func body(_ transfer: Transfer, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { transfer.take(body: $0) }
    }

    @Test func aBodyOverTheLimitStopsTheTransferAndKeepsNothing() {
        let transfer = Transfer(maxBytes: 10)
        #expect(feed(transfer, ["HTTP/1.1 200 OK", "Content-Type: application/json"]))
        #expect(body(transfer, Array(repeating: 65, count: 6)))
        #expect(!body(transfer, Array(repeating: 66, count: 5)))
        #expect(transfer.refused == .tooLarge(limit: 10))
        #expect(transfer.body.isEmpty)
        #expect(!body(transfer, [1]), "nothing more is taken once refused")
    }

    @Test func aContentLengthOverTheLimitStopsTheTransferBeforeTheBody() {
        let transfer = Transfer(maxBytes: 100)
        #expect(!feed(transfer, ["HTTP/1.1 200 OK", "content-length: 101"]))
        #expect(transfer.refused == .tooLarge(limit: 100))
        let fits = Transfer(maxBytes: 100)
        #expect(feed(fits, ["HTTP/1.1 200 OK", "Content-Length:  100 "]))
        #expect(fits.contentLength == 100)
    }

    @Test func anErrorPagesBodyIsReadAndDropped() {
        let transfer = Transfer(maxBytes: 4)
        #expect(feed(transfer, ["HTTP/1.1 404 Not Found", "Content-Length: 5000"]), "only a 200's length is judged")
        #expect(body(transfer, Array(repeating: 65, count: 50)))
        #expect(transfer.status == 404 && transfer.body.isEmpty && transfer.refused == nil)
    }

    @Test func anInterimResponseIsReplacedByTheFinalOne() {
        let transfer = Transfer(maxBytes: 100)
        #expect(feed(transfer, ["HTTP/1.1 100 Continue", "X-Early: 1", "", "HTTP/2 200", "ETag: \"abc\"",
                                "Last-Modified: Mon, 30 Nov 2026 10:00:00 GMT", "Location:  /next "]))
        #expect(transfer.status == 200)
        #expect(transfer.header("x-early") == nil)
        #expect(transfer.header("etag") == "\"abc\"")
        #expect(transfer.header("last-modified") == "Mon, 30 Nov 2026 10:00:00 GMT")
        #expect(transfer.header("location") == "/next")
    }

    @Test func aHeaderValueLosesControlCharactersAndAnOverlongOneIsDropped() {
        let transfer = Transfer(maxBytes: 100)
        #expect(feed(transfer, ["HTTP/1.1 200 OK", "ETag: \"a\u{1B}[31mb\"", "Last-Modified: " + String(repeating: "x", count: 2000)]))
        #expect(transfer.header("etag") == "\"a[31mb\"")
        #expect(transfer.header("last-modified") == nil)
    }

    @Test func aMissingLibcurlIsNamedInTheError() {
        guard case .failure(let missing) = CurlLibrary.load("libconvene-no-such-curl.so.4") else {
            Issue.record("a library that does not exist loaded")
            return
        }
        #expect(missing.reason == "libcurl (libconvene-no-such-curl.so.4) is not installed")
        let error = FetchError(url: "https://example.org/s.xml", failure: .noLibcurl("libcurl (libcurl.so.4) is not installed"))
        #expect(error.description == "https://example.org/s.xml: cannot fetch: cannot fetch URLs: libcurl (libcurl.so.4) is not installed")
        #expect(!error.isOffline, "a missing library is not the network being down")
    }

    @Test func theInstalledLibcurlLoads() {
        guard case .success = CurlLibrary.shared else {
            Issue.record("libcurl.so.4 is installed here (.ci/run installs libcurl4) and has the easy interface")
            return
        }
    }

    @Test(arguments: [(404, "Not Found"), (500, "Internal Server Error"), (418, "Client Error"), (599, "Server Error")])
    func statusWords(code: Int, words: String) {
        #expect(FetchError.statusWords(code) == words)
    }
}
