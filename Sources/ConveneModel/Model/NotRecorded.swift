/// The words and the key for a place the data does not record.
///
/// An event's city and a delegate's city and country may be absent: real
/// schedules and registration lists often know neither. Absence is shown and
/// counted as its own value rather than guessed at, so that every breakdown
/// still adds up to its total.
public enum NotRecorded {
    /// The key that stands for "not recorded" in a ``Filter`` (its countries or
    /// city) and in a ``Summary/Entry``. No ISO code, city id or field name is
    /// empty, so it cannot collide with a real key.
    public static let key = ""
    /// How the value is named in labels, details and the country picker.
    public static let label = "not recorded"
    /// What a table cell shows for it.
    public static let dash = "—"
    /// The word that asks for it on the command line: `--country none`, `--city none`.
    public static let argument = "none"
}
