/// A strict RFC 4180 reader, to check what Convene writes as CSV.
///
/// Production's `CSVReader` (ConveneModel) reads what spreadsheets write, so it
/// accepts LF and lone CR line ends, a missing final line end and blank lines:
/// right for `convene import`, but a check built on it would pass output that a
/// strict reader rejects. Here records end in CRLF; a field is either bare (no
/// comma, quote, CR or LF) or quoted, with `""` for a quote inside; a bare LF, a
/// stray quote or a missing final CRLF is an error.
public enum StrictCSV {
    public struct Malformed: Error, CustomStringConvertible {
        public var description: String
    }

    /// The records of `text`, each a list of fields; throws ``Malformed`` naming the record.
    public static func records(_ text: String) throws -> [[String]] {
        let s = Array(text.unicodeScalars)
        var records: [[String]] = []
        var record: [String] = []
        var i = 0
        guard !s.isEmpty else { return [] }
        while i < s.count {
            var field = String.UnicodeScalarView()
            if s[i] == "\"" {
                i += 1
                while true {
                    guard i < s.count else { throw Malformed(description: "unterminated quoted field in record \(records.count + 1)") }
                    if s[i] == "\"" {
                        if i + 1 < s.count, s[i + 1] == "\"" {
                            field.append("\"")
                            i += 2
                            continue
                        }
                        i += 1
                        break
                    }
                    field.append(s[i])
                    i += 1
                }
            } else {
                while i < s.count, s[i] != ",", s[i] != "\r" {
                    if s[i] == "\"" || s[i] == "\n" {
                        throw Malformed(description: "a bare field holds \(s[i] == "\"" ? "a quote" : "a line feed") in record \(records.count + 1)")
                    }
                    field.append(s[i])
                    i += 1
                }
            }
            record.append(String(field))
            guard i < s.count else { throw Malformed(description: "the last record does not end in CRLF") }
            if s[i] == "," {
                i += 1
                continue
            }
            guard s[i] == "\r", i + 1 < s.count, s[i + 1] == "\n" else {
                throw Malformed(description: "record \(records.count + 1) is not followed by CRLF")
            }
            i += 2
            records.append(record)
            record = []
        }
        return records
    }
}
