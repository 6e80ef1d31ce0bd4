import ArgumentParser

/// Parses a command line with the one command it names instead of the whole command tree.
///
/// Why: most of what a `convene` process spends before its work is ArgumentParser's reflection.
/// Parsed from the root, `convene summary` builds the argument set of the default subcommand
/// (browse) twice and of summary four times, and every type met for the first time costs the
/// Swift runtime a scan of all the process's protocol conformances: 22 M instructions of a 56 M
/// `convene summary` on the sample. Parsed as if summary were the root, the same command line
/// costs 16 M (Benchmarks/RESULTS.md, "Process start").
///
/// The result is used only when that parse accepts the command line and yields the named
/// command itself; the root has no options of its own, so the command's values are the same.
/// Anything else — `--help`, `--version`, `help`, a mistake, a completion request, a command
/// with subcommands of its own (`cache`) — gives nil, and ``Convene/main()`` parses from the root
/// as before, so every message, help text and exit code is still ArgumentParser's from the root.
enum DirectParse {
    /// The command `arguments` (already ``Arguments/prepared(_:subcommands:)``) name, parsed on
    /// its own; nil when only a parse from the root can answer.
    static func command(_ arguments: [String], root: ParsableCommand.Type = Convene.self) -> ParsableCommand? {
        guard let (command, rest) = target(arguments, root: root) else { return nil }
        // A parse that fails here is repeated from the root, which words the error: no message is lost.
        guard let parsed = try? command.parseAsRoot(rest), type(of: parsed) == command else { return nil }
        return parsed
    }

    /// Lone flags the root answers itself (its help, its version): the default subcommand would
    /// only refuse them first.
    /// (A plain array: a `Set<[String]>` costs the runtime a conformance lookup at every start.)
    static let answeredByRoot = ["--version", "--help", "-h", "--help-hidden"]

    /// The leaf command the root would parse `arguments` with, and the arguments it would see.
    ///
    /// A first argument that names a subcommand selects it; one that names none (an option, or
    /// nothing at all) selects the default subcommand with every argument, as the root does —
    /// except a lone `--help` or `--version`, which the root answers itself and the default
    /// subcommand refuses, so they go to the root at once (any other spelling of them is refused
    /// by the default subcommand and reaches the root all the same). `help` and commands with
    /// subcommands are left to the root, and so is `---completion` (shell completion), whose
    /// functions must not run for a command line that merely starts with it after a name.
    static func target(_ arguments: [String], root: ParsableCommand.Type) -> (ParsableCommand.Type, [String])? {
        let subcommands = root.configuration.subcommands
        let command: ParsableCommand.Type
        var rest = arguments
        if let first = arguments.first,
           let named = subcommands.first(where: { $0._commandName == first || $0.configuration.aliases.contains(first) }) {
            command = named
            rest.removeFirst()
        } else if arguments.first == "help" || (arguments.count == 1 && answeredByRoot.contains(arguments[0])) {
            return nil
        } else if let fallback = root.configuration.defaultSubcommand {
            command = fallback
        } else {
            return nil
        }
        guard command.configuration.subcommands.isEmpty, rest.first != "---completion" else { return nil }
        return (command, rest)
    }
}
