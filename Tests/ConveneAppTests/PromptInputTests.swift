import ConveneApp
import ConveneModel
import ConveneScreen
import Testing

/// Typing and pasting into prompts: the cost of a burst, the length cap, and pastes as text.
@Suite struct PromptInputTests {
    static func keys(_ text: String) -> [InputEvent] { text.map { .key(.character($0)) } }

    /// Text as long as a big paste typed as keys: many words, so a search of it is costly.
    static let burst = String(String(repeating: "huong ", count: 200).prefix(1000))

    @Test(arguments: ["1", "3", "5"])
    func aBatchOfTypedCharactersRunsTheSearchOnce(view: String) {
        var s = Sample.state()
        s.type(view + "/")
        let before = s.searchRuns
        s.handle(Self.keys("huong") + [.key(.backspace)] + Self.keys("g") + Self.keys(Self.burst))
        #expect(s.searchRuns == before + 1, "one search for the whole batch, not one per character")
        #expect(s.search.count == AppState.promptLimit)
    }

    @Test func theCounterCountsOneSearchPerKeyWhenKeysComeOneByOne() {
        var s = Sample.state()
        s.type("3/")
        let before = s.searchRuns
        s.type("huong")
        #expect(s.searchRuns == before + 5, "the counter the batch test relies on does count searches")
    }

    @Test(arguments: ["1", "2", "3", "4", "5"])
    func aBatchEndsInTheSameStateAsTheSameKeysOneByOne(view: String) {
        let script: [InputEvent] = [.key(.character("/"))] + Self.keys("thanx") + [.key(.backspace)]
            + Self.keys(" huong") + [.key(.down), .key(.control("u"))] + Self.keys("an") + [.key(.enter), .key(.down)]
        var one = Sample.state()
        one.type(view)
        var batch = one
        for event in script { one.handle(event) }
        batch.handle(script)
        #expect(batch.search == one.search)
        #expect(batch.rows == one.rows)
        #expect(batch.position == one.position)
        #expect(batch.isEditingSearch == one.isEditingSearch)
    }

    @Test func searchTextStopsAtTheLimitAndTheStatusLineSaysItWasCut() {
        var s = Sample.state()
        s.type("3/")
        s.handle(Self.keys(String(repeating: "a", count: AppState.promptLimit + 10)))
        #expect(s.search.count == AppState.promptLimit)
        #expect(s.message == "Search cut at \(AppState.promptLimit) characters")
        let status = ScreenRenderer.render(s).lines.last ?? ""
        #expect(status.contains("Search cut at 256 characters"), "status line: \(status)")
    }

    @Test func aPasteGoesIntoTheSearchAsOneLineOfText() {
        var s = Sample.state()
        s.type("3/")
        #expect(s.handle(.paste("huong\rqtouch /tmp/x\r\n\u{1B}[2J")) == [], "a pasted q does not quit")
        #expect(s.isEditingSearch, "a pasted return does not close the search")
        #expect(s.search == "huong qtouch /tmp/x" + "   " + "[2J", "CR, LF and ESC each became a space")
        #expect(s.rows.isEmpty, "the search ran on the pasted text")
        s.handle(.key(.control("u")))
        s.handle(.paste("huong"))
        var typed = Sample.state()
        typed.type("3/huong")
        #expect(!typed.rows.isEmpty)
        #expect(s.rows == typed.rows, "a paste narrows the list like typing does")
    }

    @Test func aLongPasteIsCutAtTheLimit() {
        var s = Sample.state()
        s.type("3/")
        s.handle(.paste(String(repeating: "x", count: 100_000)))
        #expect(s.search.count == AppState.promptLimit)
        #expect(s.message == "Search cut at \(AppState.promptLimit) characters")
    }

    @Test func aLongSearchScrollsSoTheCursorStaysVisible() {
        var s = Sample.state()
        s.type("2/")
        s.handle(.paste(String(repeating: "é", count: 100)))
        let status = ScreenRenderer.render(s).lines.last ?? ""
        #expect(status.hasSuffix("éé▏"), "the end of the text and the cursor show: \(status)")
        #expect(status.hasPrefix(" Search Agenda: é"))
    }

    @Test func theSearchPromptsHintsGoWholeWhenTheWindowIsNarrow() {
        var s = Sample.state(width: 40, height: 10)
        s.type("3/hu")
        #expect(ScreenRenderer.render(s).lines.last == " Search Delegates: hu▏       Enter keep ")
        s.type("ong xyz")
        #expect(ScreenRenderer.render(s).lines.last == " Search Delegates: huong xyz▏           ", "no room left for a whole hint")
    }

    @Test func aPasteOutsideAPromptIsIgnoredWithAHint() {
        var s = Sample.state()
        s.type("3")
        let rows = s.rows
        #expect(s.handle(.paste("q2x")) == [], "a pasted q does not quit")
        #expect(s.view == .delegates, "pasted digits do not switch views")
        #expect(s.rows == rows)
        #expect(s.message == "Paste ignored: press / to search, then paste")
    }

    @Test func aPasteGoesIntoTheCountryPickerQuery() {
        var s = Sample.state()
        s.type("c")
        s.handle(.paste("viet\rnam"))
        guard case .filterPicker(let picker)? = s.overlay else {
            Issue.record("the picker closed")
            return
        }
        #expect(picker.query == "viet nam")
        s.press(.enter)
        #expect(s.filter.countries == ["VN"])
    }

    @Test func thePickerQueryStopsAtTheLimit() {
        var s = Sample.state()
        s.type("c")
        s.handle(Self.keys(String(repeating: "z", count: AppState.promptLimit + 1)))
        guard case .filterPicker(let picker)? = s.overlay else {
            Issue.record("the picker closed")
            return
        }
        #expect(picker.query.count == AppState.promptLimit)
    }
}
