import ConveneScreen

/// Everything a user can ask the browser to do, named before it changes anything.
///
/// Keys are mapped to actions by ``KeyBindings``, one table that drives both the
/// key handling and the help screen, so the two cannot disagree.
public enum Action: Sendable, Hashable {
    case quit
    case toggleHelp
    case showView(ViewID)
    case nextView, previousView
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case open
    case back
    case startSearch
    case nextMatch, previousMatch
    case openCountryPicker
    case clearFilters
    case cycleSort, reverseSort
    case toggleStar, toggleStarredOnly, jumpToNow, toggleTimeZone
    case exportCalendar
    case redraw
}

/// One entry of the key table: the keys, the action, and the line the help screen shows.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    /// How the keys are written in help, e.g. "j ↓".
    public var label: String
    public var action: Action
    public var help: String
}

/// The one table of key bindings.
public enum KeyBindings {
    public static let all: [KeyBinding] = [
        KeyBinding(keys: [.character("?"), .function(1)], label: "? F1", action: .toggleHelp, help: "Show or hide this help"),
        KeyBinding(keys: [.character("q")], label: "q", action: .quit, help: "Quit"),
    ] + viewDigits + [
        KeyBinding(keys: [.tab, .right, .character("l")], label: "Tab → l", action: .nextView, help: "Next view"),
        KeyBinding(keys: [.backTab, .left, .character("h")], label: "S-Tab ← h", action: .previousView, help: "Previous view"),
        KeyBinding(keys: [.down, .character("j")], label: "↓ j", action: .moveDown, help: "Next row"),
        KeyBinding(keys: [.up, .character("k")], label: "↑ k", action: .moveUp, help: "Previous row"),
        KeyBinding(keys: [.pageDown, .control("f")], label: "PgDn ^F", action: .pageDown, help: "Page down"),
        KeyBinding(keys: [.pageUp, .control("b")], label: "PgUp ^B", action: .pageUp, help: "Page up"),
        KeyBinding(keys: [.home, .character("g")], label: "Home g", action: .top, help: "First row"),
        KeyBinding(keys: [.end, .character("G")], label: "End G", action: .bottom, help: "Last row"),
        KeyBinding(keys: [.enter], label: "Enter", action: .open,
                   help: "Open: focus an event, a session's speakers, a city's or a count's delegates"),
        KeyBinding(keys: [.escape, .backspace], label: "Esc", action: .back,
                   help: "Back: close a panel, drop the search, then the event focus"),
        KeyBinding(keys: [.character("/")], label: "/", action: .startSearch,
                   help: "Search this view (ignores case and accents)"),
        KeyBinding(keys: [.character("n")], label: "n", action: .nextMatch, help: "Next match"),
        KeyBinding(keys: [.character("N")], label: "N", action: .previousMatch, help: "Previous match"),
        KeyBinding(keys: [.character("c")], label: "c", action: .openCountryPicker, help: "Filter by country (applies everywhere)"),
        KeyBinding(keys: [.character("x")], label: "x", action: .clearFilters, help: "Clear all filters, focus and searches"),
        KeyBinding(keys: [.character("s")], label: "s", action: .cycleSort, help: "Sort by the next column"),
        KeyBinding(keys: [.character("S")], label: "S", action: .reverseSort, help: "Reverse the sort"),
        KeyBinding(keys: [.character(" "), .character("*")], label: "Space *", action: .toggleStar,
                   help: "Star or unstar the session (your agenda)"),
        KeyBinding(keys: [.character("m")], label: "m", action: .toggleStarredOnly, help: "My agenda: starred sessions only, or all"),
        KeyBinding(keys: [.character("e")], label: "e", action: .exportCalendar,
                   help: "Export the sessions listed in Agenda (the focused event's, or My agenda) as iCalendar"),
        KeyBinding(keys: [.character(".")], label: ".", action: .jumpToNow, help: "Jump to the session on now, or the next"),
        KeyBinding(keys: [.character("t")], label: "t", action: .toggleTimeZone,
                   help: "Times in each event's time zone or in local time"),
        KeyBinding(keys: [.control("l")], label: "^L", action: .redraw, help: "Redraw the screen"),
    ]

    /// A digit for each of the first nine views, in tab order, from ``ViewRegistry``.
    static var viewDigits: [KeyBinding] {
        ViewRegistry.all.compactMap { view in
            view.digit.map { KeyBinding(keys: [.character($0)], label: String($0), action: .showView(view), help: view.title) }
        }
    }

    /// The action bound to a key in list mode, if any.
    public static func action(for key: Key) -> Action? {
        for binding in all where binding.keys.contains(key) { return binding.action }
        return nil
    }
}
