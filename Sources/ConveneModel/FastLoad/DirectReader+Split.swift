import Dispatch
import Foundation
import Synchronization

/// When the direct decoder reads the delegates array with two threads.
enum SplitPolicy: Sendable, Equatable {
    /// Near the middle of an array of at least ``DirectReader/minimumSplitBytes``, on two cores or more.
    case automatic
    /// One thread.
    case never
    /// Near the middle, whatever the size (tests).
    case middle
    /// At this byte offset, taken as given (tests: a record boundary, or a place that is none).
    case at(Int)
}

/// Two threads over the delegates array: split at a record boundary, checked, and given up on any doubt.
///
/// The second thread starts at a delegate's `{` found after the middle of the
/// array (`},{"id":`, whitespace allowed) and reads to the array's `]` with its own
/// ``DirectReader``: its own lexer and symbol tables over the same read-only file.
/// Finding the pattern proves nothing — it could sit in a string of a broken file,
/// or past the array — so the split is taken only when the first thread, reading
/// from the array's start, arrives exactly at that offset between two elements. Then
/// both threads were reading the same grammar from the same state, and the second
/// half's symbols are remapped into the first's tables. In every other case — no
/// pattern, the first thread passing the offset, the second thread declining — the
/// first thread simply reads on as if it were alone, so every outcome, every message
/// and every exit code is the one-thread read's.
extension DirectReader {
    /// Below this many bytes from the array's `[` to the end of the file, one thread reads (the sample, 100 kB).
    static let minimumSplitBytes = 1 << 20

    /// Starts the second thread when the policy, the size and the file allow; the cursor is after `[`.
    mutating func startSecondHalf() -> RunningHalf? {
        guard let file, splitPolicy != .never else { return nil }
        let offset: Int?
        switch splitPolicy {
        case .never:
            offset = nil
        case .at(let given):
            offset = given
        case .middle:
            offset = Self.splitOffset(in: reader.bytes, from: reader.index)
        case .automatic:
            guard reader.end - reader.index >= Self.minimumSplitBytes,
                  ProcessInfo.processInfo.activeProcessorCount >= 2 else { return nil }
            offset = Self.splitOffset(in: reader.bytes, from: reader.index)
        }
        guard let offset, offset > reader.index else { return nil }
        let shared = SharedHalf(offset: offset)
        let group = DispatchGroup()
        let limits = reader.limits
        DispatchQueue.global(qos: .userInitiated).async(group: group) {
            let half = Self.readSecondHalf(of: file, from: offset, limits: limits, shared: shared)
            shared.result.withLock { $0 = half }
        }
        return RunningHalf(shared: shared, group: group)
    }

    /// After an element's `,`: when the cursor has reached the second half's offset, ends the split.
    ///
    /// Returns true when the second half was adopted (the cursor is then after the array's `]`);
    /// false when reading goes on alone, with `second` set to nil in both cases once the offset is reached.
    @inline(__always)
    mutating func meetSecondHalf(_ second: inout RunningHalf?,
                                 _ columns: inout CompactDelegates.Builder) throws(JSONSyntaxError) -> Bool {
        guard let running = second else { return false }
        reader.skipWhitespace()
        guard reader.index >= running.offset else { return false }
        second = nil
        // Exactly at the offset, between two elements: the second thread started where this one stands.
        guard reader.index == running.offset, let half = running.finish() else {
            running.abandon()
            return false
        }
        // The second thread has finished and this one goes on after the array's `]`: the bytes of
        // the second half go back before the join, so that they and the joined columns are never
        // alive together (at 1M delegates that was the peak of the load).
        release?.pass(half.end, now: true)
        // A join that cannot be made (text past 32-bit offsets, a table out of step) declines the
        // direct read as a whole: the general path then reads the file and words any message.
        guard adopt(half, into: &columns) else { throw DirectReader.decline }
        return true
    }

    /// How far both threads have read, for the progress bar.
    func bytesRead(with second: RunningHalf?) -> Int {
        guard let second else { return reader.index }
        return reader.index + max(0, second.shared.reached.load(ordering: .relaxed) - second.offset)
    }

    /// Joins the second half's delegates, symbols and ids to this reader's, and moves the cursor
    /// past them; false when they cannot be joined.
    private mutating func adopt(_ half: DelegateHalf, into columns: inout CompactDelegates.Builder) -> Bool {
        var inStep = true
        // A symbol new to this reader gets its text in the columns, as it would have had here.
        func remap(_ keys: [[UInt8]], _ interner: ByteInterner, _ texts: inout CompactDelegates.SymbolTexts) -> [Int32] {
            keys.map { key in
                key.withUnsafeBytes { bytes in
                    let (symbol, isNew) = interner.intern(bytes)
                    if isNew, texts.add(symbol, bytes) == nil { inStep = false }
                    return symbol
                }
            }
        }
        let cities = remap(half.cityKeys, cityIDs, &columns.cityValues)
        let countries = remap(half.countryKeys, countryCodes, &columns.countryValues)
        let events = remap(half.eventKeys, eventIDs, &columns.eventValues)
        // Organisations have no per-delegate symbol, but each must still be checked against the records.
        for key in half.organizationKeys { _ = key.withUnsafeBytes { organizationIDs.intern($0) } }
        guard inStep, columns.append(half.columns) else { return false }
        delegateCity.append(contentsOf: half.city.lazy.map { $0 == Self.notRecorded ? $0 : cities[Int($0)] })
        delegateCountry.append(contentsOf: half.country.lazy.map { $0 == Self.notRecorded ? $0 : countries[Int($0)] })
        let base = Int32(eventSymbols.count)
        eventStarts.append(contentsOf: half.eventStarts.dropFirst().lazy.map { $0 + base })
        eventSymbols.append(contentsOf: half.eventSymbols.lazy.map { events[Int($0)] })
        delegateIDs.append(contentsOf: half.ids)
        splitAt = reader.index
        reader.index = half.end
        return true
    }

