import ConveneModel

extension Reports {
    /// What changed between two versions of a schedule (``ScheduleChanges``), one row per change:
    /// what kind, which session, what it was and what it is.
    ///
    /// A room or speaker list that is absent on one side is "not recorded" (an em dash in a
    /// table, `null` in JSON); a new session has no `before` and a cancelled one no `after`.
    public static func changes(_ changes: [ScheduleChange]) -> Report {
        var r = Report(columns: [
            .init("change", "Change"), .init("event", "Event"), .init("id", "ID"), .init("title", "Title"),
            .init("before", "Before"), .init("after", "After"), .init("key", "Key", inTable: false),
        ])
        for c in changes {
            let absent: ReportValue = c.kind == .movedRoom || c.kind == .speakers ? .notRecorded : .null
            r.rows.append([
                .text(c.kind.rawValue), .text(c.event), .text(c.session), .text(c.title),
                c.before.map(ReportValue.text) ?? absent, c.after.map(ReportValue.text) ?? absent, .text(c.key),
            ])
        }
        return r
    }
}
