import Testing
@testable import ConveneModel

/// The duplicate-id check after the scan: ids grouped by hash bits, each group checked with a small table.
@Suite struct DelegateIDsTests {
    /// A file of ids one after another, and the ids recorded from it as the scan records them.
    static func recorded(_ ids: [String], hash: ((String) -> UInt64)? = nil) -> (file: [UInt8], ids: DelegateIDs) {
        var file: [UInt8] = []
        var recorded = DelegateIDs()
        for id in ids {
            let bytes = Array(id.utf8)
            let h = hash?(id) ?? bytes.withUnsafeBytes { ByteInterner.hash($0) }
            let appended = recorded.append(hash: h, start: file.count, length: bytes.count)
            #expect(appended)
            file += bytes
        }
        return (file, recorded)
    }

    static func check(_ file: [UInt8], _ ids: DelegateIDs, speakers: [String] = []) -> DelegateIDs.Outcome {
        file.withUnsafeBufferPointer { ids.check(in: $0, speakers: Set(speakers.map { Array($0.utf8) })) }
    }

    static let many = (0..<20_000).map { "d\($0)" }

    @Test func distinctIDsAcrossManyGroupsHaveNoDuplicate() {
        let (file, ids) = Self.recorded(Self.many)
        #expect(ids.count == 20_000)
        #expect(!Self.check(file, ids).hasDuplicate)
    }

    /// Any two equal ids share a hash, so a group; far apart in the file, they are still found.
    @Test(arguments: [0, 1, 9_999, 19_999])
    func aDuplicateInsideItsGroupIsFound(of index: Int) {
        let (file, ids) = Self.recorded(Self.many + ["x"] + [Self.many[index]])
        #expect(Self.check(file, ids).hasDuplicate)
    }

    /// Equal hashes are only a hint: the bytes decide. Every id here has the same hash.
    @Test func equalHashesWithDifferentBytesAreNoDuplicate() {
        let (file, ids) = Self.recorded(["a", "b", "c", "ab", "ba"], hash: { _ in 42 })
        #expect(!Self.check(file, ids).hasDuplicate)
        let (file2, ids2) = Self.recorded(["a", "b", "c", "ab", "b"], hash: { _ in 42 })
        #expect(Self.check(file2, ids2).hasDuplicate)
    }

    /// Ids written with escapes are kept aside, and compared with ids in the file and with each other,
    /// also after another part's ids are appended (their places in the spill shift).
    @Test func spilledIDsAreComparedWithTheOthers() {
        var (file, ids) = Self.recorded(["d1", "d2"])
        let escaped = Array("d3".utf8)
        let spilled = escaped.withUnsafeBytes { ids.appendSpilled(hash: ByteInterner.hash($0), $0) }
        #expect(spilled)
        #expect(!Self.check(file, ids).hasDuplicate)

        var second = DelegateIDs()
        let again = Array("d4".utf8), d3 = Array("d3".utf8)
        let spilledAgain = again.withUnsafeBytes { second.appendSpilled(hash: ByteInterner.hash($0), $0) }
        #expect(spilledAgain)
        var joined = ids
        joined.append(contentsOf: second)
        #expect(!Self.check(file, joined).hasDuplicate, "d4 after the shift is not d3")
        let spilledD3 = d3.withUnsafeBytes { second.appendSpilled(hash: ByteInterner.hash($0), $0) }
        #expect(spilledD3)
        joined = ids
        joined.append(contentsOf: second)
        #expect(Self.check(file, joined).hasDuplicate, "the second part's spilled d3 is the first part's")
        file += d3
        let inFile = ids.append(hash: d3.withUnsafeBytes { ByteInterner.hash($0) }, start: 4, length: 2)
        #expect(inFile)
        #expect(Self.check(file, ids).hasDuplicate, "a spilled d3 and d3 in the file")
    }

    @Test func speakersAreFoundInTheirGroups() {
        let (file, ids) = Self.recorded(Self.many)
        let outcome = Self.check(file, ids, speakers: ["d0", "d12345", "d19999", "d20000", "x", "d1 "])
        #expect(outcome.knownSpeakers == Set(["d0", "d12345", "d19999"].map { Array($0.utf8) }))
    }

    @Test func noIDsAtAll() {
        let outcome = Self.check([], DelegateIDs(), speakers: ["d1"])
        #expect(outcome == DelegateIDs.Outcome(hasDuplicate: false, knownSpeakers: []))
    }
}
