/// A strict RFC 4180 reader, to check what `--format csv` writes.
///
/// Records end in CRLF; a field is either bare (no comma, quote, CR or LF) or
/// quoted, with `""` for a quote inside. A bare LF, a stray quote or a
/// missing final CRLF is an error, so the test fails on anything a strict
/// reader would reject.
enum CSVReader {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    static func records(_ text: String) throws -> [[String]] {
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
