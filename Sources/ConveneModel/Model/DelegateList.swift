/// A directory's delegates: a collection of ``Delegate`` values, stored compactly when loaded.
///
/// Code reads and writes it like `[Delegate]` — index it, loop over it, append,
/// sort, remove — and gets `Delegate` values. How they are kept is hidden:
///
/// - A list built in code, or changed in any way, is a plain array of `Delegate`s.
/// - A list read by the loader from a large file is kept in columns
///   (``CompactDelegates``): ids and names as bytes in one buffer, role,
///   organisation, city and country as small integers into tables of the distinct
///   texts, events as one flat list of integers, the two flags as bits. At a
///   million delegates that is about a fifth of the memory of a million `Delegate`s
///   with seven strings each, and loading it makes no `String` per delegate.
///   Reading an element makes that one `Delegate` (the strings it holds) on the spot.
///
/// The first change to a compact list turns it into the plain form, once (every
/// delegate is made then), so a change never needs to know the storage; as with
/// arrays, a copy is never changed by changes to the original.
///
/// Whole-list loops that only need a field or two (counting per country, the
/// summary) should use the field accessors (``isIllustrative(at:)``,
/// ``countries``, …): they read the columns of a compact list directly.
///
/// ```swift
/// var people: DelegateList = [Delegate(id: "d1", name: "An", city: nil, country: "VN")]
/// people.append(Delegate(id: "d2", name: "Bình", city: nil, country: nil))
/// print(people[1].name, people.count)   // Bình 2
/// ```
public struct DelegateList: Sendable {
    enum Storage: Sendable {
        case plain([Delegate])
        case compact(CompactDelegates)
    }

    var storage: Storage

    /// An empty list.
    public init() {
        storage = .plain([])
    }

    /// A list holding `delegates`, in order.
    public init(_ delegates: [Delegate]) {
        storage = .plain(delegates)
    }

    /// A list of `delegates`, in order.
    public init<S: Sequence>(_ delegates: S) where S.Element == Delegate {
        storage = .plain(Array(delegates))
    }

    /// A list read from columns; only the loader makes one.
    init(compact: CompactDelegates) {
        storage = .compact(compact)
    }

    /// True while the list is kept in columns (as loaded), false once it is a plain array.
    public var isCompact: Bool {
        if case .compact = storage { return true }
        return false
    }

    /// The columns, while the list is compact.
    var compact: CompactDelegates? {
        if case .compact(let columns) = storage { return columns }
        return nil
    }

    /// Runs `body` on the plain array, turning a compact list into one first.
    ///
    /// The array is moved out of `storage` while `body` runs, so that it is uniquely
    /// referenced and changes it in place instead of copying it.
    @inline(__always)
    mutating func withPlain<R>(_ body: (inout [Delegate]) throws -> R) rethrows -> R {
        var array = takePlain()
        defer { storage = .plain(array) }
        return try body(&array)
    }

    /// The delegates as a plain array, moved out of `storage` (left empty until the caller puts it back).
    @inline(__always)
    mutating func takePlain() -> [Delegate] {
        let array: [Delegate]
        switch storage {
        case .plain(let delegates): array = delegates
        case .compact(let columns): array = columns.allDelegates()
        }
        storage = .plain([])
        return array
    }
}

extension DelegateList: RandomAccessCollection, MutableCollection {
    public typealias Index = Int
    public typealias Indices = Range<Int>

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .plain(let delegates): return delegates.count
        case .compact(let columns): return columns.count
        }
    }

    public var count: Int { endIndex }

    public var indices: Range<Int> { 0..<endIndex }

    public func index(after i: Int) -> Int { i + 1 }

    public func index(before i: Int) -> Int { i - 1 }

    /// The delegate at `position`: a value made from the columns when the list is compact.
    public subscript(position: Int) -> Delegate {
        get {
            switch storage {
            case .plain(let delegates): return delegates[position]
            case .compact(let columns): return columns.delegate(at: position)
            }
        }
        _modify {
            var array = takePlain()
            defer { storage = .plain(array) }
            yield &array[position]
        }
        set {
            withPlain { $0[position] = newValue }
        }
    }

    public func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<Delegate>) throws -> R) rethrows -> R? {
        guard case .plain(let delegates) = storage else { return nil }
        return try delegates.withUnsafeBufferPointer(body)
    }

    /// Sorting, reversing and partitioning work on the plain array in place (a compact list becomes plain first).
    public mutating func withContiguousMutableStorageIfAvailable<R>(
        _ body: (inout UnsafeMutableBufferPointer<Delegate>) throws -> R
    ) rethrows -> R? {
        try withPlain { try $0.withContiguousMutableStorageIfAvailable(body) }
    }
}

extension DelegateList: RangeReplaceableCollection {
    public mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with newElements: C)
    where C.Element == Delegate {
        withPlain { $0.replaceSubrange(subrange, with: newElements) }
    }

    public mutating func reserveCapacity(_ n: Int) {
        withPlain { $0.reserveCapacity(n) }
    }

    public mutating func append(_ newElement: Delegate) {
        withPlain { $0.append(newElement) }
    }

    public mutating func append<S: Sequence>(contentsOf newElements: S) where S.Element == Delegate {
        withPlain { $0.append(contentsOf: newElements) }
    }

    public mutating func removeAll(keepingCapacity keepCapacity: Bool = false) {
        if keepCapacity {
            withPlain { $0.removeAll(keepingCapacity: true) }
        } else {
            storage = .plain([])
        }
    }
}

extension DelegateList: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Delegate...) {
        storage = .plain(elements)
    }
}

extension DelegateList: Equatable {
    /// Equal when both hold the same delegates in the same order, whatever their storage.
    public static func == (a: DelegateList, b: DelegateList) -> Bool {
        switch (a.storage, b.storage) {
        case (.plain(let x), .plain(let y)):
            return x == y
        case (.compact(let x), .compact(let y)) where x === y:
            return true
        default:
            return a.count == b.count && a.elementsEqual(b)
        }
    }
}

extension DelegateList: CustomStringConvertible, CustomDebugStringConvertible {
    /// Printed as the array it stands for, so that a failed test shows the delegates.
    public var description: String { Array(self).description }
    public var debugDescription: String { Array(self).debugDescription }
}
