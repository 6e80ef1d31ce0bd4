import ArgumentParser

/// A length of time in whole minutes, as `--remind 10m` and `--alarm 1h30m` take it:
/// `N` or `Nm` minutes, `Nh` hours, `NhMm` both; `0` means off. At most a week.
struct Minutes: ExpressibleByArgument, Sendable, Equatable {
    static let maximum = 7 * 24 * 60
    let value: Int

    init(_ value: Int) { self.value = value }

    init?(argument: String) {
        var text = Substring(argument.lowercased())
        var total = 0
        var sawUnit = false
        if let h = text.firstIndex(of: "h") {
            guard let hours = Int(text[..<h]), hours >= 0, hours <= Self.maximum / 60 else { return nil }
            total = hours * 60
            text = text[text.index(after: h)...]
            sawUnit = true
        }
        if text.hasSuffix("m") { text = text.dropLast() } else if sawUnit, !text.isEmpty { return nil }
        if !text.isEmpty {
            guard text.allSatisfy(\.isASCII), let minutes = Int(text), minutes >= 0 else { return nil }
            total += minutes
        } else if !sawUnit {
            return nil
        }
        guard total <= Self.maximum else { return nil }
        value = total
    }

    var defaultValueDescription: String { "\(value)m" }
}
