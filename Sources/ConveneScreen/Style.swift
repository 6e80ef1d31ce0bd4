/// One of the eight ANSI colours, or the terminal's own default.
///
/// Eight colours keep the palette working on `xterm`, `linux` and 256-colour
/// terminals alike; `.default` lets the user's background show through
/// (`use_default_colors`).
public enum Color: UInt8, Sendable, Hashable, CaseIterable {
    case `default`, black, red, green, yellow, blue, magenta, cyan, white
}

/// How a cell is drawn: colours plus attributes.
///
/// Attributes carry meaning on their own (reverse for the selection, bold for
/// headers) so that the screen still reads with `NO_COLOR` or on a monochrome terminal.
public struct Style: Sendable, Hashable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(foreground: Color = .default, background: Color = .default,
                bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public static let plain = Style()
}
