import Foundation

/// A strict RFC 8259 JSON parser that never crashes, hangs or allocates without bound.
///
/// Foundation's parsers are not fit for files other people wrote: `JSONDecoder`
/// traps on an unclosed `[` at depth 513, rejects the valid number `0e1` and
/// accepts trailing commas; `JSONSerialization` is slow and memory-hungry. This
/// parser reads UTF-8 bytes directly and accepts exactly the RFC's grammar:
///
/// - UTF-8 is validated (overlong forms, encoded surrogates, code points above
///   U+10FFFF and truncated sequences are errors); one leading byte-order mark is skipped.
/// - Trailing commas, comments, `NaN`, `Infinity`, leading zeros, `+1`, `.5`, `1.`,
///   invalid escapes, unescaped control characters and unpaired surrogate escapes
///   are errors, as is anything after the top-level value.
/// - Numbers are kept as their literal text (``JSONValue/number(_:)``), so `0e1`
///   and `1e400` parse, and the decoder decides what fits.
/// - A key repeated in one object is an error naming the key. Keys are compared as
///   Swift strings, so two spellings that differ only in Unicode normalization are
///   duplicates too: they would collide in any dictionary built from the object.
/// - ``JSONLimits`` bounds nesting depth, string length, number length and document
///   size; nesting is checked before a container opens and the parser keeps its
///   stack on the heap, so 100,000 `[` is an ordinary error.
///
/// ```swift
/// do {
///     let value = try JSONParser.parse(Array(#"{"city": "Hà Nội"}"#.utf8))
///     print(value["city"] ?? .null)
/// } catch {
///     print("not valid JSON at \(error)")   // "not valid JSON at 1:9: …"
/// }
/// ```
///
/// Errors carry a line and column counted in characters; they are computed from
/// the byte offset only when parsing fails, so the success path pays nothing for them.
///
/// Messages (``JSONSyntaxError/message``) follow a fixed set of shapes:
///
/// | Problem | Message |
/// |---|---|
/// | no bytes / only a BOM | `the document is empty, expected a JSON value` |
/// | only whitespace | `the document contains only whitespace, expected a JSON value` |
/// | too large | `the document is 2 GiB (…), larger than the limit of 1 GiB (…)` |
/// | bad token | `expected a value, found 'NaN' (NaN and Infinity are not valid JSON numbers)` |
/// | | `expected a value after '[', found a single quote (JSON strings use double quotes)` |
/// | | `expected a value, found '“' (U+201C)` / `found U+00A0` / `found byte 0xFF` |
/// | trailing comma | `expected a value after ',', found ']' (trailing commas are not allowed)` |
/// | comment | `expected a value, found a comment ('//'), and comments are not allowed in JSON` |
/// | separators | `expected ',' or ']' after an array element, found '}'` |
/// | | `expected ',' or '}' after an object member, found ']'` |
/// | | `expected a string key or '}' after '{', found 'a'` |
/// | | `expected ':' after an object key, found '1'` |
/// | garbage | `expected the end of the document after the top-level value, found 'x'` |
/// | truncation | `expected a value after ':', found end of file` |
/// | numbers | `leading zeros are not allowed in numbers, found '01'` |
/// | | `expected a digit after '-', found 'Infinity' (NaN and Infinity are not valid JSON numbers)` |
/// | | `expected a digit after the decimal point, found end of file` |
/// | | `expected a digit in the exponent, found ','` |
/// | | `number literal is longer than the limit of 1000 characters` |
/// | strings | `unescaped control character U+000A in string (write it as \n)` |
/// | | `invalid escape '\x' in string` |
/// | | `expected 4 hexadecimal digits after '\u', found 'G'` |
/// | | `unpaired high surrogate \uD800 in string: it must be followed by a \u escape of a low surrogate (\uDC00–\uDFFF)` |
/// | | `high surrogate \uD800 is followed by \u0041, not by a low surrogate (\uDC00–\uDFFF)` |
/// | | `unpaired low surrogate \uDC00 in string` |
/// | | `unterminated string that starts at 1:9, found end of file` |
/// | | `string is longer than the limit of 1 MiB (1048576 bytes)` |
/// | UTF-8 | `invalid UTF-8: byte 0xFF never appears in UTF-8` |
/// | | `invalid UTF-8: unexpected continuation byte 0x80` |
/// | | `invalid UTF-8: overlong encoding starting with byte 0xC0` (or `bytes 0xE0 0x80`) |
/// | | `invalid UTF-8: encoded surrogate starting with bytes 0xED 0xA0` |
/// | | `invalid UTF-8: code point above U+10FFFF starting with bytes 0xF4 0x90` (or `byte 0xF5`) |
/// | | `invalid UTF-8: sequence starting with byte 0xE2 is cut short, found '"'` |
/// | keys | `duplicate key "city" in object` |
/// | depth | `nesting deeper than 64 levels` |
public enum JSONParser {
    /// Parses one JSON document from UTF-8 bytes.
    ///
    /// - Throws: ``JSONSyntaxError`` with the line, column and byte offset of the first problem.
    public static func parse(_ bytes: [UInt8], limits: JSONLimits = .default) throws(JSONSyntaxError) -> JSONValue {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONSyntaxError) -> JSONValue in
                var reader = JSONByteReader(bytes: buffer, limits: limits)
                return try reader.parseDocument()
            }
        }
        return try result.get()
    }

    /// Parses one JSON document from raw UTF-8 bytes, such as a memory-mapped file.
    ///
    /// - Throws: ``JSONSyntaxError`` with the line, column and byte offset of the first problem.
    public static func parse(_ bytes: UnsafeRawBufferPointer, limits: JSONLimits = .default) throws(JSONSyntaxError) -> JSONValue {
        let result = bytes.withMemoryRebound(to: UInt8.self) { buffer in
            Result { () throws(JSONSyntaxError) -> JSONValue in
                var reader = JSONByteReader(bytes: buffer, limits: limits)
                return try reader.parseDocument()
            }
        }
        return try result.get()
    }

    /// Parses one JSON document from the UTF-8 bytes of `data`.
    ///
    /// - Throws: ``JSONSyntaxError`` with the line, column and byte offset of the first problem.
    public static func parse(_ data: Data, limits: JSONLimits = .default) throws(JSONSyntaxError) -> JSONValue {
        let result = data.withUnsafeBytes { raw in
            Result { () throws(JSONSyntaxError) -> JSONValue in try parse(raw, limits: limits) }
        }
        return try result.get()
    }
}
