import ConveneModel
import ConveneSample

/// The import path under the fuzzer: CSV bytes → ``RegistrationImport`` into the
/// bundled sample → ``DirectoryEncoder`` → ``DirectoryLoader``.
///
/// The invariant (issue 11, item 8): a writer never writes what the reader rejects.
/// Whatever the sheet holds, an import that produces a plan must encode to bytes
/// that load again, with the same delegates. Sheets that cannot be read or planned
/// (bad CSV, no name column) are fine: the command refuses them with a message.
///
/// Inputs reach this path when their first byte is 0x01 (see ``FuzzHarness/run(_:)``);
/// the rest of the input is the sheet. Seeds: `corpus/import-*.csv.bin`.
public enum ImportFuzz {
    /// The first byte that selects this path in ``FuzzHarness/run(_:)``.
    public static let selector: UInt8 = 0x01

    /// The sample, loaded once per process.
    static let sample: Directory? = try? DirectoryLoader.load(bytes: Array(SampleData.json.utf8), name: "sample")

    /// Runs one sheet. Returns whether it was planned and checked.
    @discardableResult
    public static func run(_ sheet: [UInt8]) -> Bool {
        guard let directory = sample, !directory.events.isEmpty else {
            FuzzHarness.check(false, "the bundled sample does not load")
            return false
        }
        guard let records = try? CSVReader.parse(bytes: sheet) else { return false }
        let event = directory.events[sheet.count % directory.events.count].id
        guard let plan = try? RegistrationImport.plan(records: records, into: directory, event: event) else { return false }
        let bytes = DirectoryEncoder.encodeBytes(plan.directory, schema: nil)
        do {
            let back = try DirectoryLoader.load(bytes: bytes, name: "imported.json")
            FuzzHarness.check(back.delegates.count == plan.directory.delegates.count,
                              "reloading lost delegates: \(back.delegates.count) of \(plan.directory.delegates.count)")
        } catch {
            FuzzHarness.check(false, "an import wrote what the loader rejects: \(error)")
        }
        return true
    }
}
