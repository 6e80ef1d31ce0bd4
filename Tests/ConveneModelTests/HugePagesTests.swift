import Foundation
import Testing
@testable import ConveneModel

/// A large read buffer advised into 2 MiB pages: only whole pages inside the buffer,
/// only for large buffers, and the same bytes when the kernel refuses.
@Suite struct HugePagesTests {
    static let mib = 1 << 20

    @Test(arguments: [
        // (start, count, expected interior, as offsets from 0 in MiB; nil: none)
        (0, 4 * mib, 0..<4),                     // aligned both ends: all of it
        (48, 155 * mib, 2..<154),                // a malloc'd array's data starts past the chunk's header
        (1 * mib, 3 * mib, 2..<4),               // ends on a boundary
        (1 * mib, 2 * mib, nil),                 // 1–3 MiB holds no whole 2 MiB page
        (2 * mib + 1, 4 * mib - 2, nil),          // one byte short at each end of 2–6 MiB: 4 MiB..6 MiB is cut
        (0, 0, nil),
    ] as [(Int, Int, Range<Int>?)])
    func onlyWholeHugePagesInsideTheBufferAreAdvised(start: Int, count: Int, expected: Range<Int>?) {
        let interior = HugePages.alignedInterior(start: UInt(start), count: count)
        #expect(interior.map { Int($0.lowerBound) / Self.mib..<Int($0.upperBound) / Self.mib } == expected)
        if let interior {
            #expect(interior.lowerBound >= UInt(start) && interior.upperBound <= UInt(start + count))
            #expect(interior.lowerBound % UInt(HugePages.size) == 0 && interior.upperBound % UInt(HugePages.size) == 0)
        }
    }

    @Test func aBufferAtTheTopOfTheAddressSpaceIsNotWrappedAround() {
        #expect(HugePages.alignedInterior(start: UInt.max - 100, count: 50) == nil)
        #expect(HugePages.alignedInterior(start: UInt.max - 100, count: 4 * Self.mib) == nil)
    }

    @Test func aSmallBufferIsLeftAlone() {
        var asked = 0
        let small = UnsafeMutableRawPointer.allocate(byteCount: HugePages.minimumBuffer - 1, alignment: HugePages.size)
        defer { small.deallocate() }
        let advised = HugePages.advise(small, count: HugePages.minimumBuffer - 1, using: { _, _, _ in asked += 1; return 0 })
        #expect(!advised)
        #expect(asked == 0)
    }

    @Test func theAdviceCoversTheAlignedInteriorWithMadviseHugePage() {
        var calls: [(UInt, Int, Int32)] = []
        let count = 8 * Self.mib
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: count, alignment: 16)
        defer { buffer.deallocate() }
        let advised = HugePages.advise(buffer, count: count, using: { address, length, advice in
            calls.append((UInt(bitPattern: address), length, advice))
            return 0
        })
        let interior = HugePages.alignedInterior(start: UInt(bitPattern: buffer), count: count)
        #expect(advised)
        #expect(calls.count == 1)
        #expect(calls.first.map { $0.0..<$0.0 + UInt($0.1) } == interior)
        #expect(calls.first?.2 == MADV_HUGEPAGE)
    }

    /// A kernel without transparent huge pages answers EINVAL: the file is read all the same.
    @Test func aRefusedAdviceReadsTheSameBytes() throws {
        let file = try FileReadTests.ScratchFile(FileReadTests.hugeDocument)
        var refused = 0
        let bytes = try DirectoryLoader.readFile(file.path, maxBytes: 1 << 30, judgingHead: true, madvise: { _, _, _ in
            refused += 1
            errno = EINVAL
            return -1
        })
        #expect(refused == 1, "the large buffer was not advised, so the refusal was never tried")
        #expect(bytes == FileReadTests.hugeDocument)
    }

    /// The real kernel's answer: the large buffer's pages carry the huge-page advice (`hg` in
    /// /proc/self/smaps), whether or not huge pages were free to back it.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/sys/kernel/mm/transparent_hugepage/enabled")))
    func aLargeFileIsReadIntoAdvisedPages() throws {
        let file = try FileReadTests.ScratchFile(FileReadTests.hugeDocument)
        let bytes = try DirectoryLoader.readFile(file.path, maxBytes: 1 << 30, judgingHead: true)
        try bytes.withUnsafeBufferPointer { buffer in
            let base = UInt(bitPattern: try #require(buffer.baseAddress))
            let interior = try #require(HugePages.alignedInterior(start: base, count: buffer.count + 1))
            let flags = try #require(try Self.vmFlags(containing: interior.lowerBound))
            #expect(flags.contains("hg"), "VmFlags of the buffer's mapping: \(flags)")
        }
    }

    /// The `VmFlags` of the mapping in /proc/self/smaps that holds `address`.
    static func vmFlags(containing address: UInt) throws -> [Substring]? {
        let smaps = String(decoding: try DirectoryLoader.read(path: "/proc/self/smaps"), as: UTF8.self)
        var inside = false
        for line in smaps.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if let range = fields.first, !range.hasSuffix(":"), range.contains("-") {
                let ends = range.split(separator: "-").compactMap { UInt($0, radix: 16) }
                inside = ends.count == 2 && ends[0] <= address && address < ends[1]
            } else if inside, fields.first == "VmFlags:" {
                return Array(fields.dropFirst())
            }
        }
        return nil
    }
}
