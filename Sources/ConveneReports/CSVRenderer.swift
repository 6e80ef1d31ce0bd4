/// Renders a report as RFC 4180 CSV, safe to open in a spreadsheet.
///
/// Fields are quoted when they hold a comma, quote, CR or LF; lines end in
/// CRLF. A field that begins with `=`, `+`, `-`, `@`, TAB or CR is prefixed with
/// a single quote, following OWASP's CSV-injection guidance, so a spreadsheet
/// shows it as text instead of running it as a formula. The data is otherwise
/// kept exactly.
public enum CSVRenderer {
    public static func render(_ report: Report, byteOrderMark: Bool = false) -> String {
        var out = byteOrderMark ? "\u{FEFF}" : ""
        out += report.columns.map { field($0.key) }.joined(separator: ",") + "\r\n"
        for row in report.rowsWithUnlisted {
            out += row.map { field($0.plain) }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// One field, neutralised against formula injection and quoted when needed.
    public static func field(_ value: String) -> String {
        var v = value
        if let first = v.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            v = "'" + v
        }
        let needsQuotes = v.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        if needsQuotes {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
