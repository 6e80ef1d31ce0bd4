extension Summary {
    /// A share as people read it, to one decimal: `0.1667` → "16.7%".
    ///
    /// Both the browser's Summary bars and the plain `summary` report print
    /// shares, so the wording lives with the counts rather than with either.
    public static func percent(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
