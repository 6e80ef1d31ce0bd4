import ConveneScreen

/// A line of the detail pane or a panel: styled spans, drawn by ``Paragraph``.
typealias DetailLine = [Span]

extension Array where Element == Span {
    /// One run of text in one style.
    static func text(_ s: String, _ style: Style = .plain) -> [Span] { [Span(s, style: style)] }
    /// "Label: value", the label highlighted.
    static func field(_ label: String, _ value: String) -> [Span] {
        [Span(label + ": ", style: Theme.label), Span(value)]
    }
    /// An empty line.
    static var blank: [Span] { [] }
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
