import ConveneText
import Glibc

/// Writes to stdout and stderr without Foundation's buffering surprises, and
/// never loses a write error.
///
/// Every write to stdout either delivers all its bytes or throws a
/// ``CLIError`` with status 74 (EX_IOERR) and a message naming what failed, so
/// `convene delegates > /dev/full` or a closed stdout cannot end in exit 0. A
/// non-blocking stdout that is full (EAGAIN) is waited for with `poll`, never
/// dropped. A reader that goes away (`| head`) raises SIGPIPE, whose default
/// action ends the process quietly with 141 like any Unix filter; Swift and
/// Foundation leave SIGPIPE at its default (measured: SigIgn in /proc), and a
/// parent that ignores it gets EPIPE reported as a write error instead.
enum Output {
    /// Text for a person on stdout (messages, summaries): everything is sanitised,
    /// including any argument the user typed that the text echoes (a path with a newline).
    static func message(_ text: String) throws(CLIError) {
        try write(sanitize(text))
    }

    /// Text that is already safe for a terminal (rendered tables), written as it is.
    static func write(_ text: String) throws(CLIError) {
        let error = write(text, to: 1)
        if error != 0 {
            throw CLIError("cannot write to standard output: \(describe(errno: error))", status: .ioError)
        }
    }

    /// Machine-readable output (CSV, JSON, iCalendar): exact when it goes to a file or a pipe.
    ///
    /// When stdout is a terminal a person is reading it, and the data could carry
    /// escape sequences that retitle the terminal; it is then sanitised like a table.
    static func writeData(_ text: String) throws(CLIError) {
        try write(isatty(1) != 0 ? Sanitizer.text(text) : text)
    }

    /// One message on stderr, prefixed with the program name.
    ///
    /// Messages quote ids and names from data files and the arguments the user
    /// typed, so they are sanitised like everything else that reaches a terminal.
    /// A failure to write to stderr has nowhere to be reported; the exit status
    /// of the error being reported still says that something failed.
    static func error(_ message: String) {
        write("convene: \(sanitize(message))\n", to: 2)
    }

    /// Writes all of `text` to a file descriptor: retries short writes and EINTR,
    /// waits with `poll` when a non-blocking descriptor is full (EAGAIN).
    ///
    /// - Returns: 0 when every byte was written, else the `errno` of the failure.
    @discardableResult
    static func write(_ text: String, to fd: Int32) -> Int32 {
        var t = text
        return t.withUTF8 { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return 0 }
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, base + offset, buffer.count - offset)
                if n > 0 {
                    offset += n
                    continue
                }
                if n == 0 { return EIO }   // no progress and no error: do not spin
                switch errno {
                case EINTR: continue
                case EAGAIN, EWOULDBLOCK:
                    var waiting = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                    // Any wake-up (room, an error, a hang-up) goes back to write(), which says which.
                    while poll(&waiting, 1, -1) < 0 && errno == EINTR {}
                case let failure: return failure
                }
            }
            return 0
        }
    }

    /// `strerror` in lower case, as it reads inside a sentence: "no space left on device".
    static func describe(errno code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    /// Sanitises a message for a terminal.
    ///
    /// Messages keep their own line breaks (a list of problems), so
    /// ``Sanitizer/text(_:)`` is the rule; but an argument the user typed is one
    /// field, and a newline or CR in it would break the message apart, so every
    /// typed argument that carries a line break is first replaced by its
    /// one-line form (`a␊b`).
    static func sanitize(_ text: String) -> String {
        var t = text
        for (typed, shown) in typedArguments where t.contains(typed) {
            t = t.replacing(typed, with: shown)
        }
        return Sanitizer.text(t)
    }

    /// The command-line arguments (and `--option=value` values) that contain a
    /// line break, longest first, with their one-line forms.
    private static let typedArguments: [(String, String)] = {
        var found: [String] = []
        for argument in CommandLine.arguments.dropFirst() {
            found.append(argument)
            if argument.hasPrefix("-"), let equals = argument.firstIndex(of: "=") {
                found.append(String(argument[argument.index(after: equals)...]))
            }
        }
        return found.filter { !$0.isEmpty && Sanitizer.line($0) != Sanitizer.text($0) }
            .sorted { $0.utf8.count > $1.utf8.count }
            .map { ($0, Sanitizer.line($0)) }
    }()
}

/// Descriptors 0, 1 and 2 are always taken, so that no file convene opens lands on them.
///
/// A shell's `>&-` starts convene with no stdout: the first `open` would then
/// return 1, and the listing would be written into the data file (or fail
/// with a confusing reason). A closed stdout is given /dev/null opened
/// read-only, so a write to it still fails (EBADF) and is reported; a closed
/// stdin or stderr gets /dev/null the ordinary way round.
enum StandardStreams {
    static func reserve() {
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", fd == 2 ? O_WRONLY : O_RDONLY)
            if opened >= 0 && opened != fd {
                dup2(opened, fd)
                close(opened)
            }
        }
    }
}
