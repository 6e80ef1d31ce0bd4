import ConveneModel
import ConveneScreen
import ConveneText

/// The Changes panel (`C`): every unseen change, starred sessions first, one line each.
enum ChangesPanel {
    static func render(_ state: AppState, selected: Int, _ grid: inout Grid, screen: Rect) {
        let entries = state.changesPanelEntries
        let area = screen.centered(width: min(screen.width - 2, 110), height: min(screen.height - 2, entries.count + 4))
        let box = Theme.panel("Changes · " + KeyBindings.changesPanel.hintText)
        box.render(into: &grid, area: area)
        let inner = box.inner(of: area)
        guard inner.width > 0, inner.height > 0 else { return }
        var lines: [[Span]] = [[Span(heading(state), style: Theme.heading)], []]
        lines += entries.map { line($0, starred: state.agenda.stars.contains($0.session), width: inner.width) }
        // One screen line per entry (each is cut to the width), so scrolling by entries is exact.
        let highlighted = entries.isEmpty ? nil : 2 + min(selected, entries.count - 1)
        let scroll = max(0, (highlighted ?? 0) - inner.height + 1)
        ScrollingText(lines: lines, offset: scroll, highlighted: highlighted, markStyle: Theme.heading)
            .render(into: &grid, inner: inner, frame: area)
    }

    /// "3 sessions changed since you last looked (1 starred)", or that nothing did.
    static func heading(_ state: AppState) -> String {
        let sessions = state.changeMarks.unseen.count
        guard sessions > 0 else { return "Nothing changed since you last looked" }
        let starred = state.starredChangedCount
        return "\(sessions) session\(sessions == 1 ? "" : "s") changed since you last looked"
            + (starred == 0 ? "" : " (\(starred) starred, listed first)")
    }

    /// `★ moved (room)     Opening — Hall A → Hall B`, cut to `width`.
    static func line(_ change: ScheduleChange, starred: Bool, width: Int) -> [Span] {
        let what: String
        switch change.kind {
        case .new: what = change.after ?? ""
        case .cancelled: what = "was " + (change.before ?? "")
        case .movedTime, .movedRoom, .retitled, .speakers:
            what = (change.before ?? NotRecorded.dash) + " → " + (change.after ?? NotRecorded.dash)
        }
        let mark = starred ? Marker.star + " " : "  "
        let label = TextLayout.pad(change.kind.label, toWidth: 17)
        let text = TextLayout.truncate(change.title + " — " + what, toWidth: max(0, width - 2 - 17))
        return [Span(mark, style: Theme.label), Span(label, style: change.kind == .cancelled ? Theme.clash : Theme.label),
                Span(text)]
    }
}
