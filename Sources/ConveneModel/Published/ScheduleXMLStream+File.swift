import CLibXML2
import CLinuxSched
#if canImport(Glibc)
import Glibc
#endif

/// Reading a schedule.xml from its open file, in two parts at once when it is large.
///
/// A congress file is a list of `<day>`s under `<schedule>`. Cut before a `<day>` near
/// the middle, it is two documents libxml2 can read at once on two cores:
///
/// - the first part: the bytes before the cut, then `</schedule>`. It is well-formed only
///   if the cut is where a child of `<schedule>` may start — not inside a comment, a CDATA
///   section, a tag or another element — so libxml2 itself checks the cut;
/// - the rest: the document's prolog and root start tag (up to the `>` libxml2 reports),
///   then the bytes from the cut. A second thread reads it from the moment the first part
///   reaches its first `<day>`, taking over what the days need (the conference, its zone,
///   its day change: ``Continuation``).
///
/// The two halves' schedules are joined in document order (days, sessions; people, rooms
/// and tracks each once, in the order first met), which is the one-pass reading of the
/// whole. Where that cannot be vouched for, nothing is returned and the caller reads the
/// whole file as before: a declined part, a `<day>` after the cut without an `index` (its
/// index would be its position), a document libxml2 transcodes. Neither part keeps the
/// file's bytes; each reads its ranges through a 64 KiB buffer (``XMLFileSource``).
extension ScheduleXMLStream {
    /// What a reader of the rest of the document takes over from the first part at its first `<day>`.
    struct Continuation {
        var conference: PublishedConference
        var clock: ZoneClock?
        var dayChange: Int?
        var sawConference: Bool
        var sawTracks: Bool
        /// Where the root start tag ends in the file (nil: unknown, and the rest is not read apart).
        var rootEnd: Int?
    }

    /// A stream for the rest of a document, whose first `<day>` was before it.
    init(continuing from: Continuation) {
        self.init()
        conference = from.conference
        conference?.days = []
        clock = from.clock
        dayChange = from.dayChange
        sawConference = from.sawConference
        sawTracks = from.sawTracks
        sawDay = true
    }

    /// How a file is read; tests choose small sizes and their own cuts.
    struct FileReading {
        /// Files of at least this many bytes are read in two parts.
        var twoPartsAbove = 512 << 10
        /// Cut only when the process may run on another CPU than this one: on one, two parts take turns.
        var onlyWithTwoCPUs = true
        /// The size of each `pread`.
        var chunk = 64 << 10
        /// Where to cut (an offset of a `<day`), instead of the one nearest the middle.
        var cut: Int? = nil
    }

    /// The open file's schedule, or nil for the caller to read the whole file and go the usual way
    /// (which reports every error). `head` is the file's first bytes, already read; `size` its size.
    static func read(file descriptor: Int32, size: Int, head: [UInt8], reading: FileReading = FileReading())
        -> PublishedSchedule? {
        // The head must hold the whole prolog, for its doctype to be judged as the whole read judges it (a
        // prolog longer than 64 KiB, or a document in UTF-16, is read whole).
        guard case .root = XMLTree.prolog(head) else { return nil }
        let checksUTF8 = XMLTree.readsAsUTF8(head)
        var cut: Int?
        if checksUTF8, size >= reading.twoPartsAbove, !reading.onlyWithTwoCPUs || RestOfDocument.otherCPUs() != nil {
            cut = reading.cut ?? dayNearMiddle(descriptor, size: size)
        }
        let closing = Array("</schedule>".utf8)
        var first = XMLFileSource(descriptor: descriptor, ranges: [.init(start: 0, end: cut ?? size)],
                                  trailer: cut == nil ? [] : closing, checksUTF8: checksUTF8, chunk: reading.chunk)
        defer { first.free() }
        var stream = ScheduleXMLStream()
        stream.reserve(forBytes: cut ?? size)
        guard let cut else {
            return parse(&stream, read: readFromFile, from: &first) ? stream.finish() : nil
        }
        let rest = RestOfDocument(descriptor: descriptor, cut: cut, size: size, head: head, checksUTF8: checksUTF8,
                                  chunk: reading.chunk)
        stream.atFirstDay = { continuation in rest.start(continuation) }
        let read = parse(&stream, read: readFromFile, from: &first)
        guard let (tail, ok) = rest.finish(), read, ok, !tail.dayWithoutIndex else { return nil }
        var joined = consume tail
        stream.absorb(&joined)
        return stream.finish()
    }

    /// libxml2's read callback over an ``XMLFileSource``.
    static let readFromFile: xmlInputReadCallback = { context, buffer, length in
        guard let context, let buffer else { return -1 }
        return context.assumingMemoryBound(to: XMLFileSource.self).pointee.read(into: buffer, count: Int(length))
    }

