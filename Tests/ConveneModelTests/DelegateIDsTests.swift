import Testing
@testable import ConveneModel

/// The duplicate-id check after the scan: ids grouped by hash bits, each group checked with a small table.
@Suite struct DelegateIDsTests {
    /// Ids recorded as the scan records them, with their bytes laid out as the columns keep
    /// them: id and name of each delegate one after another in `text`, their ends in `bounds`.
    /// Each name is its id backwards, so a check that read a name for an id would go wrong.
    struct Recorded {
        var text: [UInt8] = []
        var bounds: [UInt32] = [0]
        var ids = DelegateIDs()

        mutating func add(_ id: String, hash: UInt64? = nil) {
            let bytes = Array(id.utf8)
            let appended = ids.append(hash: hash ?? bytes.withUnsafeBytes { ByteInterner.hash($0) })
            #expect(appended)
            text += bytes
            bounds.append(UInt32(text.count))
            text += bytes.reversed()
            bounds.append(UInt32(text.count))
        }

        /// Another part's ids after these, as the join of a split read does.
        mutating func append(_ other: Recorded) {
            let shift = UInt32(text.count)
            text += other.text
            bounds += other.bounds.dropFirst().map { $0 + shift }
            ids.append(contentsOf: other.ids)
        }
    }

    static func recorded(_ ids: [String], hash: ((String) -> UInt64)? = nil) -> Recorded {
        var recorded = Recorded()
        for id in ids { recorded.add(id, hash: hash?(id)) }
        return recorded
    }

    static func check(_ recorded: Recorded, speakers: [String] = []) -> DelegateIDs.Outcome {
        recorded.text.withUnsafeBufferPointer { text in
            recorded.bounds.withUnsafeBufferPointer {
                recorded.ids.check(text: text, bounds: $0, speakers: Set(speakers.map { Array($0.utf8) }))
            }
        }
    }

    static let many = (0..<20_000).map { "d\($0)" }

    @Test func distinctIDsAcrossManyGroupsHaveNoDuplicate() {
        let recorded = Self.recorded(Self.many)
        #expect(recorded.ids.count == 20_000)
        #expect(!Self.check(recorded).hasDuplicate)
    }

    /// Any two equal ids share a hash, so a group; far apart in the list, they are still found.
    @Test(arguments: [0, 1, 9_999, 19_999])
    func aDuplicateInsideItsGroupIsFound(of index: Int) {
        #expect(Self.check(Self.recorded(Self.many + ["x"] + [Self.many[index]])).hasDuplicate)
    }

    /// Equal hashes are only a hint: the bytes decide. Every id here has the same hash.
    @Test func equalHashesWithDifferentBytesAreNoDuplicate() {
        #expect(!Self.check(Self.recorded(["a", "b", "c", "ab", "ba"], hash: { _ in 42 })).hasDuplicate)
        #expect(Self.check(Self.recorded(["a", "b", "c", "ab", "b"], hash: { _ in 42 })).hasDuplicate)
    }

    /// An id is compared with ids only, never with a name: "ab" is the name of "ba" here.
    @Test func anIDEqualToAnotherDelegatesNameIsNoDuplicate() {
        #expect(!Self.check(Self.recorded(["ba", "ab"], hash: { _ in 7 })).hasDuplicate)
    }

    /// A second part's ids, appended after the first's (their bytes shifted), are compared with
    /// the first part's and with each other.
    @Test func idsOfAnAppendedPartAreComparedWithTheOthers() {
        var joined = Self.recorded(["d1", "d2", "d3"])
        joined.append(Self.recorded(["d4", "d5"]))
        #expect(!Self.check(joined).hasDuplicate, "d4 and d5 after the shift are not d1 … d3")
        #expect(Self.check(joined, speakers: ["d5", "d1", "d6"]).knownSpeakers == Set(["d1", "d5"].map { Array($0.utf8) }))
        joined.append(Self.recorded(["d3"]))
        #expect(Self.check(joined).hasDuplicate, "the last part's d3 is the first part's")
        var inside = Self.recorded(["d1"])
        inside.append(Self.recorded(["d7", "d7"]))
        #expect(Self.check(inside).hasDuplicate, "two equal ids inside the appended part")
    }

    @Test func speakersAreFoundInTheirGroups() {
        let outcome = Self.check(Self.recorded(Self.many), speakers: ["d0", "d12345", "d19999", "d20000", "x", "d1 ", "0d"])
        #expect(outcome.knownSpeakers == Set(["d0", "d12345", "d19999"].map { Array($0.utf8) }))
    }

    @Test func noIDsAtAll() {
        let outcome = Self.check(Recorded(), speakers: ["d1"])
        #expect(outcome == DelegateIDs.Outcome(hasDuplicate: false, knownSpeakers: []))
    }

    /// Bounds that do not cover every recorded id (a list out of step) are never read past: the check declines.
    @Test func boundsShorterThanTheIDsDecline() {
        var recorded = Self.recorded(["d1", "d2"])
        recorded.bounds.removeLast(2)
        #expect(Self.check(recorded).hasDuplicate)
    }

    /// The ids of a loaded list are checked from its columns, also when one is written with escapes.
    @Test func theIDsOfALoadedListAreCheckedFromItsColumns() throws {
        func load(_ ids: [String]) -> DirectDecoder.Result? {
            let delegates = ids.map { #"{"id":"\#($0)","name":"N"}"# }.joined(separator: ",")
            return DirectDecoder.load(Array(#"{"format":"convene/1","title":"t","delegates":[\#(delegates)]}"#.utf8))
        }
        let loaded = try #require(load(["d1", #"d\u0032"#, "d3"]))
        #expect(loaded.directory.delegates.map(\.id) == ["d1", "d2", "d3"])
        #expect(load(["d1", #"d\u0032"#, "d2"]) == nil, "d\\u0032 is d2")
        #expect(load(["d1", "d2", "d1"]) == nil)
    }
}
