/// How a session's long texts (abstract, description) are turned into what is shown.
///
/// Published schedules write these in HTML or Markdown. Every place that shows them
/// (the browser's session detail, `agenda` tables, the iCalendar export) calls this
/// one function, so converting them to plain text is a change here alone.
public enum SessionText {
    /// The text to show for a raw abstract or description. For now the text as written;
    /// sanitising for the terminal happens where it is drawn.
    public static func displayText(_ raw: String) -> String {
        raw
    }
}
