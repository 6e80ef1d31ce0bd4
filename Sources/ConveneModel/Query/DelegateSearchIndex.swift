import ConveneText
import Dispatch
import Synchronization
import Glibc

/// Incremental search over delegates, fast enough for every keystroke at a million delegates.
///
/// Matches exactly what ``DirectoryIndex/delegateKeys`` and ``SearchQuery`` match —
/// every term of the folded query occurs, as whole characters, in the folded
/// "name role organisation city" of a delegate — but stores it so that a keystroke
/// touches as little as possible:
///
/// - Each delegate's own text (name and role) is folded once into one contiguous
///   byte buffer with offsets: no `String` per delegate, no pointer chasing.
///   Organisation and city names, shared by thousands of delegates, are folded
///   once each; a term that occurs in a city's name matches that city's delegates
///   through one array read. (A term never contains a space, so it cannot span
///   two of the joined fields, and matching them apart is the same as matching the
///   joined text.)
/// - A full scan looks for the term's rarest byte with `memchr` and checks the
///   term around each hit, jumping to the next delegate after a match.
/// - When the query extends the previous one (typing one more letter) under the
///   same filter, only the previous hits are checked, unless a scan for the
///   rarest byte is cheaper.
///
/// ```swift
/// let search = index.delegateSearch          // built once, on first use
/// let hits = search.matches("nguyen v")      // delegate indices, in directory order
/// ```
///
/// Thread-safe: the remembered last search sits behind a mutex.
public final class DelegateSearchIndex: Sendable {
    /// Folded "name role" of every delegate, back to back, each followed by a newline.
    private let text: [UInt8]
    /// `text[starts[i] ..< starts[i + 1] - 1]` is delegate i's text.
    private let starts: [Int]
    /// Folded names of the directory's cities and organisations.
    private let cityText: [[UInt8]]
    private let organizationText: [[UInt8]]
    /// Per delegate, the index of its city and organisation, or -1 when there is none to search.
    private let delegateCity: [Int32]
    private let delegateOrganization: [Int32]
    /// How often each byte occurs in `text`: the rarest byte of a term is the one to look for.
    private let byteCounts: [Int]
    /// For each printable ASCII byte (`!`…`~`), a bitset of the delegates whose own text
    /// holds it as a whole character: the first letter typed, which matches most of
    /// a million delegates, is then read off instead of scanned for.
    private let letterSets: [[UInt64]]
    /// Per printable ASCII byte, delegates where it occurs only next to a joining
    /// mark, so `SearchQuery` must decide (almost always empty).
    private let letterDoubts: [[Int32]]
    /// Per pair of printable ASCII bytes (`(first - 0x21) * 94 + second - 0x21`), the index into
    /// `bigramSets` of its bitset, -1 when it has none, -2 when no delegate's own text holds it at
    /// all (then only cities and organisations can match). Only the pairs found in more than
    /// 1/`bigramShare` of the delegates have a set (a two-letter query with such a pair matches too
    /// many to list cheaply).
    private let bigramSlot: [Int16]
    /// For each such pair, the delegates whose own text holds it as whole characters, as a bitset…
    private let bigramSets: [[UInt64]]
    /// …and those where it occurs only beside a joining mark, so `SearchQuery` must decide.
    private let bigramDoubts: [[Int32]]
    private let last = Mutex<LastSearch?>(nil)
    /// Each letter's or common pair's whole answer once worked out (``matchSet(_:)``): it depends on
    /// the term alone, so typing the same first letters again reads it back.
    private let termAnswers = Mutex<[[UInt8]: DelegateSet]>([:])

    /// The previous search, for narrowing.
    private struct LastSearch {
        var folded: [UInt8]
        var scope: Filter
        /// The answer as indices; nil when it was kept only as `set` (``oneLetterSet(_:)``).
        var hits: [Int]?
        var set: DelegateSet? = nil
    }

    /// Folds every delegate's searchable text: about half a second at a million delegates.
    public convenience init(_ ix: DirectoryIndex) {
        self.init(directory: ix.directory, cityByID: ix.cityByID, organizationByID: ix.organizationByID,
                  placement: ix.placement)
    }

