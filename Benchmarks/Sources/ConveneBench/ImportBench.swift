import ConveneModel

/// Issue 11, item 9: `convene import` of 100,000 rows into a 1M-delegate directory.
///
/// Times what the command does between reading its two files and replacing the
/// directory file: parse the sheet, plan the import (match, add, validate), encode
/// the result, and read it back with the loader's own rules (the check that a
/// writer never writes what the reader rejects). The sheet spreads its rows over
/// the directory's own cities; every name is new, so every row adds a delegate.
enum ImportBench {
    static func sheet(rows: Int, for directory: Directory) -> [UInt8] {
        var text = "Full Name,Country,City,Role\n"
        let cities = directory.cities
        for n in 0..<rows {
            let city = cities[n % max(1, cities.count)]
            text += "Imported Person \(n),\(city.country),\(city.id),Delegate\n"
        }
        return Array(text.utf8)
    }

    /// Milliseconds for one whole import; the directory is copied first so every run starts equal.
    /// Also returns the phases (parse, plan, encode, reload) in milliseconds.
    static func run(_ directory: Directory, sheet: [UInt8]) throws -> (ms: Double, added: Int, phases: [Double]) {
        var added = 0
        var phases: [Double] = []
        let ms = try time {
            var records: [CSVReader.Record] = []
            phases.append(try time { records = try CSVReader.parse(bytes: sheet) })
            var plan: RegistrationImport.Plan?
            phases.append(try time {
                plan = try RegistrationImport.plan(records: records, into: directory,
                                                   event: directory.events.first?.id ?? "", map: [:])
            })
            guard let plan else { return }
            var bytes: [UInt8] = []
            phases.append(time { bytes = DirectoryEncoder.encodeBytes(plan.directory, schema: nil) })
            phases.append(try time { _ = try DirectoryLoader.load(bytes: bytes, name: "imported") })
            added = plan.added
        }
        return (ms, added, phases)
    }
}
