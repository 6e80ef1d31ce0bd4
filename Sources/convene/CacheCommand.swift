import ArgumentParser
import ConveneRemote
import ConveneReports
import ConveneStore
import Foundation
import Glibc

/// `convene cache list|clear`: the copies of schedules fetched from URLs.
struct Cache: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Show or empty the cache of schedules fetched from URLs ($XDG_CACHE_HOME/convene).",
        subcommands: [CacheList.self, CacheClear.self],
        defaultSubcommand: CacheList.self)

    /// The cache, or exit 78 when neither XDG_CACHE_HOME nor HOME says where it is.
    static func location() throws -> RemoteCache {
        guard let cache = RemoteCache(environment: ProcessInfo.processInfo.environment) else {
            throw CLIError("cannot find the cache: set HOME or XDG_CACHE_HOME", status: .config)
        }
        return cache
    }
}

struct CacheList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the cached schedules: URL (without credentials), size, when fetched, ETag.")
    @OptionGroup var output: OutputOptions<ListingOutput>

    func run() throws {
        let cache = try Cache.location()
        try output.write(Self.report(cache.list(), now: Int64(time(nil))))
    }

    /// One row per entry; `fetched` is UTC ISO 8601, `age` the same in words for a person.
    static func report(_ entries: [CacheMetadata], now: Int64) -> Report {
        let columns = [ReportColumn("url", "URL"), ReportColumn("bytes", "Bytes", .right),
                       ReportColumn("fetched", "Fetched (UTC)"), ReportColumn("age", "Age"), ReportColumn("etag", "ETag")]
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        let rows: [[ReportValue]] = entries.map { entry in
            [.text(entry.url), .int(entry.size),
             .text(formatter.string(from: Date(timeIntervalSince1970: TimeInterval(entry.fetchedAt)))),
             .text(RemoteFetch.age(seconds: now - entry.fetchedAt)), entry.etag.map(ReportValue.text) ?? .null]
        }
        return Report(columns: columns, rows: rows)
    }
}

struct CacheClear: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clear",
        abstract: "Remove every cached schedule (the next run fetches each URL again).")

    func run() throws {
        let cache = try Cache.location()
        do {
            let count = try cache.clear()
            try Output.message("Removed \(count) cached schedule\(count == 1 ? "" : "s") from \(cache.directory)\n")
        } catch let error as StoreError {
            throw CLIError(error.description, status: .ioError)
        }
    }
}
