/// Why a document is not valid JSON, and where.
///
/// The position is the one a person needs to find the problem in an editor:
/// `line` and `column` are 1-based, lines are split at `\n` (so `\r\n` counts
/// once), and the column counts Unicode scalars, not bytes, so an error after
/// Vietnamese or CJK text on the same line still points at the right character.
/// A leading byte-order mark is not counted in the column. `offset` is the byte
/// offset into the buffer that was parsed, byte-order mark included.
///
/// The message is a plain sentence that says what was expected and what was
/// found, e.g. `expected ',' or '}' after an object member, found ']'`. Text
/// from the document appears in it only escaped (control, format and bidi
/// characters become `\uXXXX`), so printing it cannot take over a terminal.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line of the error.
    public var line: Int
    /// The 1-based column of the error, counted in Unicode scalars on that line.
    public var column: Int
    /// The byte offset of the error in the parsed buffer.
    public var offset: Int
    /// What went wrong, as a sentence without a trailing full stop.
    public var message: String

    public init(line: Int, column: Int, offset: Int, message: String) {
        self.line = line
        self.column = column
        self.offset = offset
        self.message = message
    }

    /// `line:column: message`, e.g. `3:17: duplicate key "city" in object`.
    public var description: String { "\(line):\(column): \(message)" }
}
