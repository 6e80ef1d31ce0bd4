import ConveneModel
import ConveneScreen

extension AppState {
    /// Handles one input event: the app's whole update function.
    public mutating func handle(_ event: InputEvent) {
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
            if overlay != nil {
                handleOverlayKey(key)
            } else if isEditingSearch {
                handleSearchKey(key)
            } else if let action = KeyBindings.action(for: key) {
                apply(action)
            }
        }
    }

    private mutating func handleSearchKey(_ key: Key) {
        switch key {
        case .character(let c):
            search.append(c)
            searchChanged()
        case .backspace, .delete:
            if !search.isEmpty {
                search.removeLast()
                searchChanged()
            }
        case .enter:
            searchBeforeEdit = nil
            if search.isEmpty { message = nil } else { message = "Search kept: Esc clears it" }
        case .escape:
            searchBeforeEdit = nil
            search = ""
            searchChanged()
        case .up: apply(.moveUp)
        case .down: apply(.moveDown)
        case .pageUp: apply(.pageUp)
        case .pageDown: apply(.pageDown)
        case .control("u"):
            search = ""
            searchChanged()
        default: break
        }
    }

    /// The list narrows on each key; Summary, which is not a list of records, jumps to the first match instead.
    private mutating func searchChanged() {
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

    private mutating func handleMouse(_ mouse: MouseEvent) {
        let layout = Layout(width: width, height: height, view: view)
        if overlay != nil {
            if mouse.kind == .click { overlay = nil }
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
