import Foundation
import Synchronization
import Testing
@testable import ConveneModel

/// Reading a large file's rest in two halves at once: the same bytes, the same checks
/// and the same errors as one `read()` loop.
@Suite struct FileReadHalvesTests {
    typealias ScratchFile = FileReadTests.ScratchFile

    /// A small threshold, so that a test file of a few hundred kB is read in halves.
    static let threshold = 3 * DirectoryLoader.headBytes

    /// `count` bytes from a fixed seed (a 64-bit LCG): every byte value, no pattern a misplaced copy could hide in.
    static func bytes(_ count: Int, seed: UInt64 = 17) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }

    /// The file offsets of every `pread` call, from both threads.
    final class Calls: Sendable {
        let offsets = Mutex<[Int]>([])
        func record(_ offset: Int) { offsets.withLock { $0.append(offset) } }
        var all: [Int] { offsets.withLock { $0 } }
    }

    /// A `pread` that records its offsets and then calls `inner` (the system's by default).
    static func recording(_ calls: Calls, _ inner: @escaping DirectoryLoader.PositionedRead = DirectoryLoader.systemPositionedRead)
        -> DirectoryLoader.PositionedRead {
        { fd, buffer, count, offset in
            calls.record(offset)
            return inner(fd, buffer, count, offset)
        }
    }

    @Test(arguments: [threshold, threshold + 1, 5 * DirectoryLoader.headBytes + 4095, 1_000_003])
    func theSplitIsOnAPageWithAtLeastAPageEachSide(size: Int) throws {
        let head = DirectoryLoader.headBytes
        let split = try #require(DirectoryLoader.halvesSplit(size: size, headCount: head, threshold: Self.threshold))
        #expect(split % 4096 == 0)
        #expect(split - head >= 4096 && size - split >= 4096)
        #expect(abs((split - head) - (size - split)) <= 4096)
    }

    @Test func belowTheThresholdOrWithHalvesUnderAPageTheRestIsReadInOnePiece() {
        let head = DirectoryLoader.headBytes
        #expect(DirectoryLoader.halvesSplit(size: Self.threshold - 1, headCount: head, threshold: Self.threshold) == nil)
        #expect(DirectoryLoader.halvesSplit(size: head + 2 * 4096 - 1, headCount: head, threshold: 0) == nil)
        #expect(DirectoryLoader.halvesSplit(size: head, headCount: head, threshold: 0) == nil)
        #expect(DirectoryLoader.halvesSplit(size: 100_000, headCount: head, threshold: DirectoryLoader.halvesThreshold) == nil)
    }

    /// File sizes and thresholds: around the threshold, and (threshold 0) around the smallest file that is split.
    static let sizesAndThresholds: [(Int, Int)] = {
        let t = threshold, smallest = DirectoryLoader.headBytes + 2 * 4096
        return [(t - 1, t), (t, t), (t + 1, t), (t + 4095, t), (t + 4096, t), (1_000_003, t),
                (smallest - 1, 0), (smallest, 0), (smallest + 1, 0), (2 * DirectoryLoader.headBytes + 1, 0)]
    }()

    /// Around the threshold and the smallest split, the halves give exactly a one-thread read's bytes.
    @Test(arguments: sizesAndThresholds)
    func theHalvesReadExactlyTheBytesOfAOneThreadRead(size: Int, threshold: Int) throws {
        let bytes = Self.bytes(size, seed: UInt64(size))
        let file = try ScratchFile(bytes)
        let calls = Calls()
        let halves = try DirectoryLoader.readFile(file.path, maxBytes: 1 << 30, halvesAbove: threshold,
                                                  positionedRead: Self.recording(calls))
        let oneThread = try DirectoryLoader.readFile(file.path, maxBytes: 1 << 30, halvesAbove: Int.max,
                                                     positionedRead: { _, _, _, _ in -1 })
        #expect(halves == bytes)
        #expect(oneThread == bytes)
        let split = DirectoryLoader.halvesSplit(size: size, headCount: DirectoryLoader.headBytes, threshold: threshold)
        #expect((split != nil) == (size >= threshold && size >= DirectoryLoader.headBytes + 2 * 4096))
        if let split {
            // Both halves were read, each from its own start.
            #expect(calls.all.contains(DirectoryLoader.headBytes))
            #expect(calls.all.contains(split))
        } else {
            #expect(calls.all.isEmpty)
        }
    }

    /// Short reads (a few hundred bytes at a time) and EINTR in both halves still fill the buffer exactly.
    @Test func shortReadsAndInterruptionsAreReadOn() throws {
        let bytes = Self.bytes(400_000)
        let file = try ScratchFile(bytes)
        let calls = Calls()
        let stingy: DirectoryLoader.PositionedRead = { fd, buffer, count, offset in
            if offset % 7 == 3 && calls.all.filter({ $0 == offset }).count == 1 {
                errno = EINTR
                return -1
            }
            return pread(fd, buffer, min(count, 300 + offset % 701), off_t(offset))
        }
        let read = try DirectoryLoader.readFile(file.path, maxBytes: 1 << 30, halvesAbove: Self.threshold,
                                                positionedRead: Self.recording(calls, stingy))
        #expect(read == bytes)
        let offsets = calls.all
        #expect(Set(offsets).count < offsets.count, "no call was interrupted")
    }

    /// The file shrinks, grows or is rewritten while the second half is read: reported as changed.
    @Test(arguments: ["shrinks", "grows", "is rewritten"])
    func aFileThatChangesDuringTheHalvesIsReportedAsChanged(change: String) throws {
        let bytes = Self.bytes(400_000)
        let file = try ScratchFile(bytes)
        let split = try #require(DirectoryLoader.halvesSplit(size: bytes.count, headCount: DirectoryLoader.headBytes,
                                                             threshold: Self.threshold))
        let changed = Mutex(false)
        let path = file.path
        let changing: DirectoryLoader.PositionedRead = { fd, buffer, count, offset in
            if offset >= split, changed.withLock({ done in defer { done = true }; return !done }) {
                switch change {
                case "shrinks":
                    _ = truncate(path, off_t(split + 10))
                case "grows":
                    let out = open(path, O_WRONLY | O_APPEND)
                    _ = write(out, "\n\n", 2)
                    close(out)
                default:
                    var times = [timespec(tv_sec: 1_000_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000_000, tv_nsec: 0)]
                    let out = open(path, O_WRONLY)
                    _ = pwrite(out, " ", 1, off_t(bytes.count - 1))
                    _ = futimens(out, &times)
                    close(out)
                }
            }
            return pread(fd, buffer, count, off_t(offset))
        }
        #expect(throws: LoadError.changedWhileReading(file: file.path)) {
            try DirectoryLoader.readFile(file.path, maxBytes: 1 << 30, halvesAbove: Self.threshold, positionedRead: changing)
        }
        #expect(changed.withLock { $0 })
    }

    /// The file shrinks before the halves start (the existing faults test, now with halves).
    @Test func aFileThatShrinksBeforeTheHalvesIsReportedAsChanged() throws {
        let bytes = Self.bytes(400_000)
        let file = try ScratchFile(bytes)
        #expect(throws: LoadError.changedWhileReading(file: file.path)) {
            try DirectoryLoader.readFile(file.path, maxBytes: 1 << 30, afterHead: { _ = truncate(file.path, 100_000) },
                                         halvesAbove: Self.threshold)
        }
    }

    /// A first half that ends early (the file's end as seen then) is a change, as in one `read()`
    /// loop, even when the second half then fails: that loop would never have reached it.
    @Test func aShortFirstHalfIsAChangeBeforeASecondHalfsError() throws {
        let bytes = Self.bytes(400_000)
        let file = try ScratchFile(bytes)
        let split = try #require(DirectoryLoader.halvesSplit(size: bytes.count, headCount: DirectoryLoader.headBytes,
                                                             threshold: Self.threshold))
        let endsEarly: DirectoryLoader.PositionedRead = { fd, buffer, count, offset in
            if offset >= split { errno = EIO; return -1 }
            if offset >= split - 1000 { return 0 }
            return pread(fd, buffer, min(count, split - 1000 - offset), off_t(offset))
        }
        #expect(throws: LoadError.changedWhileReading(file: file.path)) {
            try DirectoryLoader.readFile(file.path, maxBytes: 1 << 30, halvesAbove: Self.threshold, positionedRead: endsEarly)
        }
    }

    /// An error in either half is the one-thread read's error, naming the file and the reason.
    @Test(arguments: [false, true])
    func anErrorInEitherHalfIsReported(inSecondHalf: Bool) throws {
        let bytes = Self.bytes(400_000)
        let file = try ScratchFile(bytes)
        let split = try #require(DirectoryLoader.halvesSplit(size: bytes.count, headCount: DirectoryLoader.headBytes,
                                                             threshold: Self.threshold))
        let failing: DirectoryLoader.PositionedRead = { fd, buffer, count, offset in
            if (offset >= split) == inSecondHalf { errno = EIO; return -1 }
            return pread(fd, buffer, count, off_t(offset))
        }
        #expect(throws: LoadError.cannotRead(file: file.path, reason: DirectoryLoader.errnoText(EIO))) {
            try DirectoryLoader.readFile(file.path, maxBytes: 1 << 30, halvesAbove: Self.threshold, positionedRead: failing)
        }
    }
}
