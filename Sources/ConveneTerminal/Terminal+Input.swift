import CNCursesW
import ConveneScreen
import Glibc

extension Terminal {
    /// The next key, mouse action, resize or paste; `nil` when nothing happened within about 100 ms.
    ///
    /// The short wait bounds how late a resize or a signal is noticed. Check
    /// ``quitRequested`` whenever this returns. Ctrl-Z is handled here too:
    /// the terminal is restored, the process stops, and on `fg` curses comes
    /// back, the screen is repainted in full and `.resize` is returned with the
    /// current size so the app renders a fresh frame. A bracketed paste comes
    /// back whole, as one `.paste`. Returns `nil` before `start()`.
    public func nextEvent() -> InputEvent? {
        guard isActive, let window = sh_stdscr() else { return nil }
        if !queuedEvents.isEmpty { return queuedEvents.removeFirst() }
        if let event = handleJobControl() { return event }
        while !quitRequested {
            guard let raw = readRaw(window) else {
                // Timeout, or a signal interrupted the read: report a suspend at once.
                if let event = handleJobControl() { return event }
                queue(decoder.feed(.idle))
                return queuedEvents.isEmpty ? nil : queuedEvents.removeFirst()
            }
            queue(decoder.feed(raw))
            if !queuedEvents.isEmpty { return queuedEvents.removeFirst() }
            // Inside a paste, or a character that is no event: read on.
        }
        return nil
    }

    /// Everything the user has typed so far, at least one event unless the wait
    /// (about 100 ms) passed with nothing: the browse loop handles the whole batch
    /// and then draws once.
    ///
    /// Drawing after every key made a paste typed as keys cost one frame and one
    /// search per character. A batch stops at `limit` events so that a flood of
    /// input still shows progress on screen and signals are still noticed.
    public func pendingEvents(limit: Int = 4096) -> [InputEvent] {
        guard let first = nextEvent(), let window = sh_stdscr() else { return [] }
        var events = [first]
        wtimeout(window, 0)      // from here on, take only what has already arrived
        defer { wtimeout(window, Terminal.inputTimeoutMilliseconds) }
        while events.count < limit, !quitRequested {
            if !queuedEvents.isEmpty {
                events.append(queuedEvents.removeFirst())
                continue
            }
            guard let raw = readRaw(window) else {
                // Nothing more yet; an unfinished paste goes on at the next call.
                break
            }
            queue(decoder.feed(raw))
        }
        return events
    }

    private func queue(_ events: [InputEvent]) {
        queuedEvents.append(contentsOf: events)
    }

    /// One read from curses, as ``RawInput``; nil on a timeout or an interrupted read.
    private func readRaw(_ window: UnsafeMutablePointer<WINDOW>) -> RawInput? {
        var character: wint_t = 0
        let status = wget_wch(window, &character)
        if status == ERR { return nil }
        if status == KEY_CODE_YES {
            let code = Int32(bitPattern: character)
            if code == Terminal.pasteStartKeyCode { return .pasteStart }
            if code == Terminal.pasteEndKeyCode { return .pasteEnd }
            return event(forKeyCode: code, in: window).map(RawInput.event) ?? .ignored
        }
        return .character(UInt32(character))
    }

    // MARK: Job control

    /// Suspends on a pending SIGTSTP and repaints after a SIGCONT.
    ///
    /// The SIGTSTP handler only sets a flag and the work happens here, on the
    /// main thread, between reads: `endwin` and `refresh` are not
    /// async-signal-safe, and doing them here cannot interrupt a half-written
    /// frame. The cost is that a suspend waits for the next `nextEvent()`
    /// call (at most ~100 ms while the app is idle).
    private func handleJobControl() -> InputEvent? {
        if pendingSuspend.exchange(0, ordering: .relaxed) != 0 {
            Terminal.setBracketedPaste(false)
            endwin()                             // main screen, echo, visible cursor, as the shell expects
            fflush(sh_stdout())
            raise(SIGSTOP)                       // stops here until `fg` sends SIGCONT
            _ = pendingContinue.exchange(0, ordering: .relaxed)
            return resumeAfterStop()
        }
        if pendingContinue.exchange(0, ordering: .relaxed) != 0 {
            // Stopped by someone else (SIGSTOP): the shell may have reset the tty meanwhile.
            reset_prog_mode()
            return resumeAfterStop()
        }
        return nil
    }

    private func resumeAfterStop() -> InputEvent {
        curs_set(0)
        Terminal.setBracketedPaste(true)
        needsFullRepaint = true
        clearok(sh_curscr(), true)
        if let window = sh_stdscr() {
            wrefresh(window)                     // back into curses mode, showing the last frame
        }
        let (width, height) = size
        return .resize(width: width, height: height)
    }

    // MARK: Decoding

    /// Decodes a function key, mouse report or resize (`get_wch` returned KEY_CODE_YES).
    private func event(forKeyCode code: Int32, in window: UnsafeMutablePointer<WINDOW>) -> InputEvent? {
        switch code {
        case KEY_RESIZE:
            needsFullRepaint = true
            let (width, height) = size
            return .resize(width: width, height: height)
        case KEY_MOUSE:
            var report = MEVENT()
            guard getmouse(&report) == OK else { return nil }
            return Terminal.event(forMouse: report.bstate, row: Int(report.y), column: Int(report.x))
        default:
            return Terminal.key(forKeyCode: code).map(InputEvent.key)
        }
    }

    /// The `Key` for an ncurses key code, or nil for keys Convene does not use.
    static func key(forKeyCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case sh_key_f(1)...sh_key_f(12): return .function(Int(code - sh_key_f(0)))
        default: return nil
        }
    }

    /// A click or wheel step from a mouse report; releases and other buttons are ignored.
    static func event(forMouse buttons: mmask_t, row: Int, column: Int) -> InputEvent? {
        let kind: MouseEvent.Kind
        if buttons & sh_button4_pressed() != 0 {
            kind = .wheelUp
        } else if buttons & sh_button5_pressed() != 0 {
            kind = .wheelDown
        } else if buttons & (sh_button1_pressed() | sh_button1_clicked()) != 0 {
            kind = .click
        } else {
            return nil
        }
        return .mouse(MouseEvent(kind: kind, row: row, column: column))
    }
}
