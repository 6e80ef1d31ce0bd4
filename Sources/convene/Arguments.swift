import ConveneModel

/// The command line as ArgumentParser should see it: shared options moved to
/// their subcommand, repeated countries taken once.
enum Arguments {
    /// The options every command shares, which may also come before the subcommand.
    static let shared: Set<String> = ["--data", "--now", "--timeout"]

    static func prepared(_ arguments: [String], subcommands: Set<String>) -> [String] {
        withCountriesOnce(hoisted(arguments, subcommands: subcommands))
    }

    /// Moves `--data X`/`--data=X`, `--now …` and `--timeout …` that precede a subcommand's name to just after it,
    /// where the subcommand's parser takes them (`convene --data FILE summary`). Anything else stays.
    static func hoisted(_ arguments: [String], subcommands: Set<String>) -> [String] {
        var moved: [String] = []
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            guard shared.contains(name) else { break }
            if argument.contains("=") {
                moved.append(argument)
                i += 1
            } else {
                guard i + 1 < arguments.count else { break }
                moved += [argument, arguments[i + 1]]
                i += 2
            }
        }
        guard !moved.isEmpty, i < arguments.count, subcommands.contains(arguments[i]) else { return arguments }
        return [arguments[i]] + moved + arguments[(i + 1)...]
    }

    /// Drops a `--country` whose value matches an earlier one (as ``CountryResolver`` matches:
    /// `VN`, `vn` and `v-n` are one), keeping the first spelling.
    ///
    /// ArgumentParser (1.8) copies a repeatable option's whole array for every value it
    /// appends, so 10,000 `--country VN` took 10.5 s (release) to parse; the filter is a
    /// set, so a repetition changes nothing and can be dropped before parsing. Stops at `--`.
    static func withCountriesOnce(_ arguments: [String]) -> [String] {
        var seen: Set<String> = []
        var out: [String] = []
        out.reserveCapacity(arguments.count)
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            if argument == "--" {
                out += arguments[i...]
                break
            }
            var value: String?
            var width = 1
            if argument == "--country", i + 1 < arguments.count {
                value = arguments[i + 1]
                width = 2
            } else if argument.hasPrefix("--country=") {
                value = String(argument.dropFirst("--country=".count))
            }
            if let value, !seen.insert(CountryResolver.key(value)).inserted {
                i += width   // a repetition: the filter already has this country
                continue
            }
            out += arguments[i..<(i + width)]
            i += width
        }
        return out
    }
}
