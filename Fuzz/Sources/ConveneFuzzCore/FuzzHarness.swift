import ConveneApp
import ConveneModel
import ConveneReports
import ConveneScreen
import ConveneText

/// One fuzz input through everything a data file reaches: load, validate, index,
/// summarise, report in every format, sanitise and draw.
///
/// The harness checks what must hold for any input, and stops the process with
/// a message when something does not, so libFuzzer records the input as a crash:
///
/// - loading ends in a directory or a ``LoadError`` with exit code 65 and a message
///   (a crash, a hang or a runaway allocation is caught by libFuzzer and ASan);
/// - no grid cell and no `table` output holds a control character, a bidi control
///   or a zero-width character (see ``Hazard``);
/// - `Sanitizer.line` is idempotent, and `Grid.write` advances exactly the display
///   width of the sanitised text;
/// - JSON output parses back with Convene's own strict parser.
public enum FuzzHarness {
    /// Runs one input. Returns whether it loaded (handy for tests and statistics).
    @discardableResult
    public static func run(_ bytes: [UInt8]) -> Bool {
        // A first byte below 0x20 never starts a data file worth loading, so it selects another path:
        // 0x01 the import path (the rest is a registration sheet), 0x02 the prompt input path,
        // 0x03 the published-schedule readers (schedule.xml, iCalendar, schedule.json).
        if bytes.first == ImportFuzz.selector { return ImportFuzz.run(Array(bytes.dropFirst())) }
        if bytes.first == PromptInputFuzz.selector { return PromptInputFuzz.run(bytes.dropFirst()) }
        if bytes.first == PublishedFuzz.selector {
            PublishedFuzz.run(Array(bytes.dropFirst()))
            return false
        }
        let directory: Directory
        do {
            directory = try DirectoryLoader.load(bytes: bytes, name: "fuzz.json")
        } catch {
            check(error.exitCode == 65, "exit code \(error.exitCode) for bytes: \(error)")
            let message = error.description
            // "fuzz.json: …", or "fuzz.json:LINE:COLUMN: …" for a published format's syntax error.
            check(message.hasPrefix("fuzz.json: ") || message.hasPrefix("fuzz.json:"),
                  "message does not name the file: \(message)")
            if case let .syntax(_, line, column, _) = error {
                check(line >= 1 && column >= 1, "bad position \(line):\(column)")
            }
            // Error messages reach the terminal through the sanitiser too (convene's Output.error).
            checkSafe(Sanitizer.text(message), allowNewlines: true, "error message")
            return false
        }
        exercise(directory, variant: bytes.count)
        return true
    }

    /// Everything done with a directory that loaded.
    static func exercise(_ directory: Directory, variant: Int) {
        for string in DirectoryStrings.all(in: directory) {
            checkString(string)
        }
        let index = DirectoryIndex(directory)
        let filter = Filter()
        var reports = [Reports.events(index, filter), Reports.agenda(index, filter),
                       Reports.delegates(index, filter), Reports.cities(index, filter)]
        reports += Reports.summary(index.summary(filter)).map(\.report)
        for report in reports {
            checkSafe(TableRenderer.render(report), allowNewlines: true, "table output")
            let json = JSONWriter().report(report)
            do {
                _ = try JSONParser.parse(Array(json.utf8), limits: JSONLimits(maxDepth: 8))
            } catch {
                check(false, "JSON output does not parse: \(error)")
            }
            _ = CSVRenderer.render(report)
        }
        checkUnlisted(index, filter)
        renderBrowser(index, variant: variant)
    }

    /// Delegates who asked not to be named are counted but get no row: the Delegates report's rows
    /// and its unlisted line add up to everyone, and no row carries an unlisted delegate's id.
    static func checkUnlisted(_ index: DirectoryIndex, _ filter: Filter) {
        let everyone = index.delegates(filter)
        let report = Reports.delegates(index, filter)
        check(report.rows.count + report.unlisted == everyone.count,
              "delegates report: \(report.rows.count) rows + \(report.unlisted) unlisted for \(everyone.count) delegates")
        let hidden = Set(everyone.filter { !index.directory.delegates[$0].listed }.map { index.directory.delegates[$0].id })
        let shown = Set(index.directory.delegates.filter(\.listed).map(\.id))
        for row in report.rows {
            if case .text(let id) = row.first, hidden.contains(id), !shown.contains(id) {
                check(false, "delegates report names unlisted delegate \(debug(id))")
            }
        }
    }

    /// Draws every view, the first and last record of each opened, and the country picker.
    ///
    /// One size per input (chosen by the input's length) keeps a run cheap: drawing
    /// is most of a run's time under the sanitizer. 80×24 is the usual terminal;
    /// 41×12 is the narrowest layout, where most clipping happens.
    static func renderBrowser(_ index: DirectoryIndex, variant: Int) {
        let (width, height) = variant % 2 == 0 ? (80, 24) : (41, 12)
        var state = AppState(index: index, width: width, height: height)
        for view in ViewID.allCases {
            state.apply(.showView(view))
            checkGrid(ScreenRenderer.render(state), "\(view) view")
            state.apply(.open)
            checkGrid(ScreenRenderer.render(state), "\(view) view, first row opened")
            if case .session? = state.overlay {
                // Enter on the session's first speaker: their record, or the note for a speaker who is unlisted.
                var speaker = state
                _ = speaker.handle(.key(.enter))
                checkGrid(ScreenRenderer.render(speaker), "\(view) view, first speaker opened")
            }
            state.apply(.back)
            state.apply(.bottom)
            state.apply(.open)
            checkGrid(ScreenRenderer.render(state), "\(view) view, last row opened")
            state.apply(.back)
        }
        state.apply(.openCountryPicker)
        checkGrid(ScreenRenderer.render(state), "country picker")
    }

    /// One string from the data: sanitised, measured and drawn.
    static func checkString(_ string: String) {
        let line = Sanitizer.line(string)
        checkSafe(line, allowNewlines: false, "Sanitizer.line")
        check(Sanitizer.line(line) == line, "Sanitizer.line is not idempotent on \(debug(string))")
        checkSafe(Sanitizer.text(string), allowNewlines: true, "Sanitizer.text")

        let width = DisplayWidth.of(line)
        var grid = Grid(width: width + 2, height: 1)
        let used = grid.write(string, row: 0, column: 0)
        check(used == width, "Grid.write advanced \(used) columns for text \(width) wide: \(debug(string))")
        checkGrid(grid, "Grid.write")
        var narrow = Grid(width: 3, height: 2)
        narrow.write(string, row: 1, column: -1, maxWidth: 3)
        checkGrid(narrow, "clipped Grid.write")
    }

    static func checkGrid(_ grid: Grid, _ what: String) {
        for cell in grid.cells {
            checkSafe(cell.text, allowNewlines: false, what)
        }
    }

    static func checkSafe(_ text: String, allowNewlines: Bool, _ what: String) {
        for scalar in text.unicodeScalars where Hazard.isHazard(scalar) {
            if allowNewlines && scalar == "\n" { continue }
            check(false, "\(what) contains U+\(String(scalar.value, radix: 16, uppercase: true)): \(debug(text))")
        }
    }

    static func check(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition {
            fatalError("fuzz invariant: \(message())")
        }
    }

    static func debug(_ text: String) -> String {
        String(text.unicodeScalars.prefix(200).map { $0.escaped(asASCII: true) }.joined())
    }
}
