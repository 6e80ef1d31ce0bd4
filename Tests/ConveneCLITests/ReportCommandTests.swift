import Foundation
import Testing

/// `convene report` as a process: where it writes, and what a write failure says.
@Suite struct ReportCommandTests {
    @Test func standardOutputAndAFileGetTheSameDocument() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("report.html").path
        let toFile = try Convene.run(["report", "--event", "hanoi-2023", "-o", path])
        #expect(toFile.status == 0, "\(toFile.err)")
        #expect(toFile.stdout.isEmpty)
        let toStdout = try Convene.run(["report", "--event", "hanoi-2023", "-o", "-"])
        #expect(toStdout.status == 0, "\(toStdout.err)")
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(written == toStdout.stdout)
        #expect(toStdout.out.hasPrefix("<!DOCTYPE html>"))
        #expect(toStdout.out.contains("120 delegates · 100 from the host country (Viet Nam) · 20 from 7 other countries"))
    }

    @Test func aMissingDirectoryIsAClearMessageAndExit73() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("no-such-directory/report.html").path
        let result = try Convene.run(["report", "-o", path])
        #expect(result.status == 73)
        #expect(result.err.contains(path) && result.err.contains("no such file or directory"), "\(result.err)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func withoutOutputItSaysWhatIsMissing() throws {
        let result = try Convene.run(["report"])
        #expect(result.status == 64)
        #expect(result.err.contains("--output"), "\(result.err)")
    }

    @Test func completionKnowsTheCommandAndItsEventIDs() throws {
        let script = try Convene.run(["--generate-completion-script", "bash"])
        #expect(script.status == 0)
        #expect(script.out.contains("report"))
        let words = ["convene", "report", "--event", "hanoi-2"]
        let run = try Convene.run(["---completion", "report", "--", "--event", "3", "7"] + words,
                                  environment: ["CONVENE_COMPLETION_PATIENCE": "15"])
        #expect(run.out.split(separator: "\n").map(String.init) == ["hanoi-2023"], "\(run.out) \(run.err)")
    }
}
