import ConveneApp
import ConveneModel
import ConveneSample
import ConveneScreen

/// The prompt input path: bytes become what a terminal could send — keys, text,
/// bracketed pastes, resizes, mouse clicks — decoded by the app's own
/// ``InputDecoder``, handled in batches by `AppState.handle(_:)` on the bundled
/// sample and drawn by `ScreenRenderer.render`.
///
/// Selected by a first byte of ``selector``. The rest is read as a little program:
///
/// | byte | meaning |
/// |---|---|
/// | `0xF0` / `0xF1` | paste starts / ends (`ESC [ 200 ~` / `ESC [ 201 ~`) |
/// | `0xF2` | an input timeout passed with nothing read |
/// | `0xF3 w h` | the terminal is now `w % 300` × `h % 100` |
/// | `0xF4 k` | a function key (arrows, Home, End, pages, Enter, Shift-Tab, Delete, F1–F12) |
/// | `0xF5 r c k` | a mouse click or wheel step at row `r`, column `c` |
/// | `0xF6` | the batch so far arrives: handle it, draw, check |
/// | `0xF7 i` | an astral or special scalar from a short table (emoji, BOM, NEL, CSI, a flag) |
/// | `0x80`–`0xEF` `x` | the scalar `(byte - 0x80) << 8 + x` (Latin, combining marks, Thai, bidi controls, CJK) |
/// | anything else | that ASCII character, controls included |
///
/// Checked after every drawn batch: the grid has the state's size, every wide cell is
/// followed by its continuation and every continuation follows a wide cell, and no cell
/// holds a control, bidi or zero-width character (``Hazard``). A crash, a hang or a
/// runaway allocation is caught by libFuzzer.
public enum PromptInputFuzz {
    public static let selector: UInt8 = 0x02

    /// At most this many batches are drawn per input: drawing is most of a run's time.
    static let maxFrames = 48

    static let index: DirectoryIndex = {
        do {
            return DirectoryIndex(try DirectoryLoader.load(bytes: Array(SampleData.json.utf8), name: SampleData.displayName))
        } catch {
            preconditionFailure("the bundled sample must load: \(error)")
        }
    }()

    static let keys: [Key] = [.up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .enter, .backTab, .delete,
                              .escape, .tab, .backspace] + (1...12).map { .function($0) }
    static let specials: [UInt32] = [0x1F44D, 0xFEFF, 0x85, 0x9B, 0x1F1FB, 0x1F1F3, 0x200D, 0x10FFFF, 0xE0001]

    @discardableResult
    public static func run(_ bytes: ArraySlice<UInt8>) -> Bool {
        var state = AppState(index: index, width: 80, height: 24)
        var decoder = InputDecoder()
        var batch: [InputEvent] = []
        var frames = 0
        var input = bytes.makeIterator()

        func deliver() {
            // The effects (save, export, quit, redraw) are the browse loop's to carry out: none here.
            // After a `q` the next batch goes on, to reach more states.
            let effects = state.handle(batch)
            FuzzHarness.check(effects.filter { $0 == .quit }.count <= 1, "prompt input: keys after q were handled")
            batch.removeAll(keepingCapacity: true)
            if frames < maxFrames {
                frames += 1
                checkFrame(state)
            }
        }
        func feed(_ raw: RawInput) { batch += decoder.feed(raw) }

        while let byte = input.next() {
            switch byte {
            case 0xF0: feed(.pasteStart)
            case 0xF1: feed(.pasteEnd)
            case 0xF2: feed(.idle)
            case 0xF3:
                let w = Int(input.next() ?? 0) % 300, h = Int(input.next() ?? 0) % 100
                feed(.event(.resize(width: w, height: h)))
            case 0xF4:
                feed(.event(.key(keys[Int(input.next() ?? 0) % keys.count])))
            case 0xF5:
                let row = Int(input.next() ?? 0), column = Int(input.next() ?? 0)
                let kinds: [MouseEvent.Kind] = [.click, .wheelUp, .wheelDown]
                feed(.event(.mouse(MouseEvent(kind: kinds[Int(input.next() ?? 0) % 3], row: row, column: column))))
            case 0xF6: deliver()
            case 0xF7: feed(.character(specials[Int(input.next() ?? 0) % specials.count]))
            case 0x80...0xEF: feed(.character(UInt32(byte - 0x80) << 8 | UInt32(input.next() ?? 0)))
            default: feed(.character(UInt32(byte)))
            }
        }
        for _ in 0..<InputDecoder.stallLimit { feed(.idle) }   // an unfinished paste is delivered too
        deliver()
        return true
    }

    static func checkFrame(_ state: AppState) {
        let grid = ScreenRenderer.render(state)
        let what = "prompt input, \(state.view) view at \(state.width)×\(state.height)"
        FuzzHarness.check(grid.width == max(0, state.width) && grid.height == max(0, state.height),
                          "\(what): grid is \(grid.width)×\(grid.height)")
        FuzzHarness.check(grid.cells.count == grid.width * grid.height, "\(what): \(grid.cells.count) cells")
        for row in 0..<grid.height {
            for column in 0..<grid.width {
                let cell = grid[row, column]
                FuzzHarness.check((0...2).contains(cell.width), "\(what): a cell \(cell.width) wide at \(row),\(column)")
                if cell.width == 2 {
                    FuzzHarness.check(column + 1 < grid.width && grid[row, column + 1].isContinuation,
                                      "\(what): a wide cell without its continuation at \(row),\(column)")
                }
                if cell.isContinuation {
                    FuzzHarness.check(column > 0 && grid[row, column - 1].width == 2,
                                      "\(what): a continuation cell after no wide cell at \(row),\(column)")
                }
            }
        }
        FuzzHarness.checkGrid(grid, what)
    }
}
