extension Grid {
    /// Each row as the text a terminal would show, continuation cells skipped.
    ///
    /// This is what snapshot tests compare against, like ratatui's
    /// `Buffer::with_lines`: a row with a wide character has fewer characters
    /// but the same display width as the others.
    public var lines: [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width {
                let cell = self[row, column]
                if !cell.isContinuation { line += cell.text }
            }
            return line
        }
    }

    /// One marker character per cell (continuation cells included, so columns
    /// line up with the screen), for asserting styles in tests.
    public func styleLines(_ marker: (Style) -> Character) -> [String] {
        (0..<height).map { row in
            String((0..<width).map { marker(self[row, $0].style) })
        }
    }

    /// Style markers by attribute, the most telling first: "R" reverse,
    /// "B" bold, "U" underline, "D" dim, "C" any colour, "." plain.
    ///
    /// Attributes rather than colours, since they are what carries meaning
    /// with `NO_COLOR`.
    public var styleLines: [String] {
        styleLines { style in
            if style.reverse { return "R" }
            if style.bold { return "B" }
            if style.underline { return "U" }
            if style.dim { return "D" }
            if style.foreground != .default || style.background != .default { return "C" }
            return "."
        }
    }
}
