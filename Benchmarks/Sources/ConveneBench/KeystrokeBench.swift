import ConveneApp
import ConveneModel
import ConveneScreen
import Foundation

/// Issue 17's keystroke target: every keystroke in the browser at 1M delegates — the reducer
/// (`AppState.handle`) plus the frame (`ScreenRenderer.render`) — at most 16 ms worst, on a file
/// where the first letter matches (nearly) every row; a filter change and Esc back to all rows the same.
///
/// `ConveneBench --keys --big FILE [--runs N] [--letter a]` loads FILE, builds the search index
/// and the name order first (the browser builds them in the background after loading), shows
/// Delegates in a 120×40 frame and then, N times, presses the keys of one round:
///
/// - `/` and the letter (the previous search forgotten, so the letter is read off in full),
/// - Esc, which drops the search: back to every row,
/// - `c` (the country picker), ↓, Enter: a filter change to the second-largest country,
/// - `x`, which clears the filter: back to every row,
///
/// timing each key's reducer and frame apart. `--cold-letters` builds the search index without
/// working out the letters' answers ahead, so the first round's letter pays for its own. It prints, per key, the median and worst of the
/// whole keystroke and of its two parts, and the load average before and after.
enum KeystrokeBench {
    static func run(_ options: Options) -> Int32 {
        let index: DirectoryIndex
        do {
            index = try DirectoryLoader.loadIndex(path: options.big)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return 66
        }
        let prepared = time {
            if options.coldLetters {
                _ = index.delegateSearch   // the index only: the first round works the letter's answer out
            } else {
                index.prepareSearch()
            }
        }
        index.prepareSorting()
        index.prepareDetails()
        var state = AppState(index: index, width: 120, height: 40)
        state.apply(.showView(.delegates))
        _ = ScreenRenderer.render(state)
        let letter = Character(options.letter)
        let round: [(label: String, key: Key)] = [
            ("/ (start a search)", .character("/")),
            ("first letter '\(letter)'", .character(letter)),
            ("Esc (drop the search: all rows)", .escape),
            ("c (open the country picker)", .character("c")),
            ("↓ (move in the picker)", .down),
            ("Enter (apply the country filter)", .enter),
            ("x (clear the filter: all rows)", .character("x")),
        ]
        var reducer = [[Double]](repeating: [], count: round.count)
        var frame = [[Double]](repeating: [], count: round.count)
        var hits = 0, filtered = 0
        let loadBefore = loadAverage()
        for _ in 0..<max(1, options.runs) {
            index.delegateSearch.forgetLastSearch()
            for (k, step) in round.enumerated() {
                reducer[k].append(time { _ = state.handle(.key(step.key)) })
                frame[k].append(time { _ = ScreenRenderer.render(state) })
                if k == 1 { hits = state.rows.count }
                if k == 5 { filtered = state.rows.count }
            }
        }
        let loadAfter = loadAverage()
        print(String(format: "keystrokes at %d delegates (%@), %d runs, 120×40; load average %@ before, %@ after",
                     index.directory.delegates.count, (options.big as NSString).lastPathComponent, max(1, options.runs),
                     loadBefore, loadAfter))
        print(String(format: "  search index built (in the browser: in the background) in %.0f ms", prepared))
        print("  '\(letter)' lists \(hits) rows; the country filter \(filtered)")
        print("  key                                 whole: median / worst   reducer: median / worst   frame: median / worst")
        for (k, step) in round.enumerated() {
            let whole = zip(reducer[k], frame[k]).map { $0 + $1 }
            print(String(format: "  %@ %8.2f / %7.2f ms   %8.2f / %7.2f ms   %8.2f / %7.2f ms",
                         step.label.padding(toLength: 34, withPad: " ", startingAt: 0) as NSString,
                         median(whole), whole.max() ?? .nan, median(reducer[k]), reducer[k].max() ?? .nan,
                         median(frame[k]), frame[k].max() ?? .nan))
        }
        otherViews(index, runs: max(1, options.runs))
        typing(index, runs: max(1, options.runs))
        phases(index, state, letter: letter, runs: max(1, options.runs))
        return 0
    }

