/// Sorting a view's rows by a key, with a tie-break.
enum RowOrder {
    /// `items` ordered by `key`, ties by `tie`, then by index.
    ///
    /// Keys are computed once per row, not once per comparison: at a million rows
    /// that is the difference between a fraction of a second and a minute.
    /// Descending turns the column round, not the tie-break: equal counts stay A to Z.
    static func ordered<T: Comparable, U: Comparable>(_ items: [Int], by key: (Int) -> T, then tie: (Int) -> U,
                                                      descending: Bool) -> [Int] {
        let keyed = items.map { (key($0), tie($0), $0) }
        return keyed.sorted { a, b in
            if a.0 != b.0 { return descending ? a.0 > b.0 : a.0 < b.0 }
            return a.1 != b.1 ? a.1 < b.1 : a.2 < b.2
        }.map(\.2)
    }
}

/// A sort key that may be missing: a place not recorded sorts after every recorded one
/// (ascending), so the rows that say something come first.
struct RecordedFirst<T: Comparable>: Comparable {
    let value: T?
    init(_ value: T?) { self.value = value }

    static func < (a: Self, b: Self) -> Bool {
        switch (a.value, b.value) {
        case let (x?, y?): return x < y
        case (.some, nil): return true
        default: return false
        }
    }
}
