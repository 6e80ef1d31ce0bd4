import Foundation
import Testing

/// The report opened in a real browser: headless Chromium from Debian's packages (`.ci/run` installs
/// it). One Chromium run per test, each with a generous timeout for a busy machine.
@Suite(.serialized) struct ReportBrowserTests {
    static let chromium: URL? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }.map { URL(fileURLWithPath: $0) }

    /// Writes the Hanoi conference's report into `dir` and returns its path.
    private func writeReport(in dir: TemporaryDirectory) throws -> String {
        let path = dir.file("report.html").path
        let result = try Convene.run(["report", "--event", "hanoi-2023", "-o", path])
        try #require(result.status == 0, "\(result.err)")
        return path
    }

    private func runChromium(_ arguments: [String], in dir: TemporaryDirectory) throws -> RunResult {
        let chromium = try #require(Self.chromium, "headless Chromium is needed: apt-get install -y chromium (.ci/run does)")
        let environment = ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": dir.url.path, "LANG": "C.UTF-8"]
        let base = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(dir.file("profile").path)"]
        let run = try Subprocess.run(chromium, base + arguments, environment: environment, timeout: .seconds(180))
        #expect(!run.timedOut, "chromium ran longer than 180 s")
        return run.result
    }

    @Test func itLoadsWithTheHeadingsAndCountsAndNoConsoleErrors() throws {
        let dir = try TemporaryDirectory()
        let path = try writeReport(in: dir)
        let result = try runChromium(["--enable-logging=stderr", "--v=0", "--dump-dom", "file://" + path], in: dir)
        #expect(result.status == 0, "\(result.err)")
        let dom = result.out
        for heading in ["In numbers", "Delegates by country", "Delegates by region", "Where delegates came from",
                        "Per event: listed beside reported", "Delegates"] {
            #expect(dom.contains("<h2>\(heading)</h2>"), "\(heading)")
        }
        #expect(dom.contains("<dt>Delegates</dt><dd>120</dd>"))
        #expect(dom.contains("120 delegates · 100 from the host country (Viet Nam) · 20 from 7 other countries"))
        #expect(dom.contains("3 unlisted delegates"))
        let consoleErrors = result.err.split(separator: "\n").filter { $0.contains("Uncaught") || $0.contains("ERROR:CONSOLE") }
        #expect(consoleErrors.isEmpty, "\(consoleErrors)")
    }

    @Test func itRendersToAnA4SizedScreenshot() throws {
        let dir = try TemporaryDirectory()
        let path = try writeReport(in: dir)
        let png = dir.file("report.png").path
        let result = try runChromium(["--screenshot=\(png)", "--window-size=1240,1754", "--hide-scrollbars", "file://" + path], in: dir)
        #expect(result.status == 0, "\(result.err)")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: png)))
        try #require(bytes.count > 24 && bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG")
        // The IHDR chunk: width and height, big-endian, at bytes 16 and 20.
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 1240 && height == 1754)
        // A page with charts on it is far from blank: many distinct bytes in the compressed image.
        #expect(Set(bytes).count > 200 && bytes.count > 50_000, "\(bytes.count) bytes")
        if let keep = ProcessInfo.processInfo.environment["CONVENE_REPORT_SCREENSHOT"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(atPath: png, toPath: keep)
        }
    }
}
