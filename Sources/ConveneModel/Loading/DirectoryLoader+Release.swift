import Glibc

/// Loading a file whose buffer is given back to the system while it is decoded.
///
/// At a million delegates the file's buffer (155 MB) was the largest thing alive
/// at the peak of a load, beside the columns being built. The direct reader never
/// reads its bytes twice, so when the loader reads the file itself (nobody else
/// holds the buffer) it lets the reader give the pages behind its cursor back
/// (``ReleasedPrefix``): the peak of `convene summary` at 1M fell from 1.9× the file
/// to about 1.3×. If the direct read declines, the general path needs every byte for
/// its messages: what was given back is read again from the same open file, and a
/// file whose size or modification time changed since the read gives
/// ``LoadError/changedWhileReading(file:)``, as a change during the read always has.
extension DirectoryLoader {
    /// Files of at least this size have their pages given back during a direct read (the sample, 100 kB, keeps them).
    static let releaseThreshold = 8 << 20

    /// Reads and loads the file at `path` as ``loadFast(bytes:name:options:progress:)`` would load its
    /// bytes, with the same outcome and messages, giving the file's memory back while it decodes.
    ///
    /// `afterRead` runs once the file is read, before the decode (a caller timing the phases).
    public static func loadFast(path: String, maxBytes: Int = defaultMaxBytes,
                                options: PublishedReadOptions = PublishedReadOptions(), progress: LoadProgress? = nil,
                                afterRead: (() -> Void)? = nil) throws(LoadError) -> LoadedDirectory {
        try loadFast(path: path, maxBytes: maxBytes, options: options, progress: progress, afterRead: afterRead,
                     releasing: ReleasePolicy())
    }

    /// When and how a load by path gives its buffer back; tests release small files in small steps.
    struct ReleasePolicy {
        /// Files of at least this many bytes are released.
        var above = DirectoryLoader.releaseThreshold
        /// Pages are given back in runs of at least this many bytes.
        var step = 4 << 20
        var split = SplitPolicy.automatic
        /// For tests: what was given back, once the direct read is over.
        var released: ((Range<Int>) -> Void)? = nil
        /// For tests: runs after a declined direct read, before the released bytes are read again.
        var beforeReadBack: (() -> Void)? = nil
    }

    static func loadFast(path: String, maxBytes: Int = defaultMaxBytes,
                         options: PublishedReadOptions = PublishedReadOptions(), progress: LoadProgress? = nil,
                         afterRead: (() -> Void)? = nil, releasing policy: ReleasePolicy) throws(LoadError) -> LoadedDirectory {
        let file: OpenFile
        var afterRead = afterRead
        switch try openFile(path, maxBytes: maxBytes, judgingHead: true) {
        case .whole(let whole):
            file = whole
        case .head(let head):
            if let loaded = try loadStraightFromFile(head, path: path, options: options, afterRead: &afterRead) {
                return loaded
            }
            file = try readRest(head, path: path)
        }
        afterRead?()
        // A stream cannot be read again, and a small file is not worth it.
        guard file.status != nil, file.bytes.count >= policy.above else {
            return try loadFast(bytes: file.bytes, name: path, options: options, progress: progress, split: policy.split)
        }
        // No copy of the array outlives this statement, so that reading back writes into it in place.
        let (direct, released) = file.bytes.withUnsafeBufferPointer { buffer in
            let release = ReleasedPrefix(buffer, step: policy.step)
            return (DirectDecoder.load(file.bytes, progress: progress, split: policy.split, releasing: release),
                    release.released)
        }
        policy.released?(released)
        if let direct {
            return LoadedDirectory(directory: direct.directory, facts: direct.facts, wasDirect: true, schema: direct.schema)
        }
        policy.beforeReadBack?()
        try file.readBack(released, path: path)
        // The direct read declines again, at the same place: the general path words the message.
        progress?.enter("checking")
        return try loadFast(bytes: file.bytes, name: path, options: options, progress: nil, split: policy.split)
    }
}

extension DirectoryLoader {
    /// A published schedule whose reader reads the open file itself (``PublishedFormat/read(file:)``),
    /// mapped as ``loadFast(bytes:name:options:progress:)`` maps it; nil when there is no such reader or it
    /// leaves the file to the whole-file path. A file that is more than its head and that a published format
    /// recognises is tried: `afterRead` runs (and is set to nil) before its reader, which reads as it decodes.
    static func loadStraightFromFile(_ opened: FileHead, path: String, options: PublishedReadOptions,
                                     afterRead: inout (() -> Void)?) throws(LoadError) -> LoadedDirectory? {
        guard opened.size > opened.head.count, let reader = PublishedFormats.reader(for: opened.head) else { return nil }
        afterRead?()
        afterRead = nil
        let file = PublishedFile(descriptor: opened.file.descriptor, size: opened.size, head: opened.head)
        guard let schedule = reader.read(file: file) else { return nil }
        // Bytes of two versions of a file make no schedule: as after a whole read, the file must not have changed.
        guard opened.unchanged() else { throw .changedWhileReading(file: path) }
        let directory = try mapPublished(consume schedule, format: reader.name, name: path, options: options,
                                         validating: false)
        return LoadedDirectory(directory: directory, facts: nil, wasDirect: false, schema: nil, format: reader.name)
    }
}

/// A file the loader has read and still holds open, so that parts of its buffer can be read again.
final class OpenFile {
    /// The file's bytes, as read.
    var bytes: [UInt8] = []
    /// The file's status at the end of the read (size, modification time); nil for a stream,
    /// which cannot be read again.
    var status: stat?
    let descriptor: Int32

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Reads `range` of ``bytes`` back from the same offsets of the file, after its pages were given
    /// back; ``LoadError/changedWhileReading(file:)`` unless the file is still the one read.
    func readBack(_ range: Range<Int>, path: String) throws(LoadError) {
        guard !range.isEmpty else { return }
        guard let status, range.lowerBound >= 0, range.upperBound <= bytes.count else {
            throw .changedWhileReading(file: path)
        }
        let fd = descriptor
        var failure: Int32 = 0
        let filled = bytes.withUnsafeMutableBufferPointer { buffer -> Int in
            guard let base = buffer.baseAddress else { return range.lowerBound }
            var at = range.lowerBound
            while at < range.upperBound {
                let n = pread(fd, base + at, range.upperBound - at, off_t(at))
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if n == 0 { break }
                at += n
            }
            return at
        }
        if failure != 0 { throw .cannotRead(file: path, reason: DirectoryLoader.errnoText(failure)) }
        var now = stat()
        guard fstat(fd, &now) == 0 else { throw .cannotRead(file: path, reason: DirectoryLoader.errnoText(errno)) }
        if filled < range.upperBound || now.st_size != status.st_size || now.st_mtim.tv_sec != status.st_mtim.tv_sec
            || now.st_mtim.tv_nsec != status.st_mtim.tv_nsec {
            throw .changedWhileReading(file: path)
        }
    }
}
