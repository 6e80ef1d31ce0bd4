/// Why the full-screen browser cannot run here, as one line a user can act on.
///
/// Thrown by ``TerminalCheck/check(environment:standardInputIsTerminal:standardOutputIsTerminal:)``
/// and ``Terminal/start()`` before anything is written to the terminal, so the
/// executable can print `description` to stderr and exit non-zero instead of
/// letting ncurses exit the process or write escape sequences into a file.
public struct TerminalUnavailable: Error, Sendable, Hashable, CustomStringConvertible {
    /// What exactly is missing.
    public enum Reason: Sendable, Hashable {
        /// Standard input is a file, a pipe or closed: keys cannot be read (and
        /// ncurses would spin on end of file).
        case standardInputNotTerminal
        /// Standard output is a file or a pipe: escape sequences would land in it.
        case standardOutputNotTerminal
        /// `TERM` is unset or empty.
        case termUnset
        /// `TERM` names no terminal in the terminfo database.
        case unknownTerm(String)
        /// The terminfo database itself could not be found.
        case noTerminfoDatabase(String)
        /// `TERM=dumb`, or a hard-copy terminal.
        case dumbTerm(String)
        /// The terminal description has no cursor addressing (`cup`).
        case noCursorAddressing(String)
        /// ncurses refused to start (`newterm` returned nothing).
        case cursesFailed(String)
        /// Another ``Terminal`` in this process has curses already (a programming error).
        case alreadyRunning
    }

    public var reason: Reason

    public init(_ reason: Reason) {
        self.reason = reason
    }

    /// Commands that work without a full-screen terminal, named in every message.
    static let plainCommands =
        "use `convene events`, `convene delegates`, `convene summary` … (see `convene --help`) for plain output"

    /// One line: what is wrong, and what to run instead.
    public var description: String {
        switch reason {
        case .standardInputNotTerminal:
            return "stdin is not a terminal (redirected from a file or pipe): \(Self.plainCommands)"
        case .standardOutputNotTerminal:
            return "stdout is not a terminal (redirected to a file or pipe): \(Self.plainCommands)"
        case .termUnset:
            return "TERM is not set, so the terminal type is unknown: set TERM (e.g. TERM=xterm-256color) or \(Self.plainCommands)"
        case .unknownTerm(let term):
            return "TERM='\(term)' is not in the terminfo database: set TERM to a known type (e.g. xterm-256color) or \(Self.plainCommands)"
        case .noTerminfoDatabase(let term):
            return "no terminfo database was found to describe TERM='\(term)': install ncurses-base/ncurses-term or \(Self.plainCommands)"
        case .dumbTerm(let term):
            return "TERM='\(term)' cannot draw a full-screen interface: \(Self.plainCommands)"
        case .noCursorAddressing(let term):
            return "TERM='\(term)' has no cursor addressing (terminfo 'cup'): \(Self.plainCommands)"
        case .cursesFailed(let term):
            return "ncurses could not start on TERM='\(term)': \(Self.plainCommands)"
        case .alreadyRunning:
            return "the terminal is already in use by another full-screen view in this process"
        }
    }
}
