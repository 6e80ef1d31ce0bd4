import ConveneModel

/// The generator every randomised test draws from: production's SplitMix64, the one
/// `convene generate` uses. A seed written in a test gives the same values on every
/// machine and every run, so a failure names its seed and replays exactly.
public typealias SeededGenerator = SplitMix64
