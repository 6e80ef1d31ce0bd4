/// Gives each distinct byte string a small dense number (a symbol), without making a `String`.
///
/// The direct decoder meets the same few ids again and again — a million
/// delegates name a few hundred cities, a couple of hundred countries and
/// events — and every one of them must be checked against the records that
/// define it. Hashing the raw UTF-8 once and comparing bytes is far cheaper
/// than building a `String` and hashing it with SipHash for each reference, and
/// a symbol turns "does this city exist, and is it in this country?" into two
/// array reads.
///
/// Equal bytes are always equal strings. The converse holds only for ASCII:
/// two spellings of "Hà Nội" that differ in Unicode normalization are one Swift
/// string but two byte strings. ``sawNonASCII`` tells the caller when that can
/// matter, so it can check with Swift's own string equality instead.
///
/// Not thread-safe; one decoder owns each interner.
final class ByteInterner {
    /// Open addressing, linear probing. A slot holds the hash's high 32 bits above
    /// symbol + 1 (0 for empty), so most mismatches are rejected without touching the key.
    private var slots: UnsafeMutablePointer<UInt64>
    private var mask: Int
    /// Per symbol: its hash, where its bytes start in `arena`, and its `String` once made.
    /// Raw buffers rather than arrays: this is the decoder's innermost loop, and a class's
    /// array properties would pay for an exclusivity check on every access.
    private var hashes: UnsafeMutablePointer<UInt64>
    private var starts: UnsafeMutablePointer<Int>
    private var strings: UnsafeMutablePointer<String?>
    private var symbolCapacity: Int
    private var arena: UnsafeMutablePointer<UInt8>
    private var arenaCapacity: Int
    private var arenaCount = 0
    /// The number of distinct byte strings seen.
    private(set) var count = 0
    /// True once any interned byte string had a byte of 0x80 or more.
    private(set) var sawNonASCII = false

