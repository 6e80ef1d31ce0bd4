#if canImport(Glibc)
import Glibc
#endif

/// Bytes for libxml2's pull parser read straight from an open file, never held whole.
///
/// The parser is given a document made of ranges of the file (`pread` into a small buffer of
/// its own) and, optionally, a few literal bytes after them. ``ScheduleXMLStream`` reads a
/// large schedule.xml in two such documents at once (``ScheduleXMLStream/read(file:)``); a
/// buffer of the whole file was 700 page faults and a copy on a 2.9 MB congress file.
///
/// What the whole-file path checks first, this checks as it goes: with ``checksUTF8``, each
/// piece must be well-formed UTF-8 (pieces end between sequences, so one is never split).
/// Any problem — invalid UTF-8, a read error, a file that ends before a range does — makes
/// the read callback fail, libxml2 reports an error, and the stream declines: the caller
/// then reads the whole file and reports what is wrong in the usual words.
struct XMLFileSource {
    /// A range of the file's bytes.
    struct Range {
        var start: Int
        var end: Int
    }

    let descriptor: Int32
    let ranges: [Range]
    /// Bytes given after the ranges (a closing tag).
    let trailer: [UInt8]
    let checksUTF8: Bool
    /// Set when the document could not be given as asked: the parser sees an error.
    private(set) var failed = false

    private let buffer: UnsafeMutableRawPointer
    private let capacity: Int
    private var served = 0
    private var filled = 0
    private var range = 0
    private var offset: Int
    private var trailerServed = 0

    /// `chunk` is the size of each `pread` (tests make it small to split UTF-8 sequences).
    init(descriptor: Int32, ranges: [Range], trailer: [UInt8] = [], checksUTF8: Bool, chunk: Int = 64 << 10) {
        self.descriptor = descriptor
        self.ranges = ranges
        self.trailer = trailer
        self.checksUTF8 = checksUTF8
        capacity = max(chunk, 8)
        buffer = .allocate(byteCount: capacity, alignment: 16)
        offset = ranges.first?.start ?? 0
    }

    /// Frees the buffer; the source gives nothing after this.
    mutating func free() {
        buffer.deallocate()
        served = 0
        filled = 0
        range = ranges.count
        trailerServed = trailer.count
    }

    /// Copies the next `count` bytes of the document to `destination` (fewer only at its end): the count,
    /// 0 at the end, -1 on failure. Always as many as asked, as a file's `read` gives them: libxml2 decides
    /// the encoding and whether a construct is complete from what one call gives.
    mutating func read(into destination: UnsafeMutableRawPointer, count: Int) -> Int32 {
        var given = 0
        while given < count {
            if served < filled {
                let n = min(count - given, filled - served)
                (destination + given).copyMemory(from: buffer + served, byteCount: n)
                served += n
                given += n
                continue
            }
            if failed { break }
            if range < ranges.count {
                if offset >= ranges[range].end {
                    range += 1
                    if range < ranges.count { offset = ranges[range].start }
                } else if !fill() {
                    failed = true
                }
                continue
            }
            let n = min(count - given, trailer.count - trailerServed)
            guard n > 0 else { break }
            trailer.withUnsafeBytes { bytes in
                if let base = bytes.baseAddress { (destination + given).copyMemory(from: base + trailerServed, byteCount: n) }
            }
            trailerServed += n
            given += n
        }
        // What was read before a failure is given; the next call fails.
        return given == 0 && failed ? -1 : Int32(given)
    }

    /// Reads the next piece of the current range into the buffer; false on a read error, an early end
    /// of the file or invalid UTF-8.
    private mutating func fill() -> Bool {
        let end = ranges[range].end
        let wanted = min(capacity, end - offset)
        var n: Int
        repeat { n = pread(descriptor, buffer, wanted, off_t(offset)) } while n < 0 && errno == EINTR
        guard n > 0 else { return false }
        var usable = n
        if checksUTF8 {
            // A sequence cut by the end of the piece waits for the next one (not at the range's end:
            // there it is simply cut short, and invalid).
            let bytes = buffer.assumingMemoryBound(to: UInt8.self)
            if offset + n < end { usable = Self.sequenceBoundary(bytes, n) }
            let piece = UnsafeBufferPointer(start: bytes, count: usable)
            guard UTF8Check.firstInvalid(piece) == nil else { return false }
        }
        served = 0
        filled = usable
        offset += usable
        return true
    }

    /// The length of `bytes[0..<count]` without a UTF-8 sequence its end cuts short (the whole, when
    /// none is, or when that would leave nothing).
    static func sequenceBoundary(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int {
        var back = 1
        while back <= min(3, count) {
            let b = bytes[count - back]
            if b & 0xC0 == 0x80 { back += 1; continue }  // a continuation byte: look further back
            guard b >= 0xC0 else { return count }         // ASCII ends a sequence
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            return length > back && count - back > 0 ? count - back : count
        }
        return count
    }
}
