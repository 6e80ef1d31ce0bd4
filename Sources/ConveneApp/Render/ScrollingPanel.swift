import ConveneModel
import ConveneScreen

/// A panel whose text scrolls (help, session, delegate): where it goes, its frame and its text.
///
/// Worked out by one function for the renderer and the reducer, so the reducer
/// clamps an offset against exactly the lines and height that are drawn: End then
/// ↑ moves up at once, and ↓ at the end does nothing.
struct ScrollingPanel {
    /// The panel's area, frame included.
    var frame: Rect
    var box: Box
    /// The text, with the offset as the overlay holds it (clamped when drawn).
    var text: ScrollingText

    /// The area inside the frame.
    var inner: Rect { box.inner(of: frame) }
    /// The largest offset that still shows text: the last line at the bottom.
    var maximumOffset: Int { text.maximumOffset(width: inner.width, height: inner.height) }
    /// How far PgUp/PgDn scroll: a screenful less one line, so the reader keeps their place.
    var page: Int { max(1, inner.height - 1) }

    /// Draws the frame, the text and the "more" marks.
    func render(into grid: inout Grid) {
        box.render(into: &grid, area: frame)
        text.render(into: &grid, inner: inner, frame: frame)
    }

    /// The screen between the title bar and the status line, where panels open.
    static func screen(_ state: AppState) -> Rect {
        Rect(row: 0, column: 0, width: state.width, height: state.height).inset(top: 1, left: 0, bottom: 1, right: 0)
    }

    /// The scrolling panel an overlay shows, or nil for the pickers and the Changes panel (scrolled by their selection).
    static func of(_ overlay: Overlay, _ state: AppState) -> ScrollingPanel? {
        let screen = screen(state)
        switch overlay {
        case .help(let offset):
            let frame = screen.centered(width: min(screen.width - 2, 76), height: screen.height - 2)
            let box = Theme.panel("Help · " + KeyBindings.help.hintText)
            let lines = OverlayRenderer.helpLines(state, width: box.inner(of: frame).width)
            return ScrollingPanel(frame: frame, box: box, text: ScrollingText(lines: lines, offset: offset, markStyle: Theme.heading))
        case let .session(e, s, selected, offset):
            let frame = screen.centered(width: min(screen.width - 2, 80), height: screen.height - 2)
            let box = Theme.panel("Session · " + KeyBindings.sessionPanel.hintText)
            let lines = AgendaView.sessionDetail(state.index, e, s, state.agenda)
            return ScrollingPanel(frame: frame, box: box,
                                  text: ScrollingText(lines: lines, offset: offset,
                                                      highlighted: speakerLine(lines).map { $0 + selected },
                                                      markStyle: Theme.heading))
        case let .delegate(i, offset):
            let frame = screen.centered(width: min(screen.width - 2, 80), height: screen.height - 2)
            let box = Theme.panel("Delegate · " + KeyBindings.delegatePanel.hintText)
            let lines = DelegatesView.delegateDetail(state.index, i, state.agenda)
            return ScrollingPanel(frame: frame, box: box, text: ScrollingText(lines: lines, offset: offset, markStyle: Theme.heading))
        case .filterPicker, .changes:
            return nil
        }
    }

    /// The line of a session's first speaker: the one after the "Speakers" heading.
    static func speakerLine(_ lines: [DetailLine]) -> Int? {
        lines.firstIndex { $0.first?.text == "Speakers" }.map { $0 + 1 }
    }
}
