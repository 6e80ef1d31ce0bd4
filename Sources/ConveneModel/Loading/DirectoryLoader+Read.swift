import Glibc

/// Reading a file into a buffer of our own: the first step of every load.
///
/// The file is read, never memory-mapped: a mapped file that another process
/// truncates raises SIGBUS on the next touch of a page past its new end, and
/// `cp small.json live.json` over an open browser's file did exactly that.
/// A read costs one copy from the page cache (about 25 ms for 155 MB).
extension DirectoryLoader {
    /// How much of a file is read and judged before the rest: a file of NUL bytes or
    /// an image is refused after 64 KiB, not after reading a gigabyte.
    static let headBytes = 1 << 16

    /// Reads a whole file with POSIX calls, so each failure gets its own message.
    ///
    /// A regular file is read with one `fstat`, one buffer of its size and a `read()`
    /// loop. With `judgingHead`, its first ``headBytes`` are judged first
    /// (``judgeHead(_:name:)``), so what is plainly not JSON is refused before the
    /// rest is read (a CSV reader passes false). A file that
    /// changes while it is read (it ends early, grows, or its size or modification
    /// time differ afterwards) gives ``LoadError/changedWhileReading(file:)``: the
    /// bytes may be half of one version and half of the next. Pipes and other
    /// streams grow their buffer as they go.
    ///
    /// A file of ``halvesThreshold`` bytes or more has its rest read in two halves at
    /// once (``readHalves(_:into:from:split:to:path:positionedRead:)``), with the same
    /// checks and the same errors.
    ///
    /// - Parameters:
    ///   - afterHead: for tests only: runs once the head is read and judged,
    ///     to change the file at a known moment.
    ///   - halvesAbove: for tests only: the size from which the rest is read in halves
    ///     (nil: ``automaticHalvesThreshold()``).
    ///   - positionedRead: for tests only: the `pread` of the two halves.
    static func readFile(_ path: String, maxBytes: Int, judgingHead: Bool = false,
                         afterHead: (() -> Void)? = nil, halvesAbove: Int? = nil,
                         positionedRead: PositionedRead = systemPositionedRead) throws(LoadError) -> [UInt8] {
        try readOpenFile(path, maxBytes: maxBytes, judgingHead: judgingHead, afterHead: afterHead,
                         halvesAbove: halvesAbove, positionedRead: positionedRead).bytes
    }

    /// ``readFile(_:maxBytes:judgingHead:afterHead:halvesAbove:positionedRead:)``, with the file left
    /// open and its status as read, so that parts of the buffer can be read again (``OpenFile``).
    static func readOpenFile(_ path: String, maxBytes: Int, judgingHead: Bool = false,
                             afterHead: (() -> Void)? = nil, halvesAbove: Int? = nil,
                             positionedRead: PositionedRead = systemPositionedRead) throws(LoadError) -> OpenFile {
        switch try openFile(path, maxBytes: maxBytes, judgingHead: judgingHead, afterHead: afterHead) {
        case .whole(let file): return file
        case .head(let head): return try readRest(head, path: path, halvesAbove: halvesAbove, positionedRead: positionedRead)
        }
    }

    /// A regular file whose first bytes are read and judged, and the rest not yet.
    struct FileHead {
        let file: OpenFile
        /// The first ``headBytes`` of the file (all of it, when it is smaller).
        let head: [UInt8]
        /// The file's status before the read.
        let before: stat
        var size: Int { Int(before.st_size) }

        /// True when the file's size and modification time are still those of ``before``; false too when `fstat` fails.
        func unchanged() -> Bool {
            var now = stat()
            guard fstat(file.descriptor, &now) == 0 else { return false }
            return now.st_size == before.st_size && now.st_mtim.tv_sec == before.st_mtim.tv_sec
                && now.st_mtim.tv_nsec == before.st_mtim.tv_nsec
        }
    }

    /// A file opened for reading: read whole (a stream, or a file that says it is empty), or only its head.
    enum OpenedFile {
        case whole(OpenFile)
        case head(FileHead)
    }

    /// Opens `path` and reads what comes first: the head of a regular file (judged, with `judgingHead`), or
    /// the whole of a stream. ``readRest(_:path:halvesAbove:positionedRead:)`` reads the rest of a head.
    static func openFile(_ path: String, maxBytes: Int, judgingHead: Bool = false,
                         afterHead: (() -> Void)? = nil) throws(LoadError) -> OpenedFile {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotRead(file: path, reason: errnoText(errno)) }
        // Closed when the last holder lets go, on every error below too.
        let file = OpenFile(descriptor: fd)
        var before = stat()
        guard fstat(fd, &before) == 0 else { throw .cannotRead(file: path, reason: errnoText(errno)) }
        let type = before.st_mode & S_IFMT
        if type == S_IFDIR { throw .cannotRead(file: path, reason: "it is a directory, not a file") }
        let size = Int(before.st_size)
        if type == S_IFREG, size > maxBytes { throw .tooLarge(file: path, bytes: size, limit: maxBytes) }
        // Files in /proc and the like say 0 bytes and still have content: read those as streams.
        guard type == S_IFREG, size > 0 else {
            file.bytes = try readStream(fd, path: path, maxBytes: maxBytes, judgingHead: judgingHead, afterHead: afterHead)
            return .whole(file)
        }

