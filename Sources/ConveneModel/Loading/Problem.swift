/// One thing wrong with a directory, located by its JSON path.
///
/// Paths use the JSONPath subset people know from jq and editors:
/// `$.delegates[17].city`. The message is a plain sentence that says what is
/// wrong and, where it can, what was probably meant.
public struct Problem: Sendable, Equatable, CustomStringConvertible {
    /// Where the problem is, e.g. `$.delegates[17].city`.
    public var path: String
    /// What is wrong, e.g. "unknown city 'hanio' (did you mean 'hanoi'?)".
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// Collects problems up to a cap, so a badly broken file does not flood the terminal.
struct ProblemList {
    /// How many problems are kept; the rest are only counted.
    static let cap = 100
    private(set) var problems: [Problem] = []
    private(set) var dropped = 0

    mutating func add(_ path: String, _ message: String) {
        if problems.count < ProblemList.cap {
            problems.append(Problem(path: path, message: message))
        } else {
            dropped += 1
        }
    }

    var isEmpty: Bool { problems.isEmpty }
    /// True once further problems are only counted.
    var isFull: Bool { problems.count >= ProblemList.cap }

    /// How many more candidates "did you mean …?" suggestions may compare against.
    ///
    /// A suggestion is an edit distance to every known id, so without a bound a file of
    /// 5,000 delegates naming 5,000 unknown cities cost 25 million distances (minutes),
    /// and a million-delegate file with a hundred unknown speakers far more.
    private(set) var suggestionBudget = 2_000_000

    /// Whether a suggestion among `candidates` ids is worth computing: only for a problem
    /// that will be listed, and while the budget lasts. Spends the budget when it says yes.
    mutating func affordsSuggestion(among candidates: Int) -> Bool {
        guard !isFull, candidates <= suggestionBudget else { return false }
        suggestionBudget -= candidates
        return true
    }
}
