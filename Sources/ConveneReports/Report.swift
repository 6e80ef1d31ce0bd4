import ConveneModel

/// A value in a report cell, typed so JSON output keeps numbers as numbers and lists as arrays.
public enum ReportValue: Sendable, Equatable {
    case text(String)
    case int(Int)
    case list([String])
    case bool(Bool)
    case null
    /// A place the data does not record (``ConveneModel/NotRecorded``): an em dash in a
    /// table, so that it reads as unknown rather than as a blank someone forgot;
    /// empty in CSV and `null` in JSON, like any absent value.
    case notRecorded

    /// The cell as CSV text.
    public var plain: String {
        switch self {
        case .text(let s): return s
        case .int(let n): return String(n)
        case .list(let items): return items.joined(separator: "; ")
        case .bool(let b): return b ? "yes" : ""
        case .null, .notRecorded: return ""
        }
    }

    /// The cell as table text: ``plain``, but an em dash for ``notRecorded``.
    public var tableText: String {
        if case .notRecorded = self { return NotRecorded.dash }
        return plain
    }

    /// `.text(value)`, or ``notRecorded`` for nil.
    public static func place(_ value: String?) -> ReportValue { value.map(ReportValue.text) ?? .notRecorded }
}

/// One column: its stable JSON/CSV key, its table title, and how numbers align.
public struct ReportColumn: Sendable, Equatable {
    public enum Alignment: Sendable { case left, right }
    public var key: String
    public var title: String
    public var alignment: Alignment
    /// False for long-text columns (an abstract) that JSON and CSV carry but an aligned table cannot show.
    public var inTable: Bool

    public init(_ key: String, _ title: String, _ alignment: Alignment = .left, inTable: Bool = true) {
        self.key = key
        self.title = title
        self.alignment = alignment
        self.inTable = inTable
    }
}

/// A table of typed values that renders as an aligned table, CSV or JSON.
///
/// One report feeds every format, so the CSV headers, the JSON keys and the
/// table columns cannot drift apart: the JSON shape of each command is its
/// column keys, documented in the README.
public struct Report: Sendable, Equatable {
    public var columns: [ReportColumn]
    public var rows: [[ReportValue]]
    /// People counted but not named (``ConveneModel/Delegate/listed``): one last line,
    /// "3 unlisted delegates" in the `name` column of a table or CSV (other cells empty),
    /// `{"unlisted": 3}` after the rows in JSON. Zero: no line.
    public var unlisted: Int

    public init(columns: [ReportColumn], rows: [[ReportValue]] = [], unlisted: Int = 0) {
        self.columns = columns
        self.rows = rows
        self.unlisted = unlisted
    }

    /// The rows a table or CSV shows: ``rows``, then the unlisted line when there is one.
    public var rowsWithUnlisted: [[ReportValue]] {
        guard unlisted > 0 else { return rows }
        let nameColumn = columns.firstIndex { $0.key == "name" } ?? 0
        var line = [ReportValue](repeating: .null, count: columns.count)
        if line.indices.contains(nameColumn) { line[nameColumn] = .text(UnlistedDelegates.line(unlisted)) }
        return rows + [line]
    }
}
