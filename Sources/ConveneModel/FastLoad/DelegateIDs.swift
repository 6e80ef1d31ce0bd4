import Glibc

/// The delegate ids of a direct read, checked for duplicates after the scan instead of one by one.
///
/// Probing a hash table of a million ids once per id costs a cache miss each (a
/// quarter of a 1M-delegate load). So the scan only records, per id, a hash, and
/// ``check(in:speakers:)`` afterwards groups the records by the top bits of their
/// hashes in one sequential radix pass and checks each group with a table small
/// enough to stay in the cache. The same groups resolve the sessions' speaker references.
///
/// The bytes of id i are the columns' (``CompactDelegates``: `text[bounds[2i] ..< bounds[2i + 1]]`),
/// decoded, so an id written with escapes (`"d\u0031"`) is compared as it reads. They are
/// not taken from the file: the loader gives the file's pages back to the system as the
/// scan passes them (``ReleasedPrefix``). Valid ids (``RecordID``) are ASCII, so comparing
/// bytes is comparing strings.
struct DelegateIDs: Sendable {
    /// Per id, in document order: ``ByteInterner/hash(_:)`` of its bytes.
    private(set) var hashes: [UInt64] = []

    /// Ids are numbered with 32 bits in the check.
    private static let maxCount = Int(UInt32.max)

    /// About this many ids per group: a table of twice as many 4-byte slots (32 KiB) stays in L1/L2.
    static let groupSize = 4096

    init(expectedCount: Int = 0) {
        hashes.reserveCapacity(expectedCount)
    }

    var count: Int { hashes.count }

    /// Records the next delegate's id by its hash; false when there are too many to number.
    @inline(__always)
    mutating func append(hash: UInt64) -> Bool {
        guard hashes.count < Self.maxCount else { return false }
        hashes.append(hash)
        return true
    }

    /// Appends another part's ids after these (the second half of a split read).
    mutating func append(contentsOf other: DelegateIDs) {
        hashes.append(contentsOf: other.hashes)
    }

    /// Checks the ids of `delegates` (recorded in the same order) for duplicates and looks `speakers` up among them.
    ///
    /// The list is the one the scan filled, so it is in columns; a plain list (only ever
    /// empty here) has its ids laid out the same way first.
    func check(in delegates: DelegateList, speakers: Set<[UInt8]> = []) -> Outcome {
        if let columns = delegates.compact {
            return columns.text.withUnsafeBufferPointer { text in
                columns.bounds.withUnsafeBufferPointer { check(text: text, bounds: $0, speakers: speakers) }
            }
        }
        var text: [UInt8] = [], bounds: [UInt32] = [0]
        for delegate in delegates {
            text += delegate.id.utf8
            bounds += [UInt32(truncatingIfNeeded: text.count), UInt32(truncatingIfNeeded: text.count)]
        }
        return text.withUnsafeBufferPointer { text in
            bounds.withUnsafeBufferPointer { check(text: text, bounds: $0, speakers: speakers) }
        }
    }

    /// What ``check(in:speakers:)`` found.
    struct Outcome: Equatable {
        /// True when two ids have the same bytes (or there are too many to number: the caller declines either way).
        var hasDuplicate: Bool
        /// The speaker ids (UTF-8) that are delegate ids.
        var knownSpeakers: Set<[UInt8]>
    }

