import ConveneModel

extension AppState {
    /// `b`: in Summary, the next breakdown of the delegates; elsewhere, a word on where it works.
    mutating func cycleBreakdown() {
        guard view == .summary else {
            message = "b changes the breakdown in Summary"
            return
        }
        guard !SummaryView.showsSessions(self) else {
            message = "No delegate's country is recorded: Summary counts sessions"
            return
        }
        summaryBreakdown = summaryBreakdown.next
        position.selected = 0
        position.offset = 0
        refresh(keepingSelection: false)
        message = "Summary " + summaryBreakdown.title.lowercased() + " · b for the next breakdown"
    }
}