    init(expectedCount: Int = 64) {
        var capacity = 16
        while capacity < expectedCount * 2 { capacity <<= 1 }
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: 0, count: capacity)
        mask = capacity - 1
        symbolCapacity = max(16, expectedCount)
        hashes = .allocate(capacity: symbolCapacity)
        starts = .allocate(capacity: symbolCapacity + 1)
        starts.initialize(to: 0)
        strings = .allocate(capacity: symbolCapacity)
        arenaCapacity = max(256, expectedCount * 8)
        arena = .allocate(capacity: arenaCapacity)
    }

    deinit {
        slots.deallocate()
        hashes.deallocate()
        starts.deallocate()
        strings.deinitialize(count: count)
        strings.deallocate()
        arena.deallocate()
    }

    /// The symbol of `key`, adding it if it is new; `isNew` tells which.
    @inline(__always)
    func intern(_ key: UnsafeRawBufferPointer) -> (symbol: Int32, isNew: Bool) {
        let hash = Self.hash(key)
        var slot = Int(truncatingIfNeeded: hash) & mask
        let tag = hash & 0xFFFF_FFFF_0000_0000
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let symbol = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) &- 1
                if equals(symbol, key) { return (Int32(symbol), false) }
            }
            slot = (slot &+ 1) & mask
        }
        return (insert(key, hash: hash, at: slot), true)
    }

    /// Adds `key` as a new symbol in the empty `slot` its probe ended at.
    ///
    /// Out of line: a key is new once and looked up thousands of times, and the lookup
    /// alone is small enough to stay cheap to call (fewer registers saved per call).
    @inline(never)
    private func insert(_ key: UnsafeRawBufferPointer, hash: UInt64, at slot: Int) -> Int32 {
        let symbol = count
        if symbol == symbolCapacity { growSymbols() }
        if arenaCount + key.count > arenaCapacity { growArena(key.count) }
        hashes[symbol] = hash
        if let base = key.baseAddress { (arena + arenaCount).initialize(from: base.assumingMemoryBound(to: UInt8.self), count: key.count) }
        arenaCount += key.count
        starts[symbol + 1] = arenaCount
        (strings + symbol).initialize(to: nil)
        count += 1
        if !sawNonASCII, Self.hasNonASCII(key) { sawNonASCII = true }
        slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(symbol + 1)
        if count * 2 > mask { growSlots() }
        return Int32(symbol)
    }

    /// The symbol of `key` with the `String` for it, made once per distinct key.
    @inline(__always)
    func internString(_ key: UnsafeRawBufferPointer) -> (symbol: Int32, string: String) {
        let symbol = Int(intern(key).symbol)
        if let made = strings[symbol] { return (Int32(symbol), made) }
        let made = String(decoding: key, as: UTF8.self)
        strings[symbol] = made
        return (Int32(symbol), made)
    }

    /// The symbol of `key`, or nil if it was never interned.
    func lookup(_ key: UnsafeRawBufferPointer) -> Int32? {
        let hash = Self.hash(key)
        var slot = Int(truncatingIfNeeded: hash) & mask
        let tag = hash & 0xFFFF_FFFF_0000_0000
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let symbol = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) &- 1
                if equals(symbol, key) { return Int32(symbol) }
            }
            slot = (slot &+ 1) & mask
        }
    }

    /// Every key, by symbol: what a second reader hands over so that its symbols can be remapped.
    func keys() -> [[UInt8]] {
        (0..<count).map { symbol in Array(UnsafeBufferPointer(start: arena + starts[symbol], count: starts[symbol + 1] - starts[symbol])) }
    }

    /// The symbol of a string's UTF-8, adding it if new.
    func intern(_ string: String) -> (symbol: Int32, isNew: Bool) {
        var copy = string
        return copy.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
    }

    /// The symbol of a string's UTF-8, or nil.
    func lookup(_ string: String) -> Int32? {
        var copy = string
        return copy.withUTF8 { lookup(UnsafeRawBufferPointer($0)) }
    }

    @inline(__always)
    private func equals(_ symbol: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        let start = starts[symbol], length = starts[symbol + 1] - start
        guard length == key.count else { return false }
        guard let base = key.baseAddress else { return true }
        return Self.sameBytes(UnsafeRawPointer(arena + start), base, length)
    }

    /// `memcmp(a, b, count) == 0`, inline for the short keys the decoder meets (ids, codes):
    /// two overlapping loads cover 4 to 16 bytes, and no load reaches outside either key.
    @inline(__always)
    static func sameBytes(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
        if count >= 8 {
            guard count <= 16 else { return memcmp(a, b, count) == 0 }
            let tail = count &- 8
            return a.loadUnaligned(as: UInt64.self) == b.loadUnaligned(as: UInt64.self)
                && a.loadUnaligned(fromByteOffset: tail, as: UInt64.self) == b.loadUnaligned(fromByteOffset: tail, as: UInt64.self)
        }
        if count >= 4 {
            let tail = count &- 4
            return a.loadUnaligned(as: UInt32.self) == b.loadUnaligned(as: UInt32.self)
                && a.loadUnaligned(fromByteOffset: tail, as: UInt32.self) == b.loadUnaligned(fromByteOffset: tail, as: UInt32.self)
        }
        // One to three bytes: the first, the middle and the last are all of them.
        guard count > 0 else { return true }
        return a.load(as: UInt8.self) == b.load(as: UInt8.self)
            && a.load(fromByteOffset: count &>> 1, as: UInt8.self) == b.load(fromByteOffset: count &>> 1, as: UInt8.self)
            && a.load(fromByteOffset: count &- 1, as: UInt8.self) == b.load(fromByteOffset: count &- 1, as: UInt8.self)
    }

    private func growSlots() {
        let capacity = (mask + 1) * 2
        slots.deallocate()
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: 0, count: capacity)
        mask = capacity - 1
        for symbol in 0..<count {
            let hash = hashes[symbol]
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot &+ 1) & mask }
            slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(symbol + 1)
        }
    }

    private func growSymbols() {
        let capacity = symbolCapacity * 2
        let newHashes = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
        newHashes.moveInitialize(from: hashes, count: count)
        hashes.deallocate()
        hashes = newHashes
        let newStarts = UnsafeMutablePointer<Int>.allocate(capacity: capacity + 1)
        newStarts.moveInitialize(from: starts, count: count + 1)
        starts.deallocate()
        starts = newStarts
        let newStrings = UnsafeMutablePointer<String?>.allocate(capacity: capacity)
        newStrings.moveInitialize(from: strings, count: count)
        strings.deallocate()
        strings = newStrings
        symbolCapacity = capacity
    }

    private func growArena(_ needed: Int) {
        var capacity = arenaCapacity * 2
        while capacity < arenaCount + needed { capacity *= 2 }
        let newArena = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        newArena.moveInitialize(from: arena, count: arenaCount)
        arena.deallocate()
        arena = newArena
        arenaCapacity = capacity
    }

    /// A fast 64-bit hash of short byte strings: eight bytes at a time, multiply and fold.
    ///
    /// The bytes past the last whole word are read as one more word that overlaps it (or, under
    /// eight bytes, as two overlapping halves, or as first, middle and last byte): together with
    /// the length, mixed in first, the words determine the bytes, and no load leaves the key.
    @inline(__always)
    static func hash(_ key: UnsafeRawBufferPointer) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        let count = key.count
        var h = UInt64(truncatingIfNeeded: count) &* multiplier
        guard let base = key.baseAddress, count > 0 else { return h }
        @inline(__always) func mix(_ word: UInt64) {
            h = (h ^ word) &* multiplier
            h ^= h >> 29
        }
        if count >= 8 {
            var offset = 0
            while offset &+ 8 <= count {
                mix(base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset &+= 8
            }
            if offset < count { mix(base.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)) }
        } else if count >= 4 {
            let low = UInt64(base.loadUnaligned(as: UInt32.self))
            let high = UInt64(base.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self))
            mix(low | high << 32)
        } else {
            let first = UInt64(base.load(as: UInt8.self))
            let middle = UInt64(base.load(fromByteOffset: count &>> 1, as: UInt8.self))
            let last = UInt64(base.load(fromByteOffset: count &- 1, as: UInt8.self))
            mix(first | middle << 8 | last << 16)
        }
        h = (h ^ (h >> 32)) &* 0xD6E8_FEB8_6659_FD93
        return h ^ (h >> 32)
    }

    @inline(__always)
    private static func hasNonASCII(_ key: UnsafeRawBufferPointer) -> Bool {
        for byte in key where byte >= 0x80 { return true }
        return false
    }
}

import Glibc
