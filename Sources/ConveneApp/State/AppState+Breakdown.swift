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
        recountBreakdown()
        position.selected = 0
        position.offset = 0
        refresh(keepingSelection: false)
        message = "Summary " + summaryBreakdown.title.lowercased() + " · b for the next breakdown"
    }

    /// Counts `breakdown` and `hostLine` for the current filter (the summary's own counts reused for country).
    mutating func recountBreakdown() {
        breakdown = summaryBreakdown == .country ? summary.byCountry : index.breakdown(summaryBreakdown, filter)
        hostLine = filter.event.flatMap { index.eventByID[$0] }.map { index.hostLine(event: $0, filter) }
    }
}
