import ConveneModel
import Foundation

/// `--day`, `--track`, `--room`, `--type`, `--language` and the `!VALUE` exclusion syntax.
///
/// Each option is repeatable. A value is matched against the values the sessions
/// have, ignoring case (`--room 'saal 1'` finds "Saal 1"); `none` asks for sessions
/// that record no value; `!VALUE` leaves the value out ("everything but the
/// Kidspace": `--room '!Kidspace'`). Several included values of one facet are
/// alternatives; facets and exclusions all apply. A day is an ISO date (2025-12-27)
/// or `day N`, the N-th conference day of the data. A value that no session has is
/// a usage error (exit 64) with a "did you mean" and, for a short list, the values.
extension FilterOptions {
    /// The mark that turns a value into an exclusion: `--country '!VN'`, `--room '!Kidspace'`.
    static let excludeMark: Character = "!"

    /// The value without a leading `!`, and whether it was there.
    static func exclusion(_ written: String) -> (value: String, excluding: Bool) {
        written.first == excludeMark ? (String(written.dropFirst()), true) : (written, false)
    }

    /// The written values of each session facet.
    var sessionFacetArguments: [(SessionFacet, [String])] {
        [(.day, day), (.track, track), (.room, room), (.type, type), (.language, language)]
    }

    /// Resolves every session facet option against the directory's sessions into `f`.
    func applySessionFacets(to f: inout Filter, _ ix: DirectoryIndex) throws {
        for (facet, written) in sessionFacetArguments where !written.isEmpty {
            let values = ix.sessionValues(facet).map(\.value)
            var choice = FacetChoice()
            for text in written {
                let (value, excluding) = Self.exclusion(text)
                let resolved = try Self.resolve(value, written: text, facet: facet, values: values, days: ix.conferenceDays)
                if excluding { choice.excluded.insert(resolved) } else { choice.included.insert(resolved) }
            }
            f[facet] = choice
        }
    }

    /// The session value `value` names: itself ignoring case, `none` for "not recorded",
    /// `day N` for the N-th day; otherwise a usage error naming the option.
    static func resolve(_ value: String, written: String, facet: SessionFacet, values: [String], days: [String]) throws -> String {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let exact = values.first(where: { $0 == trimmed }) { return exact }
        if let match = values.first(where: { $0.lowercased() == trimmed.lowercased() && $0 != NotRecorded.key }) { return match }
        if trimmed.lowercased() == NotRecorded.argument, values.contains(NotRecorded.key) { return NotRecorded.key }
        if facet == .day, let n = dayNumber(trimmed) {
            guard days.indices.contains(n - 1) else {
                throw usage("unknown day '\(written)': the sessions are on \(days.count) "
                            + (days.count == 1 ? "day" : "days") + ";" + daysList(days))
            }
            return days[n - 1]
        }
        let named = values.filter { $0 != NotRecorded.key }
        let mark = written.first == excludeMark ? "!" : ""
        let hint = Suggestion.closest(to: trimmed, in: named).map { " (did you mean '\(mark)\($0)'?)" } ?? ""
        let list = named.count <= 12 && !named.isEmpty ? "; \(facet.rawValue)s: " + named.joined(separator: ", ") : ""
        if facet == .day {
            throw usage("unknown day '\(written)': no session is on it\(hint)" + (days.isEmpty ? "" : ";" + daysList(days)))
        }
        throw usage("unknown \(facet.rawValue) '\(written)': no session has it\(hint)\(list)")
    }

    /// "day 2", "day2", "Day 2" → 2.
    static func dayNumber(_ text: String) -> Int? {
        let lower = text.lowercased()
        guard lower.hasPrefix("day") else { return nil }
        return Int(lower.dropFirst(3).trimmingCharacters(in: .whitespaces)).flatMap { $0 > 0 ? $0 : nil }
    }

    private static func daysList(_ days: [String]) -> String {
        guard !days.isEmpty else { return "" }
        let shown = days.prefix(8).enumerated().map { "day \($0.offset + 1) = \($0.element)" }.joined(separator: ", ")
        return " " + shown + (days.count > 8 ? ", …" : "")
    }
}

extension FilterOptions {
    /// A listing command's usage line, written out: with more than 12 options ArgumentParser
    /// would shorten it to "<options>", hiding the filters. `after` is what follows the filters.
    static func usageLine(_ command: String, after: String = "[--format <format>] [--bom]") -> String {
        "convene \(command) [--data <path|url> ...] [--timeout <seconds>] [--time-zone <zone>] [--host-city <name>] [--host-country <country>] "
            + "[--country <country> ...] [--city <id>] [--event <id>] [--field <field>] [--search <text>] [--day <day> ...] "
            + "[--track <track> ...] [--room <room> ...] [--type <type> ...] [--language <language> ...] " + after
    }
}
