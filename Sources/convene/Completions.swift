import ArgumentParser
import ConveneModel
import ConveneSample
import Foundation
import Glibc
import Synchronization

/// What the shell completion scripts offer for convene's option values.
///
/// `convene --generate-completion-script bash|zsh|fish` writes a script that,
/// for `--country`, `--city` and `--event`, runs
/// `convene ---completion SUBCOMMAND -- --OPTION INDEX CURSOR WORD…` with the
/// words typed so far; ArgumentParser hands those to the closures here. They load
/// the directory the words name (`--data FILE`, `--into FILE` for import), else
/// `CONVENE_DATA`, else the bundled sample, and offer its codes or ids.
///
/// A completion runs at every Tab: it must be quick and quiet. Anything that
/// goes wrong (no such file, not a regular file, invalid data, a file over
/// ``sizeLimit``, a load longer than ``timeLimit``) offers nothing: never a
/// message, never a wait on a FIFO.
enum Completions {
    /// `--data`: the files Convene reads: JSON (convene/1, schedule.json), schedule.xml and iCalendar.
    static let dataFile = CompletionKind.file(extensions: ["json", "xml", "ics"])

    /// `import --into`: a convene/1 directory, the only kind an import writes.
    static let directoryFile = CompletionKind.file(extensions: ["json"])

    /// `--country`: the ISO codes of the directory's countries, and `none` (not recorded).
    static let country = CompletionKind.custom { words, _, prefix in
        matching(prefix, in: directory(named: words).map { $0.countries.map(\.code) + [NotRecorded.argument] } ?? [])
    }

    /// `--city`: the ids of the directory's cities, and `none` (not recorded).
    static let city = CompletionKind.custom { words, _, prefix in
        matching(prefix, in: directory(named: words).map { $0.cities.map(\.id) + [NotRecorded.argument] } ?? [])
    }

    /// `--event`: the ids of the directory's events.
    static let event = CompletionKind.custom { words, _, prefix in
        matching(prefix, in: directory(named: words)?.events.map(\.id) ?? [])
    }

    /// `--day`, `--track`, `--room`, `--type`, `--language`: the values the directory's sessions have
    /// (`facet` is the ``SessionFacet``'s raw value), and `none` where some session records none.
    static func sessionValues(_ facet: String) -> CompletionKind {
        .custom { words, _, prefix in
            guard let facet = SessionFacet(rawValue: facet), let d = directory(named: words) else { return [] }
            var values = Set<String>()
            for e in d.events { for s in e.sessions { values.insert(facet.value(of: s)) } }
            let offered = values.map { $0 == NotRecorded.key ? NotRecorded.argument : $0 }
            return matching(prefix, in: offered)
        }
    }

    /// Files larger than this offer no completions: a release build loads 16.5 MB in about 0.1 s here.
    static let sizeLimit = 32 << 20

    /// The longest a Tab waits for the data (a debug build or a busy machine is slower): 1 s,
    /// or `CONVENE_COMPLETION_PATIENCE` seconds (the tests, on a loaded machine, wait longer).
    static var timeLimit: TimeInterval {
        getenv("CONVENE_COMPLETION_PATIENCE").flatMap { TimeInterval(String(cString: $0)) } ?? 1
    }

    /// The candidates that start with `prefix`, ignoring case (the shell filters them again its own way).
    static func matching(_ prefix: String, in candidates: [String]) -> [String] {
        let folded = prefix.lowercased()
        return candidates.filter { $0.lowercased().hasPrefix(folded) }.sorted()
    }

    /// The directory the typed words point at, or nil when it cannot be loaded within
    /// ``timeLimit`` and quietly. A load that takes longer is left running on its thread;
    /// the process exits as soon as the (empty) answer is printed.
    static func directory(named words: [String]) -> Directory? {
        let path = dataPath(in: words) ?? environmentDataPath()
        let loaded = Mutex<Directory?>(nil)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let directory = load(path)
            loaded.withLock { $0 = directory }
            done.signal()
        }
        guard done.wait(timeout: .now() + timeLimit) == .success else { return nil }
        return loaded.withLock { $0 }
    }

    /// Reads and decodes the directory at `path` (nil: the bundled sample); nil on any failure.
    private static func load(_ path: String?) -> Directory? {
        do throws(LoadError) {
            let bytes: [UInt8]
            if let path {
                var status = stat()
                guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
                      Int(status.st_size) <= sizeLimit else { return nil }
                bytes = try DirectoryLoader.read(path: path, maxBytes: sizeLimit, judgingHead: true)
            } else {
                bytes = Array(SampleData.json.utf8)
            }
            return try DirectoryLoader.loadFast(bytes: bytes, name: path ?? SampleData.displayName).directory
        } catch {
            return nil
        }
    }

    /// The value of the last `--data` (or import's `--into`) among the words, as the shell would pass it.
    static func dataPath(in words: [String]) -> String? {
        var found: String?
        for (i, word) in words.enumerated() {
            for option in ["--data", "--into"] {
                if word == option, i + 1 < words.count {
                    found = words[i + 1]
                } else if word.hasPrefix(option + "=") {
                    found = String(word.dropFirst(option.count + 1))
                }
            }
        }
        return found.map(shellWord).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A word as typed, made a path: one pair of surrounding quotes dropped, `~/` expanded.
    static func shellWord(_ word: String) -> String {
        var w = word
        if w.count >= 2, let first = w.first, first == "'" || first == "\"", w.last == first {
            w = String(w.dropFirst().dropLast())
        }
        if w.hasPrefix("~/"), let home = getenv("HOME") {
            w = String(cString: home) + w.dropFirst()
        }
        return w
    }

    private static func environmentDataPath() -> String? {
        guard let env = getenv("CONVENE_DATA"), env.pointee != 0 else { return nil }
        return String(cString: env)
    }
}