    /// `bigramShare`: a pair of letters gets a bitset when more than 1/`bigramShare` of the delegates
    /// hold it (tests pass a large share, so that every pair that occurs gets one).
    init(directory d: Directory, cityByID: [String: Int], organizationByID: [String: Int], placement: DelegatePlacement,
         bigramShare: Int = 8) {
        var text: [UInt8] = []
        text.reserveCapacity(d.delegates.count * 32)
        var starts: [Int] = [0]
        starts.reserveCapacity(d.delegates.count + 1)
        var delegateCity = [Int32](repeating: -1, count: d.delegates.count)
        var delegateOrganization = [Int32](repeating: -1, count: d.delegates.count)
        let people = d.delegates
        for i in people.indices {
            // An unlisted delegate has no text to search and no city or organisation to match through:
            // no query finds them, so a search cannot single one out (see ``Delegate/listed``).
            guard people.isListed(at: i) else {
                text.append(0x0A)
                starts.append(text.count)
                continue
            }
            text.append(contentsOf: SearchFold.fold(people.name(at: i)).utf8)
            if let role = people.role(at: i) {
                text.append(0x20)
                text.append(contentsOf: SearchFold.fold(role).utf8)
            }
            text.append(0x0A)
            starts.append(text.count)
            if let o = people.organization(at: i), let oi = organizationByID[o] { delegateOrganization[i] = Int32(oi) }
        }
        for i in people.indices where people.isListed(at: i) {
            let c = placement.city[i]
            if c >= 0 {
                delegateCity[i] = c
            } else if let city = people.city(at: i), let ci = cityByID[city] {
                delegateCity[i] = Int32(ci)
            }
        }
        var counts = [Int](repeating: 0, count: 256)
        for byte in text { counts[Int(byte)] += 1 }
        let words = (d.delegates.count + 63) / 64
        var letterSets = [[UInt64]](repeating: [UInt64](repeating: 0, count: words), count: 94)
        var letterDoubts = [[Int32]](repeating: [], count: 94)
        text.withUnsafeBufferPointer { all in
            for i in 0..<(starts.count - 1) {
                let start = starts[i], stop = starts[i + 1] - 1
                var whole: (UInt64, UInt64) = (0, 0), doubtful: (UInt64, UInt64) = (0, 0)
                for at in start..<stop {
                    let b = Int(all[at]) - 0x21
                    guard b >= 0, b < 94 else { continue }
                    if Self.wholeCharacters(all, at, at + 1, recordStart: start, recordStop: stop) {
                        if b < 64 { whole.0 |= 1 << UInt64(b) } else { whole.1 |= 1 << UInt64(b - 64) }
                    } else {
                        if b < 64 { doubtful.0 |= 1 << UInt64(b) } else { doubtful.1 |= 1 << UInt64(b - 64) }
                    }
                }
                for (word, offset) in [(whole.0, 0), (whole.1, 64)] {
                    var bits = word
                    while bits != 0 {
                        let b = bits.trailingZeroBitCount
                        letterSets[offset + b][i >> 6] |= 1 << UInt64(i & 63)
                        bits &= bits - 1
                    }
                }
                for (word, offset) in [(doubtful.0 & ~whole.0, 0), (doubtful.1 & ~whole.1, 64)] {
                    var bits = word
                    while bits != 0 {
                        let b = bits.trailingZeroBitCount
                        letterDoubts[offset + b].append(Int32(i))
                        bits &= bits - 1
                    }
                }
            }
        }
        (bigramSlot, bigramSets, bigramDoubts) = text.withUnsafeBufferPointer { all in
            Self.bigrams(all, starts: starts, share: bigramShare)
        }
        self.letterSets = letterSets
        self.letterDoubts = letterDoubts
        self.text = text
        self.starts = starts
        self.delegateCity = delegateCity
        self.delegateOrganization = delegateOrganization
        self.byteCounts = counts
        cityText = d.cities.map { Array(SearchFold.fold($0.name).utf8) }
        organizationText = d.organizations.map { Array(SearchFold.fold($0.name).utf8) }
    }

