/// Parses RFC 4180 CSV text into records, keeping the line each record starts on.
///
/// Accepts what spreadsheets write: UTF-8 with or without a byte-order mark,
/// CRLF or LF line ends, quoted fields with doubled quotes and embedded line
/// breaks, and a missing final line end. Rejects what would silently shift
/// columns: a quote inside an unquoted field, text after a closing quote, and a
/// quoted field that never closes. Blank lines are skipped.
///
/// ```swift
/// let table = try CSVReader.parse("Name,Country\r\n\"Phạm, Hương\",VN\r\n")
/// table.records[1].fields   // ["Phạm, Hương", "VN"]
/// table.records[1].line     // 2
/// ```
public enum CSVReader {
    /// One record and the 1-based line of the file it starts on.
    public struct Record: Sendable, Equatable {
        public var line: Int
        public var fields: [String]
    }

    /// Why the text is not CSV, with the line where it went wrong.
    public struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// Parses UTF-8 bytes; invalid UTF-8 is an error naming the line.
    public static func parse(bytes: [UInt8]) throws(SyntaxError) -> [Record] {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        let body = bytes[start...]
        guard let text = String(validating: body, as: UTF8.self) else {
            // Find the line of the first invalid byte by decoding line by line.
            var line = 1
            var lineStart = body.startIndex
            for i in body.indices where body[i] == 0x0A {
                if String(validating: body[lineStart..<i], as: UTF8.self) == nil { break }
                line += 1
                lineStart = i + 1
            }
            throw SyntaxError(line: line, message: "the file is not UTF-8 text; save the spreadsheet as \"CSV UTF-8\"")
        }
        return try parse(text)
    }

    /// Parses text (a leading U+FEFF is skipped).
    public static func parse(_ text: String) throws(SyntaxError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteLine = 0
        var afterQuote = false   // just closed a quoted field: only a separator or line end may follow
        var fieldStarted = false
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }

        func endRecord() {
            fields.append(field)
            // A line with nothing on it is not a record of one empty field.
            if !(fields.count == 1 && fields[0].isEmpty && !fieldStarted) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
            field = ""
            fieldStarted = false
            afterQuote = false
        }

        var iterator = scalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let u = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if u == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.unicodeScalars.append("\""); continue }
                        pending = next
                    }
                    inQuotes = false
                    afterQuote = true
                } else {
                    if u == "\n" { line += 1 }
                    field.unicodeScalars.append(u)
                }
                continue
            }
            switch u {
            case ",":
                fields.append(field)
                field = ""
                fieldStarted = true
                afterQuote = false
            case "\r":
                // CRLF or a lone CR (old Mac spreadsheets) both end the record.
                if let next = iterator.next(), next != "\n" { pending = next }
                endRecord()
                line += 1
                recordLine = line
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            case "\"":
                guard field.isEmpty, !afterQuote else {
                    throw SyntaxError(line: line, message: afterQuote
                        ? "a quote right after a quoted field; inside quotes, write a quote as two quotes (\"\")"
                        : "a quote inside an unquoted field; put the whole field in quotes and double the quote (\"\")")
                }
                inQuotes = true
                quoteLine = line
                fieldStarted = true
            default:
                if afterQuote {
                    throw SyntaxError(line: line, message: "text after the closing quote of a field; a field is either all inside quotes or not quoted")
                }
                field.unicodeScalars.append(u)
                fieldStarted = true
            }
        }
        if inQuotes {
            throw SyntaxError(line: quoteLine, message: "a quoted field that starts here never closes")
        }
        if !field.isEmpty || !fields.isEmpty || fieldStarted { endRecord() }
        return records
    }
}
