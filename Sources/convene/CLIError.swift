import ConveneModel

/// The exit statuses convene uses, named after BSD's sysexits.h.
///
/// `convene --help` and the README list these; signals that end the browser
/// exit 128 + the signal (130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP).
enum ExitStatus: Int32, CaseIterable, Sendable {
    case success = 0
    /// `diff`: the two schedules differ (as diff(1) says it); the changes are on stdout.
    case differences = 1
    /// The command line is wrong: an unknown option, country, city, event or session.
    case usage = 64
    /// Invalid data: a file that does not load, a merge conflict, rows an import could not take.
    case dataError = 65
    /// A file that cannot be read, or a URL that cannot be fetched with no cached copy.
    case noInput = 66
    /// No usable terminal for the browser.
    case unavailable = 69
    /// An output file cannot be created or replaced.
    case cantCreate = 73
    /// Output could not be written: standard output, or the stars file.
    case ioError = 74
    /// The data file changed while it was being read: running the command again will do.
    case tempFail = 75
    /// No place for the stars file (neither HOME nor XDG_STATE_HOME set).
    case config = 78

    /// The status for a loader's exit code (65, 66 or 75); anything else counts as invalid data.
    init(loadExitCode code: Int32) {
        self = ExitStatus(rawValue: code) ?? .dataError
    }

    /// One line per status for `convene --help`.
    static let helpText = """
        Exit codes:
          0    success
          1    diff: the schedules differ; elsewhere an unexpected error that has no code of its own
          64   usage error: an unknown option, country, city, event or session
          65   invalid data: every problem is listed on stderr
          66   a file that cannot be read, or a URL that cannot be fetched and has no cached copy
          69   no usable terminal for the browser
          73   an output file cannot be written (import, merge, export, generate)
          74   output could not be written: stdout (a full disk, closed) or the stars file
          75   the data file changed while it was being read: run the command again
          78   no place for the stars file: set HOME or XDG_STATE_HOME
          129, 130, 143   the browser was ended by SIGHUP, SIGINT (Ctrl-C) or SIGTERM
                (other signals that end a process: 128 + the signal, terminal restored)
          141  the reader of standard output went away (SIGPIPE, e.g. `| head`)
        """
}

/// An error that ends a command: a message for stderr and the exit status.
///
/// Commands throw it; `Convene.main` prints the message (sanitised, through
/// ``Output/error(_:)``) and exits with the status — one place instead of a
/// print-then-exit pair at every failure. A nil message means the problems
/// were already printed (e.g. `validate` reports each file as it goes).
struct CLIError: Error, Sendable {
    var message: String?
    var status: ExitStatus

    init(_ message: String?, status: ExitStatus) {
        self.message = message
        self.status = status
    }

    /// A loader's error, with the loader's status (65 or 66).
    init(_ error: LoadError) {
        self.init(error.description, status: ExitStatus(loadExitCode: error.exitCode))
    }
}

/// A usage error: exit 64 with `message`.
func usage(_ message: String) -> CLIError {
    CLIError(message, status: .usage)
}