    /// The pairs of printable ASCII bytes held by more than 1/`share` of the records, with their
    /// bitsets (whole characters) and doubtful records: two passes over the folded text, the first
    /// counting the records that hold each pair, the second filling the sets of the common ones.
    private static func bigrams(_ all: UnsafeBufferPointer<UInt8>, starts: [Int], share: Int)
        -> (slot: [Int16], sets: [[UInt64]], doubts: [[Int32]]) {
        let n = starts.count - 1
        var seen = [Int32](repeating: -1, count: 94 * 94)   // the last record that counted each pair
        var held = [Int](repeating: 0, count: 94 * 94)
        @inline(__always) func pair(_ at: Int) -> Int? {
            let a = Int(all[at]) &- 0x21, b = Int(all[at + 1]) &- 0x21
            return a >= 0 && a < 94 && b >= 0 && b < 94 ? a * 94 + b : nil
        }
        for i in 0..<n {
            let start = starts[i], stop = starts[i + 1] - 1
            guard stop - start >= 2 else { continue }
            for at in start..<(stop - 1) {
                if let k = pair(at), seen[k] != Int32(i) {
                    seen[k] = Int32(i)
                    held[k] += 1
                }
            }
        }
        var slot = held.map { $0 == 0 ? Int16(-2) : Int16(-1) }
        var slots = 0
        for k in held.indices where held[k] > 0 && held[k] > n / max(1, share) && slots < Int(Int16.max) {
            slot[k] = Int16(slots)
            slots += 1
        }
        let words = (n + 63) / 64
        var sets = [[UInt64]](repeating: [UInt64](repeating: 0, count: words), count: slots)
        var doubts = [[Int32]](repeating: [], count: slots)
        guard slots > 0 else { return (slot, sets, doubts) }
        var whole = [Int32](repeating: -1, count: slots)    // the last record holding the pair as whole characters
        var doubtful: [Int] = []
        for i in 0..<n {
            let start = starts[i], stop = starts[i + 1] - 1
            guard stop - start >= 2 else { continue }
            doubtful.removeAll(keepingCapacity: true)
            for at in start..<(stop - 1) {
                guard let k = pair(at), slot[k] >= 0 else { continue }
                let s = Int(slot[k])
                if wholeCharacters(all, at, at + 2, recordStart: start, recordStop: stop) {
                    if whole[s] != Int32(i) {
                        whole[s] = Int32(i)
                        sets[s][i >> 6] |= 1 << UInt64(i & 63)
                    }
                } else {
                    doubtful.append(s)
                }
            }
            for s in Set(doubtful) where whole[s] != Int32(i) { doubts[s].append(Int32(i)) }
        }
        return (slot, sets, doubts)
    }

    /// The number of delegates indexed.
    public var count: Int { starts.count - 1 }