    /// Checks the ids for duplicates and looks `speakers` up among them.
    ///
    /// Id i's bytes are `text[bounds[2i] ..< bounds[2i + 1]]` (the columns' layout: ids and
    /// names alternate). Stops at the first duplicate: the caller declines and the general
    /// path words it.
    func check(text: UnsafeBufferPointer<UInt8>, bounds: UnsafeBufferPointer<UInt32>,
               speakers: Set<[UInt8]> = []) -> Outcome {
        let n = count
        // Every id needs its bounds; a list out of step with the records declines.
        guard bounds.count >= 2 * n + 1 else { return Outcome(hasDuplicate: true, knownSpeakers: []) }
        // Two parts joined past 32-bit numbering cannot be checked here: decline.
        guard n < Self.maxCount else { return Outcome(hasDuplicate: true, knownSpeakers: []) }
        var outcome = Outcome(hasDuplicate: false, knownSpeakers: [])
        var groupBits = 0
        while n >> groupBits > Self.groupSize { groupBits += 1 }
        let groups = 1 << groupBits
        // The group of a hash is its top bits; the slot in the group's table, its low bits.
        @inline(__always) func group(_ hash: UInt64) -> Int { groupBits == 0 ? 0 : Int(truncatingIfNeeded: hash >> UInt64(64 - groupBits)) }

        // Radix pass: count each group, then place each record's hash and number in its group.
        var starts = [Int](repeating: 0, count: groups + 1)
        starts.withUnsafeMutableBufferPointer { counts in
            for hash in hashes { counts[group(hash) &+ 1] &+= 1 }
            for g in 0..<groups { counts[g + 1] &+= counts[g] }
        }
        var groupedHashes = [UInt64](repeating: 0, count: n)
        var groupedIDs = [UInt32](repeating: 0, count: n)
        var next = starts
        hashes.withUnsafeBufferPointer { source in
            groupedHashes.withUnsafeMutableBufferPointer { toHashes in
                groupedIDs.withUnsafeMutableBufferPointer { toIDs in
                    next.withUnsafeMutableBufferPointer { next in
                        for i in 0..<n {
                            let hash = source[i], g = group(hash)
                            let at = next[g]
                            next[g] = at &+ 1
                            toHashes[at] = hash
                            toIDs[at] = UInt32(truncatingIfNeeded: i)
                        }
                    }
                }
            }
        }

        // The speakers by group, with their hashes.
        var speakersByGroup: [Int: [(hash: UInt64, id: [UInt8])]] = [:]
        for speaker in speakers {
            let hash = speaker.withUnsafeBytes { ByteInterner.hash($0) }
            speakersByGroup[group(hash), default: []].append((hash, speaker))
        }

        // Each group: an open-addressing table of (position in the group + 1), reused and cleared.
        var largest = 0
        for g in 0..<groups { largest = max(largest, starts[g + 1] - starts[g]) }
        var capacity = 16
        while capacity < largest * 2 { capacity <<= 1 }
        let table = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
        defer { table.deallocate() }
        groupedHashes.withUnsafeBufferPointer { hashesInOrder in
            groupedIDs.withUnsafeBufferPointer { ids in
                for g in 0..<groups {
                    let first = starts[g], size = starts[g + 1] - first
                    var slots = 16
                    while slots < size * 2 { slots <<= 1 }
                    let mask = slots - 1
                    table.update(repeating: 0, count: slots)
                    /// Looks for `hash` in the group's table: found when an id there has that hash and
                    /// `same` says its bytes are equal; else the empty slot where it would go.
                    @inline(__always)
                    func probe(_ hash: UInt64, _ same: (Int) -> Bool) -> (found: Bool, slot: Int) {
                        var slot = Int(truncatingIfNeeded: hash) & mask
                        while true {
                            let entry = table[slot]
                            if entry == 0 { return (false, slot) }
                            let other = first + Int(entry) - 1
                            if hashesInOrder[other] == hash, same(Int(ids[other])) { return (true, slot) }
                            slot = (slot &+ 1) & mask
                        }
                    }
                    for k in 0..<size {
                        let id = Int(ids[first + k])
                        let (found, slot) = probe(hashesInOrder[first + k]) { other in
                            equal(bytes(of: other, text, bounds), bytes(of: id, text, bounds))
                        }
                        if found {
                            outcome.hasDuplicate = true
                            return
                        }
                        table[slot] = UInt32(truncatingIfNeeded: k + 1)
                    }
                    for (hash, speaker) in speakersByGroup[g] ?? [] {
                        let known = probe(hash) { other in
                            speaker.withUnsafeBytes { equal(bytes(of: other, text, bounds), $0) }
                        }.found
                        if known { outcome.knownSpeakers.insert(speaker) }
                    }
                }
            }
        }
        return outcome
    }

    /// The bytes of id `i` in the columns' text.
    @inline(__always)
    private func bytes(of i: Int, _ text: UnsafeBufferPointer<UInt8>, _ bounds: UnsafeBufferPointer<UInt32>)
        -> UnsafeRawBufferPointer {
        let start = Int(bounds[2 * i]), stop = Int(bounds[2 * i + 1])
        return UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(text)[start..<stop])
    }

    @inline(__always)
    private func equal(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        guard let pa = a.baseAddress, let pb = b.baseAddress else { return true }
        return memcmp(pa, pb, a.count) == 0
    }
}
