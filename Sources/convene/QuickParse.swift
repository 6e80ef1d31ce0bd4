import ArgumentParser

/// `convene summary --data FILE` built without ArgumentParser's parse.
///
/// Why: even parsed with the named command alone (``DirectParse``), ArgumentParser reflects over
/// every property of the command and its option groups, and each type it meets for the first
/// time costs the Swift runtime a scan of all the process's protocol conformances (≈ 70,000
/// instructions each, about 210 of them): 16.7 M instructions, 9% of a whole `convene summary`
/// on a 1,400-event schedule.xml (Benchmarks/RESULTS.md, "Issues 13 and 17"). The summary of a
/// file is the command a script or a benchmark runs most; its line is spelt out here.
///
/// Only `summary` followed by nothing but `--data VALUE` or `--data=VALUE` (any number of them,
/// each value non-empty and not starting with "-") is taken; anything else gives nil and the
/// parse goes on as before (``DirectParse``, then the root), so every message, help text,
/// completion and exit code is still ArgumentParser's. The command is built with every other
/// option at the value ArgumentParser gives it when absent; `DirectParseTests` checks field by
/// field that the result is the one the root's parse gives, so an option added to the command
/// without a value here fails that test instead of reaching a user.
enum QuickParse {
    static func command(_ arguments: [String]) -> ParsableCommand? {
        guard arguments.first == SummaryCommand.configuration.commandName else { return nil }
        var files: [String] = []
        var i = 1
        while i < arguments.count {
            let argument = arguments[i]
            if argument == "--data", i + 1 < arguments.count, isPlainValue(arguments[i + 1]) {
                files.append(arguments[i + 1])
                i += 2
            } else if argument.hasPrefix("--data="), case let value = String(argument.dropFirst(7)), isPlainValue(value) {
                files.append(value)
                i += 1
            } else {
                return nil
            }
        }
        var command = SummaryCommand()
        command.data = dataOptions(files)
        command.filters = noFilters()
        command.output = tableOutput()
        command.by = nil
        return command
    }

    /// A value ArgumentParser takes as it is: not empty, not something it could read as an option.
    private static func isPlainValue(_ value: String) -> Bool {
        !value.isEmpty && !value.hasPrefix("-")
    }

    private static func dataOptions(_ files: [String]) -> DataOptions {
        var options = DataOptions()
        options.data = files
        options.timeout = nil
        options.timeZone = nil
        options.hostCity = nil
        options.hostCountry = nil
        return options
    }

    private static func noFilters() -> FilterOptions {
        var filters = FilterOptions()
        filters.country = []
        filters.city = nil
        filters.event = nil
        filters.field = nil
        filters.search = nil
        filters.day = []
        filters.track = []
        filters.room = []
        filters.type = []
        filters.language = []
        return filters
    }

    private static func tableOutput() -> OutputOptions<ListingOutput> {
        var output = OutputOptions<ListingOutput>()
        output.format = FormatValue(.table)
        output.bom = false
        output.output = .standardOutput
        return output
    }
}