    /// Delegates whose text contains every term of `query`, in directory order.
    ///
    /// `among` restricts the answer to those delegates (sorted indices, as
    /// ``DirectoryIndex/delegates(_:)`` returns); `scope` names the filter that
    /// produced `among`, so that the next keystroke under the same filter can
    /// narrow this answer instead of starting again. An empty query matches every
    /// candidate.
    public func matches(_ query: String, among: [Int]? = nil, scope: Filter = Filter()) -> [Int] {
        let folded = Array(SearchFold.fold(query).utf8)
        let terms = folded.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 }).map { Array($0) }
        let scope = scope.withoutSearch
        guard !terms.isEmpty else { return among ?? Array(0..<count) }

        var candidates = among
        if let previous = last.withLock({ $0 }), previous.scope == scope, folded.starts(with: previous.folded) {
            // Every term of the new query contains one of the old: the answer can only shrink.
            if let hits = previous.hits {
                candidates = hits
            } else if let set = previous.set, set.count * 8 < count {
                // A letter's set is worth listing only when it is small; otherwise the scan below is cheaper.
                candidates = set.members
            }
        }
        let hits = search(terms, among: candidates)
        last.withLock { $0 = LastSearch(folded: folded, scope: scope, hits: hits) }
        return hits
    }

    /// The delegates a query of one printable ASCII letter (after folding) matches, as a bitset,
    /// the same delegates ``matches(_:among:scope:)`` returns for it over everyone; nil for
    /// any other query.
    ///
    /// In the common case (the letter occurs in no city or organisation name, and never only
    /// beside a joining mark) this is the letter's own set, shared, not copied. It is remembered
    /// as the previous search, so the next keystroke under no filter narrows it.
    public func oneLetterSet(_ query: String) -> DelegateSet? {
        let folded = Array(SearchFold.fold(query).utf8)
        let terms = folded.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 })
        guard terms.count == 1, let term = terms.first, term.count == 1, let letter = term.first,
              letter >= 0x21, letter <= 0x7E else { return nil }
        let set = letterAnswer(letter)
        last.withLock { $0 = LastSearch(folded: folded, scope: Filter(), hits: nil, set: set) }
        return set
    }

    /// The delegates ``matches(_:among:scope:)`` returns for `query` over everyone, as a bitset, when
    /// that is the cheap way to have them; nil otherwise (ask ``matches(_:among:scope:)``).
    ///
    /// - One printable ASCII letter: ``oneLetterSet(_:)``.
    /// - Two printable ASCII letters held by many delegates (more than an eighth): read off the pair's
    ///   set, as a letter is, with the doubtful records and the city and organisation matches added;
    ///   two held by none: only the city and organisation matches.
    /// - A query that extends the previous one, which was answered here with a set of more than an
    ///   eighth of the delegates: that set is narrowed with the sets of the new query's letters and
    ///   pairs (bitwise AND), and only the delegates left are checked, in two halves at once.
    ///
    /// The answer is remembered as the previous search, so the next keystroke narrows it.
    public func matchSet(_ query: String) -> DelegateSet? {
        let folded = Array(SearchFold.fold(query).utf8)
        let terms = folded.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 }).map { Array($0) }
        guard !terms.isEmpty else { return nil }
        if terms.count == 1, terms[0].count <= 2, let set = termAnswer(terms[0]) {
            last.withLock { $0 = LastSearch(folded: folded, scope: Filter(), hits: nil, set: set) }
            return set
        }
        guard let previous = last.withLock({ $0 }), previous.scope == Filter(), folded.starts(with: previous.folded),
              let wide = previous.set, wide.count * 8 >= count else { return nil }
        let sharedMatches = terms.map(shared)
        var words = wide.words
        for (term, shared) in zip(terms, sharedMatches) where !shared.any {
            // Every delegate whose own text matches holds each of the term's bytes and pairs somewhere.
            for byte in Set(term) where byte >= 0x21 && byte <= 0x7E {
                narrow(&words, letterSets[Int(byte) - 0x21], letterDoubts[Int(byte) - 0x21])
            }
            for at in term.indices.dropLast() {
                let a = Int(term[at]) &- 0x21, b = Int(term[at + 1]) &- 0x21
                guard a >= 0, a < 94, b >= 0, b < 94 else { continue }
                let s = Int(bigramSlot[a * 94 + b])
                if s >= 0 {
                    narrow(&words, bigramSets[s], bigramDoubts[s])
                } else if s == -2 {
                    narrow(&words, [UInt64](repeating: 0, count: words.count), [])
                }
            }
        }
        let candidates = words
        // The terms back to back, so that the loop below reads them through one pointer.
        let needles = terms.flatMap { $0 }
        var ranges: [Range<Int>] = []
        for term in terms { ranges.append((ranges.last?.upperBound ?? 0) ..< (ranges.last?.upperBound ?? 0) + term.count) }
        let bounds = ranges
        let checked = Self.inHalves(candidates.count, atLeast: 1_500) { range -> [UInt64] in
            // Hundreds of thousands of candidates: through buffer pointers, with no closure or reference count per record.
            self.text.withUnsafeBufferPointer { all in
                self.starts.withUnsafeBufferPointer { starts in
                    needles.withUnsafeBufferPointer { needles in
                        candidates.withUnsafeBufferPointer { candidates in
                            range.map { w in
                                var bits = candidates[w], kept: UInt64 = 0
                                while bits != 0 {
                                    let b = bits.trailingZeroBitCount
                                    bits &= bits - 1
                                    let i = w << 6 | b
                                    let start = starts[i], stop = starts[i + 1] - 1
                                    let own = UnsafeBufferPointer(rebasing: all[start..<stop])
                                    var every = true
                                    for k in bounds.indices {
                                        if sharedMatches[k].any, self.sharedMatch(record: i, sharedMatches[k]) { continue }
                                        let needle = UnsafeBufferPointer(rebasing: needles[bounds[k]])
                                        guard let at = Self.firstMatch(own, needle) else { every = false; break }
                                        if Self.wholeCharacters(all, start + at, start + at + needle.count,
                                                                recordStart: start, recordStop: stop)
                                            || self.exactlyMatches(record: i, terms[k]) { continue }
                                        every = false
                                        break
                                    }
                                    if every { kept |= 1 << UInt64(b) }
                                }
                                return kept
                            }
                        }
                    }
                }
            }
        }
        let set = DelegateSet(words: checked, universe: count)
        last.withLock { $0 = LastSearch(folded: folded, scope: Filter(), hits: nil, set: set) }
        return set
    }

    /// Keeps in `words` only the members of `set` and the records of `doubts`.
    private func narrow(_ words: inout [UInt64], _ set: [UInt64], _ doubts: [Int32]) {
        var also = [UInt64](repeating: 0, count: doubts.isEmpty ? 0 : words.count)
        for i in doubts { also[Int(i) >> 6] |= 1 << UInt64(i & 63) }
        for w in words.indices { words[w] &= set[w] | (also.isEmpty ? 0 : also[w]) }
    }

    /// Works out every printable ASCII letter's answer now (``oneLetterSet(_:)``), so that no first
    /// keystroke has to: meant for the background thread that builds the index after loading.
    ///
    /// Most letters' answers are their own sets, shared; a letter that also occurs in a city or
    /// organisation name takes one pass over the delegates (a few milliseconds at a million).
    /// The common pairs' answers (``matchSet(_:)``) are worked out too.
    public func prepareLetters() {
        for letter in UInt8(0x21)...UInt8(0x7E) { _ = letterAnswer(letter) }
        for a in UInt8(0x21)...UInt8(0x7E) {
            for b in UInt8(0x21)...UInt8(0x7E) where bigramSlot[Int(a - 0x21) * 94 + Int(b - 0x21)] >= 0 {
                _ = termAnswer([a, b])
            }
        }
    }

    /// The answer of the one-letter query `letter` (printable ASCII, already folded), remembered.
    private func letterAnswer(_ letter: UInt8) -> DelegateSet {
        termAnswer([letter]) ?? DelegateSet(words: letterSets[Int(letter) - 0x21], universe: count)
    }

    /// The remembered answer of a one-term query of one printable ASCII letter, or of two that
    /// have a pair set; nil for any other term.
    private func termAnswer(_ term: [UInt8]) -> DelegateSet? {
        guard term.allSatisfy({ $0 >= 0x21 && $0 <= 0x7E }) else { return nil }
        let set: [UInt64], doubts: [Int32]
        switch term.count {
        case 1:
            (set, doubts) = (letterSets[Int(term[0]) - 0x21], letterDoubts[Int(term[0]) - 0x21])
        case 2:
            let s = Int(bigramSlot[Int(term[0] - 0x21) * 94 + Int(term[1] - 0x21)])
            if s == -2 {
                // No delegate's own text holds the pair: only their city or organisation can match (not remembered).
                return readOff(term, [UInt64](repeating: 0, count: (count + 63) / 64), [], shared(term))
            }
            guard s >= 0 else { return nil }
            (set, doubts) = (bigramSets[s], bigramDoubts[s])
        default:
            return nil
        }
        if let known = termAnswers.withLock({ $0[term] }) { return known }
        let answer = readOff(term, set, doubts, shared(term))
        termAnswers.withLock { $0[term] = answer }
        return answer
    }

    /// Forgets the previous search, so the next one scans in full (for benchmarks of the worst case).
    public func forgetLastSearch() {
        last.withLock { $0 = nil }
    }

    // MARK: Matching

    /// Which cities and organisations contain a term.
    private struct SharedMatches {
        var cities: [Bool]
        var organizations: [Bool]
        var any: Bool
    }

    private func shared(_ term: [UInt8]) -> SharedMatches {
        // Few texts: matched exactly as `SearchQuery` matches them.
        let query = SearchQuery(folded: [String(decoding: term, as: UTF8.self)])
        let cities = cityText.map { query.matches(String(decoding: $0, as: UTF8.self)) }
        let organizations = organizationText.map { query.matches(String(decoding: $0, as: UTF8.self)) }
        return SharedMatches(cities: cities, organizations: organizations,
                             any: cities.contains(true) || organizations.contains(true))
    }

    private func search(_ terms: [[UInt8]], among candidates: [Int]?) -> [Int] {
        let sharedMatches = terms.map(shared)
        if terms.count == 1, terms[0].count == 1, terms[0][0] >= 0x21, terms[0][0] <= 0x7E {
            return oneLetter(terms[0], sharedMatches[0], among: candidates)
        }
        // Look first for the term whose rarest byte is rarest: the fewest places to check.
        let order = terms.indices.sorted { rarity(terms[$0]).count < rarity(terms[$1]).count }
        let first = order[0]
        let scanCost = rarity(terms[first]).count + text.count / 64
        var hits: [Int]
        if let candidates, candidates.count * 8 < scanCost {
            let term = terms[first], shared = sharedMatches[first]
            hits = Self.inHalves(candidates.count) { range in
                candidates[range].filter { self.matches(record: $0, term, shared) }
            }
        } else {
            let term = terms[first], shared = sharedMatches[first]
            hits = Self.inHalves(count) { range in self.scan(term, shared, records: range) }
            if let candidates { hits = Self.intersect(hits, candidates) }
        }
        for k in order.dropFirst() {
            let term = terms[k], shared = sharedMatches[k], previous = hits
            hits = Self.inHalves(previous.count) { range in
                previous[range].filter { self.matches(record: $0, term, shared) }
            }
        }
        return hits
    }

    /// A term of one letter or a common pair over everyone, as a bitset: its own set (`set`,
    /// whole characters) when nothing else can match, else that set with the doubtful records that
    /// `SearchQuery` accepts and the city and organisation matches added.
    private func readOff(_ term: [UInt8], _ set: [UInt64], _ doubtful: [Int32], _ shared: SharedMatches) -> DelegateSet {
        let doubts = doubtful.map(Int.init).filter { self.exactlyMatches(record: $0, term) }
        if !shared.any && doubts.isEmpty { return DelegateSet(words: set, universe: count) }
        var words = set
        for i in doubts { words[i >> 6] |= 1 << UInt64(i & 63) }
        if shared.any {
            // A million records: through buffer pointers, with no bounds check or reference count per record.
            let n = count
            words.withUnsafeMutableBufferPointer { words in
                delegateCity.withUnsafeBufferPointer { city in
                    delegateOrganization.withUnsafeBufferPointer { organization in
                        shared.cities.withUnsafeBufferPointer { cities in
                            shared.organizations.withUnsafeBufferPointer { organizations in
                                for i in 0..<n {
                                    let c = Int(city[i]), o = Int(organization[i])
                                    if (c >= 0 && cities[c]) || (o >= 0 && organizations[o]) {
                                        words[i >> 6] |= 1 << UInt64(i & 63)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return DelegateSet(words: words, universe: count)
    }

    /// A one-letter query: read off the letter's bitset, add the doubtful records that
    /// `SearchQuery` accepts and the delegates matched through their city or organisation.
    private func oneLetter(_ term: [UInt8], _ shared: SharedMatches, among candidates: [Int]?) -> [Int] {
        let set = letterSets[Int(term[0]) - 0x21]
        let doubts = Set(letterDoubts[Int(term[0]) - 0x21].lazy.map(Int.init).filter { self.exactlyMatches(record: $0, term) })
        @inline(__always) func hit(_ i: Int) -> Bool {
            if set[i >> 6] & (1 << UInt64(i & 63)) != 0 { return true }
            if shared.any {
                let c = delegateCity[i], o = delegateOrganization[i]
                if (c >= 0 && shared.cities[Int(c)]) || (o >= 0 && shared.organizations[Int(o)]) { return true }
            }
            return !doubts.isEmpty && doubts.contains(i)
        }
        if let candidates { return candidates.filter(hit) }
        // The common case: the set's members, read a word at a time.
        if !shared.any && doubts.isEmpty { return DelegateSet(words: set, universe: count).members }
        var hits: [Int] = []
        hits.reserveCapacity(count)
        for i in 0..<count where hit(i) { hits.append(i) }
        return hits
    }

    /// Runs `work` over the two halves of `0..<count` at once and joins the answers in order.
    ///
    /// This machine has two cores; a keystroke that must look at most of a million
    /// delegates is the one place where splitting the work is both simple (the index
    /// is immutable, each half writes its own array) and worth it.
    private static func inHalves<T>(_ count: Int, atLeast: Int = 100_000,
                                    _ work: @escaping @Sendable (Range<Int>) -> [T]) -> [T] {
        guard count >= atLeast else { return work(0..<count) }
        let middle = count / 2
        let halves = Halves<T>()
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            if k == 0 { halves.first = work(0..<middle) } else { halves.second = work(middle..<count) }
        }
        return halves.first + halves.second
    }

    /// The two answers of ``inHalves(_:_:)``; each thread writes only its own.
    private final class Halves<T>: @unchecked Sendable {
        var first: [T] = []
        var second: [T] = []
    }

    /// The position in `term` of its rarest byte, and how often that byte occurs in the text.
    private func rarity(_ term: [UInt8]) -> (position: Int, count: Int) {
        var best = (position: 0, count: Int.max)
        for (position, byte) in term.enumerated() where byteCounts[Int(byte)] < best.count {
            best = (position, byteCounts[Int(byte)])
        }
        return best
    }

    /// True when delegate `i`'s city or organisation holds the term.
    @inline(__always)
    private func sharedMatch(record i: Int, _ shared: SharedMatches) -> Bool {
        let c = delegateCity[i], o = delegateOrganization[i]
        return (c >= 0 && shared.cities[Int(c)]) || (o >= 0 && shared.organizations[Int(o)])
    }

    @inline(__always)
    private func matches(record i: Int, _ term: [UInt8], _ shared: SharedMatches) -> Bool {
        if shared.any {
            let c = delegateCity[i], o = delegateOrganization[i]
            if c >= 0, shared.cities[Int(c)] { return true }
            if o >= 0, shared.organizations[Int(o)] { return true }
        }
        let start = starts[i], stop = starts[i + 1] - 1
        let found = text.withUnsafeBufferPointer { all in
            term.withUnsafeBufferPointer { needle in
                Self.firstMatch(UnsafeBufferPointer(rebasing: all[start..<stop]), needle)
            }
        }
        guard let at = found else { return false }
        return isWholeCharacters(start + at, start + at + term.count, record: i) || exactlyMatches(record: i, term)
    }

    /// The delegates in `records` whose own text contains `term`, or whose city or organisation does.
    private func scan(_ term: [UInt8], _ shared: SharedMatches, records: Range<Int>) -> [Int] {
        var hits: [Int] = []
        guard !records.isEmpty else { return hits }
        let (position, _) = rarity(term)
        text.withUnsafeBufferPointer { all in
            term.withUnsafeBufferPointer { needle in
                guard let base = all.baseAddress, let needleBase = needle.baseAddress else { return }
                let length = starts[records.upperBound], m = needle.count
                let rare = Int32(needle[position])
                var from = starts[records.lowerBound] + position  // where the next search for the rare byte starts
                var record = records.lowerBound
                while from < length, let found = memchr(base + from, rare, length - from) {
                    let hit = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    let start = hit - position
                    // The record holding `start`; records only move forward.
                    while starts[record + 1] <= start { record += 1 }
                    let stop = starts[record + 1] - 1
                    if start + m <= stop, memcmp(base + start, needleBase, m) == 0 {
                        if isWholeCharacters(start, start + m, record: record) || exactlyMatches(record: record, term) {
                            hits.append(record)
                        }
                        from = stop + 1 + position  // on to the next delegate
                    } else {
                        from = hit + 1
                    }
                }
            }
        }
        guard shared.any else { return hits }
        // Add the delegates matched through their city or organisation, keeping directory order.
        var merged: [Int] = []
        merged.reserveCapacity(hits.count)
        var next = 0
        for i in records {
            if next < hits.count, hits[next] == i {
                merged.append(i)
                next += 1
                continue
            }
            let c = delegateCity[i], o = delegateOrganization[i]
            if (c >= 0 && shared.cities[Int(c)]) || (o >= 0 && shared.organizations[Int(o)]) { merged.append(i) }
        }
        return merged
    }

    /// Sorted intersection of two sorted index lists.
    private static func intersect(_ a: [Int], _ b: [Int]) -> [Int] {
        var out: [Int] = []
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if a[i] < b[j] { i += 1 } else if a[i] > b[j] { j += 1 } else {
                out.append(a[i])
                i += 1
                j += 1
            }
        }
        return out
    }

    /// The offset of the first occurrence of `needle` in `haystack`: `memchr` for the first byte, then compare.
    @inline(__always)
    private static func firstMatch(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Int? {
        let m = needle.count
        guard m > 0 else { return 0 }
        guard haystack.count >= m, let h = haystack.baseAddress, let n = needle.baseAddress else { return nil }
        let first = Int32(n[0])
        var from = 0
        let last = haystack.count - m
        while from <= last, let found = memchr(h + from, first, last - from + 1) {
            let at = h.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(h + at, n, m) == 0 { return at }
            from = at + 1
        }
        return nil
    }

    // MARK: Characters, not bytes

    /// `SearchQuery` compares characters (grapheme clusters), not bytes: "ก" is not
    /// found in "กุ", where the vowel mark joins the consonant into one character.
    /// Folded text on both sides is in the same canonical form, so every character
    /// match is a byte match; a byte match is a character match when both of its ends
    /// fall between characters. That is certain when the scalars on each side of
    /// both ends are "plain" — ASCII other than CR and LF, Latin letters, CJK
    /// ideographs, kana, Thai consonants — which is nearly always; otherwise
    /// ``exactlyMatches(record:_:)`` decides with `SearchQuery` itself.
    @inline(__always)
    private func isWholeCharacters(_ start: Int, _ stop: Int, record: Int) -> Bool {
        let recordStart = starts[record], recordStop = starts[record + 1] - 1
        return text.withUnsafeBufferPointer { all in
            Self.wholeCharacters(all, start, stop, recordStart: recordStart, recordStop: recordStop)
        }
    }

    /// ``isWholeCharacters(_:_:record:)`` on the raw buffer, also usable while the index is being built.
    @inline(__always)
    private static func wholeCharacters(_ all: UnsafeBufferPointer<UInt8>, _ start: Int, _ stop: Int,
                                        recordStart: Int, recordStop: Int) -> Bool {
        // Printable ASCII on both sides of both ends: the usual case, decided without decoding.
        let before = start > recordStart ? all[start - 1] : 0x20, after = stop < recordStop ? all[stop] : 0x20
        if before &- 0x20 < 0x5F, after &- 0x20 < 0x5F, all[start] &- 0x20 < 0x5F, all[stop - 1] &- 0x20 < 0x5F {
            return true
        }
        guard isPlain(scalar(at: start, in: all)), isPlain(scalar(endingAt: stop, in: all)) else { return false }
        if start > recordStart, !isPlain(scalar(endingAt: start, in: all)) { return false }
        if stop < recordStop, !isPlain(scalar(at: stop, in: all)) { return false }
        return true
    }

    /// The record's own text matched as `SearchQuery` matches it.
    private func exactlyMatches(record i: Int, _ term: [UInt8]) -> Bool {
        let own = String(decoding: text[starts[i]..<(starts[i + 1] - 1)], as: UTF8.self)
        return SearchQuery(folded: [String(decoding: term, as: UTF8.self)]).matches(own)
    }

    /// Scalars next to which a character always ends and begins (UAX #29: none of them
    /// extends, prepends, joins or pairs).
    @inline(__always)
    private static func isPlain(_ value: UInt32) -> Bool {
        switch value {
        case 0x20...0x7E, 0x09,                   // ASCII, without CR, LF and other controls
             0xC0...0x24F,                        // Latin letters left after folding (ŋ, ħ …)
             0x0E01...0x0E30, 0x0E32, 0x0E3F,     // Thai consonants and vowels that stand alone
             0x3041...0x3096, 0x30A1...0x30FA,    // kana, without the combining voice marks
             0x4E00...0x9FFF:                     // CJK ideographs
            return true
        default:
            return false
        }
    }

    /// The scalar whose UTF-8 starts at `offset` (the text is valid UTF-8).
    @inline(__always)
    private static func scalar(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let lead = UInt32(bytes[offset])
        if lead < 0x80 { return lead }
        if lead < 0xE0 { return (lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F) }
        if lead < 0xF0 {
            return (lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)
        }
        return (lead & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12
            | UInt32(bytes[offset + 2] & 0x3F) << 6 | UInt32(bytes[offset + 3] & 0x3F)
    }

    /// The scalar whose UTF-8 ends just before `offset`.
    @inline(__always)
    private static func scalar(endingAt offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var start = offset - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(at: start, in: bytes)
    }
}
