import Foundation
import Testing
@testable import ConveneModel

/// A load by path gives the file's buffer back as the direct read passes it, and reads it
/// again from the file when the general path needs it: the same directory, the same messages,
/// and a file that changed in between is reported as changed.
@Suite struct FileReleaseTests {
    typealias ScratchFile = FileReadTests.ScratchFile

    /// 10,000 delegates (about 1.5 MB): the first thread passes its 4096th delegate, where pages go back.
    static let document: [UInt8] = Array(SyntheticDirectory(delegates: 10_000, seed: 7).json().utf8)

    /// Every file released, in small steps.
    static func policy(_ split: SplitPolicy, released: ((Range<Int>) -> Void)? = nil,
                       beforeReadBack: (() -> Void)? = nil) -> DirectoryLoader.ReleasePolicy {
        DirectoryLoader.ReleasePolicy(above: 0, step: 4096, split: split, released: released, beforeReadBack: beforeReadBack)
    }

    static func load(_ path: String, _ policy: DirectoryLoader.ReleasePolicy) -> Result<Directory, LoadError> {
        Result { () throws(LoadError) -> Directory in
            try DirectoryLoader.loadFast(path: path, releasing: policy).directory
        }
    }

    static func offset(of text: String, _ n: Int = 1, in bytes: [UInt8], after start: Int = 0) -> Int? {
        DelegateSplitTests.offset(of: text, n, in: bytes, after: start)
    }

    /// Splits: none, in the middle, and at a `{` inside a name, where the second thread's half is not adopted.
    static func splits() throws -> [SplitPolicy] {
        let array = try #require(offset(of: #""delegates":["#, in: document))
        let inName = try #require(offset(of: #""name":""#, 7_000, in: document, after: array)) + 8
        return [.never, .middle, .at(inName)]
    }

