import ConveneModel
import ConveneText

/// One fuzz input through the published-schedule reader that recognises it (schedule.xml,
/// iCalendar, schedule.json), as the loader will choose it; the seeds in `corpus/published-*`
/// give libFuzzer one input of each format to mutate. (Running every reader on every
/// input cost 75× the throughput under ASan: 10 instead of 759 execs/s.) Invariants: an
/// error names the file and a place of at least line 1; every string read is
/// safe once sanitised, like everything else that reaches the terminal.
public enum PublishedFuzz {
    public static func run(_ bytes: [UInt8]) {
        guard let reader = PublishedFormats.reader(for: bytes) else { return }
        do {
            let schedule = try reader.read(bytes: bytes, name: "fuzz")
            var strings = [schedule.conference.title] + schedule.notes
            strings += [schedule.conference.acronym, schedule.conference.url, schedule.conference.city]
                .compactMap { $0 }
            for s in schedule.sessions {
                strings += [s.title] + [s.abstract, s.description, s.room, s.track].compactMap { $0 }
                FuzzHarness.check(s.durationSeconds >= 0, "negative duration from \(reader.name)")
            }
            strings += schedule.persons.map(\.name)
            for string in strings { FuzzHarness.checkString(string) }
        } catch {
            let message = error.description
            FuzzHarness.check(
                message.hasPrefix("fuzz"), "\(reader.name) message does not name the file: \(message)")
            switch error.place {
            case .lineColumn(let line, let column):
                FuzzHarness.check(line >= 1 && column >= 1, "\(reader.name) bad position \(line):\(column)")
            case .line(let line), .element(_, let line):
                FuzzHarness.check(line >= 1, "\(reader.name) bad line \(line)")
            case .none, .json:
                break
            }
            FuzzHarness.checkSafe(
                Sanitizer.text(message), allowNewlines: true, "\(reader.name) error message")
        }
    }
}
