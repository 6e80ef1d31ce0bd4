import ConveneModel
import ConveneText
#if canImport(Glibc)
import Glibc
#endif

/// One fuzz input (after its 0x03 prefix byte, see ``FuzzHarness/run(_:)``) through the
/// published-schedule reader that recognises it — schedule.xml, iCalendar or schedule.json —
/// as the loader will choose it. The seeds `corpus/published-*.bin` give libFuzzer one input
/// of each format. (Running the readers on every input cut the whole fuzzer from 759 to
/// 10–130 execs/s under ASan, so they get inputs of their own.) Invariants: an error names
/// the file and a place of at least line 1; every string read is safe once sanitised; a directory
/// the loader takes without the Validator's pass passes it.
public enum PublishedFuzz {
    /// The first byte that selects this path in ``FuzzHarness/run(_:)``.
    public static let selector: UInt8 = 0x03

    public static func run(_ bytes: [UInt8]) {
        guard let reader = PublishedFormats.reader(for: bytes) else {
            // Not a schedule: the input is a rich text (seeds corpus/published-richtext-*.bin).
            checkRichText(String(decoding: bytes, as: UTF8.self))
            return
        }
        do {
            let schedule = try reader.read(bytes: bytes, name: "fuzz")
            checkReadFromFile(bytes, reader: reader, whole: schedule)
            var strings = [schedule.conference.title] + schedule.notes
            strings += [schedule.conference.acronym, schedule.conference.url, schedule.conference.city]
                .compactMap { $0 }
            for s in schedule.sessions {
                strings += [s.title] + [s.abstract, s.description, s.room, s.track].compactMap { $0 }
                for text in [s.abstract, s.description].compactMap({ $0 }) { checkRichText(text) }
                FuzzHarness.check(s.durationSeconds >= 0, "negative duration from \(reader.name)")
            }
            strings += schedule.persons.map(\.name)
            for string in strings { FuzzHarness.checkString(string) }
            // The loader skips the Validator when the mapping vouches for the directory: it must find nothing there.
            if let directory = try? DirectoryLoader.loadPublished(reader, bytes: bytes, name: "fuzz", validating: false) {
                do throws(LoadError) {
                    try DirectoryLoader.validate(directory, name: "fuzz")
                } catch {
                    FuzzHarness.check(false, "\(reader.name): the mapped directory is not valid: \(error.description)")
                }
            }
        } catch {
            checkReadFromFile(bytes, reader: reader, whole: nil)
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

    /// A schedule.xml read from a file, in two parts when the input has a `<day` in its middle half
    /// (``ScheduleXMLReader/read(file:)`` with no size threshold), is the whole read's schedule, or nothing.
    static func checkReadFromFile(_ bytes: [UInt8], reader: any PublishedFormat, whole: PublishedSchedule?) {
        guard reader is ScheduleXMLReader, let file = tmpfile() else { return }
        defer { fclose(file) }
        guard bytes.withUnsafeBytes({ fwrite($0.baseAddress, 1, $0.count, file) }) == bytes.count, fflush(file) == 0 else { return }
        let published = PublishedFile(descriptor: fileno(file), size: bytes.count, head: Array(bytes.prefix(1 << 16)))
        guard let fromFile = ScheduleXMLReader(twoPartsAbove: 0).read(file: published) else { return }
        FuzzHarness.check(fromFile == whole, "schedule.xml read from a file differs from the whole read")
    }

    /// RichText's promises: converted text has no control character but `\n`, plain text is returned as it is,
    /// and converting is idempotent on its own output's kind (a second pass adds no control characters either).
    static func checkRichText(_ text: String) {
        let plain = RichText.plainText(text)
        switch RichText.kind(of: text) {
        case .plain:
            FuzzHarness.check(plain == text, "RichText changed plain text: \(text.debugDescription)")
        case .html, .markdown:
            let control = plain.unicodeScalars.first { ($0.value < 0x20 && $0 != "\n") || (0x7F..<0xA0).contains($0.value) }
            FuzzHarness.check(control == nil, "RichText output has a control character: \(text.debugDescription)")
        }
        FuzzHarness.checkString(plain)
    }
}
