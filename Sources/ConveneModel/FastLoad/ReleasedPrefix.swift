import Glibc

/// The front of a file's buffer that the direct reader has read past, given back to the system as it goes.
///
/// A direct read of a million delegates holds the file (155 MB) and builds columns
/// beside it (about 60 MB, and a second thread's half until it is joined); with both
/// alive to the end, the peak was nearly twice the file. But the reader never looks
/// back: a delegate's texts are copied into the columns and its id is checked from
/// there (``DelegateIDs``). So every few megabytes the first thread hands the whole
/// pages behind its cursor back with `madvise(MADV_DONTNEED)`, and the file's share of
/// the peak shrinks as the columns grow.
///
/// Released pages read as zeros. The decoder never reads them again; a caller that
/// needs the bytes after a decline (the general path, for its messages) reads
/// ``released`` back from the file first (``DirectoryLoader/loadFast(path:maxBytes:options:progress:afterRead:)``).
/// Only a buffer that no one else holds may be given: the loader's own read of a file.
///
/// One thread calls ``pass(_:)``: the reader of the delegates array's first half, whose
/// cursor is always before the second thread's range (and after the join, after it).
final class ReleasedPrefix {
    /// Where the buffer starts (nil when empty), and its length.
    private let base: UnsafeRawPointer?
    private let count: Int
    /// Pages are given back once the cursor is this many bytes past the last release.
    private let step: Int
    private let page: Int
    /// Set when the system refused a release: the rest stays.
    private var stopped = false
    /// The buffer offsets given back so far: whole pages, from the first whole page of the buffer.
    private(set) var released: Range<Int> = 0..<0

    /// A release of `buffer`'s pages in runs of at least `step` bytes.
    init(_ buffer: UnsafeBufferPointer<UInt8>, step: Int = 4 << 20) {
        base = buffer.baseAddress.map(UnsafeRawPointer.init)
        count = buffer.count
        page = max(4096, sysconf(Int32(_SC_PAGESIZE)))
        self.step = max(page, step)
        // The first whole page of the buffer: bytes before it share a page with other memory.
        let address = Int(bitPattern: base)
        let first = min(count, (address + page - 1) / page * page - address)
        released = first..<first
    }

    /// The reader will never read below `offset` again: gives back the whole pages before it,
    /// once there are `step` bytes of them (or at once with `now`).
    @inline(__always)
    func pass(_ offset: Int, now: Bool = false) {
        guard offset - released.upperBound >= (now ? page : step), !stopped, let base else { return }
        let address = Int(bitPattern: base)
        let end = (address + min(offset, count)) / page * page - address
        let start = released.upperBound
        guard end > start else { return }
        // A refusal leaves the bytes where they are: nothing more is given back.
        guard madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED) == 0 else {
            stopped = true
            return
        }
        released = released.lowerBound..<end
    }
}
