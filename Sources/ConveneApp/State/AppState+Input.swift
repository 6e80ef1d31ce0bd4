import ConveneModel
import ConveneScreen

extension AppState {
    /// The longest text a prompt (search, country picker) takes, in characters.
    ///
    /// Far more than any name; and every search costs time in proportion to its
    /// length, so a runaway paste must not make each keystroke slower.
    public static let promptLimit = 256

    /// Handles one input event: the app's whole update function.
    ///
    /// Returns what the outside world must do for it (save, export, quit, redraw):
    /// the reducer itself does no I/O.
    @discardableResult
    public mutating func handle(_ event: InputEvent) -> [Effect] {
        handle(CollectionOfOne(event))
    }

    /// Handles a batch of input that arrived together (typing ahead, a paste sent as keys).
    ///
    /// The result is the same as handling the events one by one, but the search
    /// results are rebuilt once for a run of edits to the search text, not once per
    /// character: a burst of N characters costs one search, not N. Any other event
    /// sees the rows up to date. The effects come back in the order they were asked for.
    @discardableResult
    public mutating func handle(_ events: some Sequence<InputEvent>) -> [Effect] {
        var effects: [Effect] = []
        let (viewBefore, rowBefore, overlayBefore) = (view, selectedRow, overlay)
        for event in events {
            // Keys typed after `q` must do nothing (a star, an export): the app is leaving.
            if effects.contains(.quit) { break }
            if !isSearchEdit(event) { applyPendingSearch() }
            effects += handleOne(event)
        }
        applyPendingSearch()
        if view != viewBefore || selectedRow != rowBefore { detailOffset = 0 }
        noteSeen(view: viewBefore, row: rowBefore, overlay: overlayBefore)
        return effects
    }

    private mutating func handleOne(_ event: InputEvent) -> [Effect] {
        switch event {
        case let .resize(width, height):
            self.width = width
            self.height = height
            keepSelectionVisible()
        case .mouse(let mouse):
            message = nil
            handleMouse(mouse)
        case .key(let key):
            message = nil
            return handleKey(key)
        case .paste(let text):
            message = nil
            handlePaste(text)
        }
        return []
    }

    /// A key means what the current mode's table says, else what ``KeyBindings/everywhere``
    /// says; in a prompt, a character neither binds is typed.
    private mutating func handleKey(_ key: Key) -> [Effect] {
        let mode = self.mode
        if let action = KeyBindings.table(for: mode).action(for: key)
            ?? (mode.fallsBackToList ? KeyBindings.all.action(for: key) : nil) {
            switch mode {
            case .list, .timetable, .map: return apply(action)
            case .search: searchAction(action)
            case .filterPicker: pickerAction(action)
            case .help, .sessionPanel, .delegatePanel: panelAction(action)
            case .changesPanel: changesAction(action)
            }
        } else if let action = KeyBindings.everywhere.action(for: key) {
            return apply(action)
        } else if mode.takesText, case .character(let c) = key {
            type(c, in: mode)
        }
        return []
    }

    /// Whether an event only edits the search text being typed (so its refresh can wait for the batch's end).
    private func isSearchEdit(_ event: InputEvent) -> Bool {
        guard mode == .search else { return false }
        switch event {
        case .paste: return true
        case .key(let key):
            switch KeyBindings.search.action(for: key) {
            case .deleteBackward?, .clearText?: return true
            case nil: if case .character = key { return true } else { return false }
            default: return false
            }
        default: return false
        }
    }

    /// Rebuilds the rows for the search text, if it changed since the last rebuild.
    private mutating func applyPendingSearch() {
        guard searchPending else { return }
        searchPending = false
        searchChanged()
    }

    // MARK: Pastes

    /// Pasted text goes into the prompt that is open, as text; anywhere else it is ignored.
    private mutating func handlePaste(_ pasted: String) {
        let text = Self.promptText(pasted)
        if case .filterPicker(var picker)? = overlay {
            let cut = Self.append(text, to: &picker.query)
            picker.selected = 0
            overlay = .filterPicker(picker)
            if cut { message = "Country search cut at \(Self.promptLimit) characters" }
        } else if overlay == nil, isEditingSearch {
            var search = self.search
            let cut = Self.append(text, to: &search)
            self.search = search
            searchPending = true
            if cut { message = "Search cut at \(Self.promptLimit) characters" }
        } else if !text.isEmpty {
            message = "Paste ignored: press / to search, then paste"
        }
    }

