import ConveneScreen

/// Everything a user can ask the browser to do, named before it changes anything.
///
/// Keys are mapped to actions by the tables in ``KeyBindings``, one per
/// ``InputMode``; the same tables drive the key handling, the help screen and the
/// hints, so none of them can disagree.
public enum Action: Sendable, Hashable {
    case quit
    case toggleHelp
    case showView(ViewID)
    case nextView, previousView
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    /// Timetable: the nearest block in the room to the left or right; the previous or next day.
    case moveLeft, moveRight, previousDay, nextDay
    /// Map: closer or farther (`+`, `-`).
    case zoomIn, zoomOut
    case open
    case back
    case startSearch
    case nextMatch, previousMatch
    /// The filter picker on the country facet (`c`).
    case openCountryPicker
    /// The filter picker on the session facets (`f`).
    case openFilterPicker
    case clearFilters
    case cycleSort, reverseSort
    case toggleStar, toggleStarredOnly, jumpToNow, toggleTimeZone
    case exportCalendar
    /// `b`: Summary breaks the delegates down by the next property (``DelegateBreakdown``).
    case cycleBreakdown
    /// Opens the Changes panel: what changed since the user last looked.
    case showChanges
    /// `J`/`K`: scroll the detail pane beside the list (the arrows move the list).
    case scrollDetailDown, scrollDetailUp
    case redraw
    /// `r`: fetch a schedule opened from a URL again now.
    case refresh
    // In a prompt (search, filter picker).
    /// Deletes the last character typed.
    case deleteBackward
    /// Empties the prompt.
    case clearText
    /// Search: leave the prompt and keep the search.
    case keepSearch
    /// Search: leave the prompt and drop the search.
    case dropSearch
    /// Filter picker: tick or untick the highlighted value (several can be ticked).
    case tickValue
    /// Filter picker: exclude the highlighted value, or stop excluding it.
    case excludeValue
    /// Filter picker: forget the ticks and exclusions of the facet shown.
    case clearFacet
    /// Filter picker: show the next or the previous facet.
    case nextFacet, previousFacet
    /// Filter picker: apply the ticks and exclusions of every facet (or the highlighted value).
    case applyFilters
    /// A panel or the filter picker: close it, changing nothing.
    case closePanel
}

/// What has the keys: the list, or a prompt or panel over it.
///
/// Each mode has its own table in ``KeyBindings``; a key that its table does not
/// bind is looked up in ``KeyBindings/everywhere``, and in a prompt a character
/// that neither binds is typed.
public enum InputMode: Sendable, Hashable, CaseIterable {
    case list, timetable, map, search, filterPicker, help, sessionPanel, delegatePanel, changesPanel

    /// The help screen's heading for the mode's keys.
    public var title: String {
        switch self {
        case .list: "In the lists"
        case .timetable: "In the Timetable"
        case .map: "In the Map"
        case .search: "While searching (/)"
        case .filterPicker: "Filter picker (c countries, f sessions)"
        case .help: "This help (?)"
        case .sessionPanel: "Session panel (Enter on a session)"
        case .delegatePanel: "Delegate panel (Enter on a delegate)"
        case .changesPanel: "Changes panel (C)"
        }
    }

    /// What the mode does with keys its table does not bind, for the help screen.
    public var note: String? {
        switch self {
        case .search: "Type to narrow the list (ignores case and accents); a paste is typed as one line"
        case .filterPicker: "Type to narrow the values; ✕ marks an excluded value (everything but it). "
            + "A session filter (day, track, room, type, language) also narrows the other views: "
            + "Events to those with a matching session, Delegates to their speakers, Cities to the speakers' cities"
        case .timetable, .map: "Other keys as in the lists"
        default: nil
        }
    }

    /// Whether keys its table does not bind mean what they mean in the lists (a view's own keys first).
    public var fallsBackToList: Bool { self == .timetable || self == .map }

    /// Whether characters no table binds are typed into a prompt.
    public var takesText: Bool { self == .search || self == .filterPicker }
}

/// One entry of a key table: the keys, the action, its help line and its hint.
public struct KeyBinding: Sendable {
    /// A short hint for the status line or a panel's title: "/ search", "Esc closes".
    public struct Hint: Sendable, Hashable {
        /// The key as the hint shows it; nil for the first word of the binding's label.
        public var key: String?
        /// What the key does, in a word or two.
        public var label: String
        /// Which hints stay when room runs out: lower first.
        public var priority: Int

        public init(_ label: String, key: String? = nil, priority: Int = 0) {
            self.key = key
            self.label = label
            self.priority = priority
        }
    }

    public var keys: [Key]
    /// How the keys are written in help, e.g. "j ↓".
    public var label: String
    public var action: Action
    public var help: String
    /// Shown in the mode's hints when set.
    public var hint: Hint?

    public init(keys: [Key], label: String, action: Action, help: String, hint: Hint? = nil) {
        self.keys = keys
        self.label = label
        self.action = action
        self.help = help
        self.hint = hint
    }

    /// The binding's hint as the ``KeyHints`` widget takes it, if it has one.
    public var keyHint: KeyHints.Hint? {
        hint.map { hint in
            KeyHints.Hint(key: hint.key ?? String(label.split(separator: " ").first ?? ""), label: hint.label,
                          priority: hint.priority)
        }
    }
}

extension Array where Element == KeyBinding {
    /// The action a key is bound to in this table, if any.
    public func action(for key: Key) -> Action? {
        first { $0.keys.contains(key) }?.action
    }

    /// The table's hints, in table order.
    public var hints: [KeyHints.Hint] { compactMap(\.keyHint) }

    /// The hints as one line of text: "↑↓ scroll · Esc closes".
    public var hintText: String {
        hints.map { "\($0.key) \($0.label)" }.joined(separator: " · ")
    }
}