    static func parse(_ stream: inout ScheduleXMLStream, read: xmlInputReadCallback, from source: inout XMLFileSource) -> Bool {
        withUnsafeMutablePointer(to: &source) { parse(&stream, read: read, from: UnsafeMutableRawPointer($0)) }
    }

    /// Joins the rest of the document, read by `tail`, to what this stream read before the cut.
    mutating func absorb(_ tail: inout ScheduleXMLStream) {
        if let days = tail.conference?.days { conference?.days.append(contentsOf: days) }
        sessions.append(contentsOf: tail.sessions)
        for person in tail.parts.persons where parts.personKeys.insert(person.key).inserted {
            parts.persons.append(person)
        }
        for room in tail.parts.rooms { parts.addRoom(room) }
        for track in tail.parts.tracks { parts.addTrack(track) }
        eventElements += tail.eventElements
    }

    /// The offset just past the root start tag's `>`, from libxml2's position as it reports the
    /// element; nil when libxml2 transcodes the document (its positions are then not the file's).
    static func startTagEnd(_ context: xmlParserCtxtPtr?) -> Int? {
        guard let context, let input = context.pointee.input, let cur = input.pointee.cur,
              let buffer = input.pointee.buf, buffer.pointee.encoder == nil, cur.pointee == UInt8(ascii: ">") else {
            return nil
        }
        let consumed = xmlByteConsumed(context)
        return consumed >= 0 ? Int(consumed) + 1 : nil
    }

    /// The offset of the `<day` nearest the middle of the file within its middle half, or nil.
    ///
    /// Read outwards from the middle a window at a time on each side, so that a congress file's day
    /// boundary a few KiB away costs a few KiB, not a scan to the next day a quarter of the file off.
    static func dayNearMiddle(_ descriptor: Int32, size: Int) -> Int? {
        let middle = size / 2, low = size / 4, high = size - size / 4
        var step = 0
        while middle - step * window > low || middle + step * window < high {
            let near = step * window, far = (step + 1) * window
            // Matches this round lie between `near` and `far` from the middle; any later one is farther.
            let after = middle + near < high ? firstDay(descriptor, from: middle + near, to: min(high, middle + far)) : nil
            let before = middle - near > low ? lastDay(descriptor, from: max(low, middle - far), to: middle - near) : nil
            switch (before, after) {
            case let (b?, a?): return middle - b <= a - middle ? b : a
            case let (b?, nil): return b
            case let (nil, a?): return a
            case (nil, nil): step += 1
            }
        }
        return nil
    }

    private static let window = 64 << 10

    /// The first `<day` (followed by white space, `>` or `/`) starting in `start..<end`, read in windows.
    static func firstDay(_ descriptor: Int32, from start: Int, to end: Int) -> Int? {
        var at = start
        while at < end {
            let count = min(window, end - at)
            if let i = days(in: preadWindow(descriptor, at: at, count: count + 5), starts: count).first { return at + i }
            at += count
        }
        return nil
    }

    /// The last `<day` starting in `start..<end`, read in windows from the end.
    static func lastDay(_ descriptor: Int32, from start: Int, to end: Int) -> Int? {
        var top = end
        while top > start {
            let at = max(start, top - window)
            if let i = days(in: preadWindow(descriptor, at: at, count: top - at + 5), starts: top - at).last { return at + i }
            top = at
        }
        return nil
    }

    /// Offsets of `<day` tags starting before `starts` in `bytes` (which run a few bytes further, to see the
    /// whole tag), found with `memchr`.
    private static func days(in bytes: [UInt8], starts: Int) -> [Int] {
        bytes.withUnsafeBytes { raw -> [Int] in
            guard let base = raw.baseAddress else { return [] }
            var found: [Int] = []
            var i = 0
            let limit = min(starts, raw.count)
            while i < limit, let hit = memchr(base + i, Int32(UInt8(ascii: "<")), limit - i) {
                let at = base.distance(to: UnsafeRawPointer(hit))
                if isDayTag(raw, at: at) { found.append(at) }
                i = at + 1
            }
            return found
        }
    }

    /// `<day` followed by white space, `>` or `/`.
    private static func isDayTag(_ bytes: UnsafeRawBufferPointer, at i: Int) -> Bool {
        guard i + 4 < bytes.count, bytes[i] == UInt8(ascii: "<"), bytes[i + 1] == UInt8(ascii: "d"),
              bytes[i + 2] == UInt8(ascii: "a"), bytes[i + 3] == UInt8(ascii: "y") else { return false }
        let next = bytes[i + 4]
        return next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D || next == UInt8(ascii: ">")
            || next == UInt8(ascii: "/")
    }

