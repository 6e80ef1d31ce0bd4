/// Gives each distinct text a small integer, in order of first use, hashing each text once:
/// how a plain list's fields and events become ``DelegateSymbols`` and ``DelegateEventSymbols``,
/// and how ``XMLTree`` numbers element names.
struct TextCoder {
    private var codeOf: [String: Int32]
    /// The distinct texts coded so far; a text's code is its index here.
    private(set) var values: [String]

    init() {
        codeOf = [:]
        values = []
    }

    /// A coder whose first codes are already given: `values[i]` has code `i` (`codes` is its inverse).
    init(values: [String], codes: [String: Int32]) {
        self.values = values
        codeOf = codes
    }

    /// The text's code, made when the text is new.
    mutating func code(_ text: String) -> Int32 {
        if let code = codeOf[text] { return code }
        let code = Int32(values.count)
        codeOf[text] = code
        values.append(text)
        return code
    }

    /// The text's code if it has one; nothing is made.
    func existingCode(_ text: String) -> Int32? { codeOf[text] }
}
