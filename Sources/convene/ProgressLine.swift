import ConveneModel
import ConveneText
import Foundation
import Synchronization

/// A progress bar on stderr for a long load, drawn by a thread of its own.
///
/// Nothing is drawn for a load under a quarter of a second, so ordinary
/// commands print nothing extra; when it has drawn, ``finish()`` erases the line
/// so that what follows starts clean.
final class ProgressLine: Sendable {
    private let state = Mutex<(finished: Bool, drawn: Bool)>((false, false))

    init(progress: LoadProgress, name: String) {
        let label = Sanitizer.line(name)
        Thread.detachNewThread { [self] in
            let start = Date()
            while true {
                usleep(100_000)
                let keepGoing = state.withLock { s -> Bool in
                    if s.finished { return false }
                    if Date().timeIntervalSince(start) < 0.25 { return true }
                    s.drawn = true
                    let line = ProgressText.line(name: label, stage: progress.currentStage,
                                                 fraction: progress.fraction, width: 60)
                    Output.write("\r" + line + "\u{1B}[K", to: 2)
                    return true
                }
                if !keepGoing { return }
            }
        }
    }

    /// Stops drawing and erases the bar if one was drawn. Safe to call twice.
    func finish() {
        state.withLock { s in
            if s.drawn, !s.finished { Output.write("\r\u{1B}[K", to: 2) }
            s.finished = true
        }
    }
}

/// "Loading big.json  reading  ███████▌          42%": the line ``ProgressLine`` draws on stderr.
///
/// The browser's loading screen (`ConveneApp.LoadingScreen`) draws its own bar into the grid.
enum ProgressText {
    static func line(name: String, stage: String, fraction: Double, width: Int) -> String {
        let percent = Int((fraction * 100).rounded())
        let barWidth = max(10, width - 30)
        let filled = Int((fraction * Double(barWidth)).rounded())
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: max(0, barWidth - filled))
        return "Loading \(TextLayout.truncate(name, toWidth: 24))  \(stage)  \(bar) \(percent)%"
    }
}
