/// The delegates of a directory by who they are — name (ignoring case, accents and spacing)
/// and country — for ``RegistrationImport``'s matching, without a `String` key per delegate.
///
/// A dictionary from `nameKey + country` to a list of indices made a joined key string and an
/// array for each of a million delegates before the first row was read (seconds, issue 11,
/// item 9). This keeps one hash per delegate in flat arrays, chained by bucket; a lookup
/// compares the real keys of the few delegates whose hash matches, so it answers exactly what
/// the dictionary did, in the same (index) order.
struct ImportIdentityIndex {
    /// Per bucket, the most recently added delegate in it, or -1.
    private var buckets: [Int32]
    /// Per delegate: its hash, and the previous delegate in its bucket (or -1).
    private var hashes: [Int] = []
    private var previous: [Int32] = []

    init(expectedCount: Int) {
        var size = 16
        while size < 2 * expectedCount { size <<= 1 }
        buckets = Array(repeating: -1, count: size)
        hashes.reserveCapacity(expectedCount)
        previous.reserveCapacity(expectedCount)
    }

    /// The match key of a name: what ``RegistrationImport/nameKey(_:)`` compares.
    static func hash(nameKey: String, country: String) -> Int {
        var hasher = Hasher()
        hasher.combine(nameKey)
        hasher.combine(country)
        return hasher.finalize()
    }

    /// Adds the delegate at `index`, which must be the next index (delegates are only appended).
    mutating func append(index: Int, nameKey: String, country: String) {
        precondition(index == hashes.count, "delegates are indexed in order")
        if 2 * (hashes.count + 1) > buckets.count { grow() }
        let h = Self.hash(nameKey: nameKey, country: country)
        let b = h & (buckets.count - 1)
        hashes.append(h)
        previous.append(buckets[b])
        buckets[b] = Int32(index)
    }

    /// Indices of the delegates with this name key and country, lowest first.
    /// `isMatch(i)` confirms a candidate whose hash is equal (by comparing the real keys).
    func matches(nameKey: String, country: String, isMatch: (Int) -> Bool) -> [Int] {
        let h = Self.hash(nameKey: nameKey, country: country)
        var found: [Int] = []
        var i = buckets[h & (buckets.count - 1)]
        while i >= 0 {
            let index = Int(i)
            if hashes[index] == h, isMatch(index) { found.append(index) }
            i = previous[index]
        }
        return found.reversed()
    }

    /// Doubles the buckets and re-chains every delegate, keeping each chain newest first.
    private mutating func grow() {
        buckets = Array(repeating: -1, count: buckets.count * 2)
        for index in hashes.indices {
            let b = hashes[index] & (buckets.count - 1)
            previous[index] = buckets[b]
            buckets[b] = Int32(index)
        }
    }
}
