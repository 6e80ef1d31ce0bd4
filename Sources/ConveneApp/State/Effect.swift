/// Something the reducer asks the outside world to do, returned by ``AppState/handle(_:)-(InputEvent)``.
///
/// The reducer never does I/O: it changes the state and returns effects as
/// values, which the browse loop carries out and reports back (as Bubble Tea's
/// `Cmd`). Tests assert them: starring a session returns `[.save]`, `e` in the
/// Agenda `[.export(…)]`, `q` `[.quit]`, Ctrl-L `[.redraw]`.
///
/// New kinds of work (fetching a remote schedule, a desktop notification) become
/// new cases here, carried out by the loop, so the reducer stays pure.
public enum Effect: Sendable, Equatable {
    /// Star changes are waiting in `agenda.unsaved`: save them (the loop reports
    /// back with `saveSucceeded` or `saveFailed`, and owns the retry timing).
    case save
    /// Write these sessions as iCalendar (the loop reports back with `exportFinished`).
    case export(ExportRequest)
    /// Leave the browser; keys after it in the same batch are not handled.
    case quit
    /// Repaint the whole terminal, not only the cells that changed (Ctrl-L).
    case redraw
    /// Fetch the schedule's URL again now (`r`); the loop reports back through `reload(with:)` or the message.
    case refresh
}
