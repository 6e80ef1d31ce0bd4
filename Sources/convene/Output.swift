import ConveneText
#if canImport(Glibc)
import Glibc
#endif

/// Writes to stdout and stderr without Foundation's buffering surprises.
enum Output {
    static func write(_ text: String) { write(text, to: 1) }

    /// Writes all of `text` to a file descriptor, retrying short writes.
    static func write(_ text: String, to fd: Int32) {
        var t = text
        t.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += n
            }
        }
    }

    /// Machine-readable output (CSV, JSON, iCalendar): exact when it goes to a file or a pipe.
    ///
    /// When stdout is a terminal a person is reading it, and the data could carry
    /// escape sequences that retitle the terminal; it is then sanitised like a table.
    static func writeData(_ text: String) {
        write(isatty(1) != 0 ? Sanitizer.text(text) : text)
    }

    /// One message on stderr, prefixed with the program name.
    ///
    /// Messages quote ids and names from data files, so they are sanitised like
    /// everything else that reaches a terminal.
    static func error(_ message: String) {
        write("convene: \(Sanitizer.text(message))\n", to: 2)
    }
}
