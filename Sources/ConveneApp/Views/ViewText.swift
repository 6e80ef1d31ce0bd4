import ConveneScreen

/// A line of the detail pane or a panel: spans of text with their styles.
struct DetailLine: Sendable, Equatable {
    var spans: [(String, Style)]

    static func == (a: DetailLine, b: DetailLine) -> Bool {
        a.spans.count == b.spans.count && zip(a.spans, b.spans).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    static func text(_ s: String, _ style: Style = .plain) -> DetailLine { DetailLine(spans: [(s, style)]) }
    static func field(_ label: String, _ value: String) -> DetailLine {
        DetailLine(spans: [(label + ": ", Theme.label), (value, .plain)])
    }
    static let blank = DetailLine(spans: [])
}

/// Wording the views share.
enum ViewText {
    /// "1 country", "2 countries".
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }

    /// A name with the † mark when the record is invented.
    static func marked(_ text: String, _ illustrative: Bool) -> String {
        illustrative ? text + " " + Marker.illustrative : text
    }

    /// The detail line that says a record is invented, or nothing.
    static func illustrativeNote(_ illustrative: Bool, _ what: String) -> [DetailLine] {
        illustrative ? [.text("\(Marker.illustrative) This \(what) is invented for illustration.", Theme.illustrative)] : []
    }
}
