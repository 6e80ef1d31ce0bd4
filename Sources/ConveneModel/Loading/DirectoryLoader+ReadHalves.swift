import Dispatch
import Glibc
import Synchronization

/// Reading the rest of a large file in two halves at once, one per core.
///
/// Most of a big read's time is not the disk (the file is usually in the page
/// cache) but the page faults on the fresh buffer and the copy out of the page
/// cache; both are per page, so two threads that fill the two halves of the buffer
/// with `pread` at their own offsets share that work between the two cores.
///
/// Why it is safe: each thread writes only its own byte range of the buffer
/// (`[start, split)` and `[split, end)`, disjoint) and its own outcome, under a lock;
/// `concurrentPerform` returns only when both have finished, and only then does the
/// calling thread read the outcomes or the buffer. `pread` leaves the file offset
/// alone, so the two threads share no file position either. Every check of the
/// one-thread read stays: what the halves report is turned back into exactly what one
/// `read()` loop over the same bytes would have reported.
extension DirectoryLoader {
    /// Files of at least this many bytes have their rest read in two halves (the sample, 100 kB, is read by one).
    static let halvesThreshold = 8 << 20

    /// `pread` with the buffer and offset as plain values; replaceable in tests to give short reads and EINTR.
    typealias PositionedRead = @Sendable (_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int,
                                          _ offset: Int) -> Int

    /// The system's `pread`.
    static let systemPositionedRead: PositionedRead = { fd, buffer, count, offset in
        Glibc.pread(fd, buffer, count, off_t(offset))
    }

    /// Where the second half of the rest starts (a file offset, on a 4 KiB page), or nil to read in one piece.
    ///
    /// Nil below `threshold` or when either half would be under a page.
    static func halvesSplit(size: Int, headCount: Int, threshold: Int) -> Int? {
        guard size >= threshold, headCount < size else { return nil }
        let page = 4096
        let split = (headCount + (size - headCount) / 2) / page * page
        guard split - headCount >= page, size - split >= page else { return nil }
        return split
    }

    /// What one half's `pread` loop reached: the first offset it did not fill, and errno if a call failed.
    struct HalfRead: Sendable, Equatable {
        var filled: Int
        var error: Int32 = 0
    }

    /// Fills `base[start..<end]` from the same file offsets, the two halves at once.
    ///
    /// Returns how far the buffer is filled without a gap (what one `read()` loop would
    /// have reached), or the error one `read()` loop would have met first: an error in
    /// the second half counts only when the first half was read in full.
    static func readHalves(_ fd: Int32, into base: UnsafeMutablePointer<UInt8>, from start: Int, split: Int,
                           to end: Int, path: String,
                           positionedRead: PositionedRead) -> (filled: Int, failure: LoadError?) {
        let halves = [HalfTarget(base: base, start: start, end: split), HalfTarget(base: base, start: split, end: end)]
        let outcomes = Mutex([HalfRead(filled: start), HalfRead(filled: split)])
        // Iteration k writes only halves[k]'s range of the buffer, and its own outcome under the lock.
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            let outcome = preadUntil(fd, halves[k], positionedRead)
            outcomes.withLock { $0[k] = outcome }
        }
        let (first, second) = outcomes.withLock { ($0[0], $0[1]) }
        if first.error != 0 { return (start, .cannotRead(file: path, reason: errnoText(first.error))) }
        // The file ended inside the first half: the bytes end there, as a one-thread read's would.
        if first.filled < split { return (first.filled, nil) }
        if second.error != 0 { return (start, .cannotRead(file: path, reason: errnoText(second.error))) }
        return (second.filled, nil)
    }

    /// One thread's part of the buffer: `base[start..<end]`, filled from the same file offsets.
    ///
    /// `@unchecked` only because it carries a raw pointer across threads. Sound because
    /// the two targets of ``readHalves(_:into:from:split:to:path:positionedRead:)`` cover
    /// disjoint ranges of one buffer, each is written by one thread only, and the buffer
    /// outlives `concurrentPerform`, which joins both threads before anyone reads it.
    private struct HalfTarget: @unchecked Sendable {
        let base: UnsafeMutablePointer<UInt8>
        let start: Int
        let end: Int
    }

    /// `pread` into the target's range from the same offsets until full or at the end of the file; EINTR retried.
    private static func preadUntil(_ fd: Int32, _ target: HalfTarget, _ positionedRead: PositionedRead) -> HalfRead {
        let base = target.base, start = target.start, end = target.end
        var filled = start
        while filled < end {
            let n = positionedRead(fd, base + filled, end - filled, filled)
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                return HalfRead(filled: filled, error: code)
            }
            if n == 0 { break }
            filled += n
        }
        return HalfRead(filled: filled)
    }

    /// The size from which a file is read in halves: ``halvesThreshold`` on two cores or more, never on one.
    static func automaticHalvesThreshold() -> Int {
        sysconf(Int32(_SC_NPROCESSORS_ONLN)) >= 2 ? halvesThreshold : Int.max
    }
}
