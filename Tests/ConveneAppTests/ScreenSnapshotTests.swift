import ConveneApp
import ConveneScreen
import Testing

/// Every view at 80×24, 120×40 and a narrow 50×16, on the bundled sample.
@Suite struct ScreenSnapshotTests {
    static let sizes = [(80, 24), (120, 40), (50, 16)]

    @Test(arguments: ViewID.allCases)
    func everyViewRendersAtEverySize(view: ViewID) {
        for (w, h) in Self.sizes {
            var state = Sample.state(width: w, height: h)
            state.apply(.showView(view))
            Snapshot.assert(ScreenRenderer.render(state), named: "\(view.title.lowercased())-\(w)x\(h)")
        }
    }

    @Test func delegatesSearchForHuongWithVietnameseAndCJKInView() {
        var state = Sample.state(width: 120, height: 40)
        state.apply(.showView(.delegates))
        state.type("/huong")
        Snapshot.assert(ScreenRenderer.render(state), named: "delegates-search-huong-120x40")
    }

    @Test func cjkNamesAlignWithTheColumns() {
        var state = Sample.state(width: 100, height: 30)
        state.apply(.showView(.delegates))
        state.type("/陈")
        let grid = ScreenRenderer.render(state)
        Snapshot.assert(grid, named: "delegates-search-cjk-100x30")
        // Column separators sit in the same column on the header and on the CJK row.
        let lines = grid.lines
        let header = lines[2], row = lines[3]
        func separators(_ s: String) -> [Int] {
            var col = 0, out: [Int] = []
            for ch in s {
                if ch == "│" { out.append(col) }
                col += ch.unicodeScalars.first.map { $0.value >= 0x3000 && $0.value < 0xA000 ? 2 : 1 } ?? 1
            }
            return out
        }
        #expect(!separators(row).isEmpty)
        #expect(separators(header).prefix(4) == separators(row).prefix(4))
    }

    @Test func countryPickerShowsCountsAndTicks() {
        var state = Sample.state(width: 80, height: 24)
        state.type("c")
        state.press(.down, .character(" "))
        Snapshot.assert(ScreenRenderer.render(state), named: "country-picker-80x24")
    }

    @Test func helpIsGeneratedFromTheKeyTable() {
        var state = Sample.state(width: 80, height: 40)
        state.type("?")
        let grid = ScreenRenderer.render(state)
        Snapshot.assert(grid, named: "help-80x40")
        // The help is longer than 40 rows: collect every screen while scrolling to its end.
        var text = grid.lines.joined(separator: "\n")
        for _ in 0..<80 {
            state.press(.down)
            text += "\n" + ScreenRenderer.render(state).lines.joined(separator: "\n")
        }
        // Short help lines fit on one line of the panel, so they can be found whole.
        for binding in KeyBindings.all where binding.help.count < 40 {
            #expect(text.contains(binding.help), "help lists \(binding.help)")
        }
    }

    @Test func summaryUnderAVietNamFilter() {
        var state = Sample.state(width: 120, height: 40)
        state.type("5c")
        state.type("viet")
        state.press(.enter)
        Snapshot.assert(ScreenRenderer.render(state), named: "summary-viet-nam-120x40")
    }

    @Test(arguments: [(39, 24), (80, 9), (10, 3), (0, 0), (1, 1)])
    func tooSmallScreenSaysSo(width: Int, height: Int) {
        let grid = ScreenRenderer.render(Sample.state(width: width, height: height))
        #expect(grid.width == width && grid.height == height)
        if width >= 20 && height >= 3 {
            #expect(grid.lines.joined().contains("Terminal too small"))
        }
    }

    @Test func tooSmallSnapshot() {
        Snapshot.assert(ScreenRenderer.render(Sample.state(width: 36, height: 8)), named: "too-small-36x8")
    }

    @Test func everyViewAndPanelSurvivesEverySmallSize() {
        for w in stride(from: 0, through: 60, by: 3) {
            for h in stride(from: 0, through: 20, by: 2) {
                for view in ViewID.allCases {
                    var state = Sample.state(width: w, height: h)
                    state.apply(.showView(view))
                    _ = ScreenRenderer.render(state)
                    state.type("?")
                    _ = ScreenRenderer.render(state)
                    state.press(.escape)
                    state.type("c")
                    let grid = ScreenRenderer.render(state)
                    #expect(grid.cells.count == w * h)
                }
            }
        }
    }
}