    private static func preadWindow(_ descriptor: Int32, at offset: Int, count: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
            guard let base = buffer.baseAddress else { return }
            while filled < count {
                let n = pread(descriptor, base + filled, count - filled, off_t(offset + filled))
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { break }
                filled += n
            }
        }
    }
}

/// The rest of a document after the cut, read on a thread of its own from the moment the first part reaches
/// its first `<day>` (``start(_:)``) until ``finish()`` joins it.
final class RestOfDocument: @unchecked Sendable {
    let descriptor: Int32
    let cut: Int
    let size: Int
    let head: [UInt8]
    let checksUTF8: Bool
    let chunk: Int
    // Written before the thread starts or by the thread before it ends, read after `pthread_join`:
    // the thread's creation and its join order every access.
    private var continuation: ScheduleXMLStream.Continuation?
    private var stream: ScheduleXMLStream?
    private var ok = false
    private var thread: pthread_t?
    /// The CPUs the process may use, given back to the thread once it has started elsewhere.
    private var allowedCPUs: cpu_set_t?

    init(descriptor: Int32, cut: Int, size: Int, head: [UInt8], checksUTF8: Bool, chunk: Int) {
        self.descriptor = descriptor
        self.cut = cut
        self.size = size
        self.head = head
        self.checksUTF8 = checksUTF8
        self.chunk = chunk
    }

    /// Starts reading the rest with what the first part knows at its first `<day>`. Not started (and
    /// ``finish()`` gives nil) when the root's end is not known or the cut is not after it.
    func start(_ from: ScheduleXMLStream.Continuation) {
        guard thread == nil, let rootEnd = from.rootEnd, rootEnd <= head.count, rootEnd <= cut,
              head[rootEnd - 1] == UInt8(ascii: ">") else { return }
        continuation = from
        var created = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        // Started on another CPU than this one: left to itself, Linux often places a new thread on its
        // creator's CPU, and the two parts then take turns there (10 ms instead of 5 in a third of the runs
        // on a 2-core machine). Once running, the thread may move anywhere again (``run()``).
        if var cpus = Self.otherCPUs() {
            _ = pthread_attr_setaffinity_np(&attributes, MemoryLayout<cpu_set_t>.size, &cpus.others)
            allowedCPUs = cpus.all
        }
        let status = pthread_create(&created, &attributes, { context in
            guard let context else { return nil }
            let me = Unmanaged<RestOfDocument>.fromOpaque(context).takeRetainedValue()
            me.run()
            return nil
        }, context)
        if status == 0 {
            thread = created
        } else {
            Unmanaged<RestOfDocument>.fromOpaque(context).release()
        }
    }

    /// The CPUs this thread may use, and the same without the one it runs on; nil when there is no other.
    static func otherCPUs() -> (all: cpu_set_t, others: cpu_set_t)? {
        var allowed = cpu_set_t()
        guard sched_getaffinity(0, MemoryLayout<cpu_set_t>.size, &allowed) == 0 else { return nil }
        let current = Int(sched_getcpu())
        guard current >= 0 else { return nil }
        var others = allowed
        var any = false
        withUnsafeMutableBytes(of: &others) { bytes in
            let words = bytes.bindMemory(to: UInt.self)
            let bits = UInt.bitWidth
            if current / bits < words.count { words[current / bits] &= ~(UInt(1) << UInt(current % bits)) }
            any = words.contains { $0 != 0 }
        }
        return any ? (allowed, others) : nil
    }

    /// On the thread: the prolog and root start tag, then the file from the cut.
    private func run() {
        if var all = allowedCPUs { _ = sched_setaffinity(0, MemoryLayout<cpu_set_t>.size, &all) }
        guard let continuation, let rootEnd = continuation.rootEnd else { return }
        var source = XMLFileSource(descriptor: descriptor, ranges: [.init(start: 0, end: rootEnd), .init(start: cut, end: size)],
                                   checksUTF8: checksUTF8, chunk: chunk)
        defer { source.free() }
        var rest = ScheduleXMLStream(continuing: continuation)
        rest.reserve(forBytes: size - cut)
        ok = ScheduleXMLStream.parse(&rest, read: ScheduleXMLStream.readFromFile, from: &source)
        stream = rest
    }

    /// Waits for the thread: the rest's stream and whether it read its document through, or nil when it never started.
    func finish() -> (ScheduleXMLStream, Bool)? {
        guard let thread else { return nil }
        pthread_join(thread, nil)
        self.thread = nil
        // Moved out, so that the caller holds the only reference to its tables.
        guard let taken = stream.take() else { return nil }
        return (taken, ok)
    }
}

