import Testing
@testable import ConveneModel

/// ``ByteInterner``'s word-at-a-time hash and comparison: every byte of a key counts, whatever its length.
@Suite struct ByteInternerTests {
    /// Keys of every length from 0 to 40, and each with one byte changed at each position:
    /// all distinct symbols, and the same symbol when met again.
    @Test func everyByteOfEveryLengthTellsKeysApart() {
        let interner = ByteInterner()
        var keys: [[UInt8]] = []
        for length in 0...40 {
            let base = (0..<length).map { UInt8(0x61 + $0 % 26) }
            keys.append(base)
            for position in 0..<length {
                var changed = base
                changed[position] = UInt8(ascii: "-")
                keys.append(changed)
            }
        }
        var symbols: [Int32] = []
        for key in keys {
            let (symbol, isNew) = key.withUnsafeBytes { interner.intern($0) }
            #expect(isNew, "\(String(decoding: key, as: UTF8.self)) taken for an earlier key")
            symbols.append(symbol)
        }
        #expect(Set(symbols).count == keys.count)
        for (key, symbol) in zip(keys, symbols) {
            let again = key.withUnsafeBytes { interner.intern($0) }
            #expect(again.symbol == symbol && !again.isNew)
            #expect(key.withUnsafeBytes { interner.lookup($0) } == symbol)
        }
        #expect(interner.count == keys.count)
    }

    /// The inline comparison agrees with memcmp on random pairs of every length, equal or one byte apart.
    @Test func sameBytesAgreesWithMemcmp() {
        var rng = SeededGenerator(seed: 9)
        for _ in 0..<3000 {
            let length = Int(rng.next() % 40)
            let a = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next() % 4) }
            var b = a
            if length > 0, rng.next() % 2 == 0 { b[Int(rng.next() % UInt64(length))] &+= 1 }
            let same = a.withUnsafeBytes { pa in b.withUnsafeBytes { pb in
                ByteInterner.sameBytes(pa.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, pb.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, length)
            } }
            #expect(same == (a == b), "\(a) \(b)")
        }
    }

    /// Many short ids spread over the hash's top bits (DelegateIDs groups by them) and low bits (slots).
    @Test func shortIDsSpreadOverTheHashBits() {
        var top = Set<UInt64>(), low = Set<UInt64>()
        for i in 0..<4096 {
            let id = Array("d\(i)".utf8)
            let hash = id.withUnsafeBytes { ByteInterner.hash($0) }
            top.insert(hash >> 58)
            low.insert(hash & 63)
        }
        #expect(top.count == 64 && low.count == 64)
    }
}
