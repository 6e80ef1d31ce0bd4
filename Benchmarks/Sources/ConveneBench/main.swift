// Measures the targets of issue 8 in-process and prints one table.
//
//   ConveneBench --big big.json --mid mid.json [--runs 5] [--markdown]
//
// Files come from `convene generate --delegates N`; scripts/bench makes them,
// builds this in release mode and adds the whole-process timings (the CLI from
// start to exit, peak memory) and the peers (jq, Python's json) beside it.
import ConveneApp
import ConveneModel
import ConveneSample
import ConveneScreen
import Foundation

struct Options {
    var big = "/tmp/convene-bench/big.json"
    var mid = "/tmp/convene-bench/mid.json"
    var runs = 5
    var markdown = false
    /// Only the import benchmark (`--import-only`), which needs only the big file.
    var importOnly = false
    /// Only the published-format readers (`--published`), on `--xml` and `--ics`; `--once` reads each once
    /// and prints nothing (for timing the whole process with hyperfine).
    var published = false
    var xml = "/work/bench-published/congress-1400.xml"
    var ics = "/work/bench-published/feed-300.ics"
    var once = false
    /// Only the Timetable's frames (`--timetable`), on `--congress` (scripts/congress-fixture).
    var timetable = false
    var congress = "/tmp/convene-bench/congress-895.xml"
    /// Only the Map's frames (`--map`), on the bundled sample.
    var map = false
    /// Only the refresh benchmark (`--refresh`): keystrokes while `--xml` is fetched and parsed.
    var refresh = false
    /// Only the browser keystrokes at 1M (`--keys`, issue 17): the first letter, Esc, a filter change; `--letter` typed.
    var keys = false
    var letter = "a"
    /// With `--keys`: the letters' answers are not worked out ahead (`--cold-letters`).
    var coldLetters = false

    init(_ arguments: [String]) {
        var rest = arguments.dropFirst()
        while let flag = rest.popFirst() {
            switch flag {
            case "--big": big = rest.popFirst() ?? big
            case "--mid": mid = rest.popFirst() ?? mid
            case "--runs": runs = Int(rest.popFirst() ?? "") ?? runs
            case "--markdown": markdown = true
            case "--import-only": importOnly = true
            case "--published": published = true
            case "--refresh": refresh = true
            case "--keys": keys = true
            case "--cold-letters": coldLetters = true
            case "--letter": letter = rest.popFirst()?.first.map(String.init) ?? letter
            case "--xml": xml = rest.popFirst() ?? xml
            case "--ics": ics = rest.popFirst() ?? ics
            case "--once": once = true
            case "--timetable": timetable = true
            case "--map": map = true
            case "--congress": congress = rest.popFirst() ?? congress
            default:
                FileHandle.standardError.write(Data("unknown option \(flag)\n".utf8))
                exit(64)
            }
        }
    }
}

/// Milliseconds since some fixed point.
func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1e6
}

/// Runs `body` and returns how long it took in milliseconds.
@discardableResult
func time(_ body: () throws -> Void) rethrows -> Double {
    let start = now()
    try body()
    return now() - start
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

/// The process's peak resident set so far, in MiB (VmHWM).
func peakMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return .nan }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? .nan
        return kb / 1024
    }
    return .nan
}

/// One row of the table.
struct Row {
    var name: String
    var target: String
    var median: Double
    var worst: Double
    var runs: Int
    /// Nil when there is no target to meet.
    var meets: Bool?
}

var rows: [Row] = []

@MainActor func record(_ name: String, target: String, _ samples: [Double], limit: Double?, worstLimit: Double? = nil) {
    let m = median(samples), w = samples.max() ?? .nan
    var meets: Bool?
    if let limit { meets = m <= limit && (worstLimit.map { w <= $0 } ?? true) }
    rows.append(Row(name: name, target: target, median: m, worst: w, runs: samples.count, meets: meets))
    FileHandle.standardError.write(Data(String(format: "  %@: median %.2f ms, worst %.2f ms (%d runs)\n", name, m, w, samples.count).utf8))
}

func loadToSummary(path: String) -> (DirectoryIndex, Summary) {
    do {
        let index = try DirectoryLoader.loadIndex(path: path)
        return (index, index.summary(Filter()))
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        exit(66)
    }
}

let options = Options(CommandLine.arguments)
if options.published {
    exit(PublishedBench.run(options))
}
if options.timetable || options.map {
    guard options.map ? MapBench.run(options) : TimetableBench.run(options) else { exit(66) }
    for r in rows {
        print(String(format: "%@: median %.3f ms, worst %.3f ms, %d runs%@", r.name, r.median, r.worst, r.runs,
                     r.meets.map { $0 ? " (meets \(r.target))" : " (does NOT meet \(r.target))" } ?? ""))
    }
    exit(0)
}
if options.keys {
    exit(KeystrokeBench.run(options))
}
if options.refresh {
    exit(RefreshBench.run(options))
}

