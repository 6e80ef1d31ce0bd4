import CNCursesW
import Glibc
import Synchronization

// Signal handlers are C function pointers: they cannot capture a `Terminal`,
// so the little state they share with it lives in these globals.
//
// The flags are `Atomic` rather than plain `sig_atomic_t` globals: Swift has
// no `volatile`, and a global `var` gets dynamic exclusivity checks in debug
// builds, which a handler interrupting a read could trip. A lock-free atomic
// store is async-signal-safe. Every global here is touched once in
// `SignalHandlers.install()` before any handler can run, so a handler never
// performs a global's lazy initialisation.

/// The terminating signal received (SIGINT, SIGTERM, SIGHUP, SIGQUIT, or any
/// other whose default action would end the process), or 0.
let pendingQuitSignal = Atomic<Int32>(0)
/// Set by SIGTSTP (Ctrl-Z); acted on by `Terminal.nextEvent()`.
let pendingSuspend = Atomic<Int32>(0)
/// Set by SIGCONT; the screen must be repainted in full.
let pendingContinue = Atomic<Int32>(0)
/// 1 while curses owns the terminal, so the crash handler knows whether to call `endwin`.
let cursesActive = Atomic<Int32>(0)
/// Which of ``SignalHandlers/otherEndingSignals`` got our handler (bit N for signal N),
/// so that `restore()` puts back only what it replaced.
let installedOthers = Atomic<UInt64>(0)

/// Previous handlers, indexed by signal number, restored by `stop()` and by the crash handler.
/// Written only while no handler of ours is installed.
nonisolated(unsafe) let savedActions: UnsafeMutablePointer<sigaction> = {
    let count = 65  // _NSIG on Linux: signal numbers run from 1 to 64
    let actions = UnsafeMutablePointer<sigaction>.allocate(capacity: count)
    actions.initialize(repeating: sigaction(), count: count)
    return actions
}()

/// Writes a constant string to the terminal (stdout) with `write(2)`: async-signal-safe.
func writeToTerminal(_ text: StaticString) {
    _ = write(STDOUT_FILENO, text.utf8Start, text.utf8CodeUnitCount)
}

/// Installs and removes the backend's signal handlers.
///
/// They must be in place before `newterm`: ncurses installs its own SIGINT and
/// SIGTERM handlers only when those are still at their defaults, and its
/// handlers call `endwin()` then `_exit(1)`, so the app's own cleanup would never run.
enum SignalHandlers {
    /// Signals that ask the app to quit: it leaves its loop, cleans up, then calls `stop()`.
    static let quitSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    /// Signals that mean the process is crashing (Swift traps are SIGILL or SIGTRAP).
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]
    /// Job control: suspend (Ctrl-Z) and continue.
    static let jobControlSignals: [Int32] = [SIGTSTP, SIGCONT]

    /// Every other signal whose default action ends the process (signal(7)):
    /// left alone, any of them would kill the browser with the alternate screen,
    /// the hidden cursor, mouse tracking and raw mode still on. They quit like
    /// the ``quitSignals`` (exit 128 + N), but only where nobody else handles
    /// or ignores them, e.g. SIGPIPE ignored by a parent stays ignored.
    /// The real-time signals are included: their default action ends the process too.
    static var otherEndingSignals: [Int32] {
        var signals: [Int32] = [SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM, SIGSTKFLT, SIGXCPU, SIGXFSZ,
                                SIGVTALRM, SIGPROF, SIGPOLL, SIGPWR, SIGSYS]
        let first = __libc_current_sigrtmin(), last = __libc_current_sigrtmax()
        if first > 0, first <= last, last < 65 { signals += Array(first...last) }
        return signals
    }

    static var allSignals: [Int32] { quitSignals + crashSignals + jobControlSignals }

    static func install() {
        // Initialise every global a handler touches, before any handler can run.
        pendingQuitSignal.store(0, ordering: .relaxed)
        pendingSuspend.store(0, ordering: .relaxed)
        pendingContinue.store(0, ordering: .relaxed)
        _ = cursesActive.load(ordering: .relaxed)
        let saved = savedActions

        // No SA_RESTART: a signal interrupts get_wch, so nextEvent returns at once.
        for signal in quitSignals {
            set(signal, saveInto: saved, flags: 0) { received in
                pendingQuitSignal.store(received, ordering: .relaxed)
            }
        }
        var others: UInt64 = 0
        for signal in otherEndingSignals where isAtDefault(signal) {
            set(signal, saveInto: saved, flags: 0) { received in
                pendingQuitSignal.store(received, ordering: .relaxed)
            }
            others |= 1 << UInt64(signal)
        }
        installedOthers.store(others, ordering: .relaxed)
        // Only flags: endwin/refresh are not async-signal-safe, so the work
        // happens in nextEvent, at most one input timeout (100 ms) later.
        set(SIGTSTP, saveInto: saved, flags: 0) { _ in
            pendingSuspend.store(1, ordering: .relaxed)
        }
        set(SIGCONT, saveInto: saved, flags: 0) { _ in
            pendingContinue.store(1, ordering: .relaxed)
        }
        // A crash: restore the terminal, then hand the signal to whoever had it
        // before (Swift's backtracer, or the default action) by re-raising it.
        // endwin is not async-signal-safe, but the process is dying anyway and
        // a terminal left in the alternate screen with echo off is worse.
        for signal in crashSignals {
            set(signal, saveInto: saved, flags: Int32(SA_NODEFER)) { received in
                if cursesActive.load(ordering: .relaxed) != 0 {
                    writeToTerminal("\u{1B}[?2004l")     // bracketed paste off
                    endwin()
                    tcflush(STDIN_FILENO, TCIFLUSH)     // nothing typed ahead reaches the shell
                }
                sigaction(received, savedActions + Int(received), nil)
                raise(received)
            }
        }
    }

    /// Puts back the handlers that were installed before `install()`.
    static func restore() {
        for signal in allSignals {
            sigaction(signal, savedActions + Int(signal), nil)
        }
        let others = installedOthers.exchange(0, ordering: .relaxed)
        for signal in otherEndingSignals where others & (1 << UInt64(signal)) != 0 {
            sigaction(signal, savedActions + Int(signal), nil)
        }
    }

    /// Whether a signal still has its default action (no handler, not ignored).
    private static func isAtDefault(_ signal: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(signal, nil, &current) == 0 else { return false }
        return current.__sigaction_handler.sa_handler == nil && current.sa_flags & Int32(SA_SIGINFO) == 0
    }

    private static func set(
        _ signal: Int32,
        saveInto saved: UnsafeMutablePointer<sigaction>,
        flags: Int32,
        handler: @escaping @convention(c) (Int32) -> Void
    ) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        action.sa_flags = flags
        sigemptyset(&action.sa_mask)
        sigaction(signal, &action, saved + Int(signal))
    }
}
