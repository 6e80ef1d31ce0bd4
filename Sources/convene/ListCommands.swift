import ArgumentParser
import ConveneModel
import ConveneReports

struct Events: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "List events with their city, dates and delegates listed beside the attendance reported.",
        usage: FilterOptions.usageLine("events"))
    @OptionGroup var data: DataOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions<ListingOutput>

    func run() throws {
        let ix = try data.load()
        try output.write(Reports.events(ix, try filters.filter(for: ix)))
    }
}

struct Agenda: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "List sessions in start order, with times in the event's time zone.",
        usage: FilterOptions.usageLine("agenda", after: "[--starred] [--now <time>] [--format <format>] [--bom] [--alarm <duration>]"))
    @OptionGroup var data: DataOptions
    @OptionGroup var filters: FilterOptions
    @Flag(name: .long, help: "Only your starred sessions (see `convene star`), with the starred ones each clashes with.")
    var starred = false
    @OptionGroup var now: NowOptions
    @OptionGroup var output: OutputOptions<AgendaOutput>
    @Option(name: .long, help: ArgumentHelp("With --format ics: an alarm this long before each session (e.g. 10m, 1h; 0 for none).",
                                            valueName: "duration"))
    var alarm: Minutes?

    func validate() throws {
        if alarm != nil, output.format.format != .ics {
            throw ValidationError("--alarm applies to --format ics (a calendar's alarm)")
        }
    }

    func run() throws {
        let ix = try data.load()
        let filter = try filters.filter(for: ix)
        let stars = starred ? try Stars.load(try Stars.store(for: ix)) : nil
        if output.format.format == .ics {
            // A calendar of the starred sessions only; past, now and upcoming are the calendar's business.
            let sessions = stars.map { AgendaStars.restricted(ix, to: $0) } ?? ix
            try Output.writeData(ICalendar.render(sessions, filter, day: nil, now: Timestamp.now(), alarmMinutes: alarm?.value))
        } else if stars != nil || now.fixed != nil {
            try output.write(AgendaStars.apply(Reports.agenda(ix, filter, day: nil), ix, starred: stars, now: now.fixed))
        } else {
            try output.write(Reports.agenda(ix, filter, day: nil))
        }
    }
}

struct Delegates: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delegates",
        abstract: "List delegates (attendees) with role, organisation, city and country.",
        usage: FilterOptions.usageLine("delegates"))
    @OptionGroup var data: DataOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions<ListingOutput>

    func run() throws {
        let ix = try data.load()
        try output.write(Reports.delegates(ix, try filters.filter(for: ix)))
    }
}

struct Cities: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cities",
        abstract: "List cities with their country, creative field, year of membership and delegates.",
        usage: FilterOptions.usageLine("cities"))
    @OptionGroup var data: DataOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions<ListingOutput>

    func run() throws {
        let ix = try data.load()
        try output.write(Reports.cities(ix, try filters.filter(for: ix)))
    }
}
