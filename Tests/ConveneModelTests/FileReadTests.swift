import Foundation
import Testing
@testable import ConveneModel

/// Reading a data file: into our own buffer, noticing a file that changes under the
/// read, and judging the first bytes before reading the rest.
@Suite struct FileReadTests {
    /// A scratch file with `bytes`, removed when the test ends.
    final class ScratchFile {
        let path: String

        init(_ bytes: [UInt8]) throws {
            path = FileManager.default.temporaryDirectory
                .appendingPathComponent("convene-read-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).json").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }

        deinit { unlink(path) }
    }

    /// A valid document longer than the head that is judged first, so the read happens in two parts.
    static let longDocument: [UInt8] = Array(SyntheticDirectory(delegates: 2000, seed: 3).json().utf8)

    @Test func aFileReadsIntoExactlyItsBytes() throws {
        let file = try ScratchFile(Self.longDocument)
        #expect(Self.longDocument.count > DirectoryLoader.headBytes)
        #expect(try DirectoryLoader.readFile(file.path, maxBytes: 1 << 30, judgingHead: true) == Self.longDocument)
    }

    @Test func aFileThatShrinksDuringTheReadIsReportedAsChanged() throws {
        let file = try ScratchFile(Self.longDocument)
        #expect(throws: LoadError.changedWhileReading(file: file.path)) {
            try DirectoryLoader.readFile(file.path, maxBytes: 1 << 30, judgingHead: true, afterHead: { truncate(file.path, 100_000) })
        }
    }

    @Test func aFileThatGrowsDuringTheReadIsReportedAsChanged() throws {
        let file = try ScratchFile(Self.longDocument)
        #expect(throws: LoadError.changedWhileReading(file: file.path)) {
            try DirectoryLoader.readFile(file.path, maxBytes: 1 << 30, judgingHead: true, afterHead: {
                let fd = open(file.path, O_WRONLY | O_APPEND)
                _ = write(fd, "\n\n", 2)
                close(fd)
            })
        }
    }

    @Test func aFileRewrittenInPlaceWithTheSameLengthIsReportedAsChanged() throws {
        let file = try ScratchFile(Self.longDocument)
        #expect(throws: LoadError.changedWhileReading(file: file.path)) {
            try DirectoryLoader.readFile(file.path, maxBytes: 1 << 30, judgingHead: true, afterHead: {
                // The same length, another modification time: the bytes read may mix two versions.
                // (A fixed time in 2001, so that a coarse clock cannot make it equal the old one.)
                var times = [timespec(tv_sec: 1_000_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000_000, tv_nsec: 0)]
                let fd = open(file.path, O_WRONLY)
                _ = pwrite(fd, " ", 1, off_t(Self.longDocument.count - 1))
                _ = futimens(fd, &times)
                close(fd)
            })
        }
    }

    @Test func changedWhileReadingSaysTryAgainAndExits75() {
        let error = LoadError.changedWhileReading(file: "live.json")
        #expect(error.description == "live.json changed while it was being read; try again")
        #expect(error.exitCode == 75)
    }

    /// A gigabyte of NUL bytes (a sparse file: no disk used) is refused after its first
    /// 64 KiB, with the message a small one gets.
    @Test func aGigabyteOfNulBytesIsJudgedByItsFirstBytes() throws {
        let file = try ScratchFile([])
        #expect(truncate(file.path, 1 << 30) == 0)
        var readBeyondHead = false
        #expect(throws: LoadError.notJSON(file: file.path,
                                          detail: "it starts with byte 0x00; Convene reads JSON files with \"format\": \"convene/1\", schedule.xml, iCalendar and schedule.json")) {
            try DirectoryLoader.readFile(file.path, maxBytes: 1 << 30, judgingHead: true, afterHead: { readBeyondHead = true })
        }
        #expect(!readBeyondHead, "the rest of the file was read before the verdict")
    }

    /// The head gives the same verdict as the whole document would.
    @Test(arguments: [
        [UInt8](repeating: 0, count: 100_000),
        [0x89, 0x50, 0x4E, 0x47] + [UInt8](repeating: 7, count: 100_000),
        [0xEF, 0xBB, 0xBF] + Array("name,city\n".utf8) + [UInt8](repeating: 0x41, count: 100_000),
    ])
    func theHeadsVerdictIsTheWholeDocumentsVerdict(bytes: [UInt8]) throws {
        let file = try ScratchFile(bytes)
        var readBeyondHead = false
        let early = Result { () throws(LoadError) in
            try DirectoryLoader.readFile(file.path, maxBytes: 1 << 30, judgingHead: true, afterHead: { readBeyondHead = true })
        }
        let whole = Result { () throws(LoadError) in try DirectoryLoader.parse(bytes: bytes, name: file.path) }
        guard case .failure(let earlyError) = early, case .failure(let wholeError) = whole else {
            Issue.record("expected both to fail: \(early), \(whole)")
            return
        }
        #expect(earlyError == wholeError)
        #expect(!readBeyondHead)
    }

    /// A file that starts like XML or iCalendar may be a published schedule: the head lets it through to its reader.
    @Test(arguments: ["<?xml version=\"1.0\"?>", "BEGIN:VCALENDAR\r\n"])
    func aHeadThatAReaderRecognisesIsNotRefused(start: String) throws {
        let bytes = Array(start.utf8) + [UInt8](repeating: 0x20, count: 100_000)
        let file = try ScratchFile(bytes)
        #expect(try DirectoryLoader.readFile(file.path, maxBytes: 1 << 30, judgingHead: true) == bytes)
    }

    /// A reader of other formats (CSV) gets the bytes as they are.
    @Test func withoutJudgingAnyBytesAreRead() throws {
        let bytes = Array("name,city\nAn,Hanoi\n".utf8)
        let file = try ScratchFile(bytes)
        #expect(try DirectoryLoader.read(path: file.path) == bytes)
    }

    /// A head of white space says nothing yet: the whole file is read and judged.
    @Test func aHeadOfOnlyWhiteSpaceIsReadToTheEnd() throws {
        let bytes = [UInt8](repeating: 0x20, count: 100_000) + Array(#"{"format":"convene/1","title":"t"}"#.utf8)
        let file = try ScratchFile(bytes)
        #expect(try DirectoryLoader.load(path: file.path).title == "t")
    }
}
