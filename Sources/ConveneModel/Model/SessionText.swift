import ConveneText

/// How a session's long texts (abstract, description) are turned into what is shown.
///
/// Published schedules write these in HTML or Markdown. Every place that shows them
/// (the browser's session detail, `agenda` tables, the iCalendar export) calls this
/// one function, so converting them to plain text is a change here alone.
public enum SessionText {
    /// The text to show for a raw abstract or description: HTML and Markdown become
    /// readable plain text (``RichText/plainText(_:)``: paragraphs, lists, entities, links
    /// listed after the text); plain text comes back unchanged. Sanitising for the
    /// terminal still happens where it is drawn or printed.
    public static func displayText(_ raw: String) -> String {
        RichText.plainText(raw)
    }
}
