import CNCursesW
import ConveneScreen
import Glibc
import Synchronization

/// The ncurses backend: turns input into `InputEvent`s and writes changed cells.
///
/// It is deliberately thin. The app renders its whole state into a pure
/// `Grid`; ``draw(_:)`` writes only the cells that differ from the previous
/// frame, and ``nextEvent()`` decodes keys, mouse and resizes. Nothing else in
/// Convene touches ncurses.
///
/// A typical loop:
///
/// ```swift
/// try TerminalCheck.check()           // before anything else: a clear message, not a crash
/// let terminal = Terminal()
/// try terminal.start()
/// defer { terminal.stop() }
/// terminal.draw(render(state, terminal.size))
/// while !terminal.quitRequested {
///     guard let event = terminal.nextEvent() else { continue }   // nil at least every ~100 ms
///     state = reduce(state, event)
///     if state.quit { break }
///     terminal.draw(render(state, terminal.size))
/// }
/// ```
///
/// `Terminal` is not `Sendable`: ncurses is one process-wide, single-threaded
/// library, so the instance must stay on the thread that started it. Only one
/// `Terminal` can be started at a time.
public final class Terminal {
    /// How the terminal is set up.
    public struct Options: Sendable, Hashable {
        /// Use colours when the terminal has them. Off, only attributes (bold,
        /// reverse, underline, dim) are drawn.
        public var colors: Bool
        /// Report mouse clicks and the wheel.
        public var mouse: Bool
        /// How long to wait after Esc for the rest of an escape sequence; ignored
        /// when the `ESCDELAY` environment variable is set. ncurses' default is 1000 ms.
        public var escapeDelayMilliseconds: Int

        public init(colors: Bool = true, mouse: Bool = true, escapeDelayMilliseconds: Int = 25) {
            self.colors = colors
            self.mouse = mouse
            self.escapeDelayMilliseconds = escapeDelayMilliseconds
        }

        /// The options an environment asks for: no colours when `NO_COLOR` is set and non-empty.
        ///
        /// See https://no-color.org: the selection stays visible through reverse video.
        public init(environment: [String: String]) {
            let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
            self.init(colors: !noColor)
        }
    }

    /// How long `nextEvent()` waits for input: short enough that a missed
    /// KEY_RESIZE or a pending signal is noticed promptly.
    static let inputTimeoutMilliseconds: Int32 = 100

    /// At most one started `Terminal` per process, since curses state is global.
    private static let started = Atomic<Bool>(false)

    public let options: Options
    private let environment: [String: String]
    private var screen: OpaquePointer?
    var colorPairs: ColorPairs?
    /// The frame on screen, compared with the next one by `draw(_:)`.
    var previousFrame: Grid?
    /// Set after a resize, a suspend or continue, or `invalidate()`: the next `draw(_:)` repaints everything.
    var needsFullRepaint = true
    /// Joins bracketed pastes and decodes characters into keys.
    var decoder = InputDecoder()
    /// Events decoded but not yet returned (a paste followed by a resize, or the rest of a batch).
    var queuedEvents: [InputEvent] = []

    /// Key codes of our own, above ncurses' (`KEY_MAX` is 0777), for the bracketed-paste markers.
    static let pasteStartKeyCode: Int32 = 0o1001
    static let pasteEndKeyCode: Int32 = 0o1002

    /// The number of colours used: 8 or 256 (or more) with colours on, 0 for
    /// attributes only (`NO_COLOR`, colours turned off, or a monochrome terminal).
    ///
    /// The app can pick a richer palette on 256 colours; `Style` itself offers
    /// the eight ANSI colours, which work everywhere. 0 before `start()`.
    public private(set) var colorCount = 0

    /// Creates a backend; nothing touches the terminal until `start()`.
    ///
    /// - Parameters:
    ///   - options: Colours, mouse and Esc delay; by default from the environment (`NO_COLOR`).
    ///   - environment: Where `TERM`, `NO_COLOR` and `ESCDELAY` are read.
    public init(options: Options? = nil, environment: [String: String] = TerminalCheck.currentEnvironment()) {
        self.environment = environment
        self.options = options ?? Options(environment: environment)
    }

    deinit {
        stop()
    }

    /// Whether `start()` has succeeded and `stop()` has not yet run.
    public var isActive: Bool { screen != nil }

    /// True once SIGINT, SIGTERM, SIGHUP or SIGQUIT has arrived.
    ///
    /// The handlers only set a flag, so the app leaves its loop, saves what it
    /// must and calls `stop()` itself: ncurses' own handlers would `_exit(1)`
    /// and skip all of that.
    public var quitRequested: Bool { pendingQuitSignal.load(ordering: .relaxed) != 0 }

    /// The signal that requested the quit, e.g. to exit with 128 + its number; nil before one arrives.
    public var quitSignal: Int32? {
        let signal = pendingQuitSignal.load(ordering: .relaxed)
        return signal == 0 ? nil : signal
    }

    /// The terminal's size in cells; (0, 0) before `start()`.
    ///
    /// Render the next `Grid` at this size. It changes when `nextEvent()` returns `.resize`.
    public var size: (width: Int, height: Int) {
        guard isActive, let window = sh_stdscr() else { return (0, 0) }
        var rows: Int32 = 0
        var columns: Int32 = 0
        sh_getmaxyx(window, &rows, &columns)
        return (Int(max(0, columns)), Int(max(0, rows)))
    }

