/// A key the user pressed, already decoded by the backend.
public enum Key: Sendable, Hashable {
    /// A printable character (including space).
    case character(Character)
    /// A control chord such as Ctrl-L, given by its lower-case letter.
    case control(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
}

/// What the mouse did, in screen coordinates (0-based row and column).
public struct MouseEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case click, wheelUp, wheelDown }
    public var kind: Kind
    public var row: Int
    public var column: Int
    public init(kind: Kind, row: Int, column: Int) {
        self.kind = kind
        self.row = row
        self.column = column
    }
}

/// Everything the backend can report to the app.
public enum InputEvent: Sendable, Hashable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
    /// Text the user pasted, as one piece (bracketed paste), exactly as it arrived.
    ///
    /// It is never a sequence of keys: a pasted newline must not act as Enter, nor
    /// a pasted `q` quit. The app cleans it (controls become spaces) before
    /// putting it into a prompt, and ignores it elsewhere.
    case paste(String)
}
