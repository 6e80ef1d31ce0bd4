import ArgumentParser
import ConveneModel
import ConveneReports
import Glibc

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the directory or one event in another format: schedule.json, iCalendar or convene/1.",
        discussion: """
        schedule-json writes one event (--event) as a c3voc-schema schedule.json that pretalx/frab-based apps \
        (Giggity, EventFahrplan, ConfClerk) can load; reading it back with --data gives the same sessions. \
        ics writes the sessions (of --event, or all) as RFC 5545 iCalendar, like agenda --format ics. \
        convene writes the whole directory as convene/1 JSON, e.g. to turn a schedule.json into a file \
        that convene import can add delegates to. Delegates who asked not to be named ("listed": false) stay \
        counted but are never named: schedule-json and ics show only a speaker's name on their sessions, and \
        convene replaces their id, name, role and organisation (a speaker keeps the name) unless --keep-unlisted.
        """)

    @OptionGroup var data: DataOptions

    /// `--format` (required) and `-o`.
    @OptionGroup var output: OutputOptions<ExportOutput>

    @Option(name: .long, help: ArgumentHelp("The event to export (its id); required for schedule-json.", valueName: "id"),
            completion: Completions.event)
    var event: String?

    @Flag(name: .long, help: "With --format convene, write delegates who asked not to be named as they are (the organisers' own copy, not one to publish).")
    var keepUnlisted = false

    func run() throws {
        guard let output = output.file else { return try exportAndWrite() }
        // The output may be the --data file itself: read it and write it under its lock.
        try DurableWrite.locked(output) { try exportAndWrite() }
    }

    private func exportAndWrite() throws {
        let ix = try data.load()
        var eventIndex: Int?
        if let event {
            guard let i = ix.eventByID[event] else {
                let hint = Suggestion.closest(to: event, in: ix.directory.events.map(\.id)).map { " (did you mean '\($0)'?)" } ?? ""
                throw usage("unknown event '\(event)'\(hint)")
            }
            eventIndex = i
        }
        let text: String
        let format = output.format.format
        switch format {
        case .scheduleJSON:
            guard let eventIndex else {
                throw usage("--format schedule-json writes one event: add --event ID (events: "
                            + ix.directory.events.map(\.id).joined(separator: ", ") + ")")
            }
            text = ScheduleJSONExport.render(ix, event: eventIndex, generatorVersion: Convene.version)
        case .ics:
            var filter = Filter()
            filter.event = event
            text = ICalendar.render(ix, filter, now: Timestamp.now())
        case .convene:
            text = DirectoryEncoder.encode(keepUnlisted ? ix.directory : UnlistedRedaction.redacted(ix.directory))
        case .table, .json, .csv:   // not export formats: ExportOutput refuses them
            throw usage("--format \(format.rawValue) is a listing format; export writes schedule-json, ics or convene")
        }
        guard let output = output.file else {
            try Output.writeData(text)
            return
        }
        let bytes = Array(text.utf8)
        if format == .convene { try DurableWrite.checkLoadable(bytes, as: output) }
        try DurableWrite.replace(output, with: bytes, backup: true)
    }
}

extension Timestamp {
    /// The current time, in UTC.
    static func now() -> Timestamp {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        return Timestamp(seconds: Int64(t.tv_sec), offsetSeconds: 0)
    }
}
