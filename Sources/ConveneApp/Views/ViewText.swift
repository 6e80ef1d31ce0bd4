import ConveneModel
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

    /// A table cell for a place: the text, or an em dash when it is not recorded.
    static func cell(_ text: String?) -> String { text ?? NotRecorded.dash }

    /// "Hanoi, Viet Nam", "Viet Nam (city not recorded)", or "not recorded" for a detail line.
    static func place(city: String?, country: String?, in ix: DirectoryIndex) -> String {
        switch (city.map(ix.cityName), country.map(ix.countryName)) {
        case let (city?, country?): return "\(city), \(country)"
        case let (city?, nil): return "\(city) (country not recorded)"
        case let (nil, country?): return "\(country) (city not recorded)"
        case (nil, nil): return NotRecorded.label
        }
    }

    /// The detail line that says a record is invented, or nothing.
    static func illustrativeNote(_ illustrative: Bool, _ what: String) -> [DetailLine] {
        illustrative ? [.text("\(Marker.illustrative) This \(what) is invented for illustration.", Theme.illustrative)] : []
    }
}