    /// The second thread's work: the delegates from `offset` to the array's `]`, or nil if it declines or is stopped.
    private static func readSecondHalf(of file: [UInt8], from offset: Int, limits: JSONLimits,
                                       shared: SharedHalf) -> DelegateHalf? {
        file.withUnsafeBufferPointer { bytes -> DelegateHalf? in
            var half = DirectReader(bytes: bytes, limits: limits, expectedDelegates: max(0, bytes.count - offset) / 150)
            half.reader.index = min(offset, bytes.count)
            do {
                return try half.readToArrayEnd(shared)
            } catch {
                return nil
            }
        }
    }

    /// Reads delegates up to and including the array's `]`.
    private mutating func readToArrayEnd(_ shared: SharedHalf) throws(JSONSyntaxError) -> DelegateHalf {
        var columns = CompactDelegates.Builder(expectedCount: delegateCity.capacity)
        repeat {
            try delegate(into: &columns)
            if columns.count & 4095 == 0 {
                // The first thread has gone past the offset, or stopped: this half will not be used.
                if shared.stopped.load(ordering: .relaxed) { throw DirectReader.decline }
                shared.reached.store(reader.index, ordering: .relaxed)
            }
        } while try another(UInt8(ascii: "]"))
        return DelegateHalf(columns: columns, city: delegateCity, country: delegateCountry,
                            eventSymbols: eventSymbols, eventStarts: eventStarts, ids: delegateIDs,
                            cityKeys: cityIDs.keys(), countryKeys: countryCodes.keys(),
                            organizationKeys: organizationIDs.keys(), eventKeys: eventIDs.keys(), end: reader.index)
    }

    /// The offset of a delegate's `{` (`},{"id":`, whitespace allowed) in the 64 KiB after the middle
    /// of `bytes[start...]`, or nil.
    static func splitOffset(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let middle = start + (bytes.count - start) / 2
        let stop = min(bytes.count, middle + 1 << 16)
        var i = middle
        while i < stop {
            if bytes[i] == UInt8(ascii: "{"), startsDelegate(bytes, at: i) { return i }
            i += 1
        }
        return nil
    }

    /// True when `{` at `at` has `}` and `,` before it and `"id":` after it, with whitespace between.
    private static func startsDelegate(_ bytes: UnsafeBufferPointer<UInt8>, at: Int) -> Bool {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
        var back = at - 1
        while back >= 0, isSpace(bytes[back]) { back -= 1 }
        guard back >= 1, bytes[back] == UInt8(ascii: ",") else { return false }
        back -= 1
        while back >= 0, isSpace(bytes[back]) { back -= 1 }
        guard back >= 0, bytes[back] == UInt8(ascii: "}") else { return false }
        var ahead = at + 1
        while ahead < bytes.count, isSpace(bytes[ahead]) { ahead += 1 }
        let key: [UInt8] = Array(#""id""#.utf8)
        guard ahead + key.count < bytes.count, bytes[ahead..<ahead + key.count].elementsEqual(key) else { return false }
        ahead += key.count
        while ahead < bytes.count, isSpace(bytes[ahead]) { ahead += 1 }
        return ahead < bytes.count && bytes[ahead] == UInt8(ascii: ":")
    }
}

/// What the second thread read, in its own symbols, with its tables' keys for remapping.
struct DelegateHalf: Sendable {
    /// The records, in the second reader's codes.
    var columns: CompactDelegates.Builder
    var city: [Int32]
    var country: [Int32]
    var eventSymbols: [Int32]
    /// Starts at 0, as ``DirectReader/eventStarts``.
    var eventStarts: [Int32]
    var ids: DelegateIDs
    /// Per symbol of the second reader's tables, the key's bytes.
    var cityKeys: [[UInt8]]
    var countryKeys: [[UInt8]]
    var organizationKeys: [[UInt8]]
    var eventKeys: [[UInt8]]
    /// The offset just after the delegates array's `]`.
    var end: Int
}

/// What the two threads share while the second half is read.
final class SharedHalf: Sendable {
    let offset: Int
    /// Set by the first thread when the split is given up: the second thread stops early.
    let stopped = Atomic<Bool>(false)
    /// How far the second thread has read, for the progress bar.
    let reached: Atomic<Int>
    /// The second half, once read; nil while reading, or when it declined.
    let result = Mutex<DelegateHalf?>(nil)

    init(offset: Int) {
        self.offset = offset
        reached = Atomic(offset)
    }
}

/// The first thread's handle on the second.
struct RunningHalf {
    let shared: SharedHalf
    let group: DispatchGroup

    var offset: Int { shared.offset }

    /// Waits for the second thread; its half, or nil if it declined.
    func finish() -> DelegateHalf? {
        group.wait()
        return shared.result.withLock { $0.take() }
    }

    /// Stops the second thread and waits for it, so that no thread outlives the read.
    func abandon() {
        shared.stopped.store(true, ordering: .relaxed)
        group.wait()
    }
}