// MARK: Import (issue 11, item 9): 100k rows into the 1M directory

do {
    FileHandle.standardError.write(Data("import\n".utf8))
    let directory = try DirectoryLoader.load(path: options.big)
    let sheet = ImportBench.sheet(rows: 100_000, for: directory)
    var samples: [Double] = []
    for _ in 0..<max(1, min(options.runs, 5)) {
        let (ms, added, phases) = try ImportBench.run(directory, sheet: sheet)
        FileHandle.standardError.write(Data(("  parse, plan, encode, reload: "
            + phases.map { String(format: "%.0f", $0) }.joined(separator: ", ") + " ms\n").utf8))
        if added != 100_000 { FileHandle.standardError.write(Data("  only \(added) of 100000 rows added\n".utf8)) }
        samples.append(ms)
    }
    record("import 100k CSV rows into 1M (parse, plan, encode, reload)", target: "seconds, not minutes", samples,
           limit: 10_000)
} catch {
    FileHandle.standardError.write(Data("import: \(error)\n".utf8))
}
if options.importOnly {
    for r in rows { print(String(format: "%@: median %.0f ms, worst %.0f ms, %d runs", r.name, r.median, r.worst, r.runs)) }
    exit(0)
}

// MARK: Loading

FileHandle.standardError.write(Data("load to summary\n".utf8))
do {
    let sample = Array(SampleData.json.utf8)
    var samples: [Double] = []
    for _ in 0..<max(20, options.runs * 4) {
        samples.append(time {
            if let index = try? DirectoryLoader.loadIndex(bytes: sample, name: "sample") { _ = index.summary(Filter()) }
        })
    }
    record("load → summary, sample (in-process)", target: "≤ 30 ms (whole process)", samples, limit: 30)
}
for (label, path, limit, runs) in [("100k", options.mid, 150.0, options.runs * 2 + 1), ("1M", options.big, 1000.0, options.runs)] {
    var samples: [Double] = []
    for _ in 0..<runs {
        samples.append(time { _ = loadToSummary(path: path) })
    }
    record("load → summary, \(label) delegates", target: "≤ \(Int(limit)) ms", samples, limit: limit)
}
let afterLoads = peakMiB()

// MARK: The million-delegate session

FileHandle.standardError.write(Data("interactive, 1M delegates\n".utf8))
let (index, _) = loadToSummary(path: options.big)
let buildSearch = time { index.prepareSearch() }
record("search index build (once, can run in the background)", target: "—", [buildSearch], limit: nil)

/// Typing a name letter by letter into an empty box, then deleting a few letters.
let typed = ["nguyen van huong", "dang thu", "lukasz nowak", "soren", "田中", "สมชาย", "curator", "zoe garcia",
             "city 2 of vn", "hoang minh anh", "xyz"]
var keystrokes: [Double] = []
var firstKeystrokes: [Double] = []
for word in typed {
    index.delegateSearch.forgetLastSearch()
    var text = ""
    for (k, character) in word.enumerated() {
        text.append(character)
        let query = text
        let t = time { _ = index.delegates(Filter(search: query)) }
        keystrokes.append(t)
        if k == 0 { firstKeystrokes.append(t) }
        if getenv("CONVENE_BENCH_VERBOSE") != nil {
            FileHandle.standardError.write(Data(String(format: "    %@ %.2f ms\n", query, t).utf8))
        }
    }
    for _ in 0..<min(3, word.count - 1) {
        text.removeLast()
        let query = text
        keystrokes.append(time { _ = index.delegates(Filter(search: query)) })
    }
}
record("search keystroke (\(typed.count) names typed, with backspaces)", target: "≤ 5 ms median, ≤ 20 ms worst",
       keystrokes, limit: 5, worstLimit: 20)
record("  of which first keystrokes (full scans)", target: "—", firstKeystrokes, limit: nil)

// Countries in order of size, the biggest first.
let countryOrder = index.summary(Filter()).byCountry.map(\.key)
let picked = Array(countryOrder.prefix(10)) + countryOrder.suffix(5)
var filterChanges: [Double] = []
var summaries: [Double] = []
for code in picked {
    let f = Filter(countries: [code])
    filterChanges.append(time { _ = index.delegates(f) })
    summaries.append(time { _ = index.summary(f) })
}
record("country filter change (delegate list)", target: "≤ 10 ms", filterChanges, limit: 10)
record("summary recomputed under a country filter", target: "≤ 20 ms", summaries, limit: 20)

