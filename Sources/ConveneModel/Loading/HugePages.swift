import Glibc

/// Asks the kernel to back a large read buffer with 2 MiB pages.
///
/// A fresh buffer is filled by `read()` one 4 KiB page fault at a time, each
/// page zeroed before the file's bytes are copied over it: 37,900 faults and
/// about two thirds of the read's time for a 155 MB file (1M delegates). With
/// the buffer's 2 MiB-aligned interior advised `MADV_HUGEPAGE` (transparent huge
/// pages are `madvise` or `always` on most Linux systems), the same read takes
/// about 570 faults and a third of the time; see Benchmarks/RESULTS.md.
///
/// The advice is only advice: where the kernel has no transparent huge pages,
/// refuses, or has no huge page free, the buffer stays in 4 KiB pages and holds
/// the same bytes. The buffer itself is an ordinary Swift array, allocated and
/// freed by the allocator as any other; only its pages' size changes.
enum HugePages {
    /// The size of a transparent huge page on x86-64 and most arm64 kernels.
    static let size = 2 << 20

    /// Buffers smaller than this are left alone: they hold at most one whole huge
    /// page, and may share the allocator's heap with small objects.
    static let minimumBuffer = 4 << 20

    /// `madvise(2)`'s shape, so that a test can stand in a kernel that refuses.
    typealias Advise = (UnsafeMutableRawPointer?, Int, Int32) -> Int32

    /// The whole 2 MiB pages inside `start..<start + count`, as addresses; nil when there are none.
    ///
    /// Only these are advised: advice must start on a page boundary, and the
    /// allocator's own bookkeeping before and after the buffer is not ours to change.
    static func alignedInterior(start: UInt, count: Int) -> Range<UInt>? {
        guard count > 0 else { return nil }
        let mask = UInt(size - 1)
        let (end, overflow) = start.addingReportingOverflow(UInt(count))
        guard !overflow, start <= UInt.max - mask else { return nil }
        let first = (start + mask) & ~mask
        let last = end & ~mask
        return first < last ? first..<last : nil
    }

    /// Advises the huge pages inside a buffer of `count` bytes at `base`; true when the kernel took the advice.
    ///
    /// Call it before the buffer is first written: pages already touched stay 4 KiB.
    /// A false answer changes nothing but the read's speed.
    @discardableResult
    static func advise(_ base: UnsafeMutableRawPointer, count: Int, using madvise: Advise = Glibc.madvise) -> Bool {
        guard count >= minimumBuffer,
              let interior = alignedInterior(start: UInt(bitPattern: base), count: count),
              let start = UnsafeMutableRawPointer(bitPattern: interior.lowerBound) else { return false }
        return madvise(start, Int(interior.upperBound - interior.lowerBound), MADV_HUGEPAGE) == 0
    }
}
