import ConveneText

/// The one way a string from the data gets into the HTML report.
///
/// A name such as `<script>alert(1)</script>` or `"><img src=x onerror=…>` must stay
/// text: every `&`, `<`, `>`, `"` and `'` becomes an entity, so the result is safe in
/// element content and in a quoted attribute value alike. Before that the text goes
/// through ``Sanitizer/line(_:)``, as it would for a terminal: controls become visible
/// pictures, bidi overrides and zero-width characters go, so a name cannot reorder or
/// hide what a reader sees either.
public enum HTMLEscape {
    /// `text` made safe for HTML element content and quoted attribute values.
    public static func text(_ text: String) -> String {
        let clean = Sanitizer.line(text)
        var out = ""
        out.reserveCapacity(clean.utf8.count)
        for ch in clean.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
