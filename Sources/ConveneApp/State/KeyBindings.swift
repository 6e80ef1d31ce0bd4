import ConveneScreen

/// The key tables, one per ``InputMode``: the only place a key is given a meaning.
///
/// Each table binds the keys (``AppState/handle(_:)-(InputEvent)`` looks a key up
/// in the table of the current mode, then in ``everywhere``), writes the help
/// screen (a section per mode, in ``modes`` order) and gives the hints: the list
/// and search hints on the status line, the picker's under its prompt, the help
/// and panel hints in their titles. tig's `request.h` is the model.
///
/// To add a key, add one line to its mode's table.
public enum KeyBindings {
    /// Keys over the list: the browser's main mode.
    public static let all: [KeyBinding] = viewDigits + [
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
                   help: "Search this view (ignores case and accents)", hint: .init("search", priority: 2)),
        KeyBinding(keys: [.character("n")], label: "n", action: .nextMatch, help: "Next match"),
        KeyBinding(keys: [.character("N")], label: "N", action: .previousMatch, help: "Previous match"),
        KeyBinding(keys: [.character("c")], label: "c", action: .openCountryPicker,
                   help: "Filter by country (applies everywhere)", hint: .init("country", priority: 3)),
        KeyBinding(keys: [.character("f")], label: "f", action: .openFilterPicker,
                   help: "Filter sessions by day, track, room, type, language"),
        KeyBinding(keys: [.character("x")], label: "x", action: .clearFilters,
                   help: "Clear all filters, focus and searches", hint: .init("clear", priority: 5)),
        KeyBinding(keys: [.character("s")], label: "s", action: .cycleSort, help: "Sort by the next column",
                   hint: .init("sort", priority: 6)),
        KeyBinding(keys: [.character("S")], label: "S", action: .reverseSort, help: "Reverse the sort"),
        KeyBinding(keys: [.character(" "), .character("*")], label: "Space *", action: .toggleStar,
                   help: "Star or unstar the session (your agenda)"),
        KeyBinding(keys: [.character("m")], label: "m", action: .toggleStarredOnly, help: "My agenda: starred sessions only, or all"),
        KeyBinding(keys: [.character("e")], label: "e", action: .exportCalendar,
                   help: "Export the sessions listed in Agenda (the focused event's, or My agenda) as iCalendar; the message offers the other choice"),
        KeyBinding(keys: [.character(".")], label: ".", action: .jumpToNow, help: "Jump to the session on now, or the next"),
        KeyBinding(keys: [.character("b")], label: "b", action: .cycleBreakdown,
                   help: "Summary: break delegates down by the next of country, region, city, field, organisation, kind, role, network member"),
        KeyBinding(keys: [.character("t")], label: "t", action: .toggleTimeZone,
                   help: "Times in each event's time zone or in local time"),
        KeyBinding(keys: [.character("J")], label: "J", action: .scrollDetailDown, help: "Scroll the detail pane down"),
        KeyBinding(keys: [.character("K")], label: "K", action: .scrollDetailUp, help: "Scroll the detail pane up"),
        KeyBinding(keys: [.character("C")], label: "C", action: .showChanges,
                   help: "Changes: what changed in the schedule since you last looked, starred first"),
        KeyBinding(keys: [.character("r")], label: "r", action: .refresh, help: "Refresh a schedule opened from a URL now"),
        KeyBinding(keys: [.character("?"), .function(1)], label: "? F1", action: .toggleHelp, help: "Show this help",
                   hint: .init("help", priority: 1)),
        KeyBinding(keys: [.character("q")], label: "q", action: .quit, help: "Quit", hint: .init("quit", priority: 0)),
    ]

    /// Keys in the Timetable, before those of the lists (Tab still changes views, Enter opens).
    public static let timetable: [KeyBinding] = [
        KeyBinding(keys: [.left, .character("h")], label: "← h", action: .moveLeft,
                   help: "The room to the left, at the same time", hint: .init("room", key: "←→", priority: 4)),
        KeyBinding(keys: [.right, .character("l")], label: "→ l", action: .moveRight, help: "The room to the right, at the same time"),
        KeyBinding(keys: [.down, .character("j")], label: "↓ j", action: .moveDown, help: "Next session in this room"),
        KeyBinding(keys: [.up, .character("k")], label: "↑ k", action: .moveUp, help: "Previous session in this room"),
        KeyBinding(keys: [.character("[")], label: "[", action: .previousDay, help: "Previous day"),
        KeyBinding(keys: [.character("]")], label: "]", action: .nextDay, help: "Next day", hint: .init("day", key: "[ ]", priority: 3)),
        KeyBinding(keys: [.pageDown, .control("f")], label: "PgDn ^F", action: .pageDown, help: "A screen later in this room"),
        KeyBinding(keys: [.pageUp, .control("b")], label: "PgUp ^B", action: .pageUp, help: "A screen earlier in this room"),
        KeyBinding(keys: [.home, .character("g")], label: "Home g", action: .top, help: "First session in this room"),
        KeyBinding(keys: [.end, .character("G")], label: "End G", action: .bottom, help: "Last session in this room"),
    ]

    /// Keys in the Map, before those of the lists: the arrows go to the nearest city that way.
    public static let map: [KeyBinding] = [
        KeyBinding(keys: [.left, .character("h")], label: "← h", action: .moveLeft, help: "The nearest city to the west",
                   hint: .init("city", key: "←↑↓→", priority: 4)),
        KeyBinding(keys: [.right, .character("l")], label: "→ l", action: .moveRight, help: "The nearest city to the east"),
        KeyBinding(keys: [.up, .character("k")], label: "↑ k", action: .moveUp, help: "The nearest city to the north"),
        KeyBinding(keys: [.down, .character("j")], label: "↓ j", action: .moveDown, help: "The nearest city to the south"),
        KeyBinding(keys: [.character("+"), .character("=")], label: "+", action: .zoomIn, help: "Zoom in, on the selected city",
                   hint: .init("zoom", key: "+-", priority: 3)),
        KeyBinding(keys: [.character("-")], label: "-", action: .zoomOut, help: "Zoom out, up to the whole world"),
    ]

    /// Keys while typing a search (`/`); other characters are typed.
    public static let search: [KeyBinding] = [
        KeyBinding(keys: [.enter], label: "Enter", action: .keepSearch, help: "Keep the search and go back to the list",
                   hint: .init("keep", priority: 0)),
        KeyBinding(keys: [.escape], label: "Esc", action: .dropSearch, help: "Drop the search",
                   hint: .init("clear", priority: 1)),
        KeyBinding(keys: [.backspace, .delete], label: "Backspace", action: .deleteBackward, help: "Delete the last character"),
        KeyBinding(keys: [.control("u")], label: "^U", action: .clearText, help: "Clear the search text"),
        KeyBinding(keys: [.down], label: "↓", action: .moveDown, help: "Next row"),
        KeyBinding(keys: [.up], label: "↑", action: .moveUp, help: "Previous row"),
        KeyBinding(keys: [.pageDown], label: "PgDn", action: .pageDown, help: "Page down"),
        KeyBinding(keys: [.pageUp], label: "PgUp", action: .pageUp, help: "Page up"),
    ]

    /// Keys in the filter picker (`c`, `f`); other characters are typed.
    public static let filterPicker: [KeyBinding] = [
        KeyBinding(keys: [.character(" ")], label: "Space", action: .tickValue, help: "Tick or untick a value: several can be ticked",
                   hint: .init("ticks")),
        KeyBinding(keys: [.character("!")], label: "!", action: .excludeValue,
                   help: "Exclude a value (✕): everything but it; again to stop excluding", hint: .init("excludes", priority: 1)),
        KeyBinding(keys: [.tab, .right], label: "Tab →", action: .nextFacet, help: "Next facet: country, day, track, room, type, language",
                   hint: .init("facet", key: "Tab", priority: 2)),
        KeyBinding(keys: [.backTab, .left], label: "S-Tab ←", action: .previousFacet, help: "Previous facet"),
        KeyBinding(keys: [.enter], label: "Enter", action: .applyFilters,
                   help: "Apply every facet's ticks and exclusions, or the highlighted value", hint: .init("applies", priority: 3)),
        KeyBinding(keys: [.escape], label: "Esc", action: .closePanel, help: "Cancel", hint: .init("cancels", priority: 4)),
        KeyBinding(keys: [.control("x")], label: "^X", action: .clearFacet, help: "Clear this facet's ticks and exclusions",
                   hint: .init("clears", priority: 5)),
        KeyBinding(keys: [.down], label: "↓", action: .moveDown, help: "Next value"),
        KeyBinding(keys: [.up], label: "↑", action: .moveUp, help: "Previous value"),
        KeyBinding(keys: [.pageDown], label: "PgDn", action: .pageDown, help: "Ten values down"),
        KeyBinding(keys: [.pageUp], label: "PgUp", action: .pageUp, help: "Ten values up"),
        KeyBinding(keys: [.backspace, .delete], label: "Backspace", action: .deleteBackward, help: "Delete the last character"),
        KeyBinding(keys: [.control("u")], label: "^U", action: .clearText, help: "Clear the typed text"),
    ]

    /// Keys while this help is shown.
    public static let help: [KeyBinding] = scrollingText + [
        KeyBinding(keys: [.escape, .enter, .character("?"), .character("q"), .function(1)], label: "Esc Enter ? q F1",
                   action: .closePanel, help: "Close the help", hint: .init("closes")),
    ]

    /// Keys in a session's panel (Enter on a session in the Agenda).
    public static let sessionPanel: [KeyBinding] = [
        KeyBinding(keys: [.down, .character("j")], label: "↓ j", action: .moveDown,
                   help: "Next speaker; after the last, scroll down", hint: .init("speaker", key: "↑↓")),
        KeyBinding(keys: [.up, .character("k")], label: "↑ k", action: .moveUp,
                   help: "Previous speaker; before the first, scroll up"),
    ] + pages(hint: .init("scroll", key: "PgDn")) + [
        KeyBinding(keys: [.enter], label: "Enter", action: .open, help: "Open the highlighted speaker", hint: .init("opens")),
        KeyBinding(keys: [.escape, .character("q"), .backspace], label: "Esc q Backspace", action: .closePanel, help: "Close the panel",
                   hint: .init("closes")),
    ]

    /// Keys in a delegate's panel (Enter on a delegate).
    public static let delegatePanel: [KeyBinding] = scrollingText + [
        KeyBinding(keys: [.escape, .enter, .character("q"), .backspace], label: "Esc Enter q Backspace", action: .closePanel,
                   help: "Close the panel", hint: .init("closes")),
    ]

    /// Keys in the Changes panel (C).
    public static let changesPanel: [KeyBinding] = [
        KeyBinding(keys: [.down, .character("j")], label: "↓ j", action: .moveDown, help: "Next change",
                   hint: .init("change", key: "↑↓")),
        KeyBinding(keys: [.up, .character("k")], label: "↑ k", action: .moveUp, help: "Previous change"),
        KeyBinding(keys: [.pageDown], label: "PgDn", action: .pageDown, help: "Ten changes down"),
        KeyBinding(keys: [.pageUp], label: "PgUp", action: .pageUp, help: "Ten changes up"),
        KeyBinding(keys: [.home, .character("g")], label: "Home g", action: .top, help: "The first change"),
        KeyBinding(keys: [.end, .character("G")], label: "End G", action: .bottom, help: "The last change"),
        KeyBinding(keys: [.enter], label: "Enter", action: .open,
                   help: "Show the session in Agenda (a cancelled one is marked seen)", hint: .init("shows")),
        KeyBinding(keys: [.escape, .character("q"), .character("C"), .backspace], label: "Esc q C", action: .closePanel,
                   help: "Close the panel", hint: .init("closes")),
    ]

    /// PgDn/PgUp and Home/End in a panel of text that scrolls (help, session, delegate): the
    /// same keys everywhere; `hint` puts PgDn on the panel's title.
    static func pages(hint: KeyBinding.Hint?) -> [KeyBinding] {
        [KeyBinding(keys: [.pageDown, .control("f")], label: "PgDn ^F", action: .pageDown, help: "Scroll down a screen",
                    hint: hint),
         KeyBinding(keys: [.pageUp, .control("b")], label: "PgUp ^B", action: .pageUp, help: "Scroll up a screen"),
         KeyBinding(keys: [.home, .character("g")], label: "Home g", action: .top, help: "To the top"),
         KeyBinding(keys: [.end, .character("G")], label: "End G", action: .bottom, help: "To the end")]
    }

    /// ↓↑ a line, then ``pages(hint:)``: a panel whose arrows only scroll (help, delegate).
    static let scrollingText: [KeyBinding] =
        [KeyBinding(keys: [.down, .character("j")], label: "↓ j", action: .moveDown, help: "Scroll down",
                    hint: .init("scroll", key: "↑↓")),
         KeyBinding(keys: [.up, .character("k")], label: "↑ k", action: .moveUp, help: "Scroll up")]
            + pages(hint: nil)

    /// Keys that work in every mode, after the mode's own table.
    public static let everywhere: [KeyBinding] = [
        KeyBinding(keys: [.control("l")], label: "^L", action: .redraw, help: "Redraw the screen"),
    ]

    /// Keys while a large directory loads, before the browser starts.
    public static let loading: [KeyBinding] = [
        KeyBinding(keys: [.character("q"), .control("c")], label: "q", action: .quit, help: "Quit", hint: .init("quits")),
    ]

    /// The table of a mode.
    public static func table(for mode: InputMode) -> [KeyBinding] {
        switch mode {
        case .list: all
        case .timetable: timetable
        case .map: map
        case .search: search
        case .filterPicker: filterPicker
        case .help: help
        case .sessionPanel: sessionPanel
        case .delegatePanel: delegatePanel
        case .changesPanel: changesPanel
        }
    }

    /// A digit for each of the first nine views, in tab order, from ``ViewRegistry``.
    static var viewDigits: [KeyBinding] {
        ViewRegistry.all.compactMap { view in
            view.digit.map { KeyBinding(keys: [.character($0)], label: String($0), action: .showView(view), help: view.title) }
        }
    }

    /// The action bound to a key in list mode, if any.
    public static func action(for key: Key) -> Action? {
        action(for: key, in: .list)
    }

    /// The action bound to a key in a mode: its own table first (the Timetable's, then the
    /// lists'), then ``everywhere``.
    public static func action(for key: Key, in mode: InputMode) -> Action? {
        table(for: mode).action(for: key) ?? (mode.fallsBackToList ? all.action(for: key) : nil)
            ?? everywhere.action(for: key)
    }
}