    /// Pasted text as one line for a prompt: line breaks, tabs and other controls become spaces.
    static func promptText(_ pasted: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in pasted.unicodeScalars {
            let v = scalar.value
            scalars.append(v < 0x20 || (0x7F...0x9F).contains(v) ? " " : scalar)
        }
        return String(scalars)
    }

    /// Appends as much of `text` as fits under ``promptLimit``; true when some was cut.
    @discardableResult
    static func append(_ text: String, to field: inout String) -> Bool {
        let room = promptLimit - field.count
        guard room > 0 else { return !text.isEmpty }
        let taken = text.prefix(room)
        field += taken
        return taken.endIndex != text.endIndex
    }

    // MARK: Search prompt

    /// A character typed into the open prompt.
    private mutating func type(_ c: Character, in mode: InputMode) {
        if mode == .filterPicker {
            typeInPicker(c)
            return
        }
        var search = self.search
        if Self.append(String(c), to: &search) {
            message = "Search cut at \(Self.promptLimit) characters"
        } else {
            self.search = search
            searchPending = true
        }
    }

    /// An action of the search table (``KeyBindings/search``).
    private mutating func searchAction(_ action: Action) {
        switch action {
        case .deleteBackward:
            if !search.isEmpty {
                search.removeLast()
                searchPending = true
            }
        case .clearText:
            search = ""
            searchPending = true
        case .keepSearch:
            searchBeforeEdit = nil
            if search.isEmpty { message = nil } else { message = "Search kept: Esc clears it" }
        case .dropSearch:
            searchBeforeEdit = nil
            search = ""
            searchChanged()
        case .moveUp, .moveDown, .pageUp, .pageDown:
            apply(action)
        default: break
        }
    }

    /// The list narrows on each key; Summary, which is not a list of records, jumps to the first match instead.
    private mutating func searchChanged() {
        searchRuns += 1
        if !view.type.searchNarrows {
            position.selected = 0
            jumpToMatch(forward: true, includingCurrent: true)
        } else {
            position.selected = 0
            refresh(keepingSelection: false)
            settleSelection(forward: true)
            keepSelectionVisible()
        }
    }

    /// Scrolls the detail pane, clamped to its text as drawn.
    mutating func scrollDetail(by delta: Int, area: Rect) {
        let (box, text) = ScreenRenderer.detailPane(self, area: area)
        let inner = box.inner(of: area)
        let current = text.clampedOffset(width: inner.width, height: inner.height)
        detailOffset = max(0, min(current + delta, text.maximumOffset(width: inner.width, height: inner.height)))
    }

    private mutating func handleMouse(_ mouse: MouseEvent) {
        let layout = Layout(width: width, height: height, view: view)
        if overlay != nil {
            switch mouse.kind {
            case .click: overlay = nil
            case .wheelUp: wheelInPanel(down: false)
            case .wheelDown: wheelInPanel(down: true)
            }
            return
        }
        if view == .timetable, timetableMouse(mouse) { return }
        if view == .map, mapMouse(mouse) { return }
        if mouse.kind != .click, view.type.hasDetailPane, layout.detail.contains(row: mouse.row, column: mouse.column) {
            scrollDetail(by: mouse.kind == .wheelDown ? 3 : -3, area: layout.detail)
            return
        }
        switch mouse.kind {
        case .wheelUp: move(by: -3)
        case .wheelDown: move(by: 3)
        case .click:
            if mouse.row == layout.tabsRow {
                if let view = TabStrip.view(at: mouse.column, layout, width: width) {
                    apply(.showView(view))
                }
            } else if layout.list.contains(row: mouse.row, column: mouse.column), mouse.row > layout.list.row {
                let i = position.offset + (mouse.row - layout.list.row - 1)
                if rows.indices.contains(i), rows[i].isSelectable { position.selected = i }
            }
        }
    }
}
