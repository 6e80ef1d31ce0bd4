import ConveneModel

/// The generator every randomised test draws from: production's SplitMix64, the one
/// `convene generate` uses. A seed written in a test gives the same values on every
/// machine and every run, so a failure names its seed and replays exactly.
public typealias SeededGenerator = SplitMix64

extension SplitMix64 {
    /// One seeded edit of `bytes` at `at`: the byte removed, a byte of `alphabet` inserted before it, or
    /// the byte replaced by one of `alphabet` (one draw chooses which, one more chooses the byte).
    public mutating func edit(_ bytes: inout [UInt8], at: Int, from alphabet: [UInt8]) {
        switch next() % 3 {
        case 0: bytes.remove(at: at)
        case 1: bytes.insert(alphabet[Int(next() % UInt64(alphabet.count))], at: at)
        default: bytes[at] = alphabet[Int(next() % UInt64(alphabet.count))]
        }
    }
}
