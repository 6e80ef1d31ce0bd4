import ConveneModel
import Foundation

/// Issue 13's speed target: published schedules read in at most half the time Python's peers take.
///
/// `ConveneBench --published [--xml congress.xml] [--ics feed.ics] [--runs N]` reads each file N times
/// in-process (bytes already in memory: the reader alone) and prints the median; `--once` reads each
/// file once from disk and prints nothing, so that `hyperfine 'ConveneBench --published --once --xml …'`
/// times process start + read + reader, the whole-process figure until the readers are wired into
/// `convene summary`. Python's side is /work/bench-published/py_bench.py (ET.parse, Calendar.from_ical).
enum PublishedBench {
    static func run(_ options: Options) -> Int32 {
        var status: Int32 = 0
        for (label, path) in [("schedule.xml", options.xml), ("iCalendar", options.ics)] where !path.isEmpty {
            guard let bytes = readFile(path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                return 66
            }
            if options.once {
                do { _ = try PublishedFormats.read(bytes: bytes, name: path) } catch {
                    FileHandle.standardError.write(Data("\(error)\n".utf8))
                    status = 65
                }
                continue
            }
            var samples: [Double] = []
            var sessions = 0
            for _ in 0..<max(1, options.runs) {
                samples.append(time {
                    sessions = (try? PublishedFormats.read(bytes: bytes, name: path))?.sessions.count ?? -1
                })
            }
            let sorted = samples.sorted()
            print(String(format: "%@ %@ (%d bytes, %d sessions): median %.2f ms, min %.2f, max %.2f (%d runs)",
                         label, (path as NSString).lastPathComponent, bytes.count, sessions, median(samples),
                         sorted.first ?? .nan, sorted.last ?? .nan, samples.count))
        }
        return status
    }

    /// The whole file in one buffer, read with read(2) as the loader does (no `Data` and no second copy).
    static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                guard let base = buffer.baseAddress else { break }
                let n = read(fd, base + count, size - count)
                if n <= 0 { failed = n < 0; break }
                count += n
            }
        }
        return failed ? nil : bytes
    }
}