    /// The filter change in the views whose frame shows counts under the filter (Events, Summary):
    /// there the summary is counted when the frame reads it, so Enter's frame pays for it.
    static func otherViews(_ index: DirectoryIndex, runs: Int) {
        for view in [ViewID.events, .summary] {
            var state = AppState(index: index, width: 120, height: 40)
            state.apply(.showView(view))
            _ = ScreenRenderer.render(state)
            var enter: [Double] = [], clear: [Double] = []
            for _ in 0..<runs {
                for key in [Key.character("c"), .down] {
                    _ = state.handle(.key(key))
                    _ = ScreenRenderer.render(state)
                }
                enter.append(time { _ = state.handle(.key(.enter)); _ = ScreenRenderer.render(state) })
                clear.append(time { _ = state.handle(.key(.character("x"))); _ = ScreenRenderer.render(state) })
            }
            print(String(format: "  %@: Enter (a country filter) %.2f / %.2f ms, x %.2f / %.2f ms (median / worst, reducer + frame)",
                         view.title, median(enter), enter.max() ?? .nan, median(clear), clear.max() ?? .nan))
        }
    }

    /// Every keystroke of whole names typed into Delegates' search, not only the first letter: a second
    /// or third letter narrows the previous hits, which can still be most of the directory.
    static func typing(_ index: DirectoryIndex, runs: Int) {
        var state = AppState(index: index, width: 120, height: 40)
        state.apply(.showView(.delegates))
        _ = ScreenRenderer.render(state)
        var times: [Double] = [], worst = (key: "", ms: 0.0), byKey: [String: Double] = [:]
        for _ in 0..<runs {
            index.delegateSearch.forgetLastSearch()
            for word in ["nguyen", "dang thu", "soren", "an"] {
                _ = state.handle(.key(.character("/")))
                _ = ScreenRenderer.render(state)
                var typed = ""
                for character in word {
                    typed.append(character)
                    let ms = time { _ = state.handle(.key(.character(character))); _ = ScreenRenderer.render(state) }
                    times.append(ms)
                    if ms > worst.ms { worst = (typed, ms) }
                    byKey[typed] = max(byKey[typed] ?? 0, ms)
                }
                _ = state.handle(.key(.escape))
                _ = ScreenRenderer.render(state)
            }
        }
        print(String(format: "  typing 'nguyen', 'dang thu', 'soren', 'an' (%d keystrokes): median %.2f, worst %.2f ms (at '%@')",
                     times.count, median(times), times.max() ?? .nan, worst.key))
        let slowest = byKey.sorted { $0.value > $1.value }.prefix(5)
        print("    slowest (worst of \(runs)): " + slowest.map { String(format: "'%@' %.2f ms", $0.key, $0.value) }.joined(separator: ", "))
    }

    /// The parts of those keys that the model and the picker answer, timed on their own: the breakdown.
    static func phases(_ index: DirectoryIndex, _ state: AppState, letter: Character, runs: Int) {
        let country = index.directory.countries.first?.code ?? ""
        var picking = state
        _ = picking.handle(.key(.character("c")))
        let parts: [(String, () -> Void)] = [
            ("the letter's bitset (oneLetterHits)", {
                index.delegateSearch.forgetLastSearch()
                _ = index.oneLetterHits(Filter(search: String(letter)))
            }),
            ("the letter's hits as a list (delegates(_:))", {
                index.delegateSearch.forgetLastSearch()
                _ = index.delegates(Filter(search: String(letter)))
            }),
            ("walk of the name order through the bitset", {
                _ = index.oneLetterHits(Filter(search: String(letter)))?.filter(index.delegateNameOrder)
            }),
            ("delegates(_:) under one country", { _ = index.delegates(Filter(countries: [country])) }),
            ("summary(_:) under one country", { _ = index.summary(Filter(countries: [country])) }),
            ("summary(_:) of everyone", { _ = index.summary(Filter()) }),
            ("sessionSummary(_:) of everyone", { _ = index.sessionSummary(Filter()) }),
            ("picker: offeredFacets", { _ = picking.offeredFacets }),
            ("picker: pickerEntries (countries)", {
                if case .filterPicker(let p)? = picking.overlay { _ = picking.pickerEntries(p) }
            }),
        ]
        print("  parts (median / worst of \(runs)):")
        for (label, body) in parts {
            let samples = (0..<runs).map { _ in time(body) }
            print(String(format: "    %@ %8.2f / %7.2f ms", label.padding(toLength: 46, withPad: " ", startingAt: 0) as NSString,
                         median(samples), samples.max() ?? .nan))
        }
    }

    /// The 1-, 5- and 15-minute load averages, as /proc/loadavg gives them.
    static func loadAverage() -> String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "?" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}