    /// Takes over the terminal: alternate screen, no echo, keys decoded, cursor hidden.
    ///
    /// Runs ``TerminalCheck/check(environment:standardInputIsTerminal:standardOutputIsTerminal:)``
    /// first and uses `newterm` (never `initscr`, which exits the process on a
    /// bad `TERM`). Signal handlers go in before `newterm` so that ncurses does
    /// not install its own. Calling it while already started does nothing.
    ///
    /// - Throws: ``TerminalUnavailable`` with a one-line reason; the terminal is untouched.
    public func start() throws(TerminalUnavailable) {
        guard !isActive else { return }
        try TerminalCheck.check(environment: environment)
        let term = environment["TERM"] ?? ""
        guard Terminal.started.compareExchange(expected: false, desired: true, ordering: .sequentiallyConsistent).exchanged
        else { throw TerminalUnavailable(.alreadyRunning) }

        Terminal.useUTF8Locale()
        SignalHandlers.install()
        guard let screen = newterm(term, sh_stdout(), sh_stdin()) else {
            SignalHandlers.restore()
            Terminal.started.store(false, ordering: .sequentiallyConsistent)
            throw TerminalUnavailable(.cursesFailed(term))
        }
        set_term(screen)
        self.screen = screen
        cursesActive.store(1, ordering: .relaxed)
        configureInput()
        configureColors()
        previousFrame = nil
        needsFullRepaint = true
        decoder = InputDecoder()
        queuedEvents = []
        Terminal.setBracketedPaste(true)
    }

    /// Gives the terminal back as it was: main screen, echo, visible cursor, no bracketed paste,
    /// previous signal handlers; input not yet read is discarded.
    ///
    /// Safe to call more than once, and called by `deinit` as a last resort.
    /// After a quit signal the app calls this once its own cleanup is done.
    public func stop() {
        guard let screen else { return }
        Terminal.setBracketedPaste(false)
        curs_set(1)
        endwin()
        // Whatever was typed or pasted ahead and not read must not reach the shell as commands.
        tcflush(STDIN_FILENO, TCIFLUSH)
        cursesActive.store(0, ordering: .relaxed)
        delscreen(screen)
        self.screen = nil
        SignalHandlers.restore()
        fflush(sh_stdout())
        colorPairs = nil
        colorCount = 0
        previousFrame = nil
        Terminal.started.store(false, ordering: .sequentiallyConsistent)
    }

    /// Makes the next `draw(_:)` repaint the whole screen, e.g. for Ctrl-L.
    ///
    /// Needed only when something other than this backend wrote to the terminal.
    public func invalidate() {
        needsFullRepaint = true
    }

    // MARK: Setup

    /// Turns the terminal's bracketed paste mode on or off (`ESC [ ? 2004 h` / `l`).
    ///
    /// On, the terminal marks pasted text, so a paste reaches the app as text and
    /// never as keys. Written straight to the descriptor: async-signal-safe, so
    /// the crash handler can turn it off too.
    static func setBracketedPaste(_ on: Bool) {
        if on { writeToTerminal("\u{1B}[?2004h") } else { writeToTerminal("\u{1B}[?2004l") }
    }

    /// The user's locale, or C.UTF-8 when its codeset is not UTF-8 (LANG unset
    /// in CI or cron): without UTF-8, CJK vanishes and Vietnamese gets holes.
    private static func useUTF8Locale() {
        setlocale(LC_ALL, "")
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    private func configureInput() {
        if environment["ESCDELAY"] == nil {
            set_escdelay(Int32(clamping: options.escapeDelayMilliseconds))
        }
        cbreak()         // keys arrive at once; Ctrl-C, Ctrl-Z and Ctrl-\ still raise signals
        noecho()
        nonl()           // Enter arrives as 13, and curses may use LF for cursor motion
        let window = sh_stdscr()
        keypad(window, true)
        intrflush(window, false)
        leaveok(window, true)    // the cursor is hidden: no need to park it after each write
        curs_set(0)
        // Never block for long: KEY_RESIZE can be missed by a blocking read,
        // and the signal flags are polled between reads.
        wtimeout(window, Terminal.inputTimeoutMilliseconds)
        // The bracketed-paste markers become key codes of our own, decoded by `InputDecoder`.
        define_key("\u{1B}[200~", Terminal.pasteStartKeyCode)
        define_key("\u{1B}[201~", Terminal.pasteEndKeyCode)
        if options.mouse {
            let mask = sh_button1_pressed() | sh_button1_clicked() | sh_button4_pressed() | sh_button5_pressed()
            mousemask(mask, nil)
            mouseinterval(0)     // no click-resolution delay: a press is reported at once
        }
    }

    private func configureColors() {
        colorCount = 0
        colorPairs = nil
        guard options.colors, has_colors(), start_color() == OK else { return }
        let colors = Int(sh_colors())
        guard colors >= 8 else { return }
        let defaults = use_default_colors() == OK
        colorCount = colors
        colorPairs = ColorPairs(defaultColorsAvailable: defaults, pairLimit: Int(sh_color_pairs()))
    }
}

@available(*, unavailable, message: "ncurses is single-threaded: keep a Terminal on the thread that started it")
extension Terminal: Sendable {}
