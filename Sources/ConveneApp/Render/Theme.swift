import ConveneScreen

/// The browser's styles.
///
/// Every style that carries meaning also has an attribute (reverse, bold,
/// underline, dim), so the screen reads the same with `NO_COLOR` or on a
/// monochrome terminal, where the backend drops the colours.
enum Theme {
    static let titleBar = Style(foreground: .black, background: .cyan, bold: true)
    static let notice = Style(foreground: .black, background: .cyan)
    static let filters = Style(foreground: .black, background: .yellow, bold: true)
    static let tab = Style()
    static let activeTab = Style(foreground: .black, background: .cyan, bold: true, reverse: false, underline: true)
    static let header = Style(bold: true, underline: true)
    static let selection = Style(reverse: true)
    static let illustrative = Style(dim: true)
    static let heading = Style(foreground: .cyan, bold: true)
    static let bar = Style(foreground: .cyan)
    static let label = Style(foreground: .yellow, bold: true)
    static let status = Style(reverse: true)
    static let statusKey = Style(bold: true, reverse: true)
    static let message = Style(foreground: .black, background: .green, bold: true)
    static let border = Style(foreground: .cyan)
    static let prompt = Style(foreground: .yellow, bold: true)
    static let tick = Style(foreground: .green, bold: true)
    /// A starred session that overlaps another starred one: red and bold, beside the `!` mark.
    static let clash = Style(foreground: .red, bold: true)
    /// A past starred clash: still red, but dimmed like every past session.
    static let pastClash = Style(foreground: .red, dim: true)

    /// The detail pane's and every panel's frame: "┌─ Title ──┐", cleared inside, text kept off the border.
    static func panel(_ title: String) -> Box {
        Box(title: title, style: border, titleStyle: heading, titleOffset: 2, padding: 1, clears: true)
    }
}

/// Symbols that carry meaning in lists and details, so they read without colour.
enum Marker {
    static let illustrative = "†"
    /// A starred session: a symbol, so it reads without colour.
    static let star = "★"
    /// A starred session that clashes with another starred session.
    static let clash = "!"
    /// A session that changed since the user last looked at it (moved, retitled, new…).
    static let changed = "Δ"
}
