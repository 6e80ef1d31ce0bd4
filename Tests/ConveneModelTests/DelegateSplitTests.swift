import Dispatch
import Synchronization
import Testing
@testable import ConveneModel

/// Two threads over the delegates array: the same directory, or the same error, as one thread.
@Suite struct DelegateSplitTests {
    static func generated(_ delegates: Int, seed: UInt64 = 3) -> [UInt8] {
        Array(SyntheticDirectory(delegates: delegates, seed: seed).json().utf8)
    }

    static func load(_ bytes: [UInt8], _ split: SplitPolicy) -> Result<Directory, LoadError> {
        Result { () throws(LoadError) -> Directory in
            try DirectoryLoader.loadFast(bytes: bytes, name: "x.json", split: split).directory
        }
    }

    /// The offset of the `n`th occurrence (from 1) of `text` at or after `start`.
    static func offset(of text: String, _ n: Int = 1, in bytes: [UInt8], after start: Int = 0) -> Int? {
        let needle = Array(text.utf8)
        var seen = 0
        guard bytes.count >= needle.count + start else { return nil }
        for i in start...(bytes.count - needle.count) where bytes[i] == needle[0] && Array(bytes[i..<i + needle.count]) == needle {
            seen += 1
            if seen == n { return i }
        }
        return nil
    }

    static func expectSameAsOneThread(_ bytes: [UInt8], split: SplitPolicy = .middle, splits: Bool,
                                      sourceLocation: SourceLocation = #_sourceLocation) {
        let two = DirectDecoder.load(bytes, split: split)
        let one = DirectDecoder.load(bytes, split: .never)
        #expect((two?.splitAt != nil) == splits, "split at \(String(describing: two?.splitAt))", sourceLocation: sourceLocation)
        #expect(one?.splitAt == nil, sourceLocation: sourceLocation)
        #expect(two?.directory == one?.directory, sourceLocation: sourceLocation)
        #expect(two?.facts?.city == one?.facts?.city, sourceLocation: sourceLocation)
        #expect(two?.facts?.country == one?.facts?.country, sourceLocation: sourceLocation)
        #expect(two?.facts?.attendees == one?.facts?.attendees, sourceLocation: sourceLocation)
        #expect(Self.load(bytes, split) == DirectDecoderTests.general(bytes), sourceLocation: sourceLocation)
    }

    @Test func aCompactFileIsReadInTwoHalvesWithTheOneThreadResult() throws {
        let bytes = Self.generated(2000)
        Self.expectSameAsOneThread(bytes, splits: true)
        let split = try #require(DirectDecoder.load(bytes, split: .middle)?.splitAt)
        let array = try #require(Self.offset(of: #""delegates":["#, in: bytes))
        #expect(split > array + (bytes.count - array) / 2, "after the middle of the array")
        #expect(Array(bytes[split - 2..<split + 7]) == Array(#"},{"id":""#.utf8))
    }

    /// The second half's columns joined to the first's: roles and organisations met only in the
    /// second half, empty ones, flags at bit positions that are not a multiple of 64, blank event
    /// ids, places not recorded and non-ASCII names all read as one thread reads them.
    @Test func theSecondHalfsColumnsJoinTheFirstsFieldByField() throws {
        var d = try DirectoryLoader.load(bytes: Self.generated(301, seed: 5), name: "gen")
        var delegates = Array(d.delegates)
        for i in delegates.indices {
            if i % 7 == 0 { delegates[i].role = "" }
            if i % 11 == 0 { delegates[i].organization = "" }
            if i > 200 { delegates[i].role = "Rôle \(i % 4)" }
            if i % 5 == 0 { delegates[i].listed = false }
            delegates[i].illustrative = i % 3 == 0
            if i % 13 == 0 { delegates[i].events.append("") }
            if i % 17 == 0 { (delegates[i].city, delegates[i].country) = (nil, nil) }
            if i % 4 == 0 { delegates[i].name = "Nguyễn \(i) Thị" }
        }
        d.delegates = DelegateList(delegates)
        let bytes = DirectoryEncoder.encodeBytes(d)
        Self.expectSameAsOneThread(bytes, splits: true)
        let two = try #require(DirectDecoder.load(bytes, split: .middle))
        let split = try #require(two.splitAt)
        let firstOfSecondHalf = try #require(Self.offset(of: #""id""#, in: bytes, after: split))
        #expect(firstOfSecondHalf > 0)
        #expect(Array(two.directory.delegates) == delegates, "every field of every delegate, across the join")
    }

    /// The encoder pretty-prints: whitespace between the records does not stop the split.
    @Test func aPrettyPrintedFileIsSplitToo() throws {
        let d = try DirectoryLoader.load(bytes: Self.generated(1500, seed: 9), name: "gen")
        Self.expectSameAsOneThread(DirectoryEncoder.encodeBytes(d), splits: true)
    }