var filteredSearch: [Double] = []
for code in picked.prefix(5) {
    index.delegateSearch.forgetLastSearch()
    var text = ""
    for character in "nguyen" {
        text.append(character)
        let f = Filter(countries: [code], search: text)
        filteredSearch.append(time { _ = index.delegates(f) })
    }
}
record("search keystroke under a country filter", target: "≤ 5 ms median, ≤ 20 ms worst", filteredSearch,
       limit: 5, worstLimit: 20)

// MARK: Rendering and scrolling

FileHandle.standardError.write(Data("rendering\n".utf8))
/// One scrolling step as the browser does it: the key, the pure render, the diff against the last frame.
func steps(_ state: inout AppState, count: Int, previous: inout Grid?) -> [Double] {
    (0..<count).map { _ in
        time {
            state.apply(.moveDown)
            let grid = ScreenRenderer.render(state)
            _ = grid.changedRuns(since: previous)
            previous = grid
        }
    }
}
do {
    var state = AppState(index: index, width: 200, height: 60)
    state.apply(.showView(.delegates))
    var previous: Grid? = ScreenRenderer.render(state)
    _ = steps(&state, count: 5, previous: &previous)   // builds what the detail pane needs once
    let top = steps(&state, count: 100, previous: &previous)
    record("frame at 200×60: key → grid → changed cells (Delegates, 1M)", target: "≤ 2 ms", top, limit: 2)
    state.apply(.bottom)
    state.apply(.top)
    state.position.selected = index.directory.delegates.count / 2
    let middle = steps(&state, count: 100, previous: &previous)
    let small = try DirectoryLoader.loadIndex(bytes: Array(SyntheticDirectory(delegates: 100).json().utf8), name: "100")
    var smallState = AppState(index: small, width: 200, height: 60)
    smallState.apply(.showView(.delegates))
    var smallPrevious: Grid? = ScreenRenderer.render(smallState)
    let hundred = steps(&smallState, count: 90, previous: &smallPrevious)
    let ratio = median(middle) / max(0.001, median(hundred))
    record("scroll step in the middle of 1M (vs 100: \(String(format: "%.1f", ratio))×)", target: "≈ the 100 case",
           middle, limit: median(hundred) * 1.5 + 0.2)
    record("scroll step, 100 delegates", target: "—", hundred, limit: nil)

    // A keystroke as the browser handles it: the reducer re-filters, sorts and counts, then a frame.
    var typing = AppState(index: index, width: 200, height: 60)
    typing.apply(.showView(.delegates))
    var browserKeys: [Double] = []
    for word in ["nguyen", "dang thu", "soren"] {
        typing.handle(.key(.character("/")))
        for character in word {
            browserKeys.append(time {
                typing.handle(.key(.character(character)))
                _ = ScreenRenderer.render(typing)
            })
        }
        typing.handle(.key(.escape))
    }
    record("browser keystroke in Delegates search (reducer + frame)", target: "≤ 5 ms median, ≤ 20 ms worst",
           browserKeys, limit: 5, worstLimit: 20)
    // Issue 15: the Timetable's frame on an 895-session congress, beside the Delegates frames.
    _ = TimetableBench.run(options)
    // Issue 16: the Map's frame on the bundled sample, beside the Delegates frames.
    _ = MapBench.run(options)
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
}

// MARK: The table

let fileMiB = Double((try? FileManager.default.attributesOfItem(atPath: options.big)[.size] as? Int) ?? 0) / 1_048_576
let header = ["Measurement", "Target", "Median ms", "Worst ms", "Runs", "Meets"]
var table = rows.map { r in
    [r.name, r.target, String(format: "%.2f", r.median), String(format: "%.2f", r.worst), "\(r.runs)",
     r.meets.map { $0 ? "yes" : "NO" } ?? ""]
}
table.append(["peak RSS of this process after the loads", String(format: "≤ %.0f MiB (3 × 1M file)", fileMiB * 3),
              String(format: "%.0f MiB", afterLoads), "", "", afterLoads <= fileMiB * 3 ? "yes" : "NO"])

func width(_ s: String) -> Int { s.unicodeScalars.count }
if options.markdown {
    print("| " + header.joined(separator: " | ") + " |")
    print("|" + header.map { _ in "---" }.joined(separator: "|") + "|")
    for line in table { print("| " + line.joined(separator: " | ") + " |") }
} else {
    let widths = header.indices.map { c in max(width(header[c]), table.map { width($0[c]) }.max() ?? 0) }
    func line(_ cells: [String]) -> String {
        cells.indices.map { c in
            let pad = String(repeating: " ", count: widths[c] - width(cells[c]))
            return c >= 2 && c <= 4 ? pad + cells[c] : cells[c] + pad
        }.joined(separator: "  ")
    }
    print(line(header))
    print(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
    for row in table { print(line(row)) }
}