    @Test func pagesBehindTheReaderGoBackAndTheDirectoryIsTheSame() throws {
        let file = try ScratchFile(Self.document)
        let expected = try DirectoryLoader.load(bytes: Self.document, name: file.path)
        // The delegates are the document's last member.
        #expect(Self.document.suffix(3) == Array("]}\n".utf8))
        for split in try Self.splits() {
            var released: Range<Int>?
            var readBack = false
            let loaded = try DirectoryLoader.loadFast(path: file.path, releasing: Self.policy(
                split, released: { released = $0 }, beforeReadBack: { readBack = true }))
            #expect(loaded.wasDirect && loaded.directory == expected, "\(split)")
            #expect(!readBack, "a direct read that succeeds reads nothing again (\(split))")
            let range = try #require(released)
            #expect(range.lowerBound < 4096, "from the first whole page (\(split))")
            // Everything up to the last whole page before the end of the delegates array.
            #expect(range.upperBound > Self.document.count - 2 * 4096 && range.upperBound <= Self.document.count,
                    "released \(range) of \(Self.document.count) bytes (\(split))")
        }
    }

    /// Errors past the first release (the 4096th delegate): in the scan, and after it (a duplicate id,
    /// found when every page of the array is given back). The general path words each from every byte.
    @Test(arguments: [
        (#""name":"#, #""nmae":"#, 9_000),        // an unknown key
        (#""name":"#, #""name";"#, 9_500),        // a syntax error
        (#""city":"c-"#, #""city":"x-"#, 8_000),   // an unknown city
        (#""id":"d9999""#, #""id":"d1234""#, 1),   // a duplicate id in the last delegate
    ])
    func aDeclinedReadGetsItsBytesBackForTheGeneralPathsMessage(find: String, replace: String, occurrence: Int) throws {
        var bytes = Self.document
        let array = try #require(Self.offset(of: #""delegates":["#, in: bytes))
        let at = try #require(Self.offset(of: find, occurrence, in: bytes, after: array))
        bytes.replaceSubrange(at..<at + find.utf8.count, with: Array(replace.utf8))
        let file = try ScratchFile(bytes)
        let expected = DirectDecoderTests.general(bytes, name: file.path)
        guard case .failure = expected else {
            Issue.record("the broken file loaded")
            return
        }
        for split in try Self.splits() {
            var released: Range<Int> = 0..<0
            #expect(Self.load(file.path, Self.policy(split, released: { released = $0 })) == expected, "\(split)")
            #expect(released.count >= 4096, "pages were given back before the decline (\(split))")
        }
    }

    /// A file that changes between the direct read and reading back what it gave back is not
    /// mixed with the bytes already read: it is reported as changed, as during the read.
    @Test(arguments: ["grows", "same length, another time"])
    func aFileChangedBeforeItsBytesAreReadBackIsReportedAsChanged(change: String) throws {
        var bytes = Self.document
        let at = try #require(Self.offset(of: #""id":"d9999""#, in: bytes))
        bytes.replaceSubrange(at..<at + 12, with: Array(#""id":"d1234""#.utf8))
        let file = try ScratchFile(bytes)
        let outcome = Self.load(file.path, Self.policy(.middle, beforeReadBack: {
            let fd = open(file.path, O_WRONLY)
            defer { close(fd) }
            if change == "grows" {
                _ = pwrite(fd, "\n\n", 2, off_t(bytes.count))
            } else {
                // A fixed time in 2001, so that a coarse clock cannot make it equal the old one.
                var times = [timespec(tv_sec: 1_000_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000_000, tv_nsec: 0)]
                _ = pwrite(fd, " ", 1, off_t(bytes.count - 1))
                _ = futimens(fd, &times)
            }
        }))
        #expect(outcome == .failure(.changedWhileReading(file: file.path)))
    }

    /// Below the threshold nothing is given back; a file that is not convene/1 loses nothing either.
    @Test func smallFilesAndOtherFormatsKeepTheirBytes() throws {
        let file = try ScratchFile(Self.document)
        var released: Range<Int>?
        var policy = Self.policy(.middle, released: { released = $0 })
        policy.above = Self.document.count + 1
        #expect(Self.load(file.path, policy) == .success(try DirectoryLoader.load(bytes: Self.document, name: file.path)))
        #expect(released == nil)
        #expect(DirectoryLoader.releaseThreshold == 8 << 20)

        let csv = try ScratchFile(Array("name,city\nAn,Hà Nội\n".utf8))
        let expected = Result { () throws(LoadError) -> Directory in
            try DirectoryLoader.load(bytes: Array("name,city\nAn,Hà Nội\n".utf8), name: csv.path)
        }
        #expect(Self.load(csv.path, Self.policy(.middle, released: { released = $0 })) == expected)
    }

    /// With the default policy, a file of 8 MiB (white space after the array's `[`, then the
    /// delegates) is given back, loads as its bytes do, and a broken copy gets the general path's words.
    @Test func aFileOverTheThresholdIsGivenBackByDefault() throws {
        let array = try #require(Self.offset(of: #""delegates":["#, in: Self.document)) + #""delegates":["#.utf8.count
        var bytes = Self.document
        bytes.insert(contentsOf: repeatElement(UInt8(ascii: " "), count: DirectoryLoader.releaseThreshold), at: array)
        let file = try ScratchFile(bytes)
        var released: Range<Int> = 0..<0
        var policy = DirectoryLoader.ReleasePolicy()
        policy.released = { released = $0 }
        #expect(Self.load(file.path, policy) == .success(try DirectoryLoader.load(bytes: Self.document, name: file.path)))
        #expect(released.count > DirectoryLoader.releaseThreshold)
        #expect(try DirectoryLoader.load(path: file.path) == DirectoryLoader.load(bytes: Self.document, name: file.path))

        let at = try #require(Self.offset(of: #""id":"d9999""#, in: bytes))
        bytes.replaceSubrange(at..<at + 12, with: Array(#""id":"d1234""#.utf8))
        let broken = try ScratchFile(bytes)
        released = 0..<0
        let expected = DirectDecoderTests.general(bytes, name: broken.path)
        #expect(Self.load(broken.path, policy) == expected)
        #expect(released.count > DirectoryLoader.releaseThreshold)
        #expect(Result { () throws(LoadError) -> Directory in try DirectoryLoader.load(path: broken.path) } == expected)
        if case .success = expected { Issue.record("the broken file loaded") }
    }

    /// The pages below the cursor read as zeros once given back, in whole pages from the buffer's
    /// first whole page; the rest is untouched, and nothing goes back until a step's worth is passed.
    @Test func releasedPagesAreWholePagesBelowTheCursor() throws {
        let page = 4096
        let bytes = [UInt8](repeating: 0xAB, count: 12 * page + 100)
        bytes.withUnsafeBufferPointer { buffer in
            let release = ReleasedPrefix(buffer, step: 4 * page)
            let address = Int(bitPattern: buffer.baseAddress)
            let first = (address + page - 1) / page * page - address
            #expect(release.released == first..<first)
            release.pass(first + 3 * page)
            #expect(release.released.isEmpty, "under a step")
            release.pass(first + 5 * page + 10)
            #expect(release.released == first..<first + 5 * page)
            release.pass(first + 6 * page, now: true)
            #expect(release.released == first..<first + 6 * page)
            #expect(buffer[first..<first + 6 * page].allSatisfy { $0 == 0 })
            #expect(buffer[0..<first].allSatisfy { $0 == 0xAB })
            #expect(buffer[(first + 6 * page)...].allSatisfy { $0 == 0xAB })
            release.pass(bytes.count, now: true)
            #expect(release.released.upperBound <= bytes.count && release.released.upperBound > bytes.count - page)
        }
    }
}
