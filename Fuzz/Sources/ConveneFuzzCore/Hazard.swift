/// Scalars that must never reach a terminal from a data file.
///
/// C0 controls, DEL and C1 controls act on the terminal; bidi embeddings,
/// overrides and isolates reorder what follows; zero-width characters and the
/// byte-order mark hide text. The sanitiser turns the controls into visible
/// pictures and removes the rest, so none of these may appear in a grid cell or
/// in `table` output (where only the line feed between rows is allowed).
public enum Hazard {
    public static func isHazard(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F,
             0x202A...0x202E, 0x2066...0x2069,
             0x200B...0x200D, 0xFEFF:
            return true
        default:
            return false
        }
    }
}
