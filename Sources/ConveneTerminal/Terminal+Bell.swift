import CNCursesW

extension Terminal {
    /// Rings the terminal bell once (ncurses `beep`, which flashes instead where there is no bell):
    /// a reminder that a starred session is about to start.
    public func bell() {
        _ = beep()
    }
}