    /// Delegates whose ids are written with escapes, in both halves.
    @Test func escapedIDsInBothHalvesAreRecorded() throws {
        var text = String(decoding: Self.generated(1000), as: UTF8.self)
        text = text.replacingOccurrences(of: #""id":"d10","#, with: #""id":"\u0064\u0031\u0030","#)
        text = text.replacingOccurrences(of: #""id":"d900","#, with: #""id":"d\u0039\u00300","#)
        Self.expectSameAsOneThread(Array(text.utf8), splits: true)
        // And the same escaped spelling twice, once in each half: a duplicate.
        let duplicated = text.replacingOccurrences(of: #""id":"d950","#, with: #""id":"\u0064\u0031\u0030","#)
        #expect(DirectDecoder.load(Array(duplicated.utf8), split: .middle) == nil)
        #expect(Self.load(Array(duplicated.utf8), .middle) == DirectDecoderTests.general(Array(duplicated.utf8)))
    }

    /// A delegate in the second half with the id of one in the first; and two in the second half.
    @Test(arguments: [(10, 1900), (1500, 1990), (1999, 1000)])
    func duplicatesAcrossAndWithinTheHalvesAreWordedAsOneThread(first: Int, second: Int) throws {
        var d = try DirectoryLoader.load(bytes: Self.generated(2000), name: "gen")
        d.delegates[second].id = d.delegates[first].id
        let bytes = DirectoryEncoder.encodeBytes(d)
        let split = try #require(DirectDecoder.load(DirectoryEncoder.encodeBytes(
            try DirectoryLoader.load(bytes: Self.generated(2000), name: "gen")), split: .middle)?.splitAt)
        #expect(Self.offset(of: #""id": "\#(d.delegates[first].id)""#, 2, in: bytes).map { $0 > split } == true,
                "the second occurrence is in the second half")
        #expect(DirectDecoder.load(bytes, split: .middle) == nil)
        let outcome = Self.load(bytes, .middle)
        #expect(outcome == DirectDecoderTests.general(bytes))
        guard case .failure(.invalid(_, let problems, _)) = outcome else {
            Issue.record("loaded: \(outcome)")
            return
        }
        let (later, earlier) = (max(first, second), min(first, second))
        #expect(problems.contains(Problem(path: "$.delegates[\(later)].id",
                                          message: "duplicate id '\(d.delegates[first].id)' (first used at $.delegates[\(earlier)])")),
                "\(problems)")
    }

    /// Broken files, broken in the second half (and one in the first): the one-thread message, line and column.
    @Test(arguments: [
        (#""name":"#, #""nmae":"#, 1800),       // an unknown key
        (#""name":"#, #""name";"#, 1800),       // a syntax error
        (#""city":"c-"#, #""city":"x-"#, 1700),   // an unknown city
        (#"],"illustrative""#, #"},"illustrative""#, 1900),
        (#""name":"#, #""name"::"#, 100),       // in the first half
    ])
    func anErrorInEitherHalfHasTheOneThreadMessageAndPlace(find: String, replace: String, occurrence: Int) throws {
        var bytes = Self.generated(2000)
        let array = try #require(Self.offset(of: #""delegates":["#, in: bytes))
        // The `occurrence`th in the delegates array: about that delegate, of 2000.
        let at = try #require(Self.offset(of: find, occurrence, in: bytes, after: array))
        bytes.replaceSubrange(at..<at + find.utf8.count, with: Array(replace.utf8))
        #expect(DirectDecoder.load(bytes, split: .middle) == nil)
        let general = DirectDecoderTests.general(bytes)
        #expect(Self.load(bytes, .middle) == general)
        if case .success = general { Issue.record("the broken file loaded") }
    }

    /// A name holding the split pattern's escaped form is never taken for a boundary, and a split
    /// forced inside a string is refused: the first thread never stands there between two records.
    @Test func aSplitPointInsideAStringIsRefused() throws {
        var d = try DirectoryLoader.load(bytes: Self.generated(400), name: "gen")
        for i in d.delegates.indices { d.delegates[i].name = #"x},{"id":"d1","name":"y"},{ z"# }
        let bytes = DirectoryEncoder.encodeBytes(d)
        Self.expectSameAsOneThread(bytes, splits: true)
        let split = try #require(DirectDecoder.load(bytes, split: .middle)?.splitAt)
        #expect(bytes[split] == UInt8(ascii: "{"))

        // Forced at the raw `{` inside the 300th name: the first thread passes it inside a string.
        let brace = try #require(Self.offset(of: #""name": "x},{"#, 300, in: bytes)) + #""name": "x},"#.utf8.count
        #expect(bytes[brace] == UInt8(ascii: "{"))
        Self.expectSameAsOneThread(bytes, split: .at(brace), splits: false)
    }

    /// A delegate-shaped array after the delegates (in `$schema`, which may hold anything) reads
    /// well as delegates, but the first thread leaves the array before it: the half is not adopted.
    @Test func aDelegateLikeArrayPastTheDelegatesIsNotAdopted() throws {
        let text = #"{"format":"convene/1","title":"t","delegates":[{"id":"d1","name":"A"},{"id":"d2","name":"B"}],"$schema":[{"id":"d3","name":"C"},{"id":"d4","name":"D"}]}"#
        let bytes = Array(text.utf8)
        let d4 = try #require(Self.offset(of: #"{"id":"d4""#, in: bytes))
        Self.expectSameAsOneThread(bytes, split: .at(d4), splits: false)
        #expect(DirectDecoder.load(bytes, split: .at(d4))?.directory.delegates.map(\.id) == ["d1", "d2"])
        // At d2, the real boundary, the split is taken.
        let d2 = try #require(Self.offset(of: #"{"id":"d2""#, in: bytes))
        Self.expectSameAsOneThread(bytes, split: .at(d2), splits: true)
    }

    /// Files too small to split, or with nowhere to split, are read by one thread with the same outcome.
    @Test func smallFilesAreReadByOneThread() throws {
        let sample = try DirectoryLoader.loadFast(bytes: DirectDecoderTests.sample, name: "sample")
        #expect(sample.wasDirect)
        #expect(DirectDecoder.load(DirectDecoderTests.sample, split: .automatic)?.splitAt == nil, "under the size for two threads")
        #expect(DirectDecoder.load(Self.generated(5000), split: .automatic)?.splitAt == nil, "750 kB: one thread")
        let empty = Array(#"{"format":"convene/1","title":"t","delegates":[]}"#.utf8)
        let one = Array(#"{"format":"convene/1","title":"t","delegates":[{"id":"d1","name":"A"}]}"#.utf8)
        let two = Array(#"{"format":"convene/1","title":"t","delegates":[{"id":"d1","name":"A"},{"id":"d2","name":"B"}]}"#.utf8)
        for bytes in [empty, one] { Self.expectSameAsOneThread(bytes, splits: false) }
        Self.expectSameAsOneThread(two, splits: true)
        for offset in [-5, 0, 10, two.count - 1, two.count, two.count + 100] {
            Self.expectSameAsOneThread(two, split: .at(offset), splits: false)
        }
    }

    /// A file over a megabyte is split with the default policy, and its progress reaches the end.
    @Test func aLargeFileIsSplitByDefault() throws {
        let bytes = Self.generated(10_000)
        let array = try #require(Self.offset(of: #""delegates":["#, in: bytes))
        #expect(bytes.count - array > DirectReader.minimumSplitBytes)
        let progress = LoadProgress()
        let loaded = try #require(DirectDecoder.load(bytes, progress: progress, split: .automatic))
        #expect(loaded.splitAt != nil)
        #expect(progress.fraction > 0.999, "the bar reaches the end of the delegates")
        #expect(loaded.directory == DirectDecoder.load(bytes, split: .never)?.directory)
    }

    /// While both threads read, the bar counts the first thread's bytes and what the second has read past its start.
    @Test func progressCountsBothThreads() {
        let bytes = [UInt8](repeating: 0x20, count: 1000)
        bytes.withUnsafeBufferPointer { buffer in
            var reader = DirectReader(bytes: buffer, limits: .default)
            reader.reader.index = 100
            let shared = SharedHalf(offset: 500)
            let second = RunningHalf(shared: shared, group: DispatchGroup())
            #expect(reader.bytesRead(with: second) == 100, "the second thread has not started")
            shared.reached.store(800, ordering: .relaxed)
            #expect(reader.bytesRead(with: second) == 400)
            #expect(reader.bytesRead(with: nil) == 100)
        }
    }

    /// Random edits of a generated file, most in its second half: split and one-thread reads agree.
    @Test func mutatedFilesHaveTheOneThreadOutcomeWhenSplit() {
        var rng = SeededGenerator(seed: 17)
        let alphabet: [UInt8] = Array(#"{}[],:"\ n0-1eE.tfu"#.utf8) + [0xC3, 0xA9, 0xFF, 0x09, 0x0A]
        let base = Self.generated(300)
        var disagreements = 0, splits = 0
        for _ in 0..<150 {
            var bytes = base
            for _ in 0..<(1 + Int(rng.next() % 2)) {
                let at = bytes.count / 3 + Int(rng.next() % UInt64(bytes.count * 2 / 3))
                rng.edit(&bytes, at: at, from: alphabet)
            }
            if DirectDecoder.load(bytes, split: .middle)?.splitAt != nil { splits += 1 }
            if Self.load(bytes, .middle) != DirectDecoderTests.general(bytes) { disagreements += 1 }
        }
        #expect(disagreements == 0)
        #expect(splits > 0, "some edited files are still valid and split")
    }
}
