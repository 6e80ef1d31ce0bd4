import CNCursesW
import ConveneScreen

/// Colour pairs allocated on first use, one per (foreground, background) combination.
///
/// There are at most 9 × 9 combinations of `Color`, but an 8-colour `xterm`
/// offers only 64 pairs, so pairs are made lazily for the combinations a
/// screen actually uses; when they run out, the cell falls back to the
/// default pair and keeps its attributes, which carry the meaning anyway.
struct ColorPairs {
    /// Whether `use_default_colors` succeeded, so -1 means "the terminal's own colour".
    private let defaultColorsAvailable: Bool
    private let pairLimit: Int
    private var pairs: [Int: Int16] = [:]
    private var nextPair: Int16 = 1

    init(defaultColorsAvailable: Bool, pairLimit: Int) {
        self.defaultColorsAvailable = defaultColorsAvailable
        self.pairLimit = min(pairLimit, Int(Int16.max))
    }

    /// The pair number for a combination, initialising it on first use; 0 when none is left.
    mutating func pair(foreground: Color, background: Color) -> Int16 {
        if foreground == .default, background == .default { return 0 }
        let key = Int(foreground.rawValue) << 8 | Int(background.rawValue)
        if let pair = pairs[key] { return pair }
        guard Int(nextPair) < pairLimit else { return 0 }
        let pair = nextPair
        guard init_pair(pair, cursesColor(foreground, isForeground: true),
                        cursesColor(background, isForeground: false)) == OK else { return 0 }
        nextPair += 1
        pairs[key] = pair
        return pair
    }

    /// The curses colour number: `Color` lists `.default` first, then the
    /// eight ANSI colours in curses order (COLOR_BLACK = 0 … COLOR_WHITE = 7).
    private func cursesColor(_ color: Color, isForeground: Bool) -> Int16 {
        guard color != .default else {
            if defaultColorsAvailable { return -1 }
            return Int16(isForeground ? COLOR_WHITE : COLOR_BLACK)
        }
        return Int16(color.rawValue) - 1
    }
}
