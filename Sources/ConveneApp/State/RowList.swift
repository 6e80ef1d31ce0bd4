import ConveneModel

/// The rows of a view's list, in the order shown: a random-access collection of ``RowRef``.
///
/// Most views keep their rows as an array of ``RowRef`` values. Delegates, which lists up
/// to a million people and rebuilds its list on every keystroke of a search, keeps only
/// their indices into `directory.delegates`, four bytes each (``init(delegates:unlisted:)``),
/// and makes a ``RowRef/delegate(_:)`` when a row is asked for: the table asks only for
/// the rows on screen. Building the list is then one walk that writes integers, and
/// dropping the previous one frees one buffer instead of destroying a million enum values.
///
/// Both kinds read the same: `rows[i]`, `rows.count`, `rows.firstIndex(of:)`, and two
/// lists are equal when they hold the same rows in the same order.
public struct RowList: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    public typealias Index = Int
    public typealias Indices = Range<Int>

    private enum Storage: Sendable {
        case refs([RowRef])
        /// Listed delegates in the order shown, then, when `unlisted` > 0, one
        /// `.record(.delegates, unlisted)` row that stands for the delegates who asked not to be named.
        case delegates([Int32], unlisted: Int)
    }

    private let storage: Storage
    /// How many rows: kept, not recomputed, since the renderer and the reducer ask for it often.
    public let endIndex: Int
    public var startIndex: Int { 0 }

    /// Rows given one by one.
    public init(_ rows: [RowRef]) {
        storage = .refs(rows)
        endIndex = rows.count
    }

    public init(arrayLiteral rows: RowRef...) { self.init(rows) }

    /// Delegates by index, in the order shown, then one row for `unlisted` delegates when there are any.
    public init(delegates: [Int32], unlisted: Int) {
        storage = .delegates(delegates, unlisted: unlisted)
        endIndex = delegates.count + (unlisted > 0 ? 1 : 0)
    }

    public subscript(position: Int) -> RowRef {
        switch storage {
        case .refs(let rows):
            return rows[position]
        case .delegates(let slots, let unlisted):
            if position < slots.count { return .delegate(Int(slots[position])) }
            precondition(position == slots.count && unlisted > 0, "row index out of range")
            return .record(.delegates, unlisted)
        }
    }

    /// The delegate indices of a Delegates list, in the order shown (the unlisted row left out);
    /// nil for a list of other rows.
    public var delegateIndices: [Int32]? {
        if case .delegates(let slots, _) = storage { return slots }
        return nil
    }

    /// The first position of `row`: for a list of delegates, a search of the packed indices,
    /// not a million rows made one by one.
    public func firstIndex(of row: RowRef) -> Int? {
        switch storage {
        case .refs(let rows):
            return rows.firstIndex(of: row)
        case .delegates(let slots, let unlisted):
            switch row {
            case .delegate(let i):
                guard let wanted = Int32(exactly: i) else { return nil }
                return slots.firstIndex(of: wanted)
            case .record(.delegates, let n):
                return unlisted > 0 && n == unlisted ? slots.count : nil
            default:
                return nil
            }
        }
    }

    public static func == (a: RowList, b: RowList) -> Bool {
        guard a.count == b.count else { return false }
        if case .delegates(let x, let u) = a.storage, case .delegates(let y, let v) = b.storage {
            return u == v && x == y
        }
        return a.elementsEqual(b)
    }
}
