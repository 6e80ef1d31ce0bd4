import ConveneApp
import ConveneScreen
import Testing

/// Each mode's key table binds its keys, writes its help section and gives its hints.
@Suite struct KeyTableTests {
    static let tables: [(String, [KeyBinding])] = InputMode.allCases.map { ($0.title, KeyBindings.table(for: $0)) }
        + [("Everywhere", KeyBindings.everywhere), ("Loading", KeyBindings.loading)]

    @Test func noKeyIsBoundTwiceInATableOrShadowedByEverywhere() {
        for (title, table) in Self.tables {
            for binding in table {
                for key in binding.keys {
                    #expect(table.action(for: key) == binding.action, "\(title): \(key) is bound twice")
                }
            }
        }
        for mode in InputMode.allCases {
            for binding in KeyBindings.everywhere {
                for key in binding.keys {
                    #expect(KeyBindings.table(for: mode).action(for: key) == nil, "\(mode) hides \(key) of everywhere")
                }
            }
        }
    }

    @Test func helpHasASectionForEveryModeWithEveryBinding() {
        // Tall enough for the whole help on one screen (it grows with every view's keys).
        var state = Sample.state(width: 80, height: 220)
        state.type("?")
        let lines = ScreenRenderer.render(state).lines
        let text = lines.joined(separator: "\n")
        for mode in InputMode.allCases {
            #expect(text.contains(mode.title), "a section for \(mode)")
        }
        for (title, table) in Self.tables where title != "Loading" {
            for binding in table where binding.help.count < 40 {
                // Label and help on one line (or a long label on the line above), the help in one column.
                let listed = lines.indices.dropFirst().contains { i in
                    lines[i].contains(binding.help) && (lines[i].contains(binding.label) || lines[i - 1].contains(binding.label))
                }
                #expect(listed, "\(title): \(binding.label) \(binding.help)")
            }
        }
        let column = lines.compactMap { line -> Int? in
            guard line.contains("Previous row") else { return nil }
            return line.distance(from: line.startIndex, to: line.range(of: "Previous row")?.lowerBound ?? line.startIndex)
        }
        #expect(column.count == 2 && Set(column).count == 1, "list and search descriptions line up: \(column)")
    }

    @Test func theStatusLineShowsTheListTablesHints() {
        let status = ScreenRenderer.render(Sample.state(width: 120, height: 40)).lines.last ?? ""
        let hints = KeyBindings.all.hints.map { "\($0.key) \($0.label)" }
        #expect(hints == ["/ search", "c country", "x clear", "s sort", "? help", "q quit"])
        for hint in hints { #expect(status.contains(hint), "\(hint) in \(status)") }
    }

    @Test func theSearchPromptShowsTheSearchTablesHints() {
        var state = Sample.state()
        state.type("/hu")
        #expect(KeyBindings.search.hintText == "Enter keep · Esc clear")
        #expect(ScreenRenderer.render(state).lines.last?.hasSuffix(" Enter keep · Esc clear ") == true)
    }

    @Test func panelTitlesCarryTheirTablesHints() {
        #expect(KeyBindings.help.hintText == "↑↓ scroll · Esc closes")
        #expect(KeyBindings.sessionPanel.hintText == "↑↓ speaker · PgDn scroll · Enter opens · Esc closes")
        #expect(KeyBindings.delegatePanel.hintText == "↑↓ scroll · Esc closes")
        #expect(KeyBindings.changesPanel.hintText == "↑↓ change · Enter shows · Esc closes")
        #expect(KeyBindings.filterPicker.hintText == "Space ticks · ! excludes · Tab facet · Enter applies · Esc cancels · ^X clears")
    }

    @Test(arguments: InputMode.allCases)
    func theModeFollowsWhatIsOpen(mode: InputMode) {
        var state = Sample.state()
        switch mode {
        case .list: break
        case .timetable: state.type("6")
        case .map: state.type("7")
        case .search: state.type("/")
        case .filterPicker: state.type("c")
        case .help: state.type("?")
        case .sessionPanel: state.type("2"); state.press(.enter)
        case .delegatePanel: state.type("3"); state.press(.enter)
        case .changesPanel: state.type("C")
        }
        #expect(state.mode == mode)
    }
}
