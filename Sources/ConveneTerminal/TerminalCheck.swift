import CNCursesW
import Glibc

/// A pre-flight check that the process can run a full-screen interface.
///
/// `initscr()` exits the whole process with "Error opening terminal" when
/// `TERM` is unset or unknown; `TERM=dumb` "works" and draws garbage; a
/// redirected stdout collects escape sequences; stdin at end of file makes
/// ncurses spin. Running this first, before any ncurses screen exists, turns
/// each of those into a one-line ``TerminalUnavailable`` the executable can print.
public enum TerminalCheck {
    /// The environment variables the backend reads, taken from the running process.
    ///
    /// Only these keys are read (with `getenv`), which keeps this module free of
    /// Foundation and of the C `environ` global.
    public static func currentEnvironment() -> [String: String] {
        var environment: [String: String] = [:]
        for key in ["TERM", "NO_COLOR", "ESCDELAY"] {
            if let value = getenv(key) {
                environment[key] = String(cString: value)
            }
        }
        return environment
    }

    /// Throws the first reason the terminal cannot host the browser; returns quietly when it can.
    ///
    /// Checks, in order: stdin and stdout are terminals, `TERM` is set, terminfo
    /// knows it (via `setupterm` with an error pointer, so it never exits), it is
    /// not `dumb` or hard-copy, and it has cursor addressing (`cup`). Nothing is
    /// written to the terminal, and what `setupterm` allocates is released.
    ///
    /// - Parameters:
    ///   - environment: Where `TERM` comes from; defaults to the process environment.
    ///   - standardInputIsTerminal: Defaults to `isatty(0)`.
    ///   - standardOutputIsTerminal: Defaults to `isatty(1)`.
    public static func check(
        environment: [String: String] = currentEnvironment(),
        standardInputIsTerminal: Bool = isatty(STDIN_FILENO) == 1,
        standardOutputIsTerminal: Bool = isatty(STDOUT_FILENO) == 1
    ) throws(TerminalUnavailable) {
        guard standardOutputIsTerminal else { throw TerminalUnavailable(.standardOutputNotTerminal) }
        guard standardInputIsTerminal else { throw TerminalUnavailable(.standardInputNotTerminal) }
        guard let term = environment["TERM"], !term.isEmpty else { throw TerminalUnavailable(.termUnset) }
        if term == "dumb" { throw TerminalUnavailable(.dumbTerm(term)) }

        // With an error pointer setupterm reports failure instead of printing
        // and exiting. fd 1 is only used to ask for the window size.
        var status: Int32 = 0
        var hasCursorAddressing: Int32 = 0
        guard sh_probe_terminal(term, STDOUT_FILENO, &status, &hasCursorAddressing) == OK else {
            switch status {
            case 1: throw TerminalUnavailable(.dumbTerm(term))          // a hard-copy terminal
            case -1: throw TerminalUnavailable(.noTerminfoDatabase(term))
            default: throw TerminalUnavailable(.unknownTerm(term))
            }
        }
        guard hasCursorAddressing != 0 else { throw TerminalUnavailable(.noCursorAddressing(term)) }
    }
}