        // The head first, in a small buffer: what is plainly not JSON is refused before
        // the file's own buffer is even allocated.
        var head = [UInt8](repeating: 0, count: min(size, headBytes))
        let headCount = try head.withUnsafeMutableBufferPointer { (buffer) throws(LoadError) -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            return try readUntil(fd, into: base, from: 0, to: buffer.count, path: path)
        }
        if headCount < head.count { throw .changedWhileReading(file: path) }
        if judgingHead {
            try head.withUnsafeBufferPointer { (buffer) throws(LoadError) in try judgeHead(buffer, name: path) }
        }
        afterHead?()
        return .head(FileHead(file: file, head: head, before: before))
    }

    /// Reads the rest of a file after its head, with every check of
    /// ``readOpenFile(_:maxBytes:judgingHead:afterHead:halvesAbove:positionedRead:)``.
    static func readRest(_ opened: FileHead, path: String, halvesAbove: Int? = nil,
                         positionedRead: PositionedRead = systemPositionedRead) throws(LoadError) -> OpenFile {
        let file = opened.file, head = opened.head, before = opened.before, size = opened.size
        let fd = file.descriptor
        var failure: LoadError?
        let split = halvesSplit(size: size, headCount: head.count, threshold: halvesAbove ?? automaticHalvesThreshold())
        // One byte more than the file's size, so that a file that grew is noticed.
        let bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            head.withUnsafeBufferPointer { if let start = $0.baseAddress { base.update(from: start, count: $0.count) } }
            if let split {
                let read = readHalves(fd, into: base, from: head.count, split: split, to: size + 1, path: path,
                                      positionedRead: positionedRead)
                count = read.failure == nil ? read.filled : head.count
                failure = read.failure
                return
            }
            do throws(LoadError) {
                count = try readUntil(fd, into: base, from: head.count, to: size + 1, path: path)
            } catch {
                count = head.count
                failure = error
            }
        }
        if let failure { throw failure }
        var after = stat()
        guard fstat(fd, &after) == 0 else { throw .cannotRead(file: path, reason: errnoText(errno)) }
        if bytes.count != size || Int(after.st_size) != size
            || after.st_mtim.tv_sec != before.st_mtim.tv_sec || after.st_mtim.tv_nsec != before.st_mtim.tv_nsec {
            throw .changedWhileReading(file: path)
        }
        file.bytes = bytes
        file.status = after
        return file
    }

    /// Reads into `base[start..<end]` until it is full or the file ends; returns how far it got.
    private static func readUntil(_ fd: Int32, into base: UnsafeMutablePointer<UInt8>, from start: Int, to end: Int,
                                  path: String) throws(LoadError) -> Int {
        var filled = start
        while filled < end {
            let n = systemRead(fd, base + filled, end - filled)
            if n < 0 {
                if errno == EINTR { continue }
                throw .cannotRead(file: path, reason: errnoText(errno))
            }
            if n == 0 { break }
            filled += n
        }
        return filled
    }

    /// Reads a pipe or another stream of unknown length, judging its head like a file's.
    private static func readStream(_ fd: Int32, path: String, maxBytes: Int, judgingHead: Bool,
                                   afterHead: (() -> Void)?) throws(LoadError) -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(1 << 16)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var judged = false
        while true {
            let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .cannotRead(file: path, reason: errnoText(errno))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > maxBytes { throw .tooLarge(file: path, bytes: bytes.count, limit: maxBytes) }
            if !judged, bytes.count >= headBytes {
                judged = true
                if judgingHead {
                    try bytes.withUnsafeBufferPointer { (head) throws(LoadError) in try judgeHead(head, name: path) }
                }
                afterHead?()
            }
        }
        return bytes
    }

    /// Refuses a file whose first bytes already show it is not JSON, with ``parse(bytes:name:)``'s words.
    ///
    /// Only a verdict the rest of the file cannot change is given here: a head of
    /// nothing but white space says nothing yet, and is left to the full parse.
    static func judgeHead(_ head: UnsafeBufferPointer<UInt8>, name: String) throws(LoadError) {
        var start = 0
        if head.count >= 3, head[0] == 0xEF, head[1] == 0xBB, head[2] == 0xBF { start = 3 }
        guard let first = head[start...].firstIndex(where: { !isJSONSpace($0) }) else { return }
        if !startsJSON(head[first...]), PublishedFormats.reader(for: Array(head.prefix(PublishedFormats.sniffLength))) == nil {
            throw .notJSON(file: name, detail: describeStart(Array(head[start..<min(head.count, start + 8)]),
                                                              first: head[first]))
        }
    }

    /// POSIX `read`, named apart from ``read(path:maxBytes:)``.
    private static func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        Glibc.read(fd, buffer, count)
    }

    static func errnoText(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES: return "permission denied"
        case EISDIR: return "it is a directory, not a file"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}
