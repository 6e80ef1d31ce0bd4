/// A set of delegates (indices into `directory.delegates`) as one bit per delegate.
///
/// At a million delegates a set is 16,000 words, 125 KiB: it fits in the cache, a
/// membership test is one load, and a set the search index already holds (the
/// delegates whose text has a given letter) is handed out without copying. The
/// browser walks its precomputed name order and keeps the delegates in the set,
/// instead of gathering and sorting a list of indices.
public struct DelegateSet: Sendable, Equatable {
    /// Bit `i & 63` of word `i >> 6` is set when delegate `i` is in the set.
    public let words: [UInt64]
    /// How many delegates the set is over (members are below this).
    public let universe: Int
    /// How many delegates are in the set.
    public let count: Int

    /// A set whose bits are already laid out (`words.count` is `(universe + 63) / 64`).
    public init(words: [UInt64], universe: Int) {
        precondition(words.count == (universe + 63) / 64, "a delegate set's words do not match its universe")
        self.words = words
        self.universe = universe
        count = words.reduce(0) { $0 + $1.nonzeroBitCount }
    }

    /// The set of `members`, each in `0..<universe`.
    public init(_ members: some Sequence<Int>, universe: Int) {
        var words = [UInt64](repeating: 0, count: (universe + 63) / 64)
        var count = 0
        for i in members where words[i >> 6] & (1 << UInt64(i & 63)) == 0 {
            words[i >> 6] |= 1 << UInt64(i & 63)
            count += 1
        }
        self.words = words
        self.universe = universe
        self.count = count
    }

    @inline(__always)
    public func contains(_ i: Int) -> Bool {
        i >= 0 && i < universe && words[i >> 6] & (1 << UInt64(i & 63)) != 0
    }

    /// The members in increasing order.
    public var members: [Int] {
        var out: [Int] = []
        out.reserveCapacity(count)
        for (w, word) in words.enumerated() {
            var bits = word
            while bits != 0 {
                out.append(w << 6 | bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
        return out
    }

    /// The entries of `order` (delegate indices) that are in the set, in that order, or in
    /// reverse order when `reversed`: one pass, no sort.
    public func filter(_ order: [Int32], reversed: Bool = false) -> [Int32] {
        // `order` lists each delegate once (a permutation, or part of one), so at most `count` are kept;
        // written straight into the buffer, without append's capacity check per row.
        let capacity = Swift.min(count, order.count)
        return [Int32](unsafeUninitializedCapacity: capacity) { out, written in
            written = 0
            words.withUnsafeBufferPointer { bits in
                order.withUnsafeBufferPointer { order in
                    let n = order.count
                    for step in 0..<n {
                        if written == capacity { break }  // every member placed: the rest of the order cannot add one
                        let i = order[reversed ? n - 1 - step : step]
                        let k = Int(i)
                        if k >= 0, k < universe, bits[k >> 6] & (1 << UInt64(k & 63)) != 0 {
                            out[written] = i
                            written += 1
                        }
                    }
                }
            }
        }
    }
}
