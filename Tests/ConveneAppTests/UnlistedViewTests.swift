import ConveneApp
import ConveneModel
import ConveneScreen
import Testing

/// The browser with delegates who asked not to be named (the sample marks three): every screen of
/// every view, every row's detail and every panel, with and without a search, names none of them;
/// the counts still include them; a speaker's name shows on their sessions only.
@Suite struct UnlistedViewTests {
    /// Names, unique role and organisation of the two unlisted non-speakers.
    static let secrets = ["Mohd Hafiz", "Kamarudin", "Music promoter", "Ipoh Music Society", "Kiều Thị Minh Nguyệt", "Nguyệt"]
    static let speaker = "Phan Văn Lộc"
    static let speakerOrganisation = "Hội An City Culture Office"

    /// Wide enough that no name is cut short in a column.
    func state(search: String? = nil) -> AppState {
        AppState(index: BundledSample.index, width: 240, height: 60)
    }

    func screen(_ s: AppState) -> String { ScreenRenderer.render(s).lines.joined(separator: "\n") }

    /// Fails with the view and what it showed when a screen names an unlisted delegate.
    func expectNothingNamed(_ s: AppState, _ what: String, speakerAllowed: Bool) {
        let text = screen(s)
        let leaks = Self.secrets.filter { text.contains($0) } + (speakerAllowed ? [] : [Self.speaker].filter { text.contains($0) })
        #expect(leaks.isEmpty, "\(what) shows \(leaks)")
        #expect(!text.contains(Self.speakerOrganisation + " (illustrative)") || text.contains("Trần Quang Nhật"),
                "\(what): the speaker's organisation beside their name")
    }

    /// Every row of every view, selected (the detail pane) and opened (the panel or the view it opens),
    /// under each search; Enter on every speaker of a session panel too.
    @Test(arguments: ["", "hafiz", "kamarudin", "ipoh", "music promoter", "nguyet", "loc", "hoi an"])
    func noScreenNamesAnUnlistedDelegate(search: String) {
        for view in ViewID.allCases {
            var s = state()
            s.apply(.showView(view))
            if !search.isEmpty {
                s.type("/")
                s.type(search)
                s.press(.enter)
            }
            let rows = s.rows.count
            // The Agenda, the Timetable and their session panels may show the speaker's name: it is
            // public on their sessions.
            let speakerAllowed = view == .agenda || view == .timetable
            for i in 0..<max(1, rows) {
                var row = s
                row.apply(.top)
                for _ in 0..<i { row.apply(.moveDown) }
                expectNothingNamed(row, "\(view) row \(i) /\(search)", speakerAllowed: speakerAllowed)
                var opened = row
                opened.apply(.open)
                expectNothingNamed(opened, "\(view) row \(i) opened /\(search)", speakerAllowed: speakerAllowed)
                if case .session(let e, let si, _, _)? = opened.overlay {
                    for k in 0..<BundledSample.index.directory.events[e].sessions[si].speakers.count {
                        var speakerOpened = opened
                        for _ in 0..<k { speakerOpened.press(.down) }
                        speakerOpened.press(.enter)
                        // A listed speaker opens their record in Delegates, where the unlisted speaker must not show.
                        let inDelegates = speakerOpened.view == .delegates
                        expectNothingNamed(speakerOpened, "\(view) row \(i) speaker \(k)", speakerAllowed: !inDelegates)
                    }
                }
            }
        }
    }

    @Test func theDelegatesListEndsWithOneUnlistedRowAndCountsEveryone() {
        var s = state()
        s.apply(.showView(.delegates))
        #expect(s.summary.delegates == 120)
        #expect(s.rows.count == 118, "117 listed, one row for the 3 unlisted")
        s.apply(.bottom)
        let text = screen(s)
        #expect(text.contains("3 unlisted delegates"))
        #expect(text.contains("These delegates asked not to be named."), "the detail pane of that row")
        #expect(s.summary.countries == 8)
        #expect(text.contains("120 delegates · 8 countries"), "the status line counts them")
        s.apply(.open)
        #expect(s.overlay == nil, "the row opens nothing")
    }

    @Test func aCountryFilterKeepsTheirCountAndTheirLine() {
        var s = state()
        s.filter.countries = ["MY"]
        s.refresh()
        s.apply(.showView(.delegates))
        #expect(s.summary.delegates == 2)
        let text = screen(s)
        #expect(text.contains("Nur Aisyah Rahman"))
        #expect(text.contains("1 unlisted delegate"))
        #expect(text.contains("2 delegates · 1 country"))
        s.apply(.showView(.cities))
        #expect(screen(s).contains("Ipoh"), "Ipoh's one delegate is unlisted, and counted")
        #expect(s.cityCounts["ipoh"] == 1)
    }

    @Test func aSearchFindsNoUnlistedDelegateNotEvenAsACount() {
        for query in ["hafiz", "ipoh", "nguyet", "urban researcher", "phan van loc"] {
            var s = state()
            s.apply(.showView(.delegates))
            s.type("/")
            s.type(query)
            let text = screen(s)
            #expect(!text.contains("unlisted"), "/\(query)")
            #expect(!s.rows.contains { if case .delegate(let i) = $0 { !BundledSample.index.directory.delegates[i].listed } else { false } })
        }
    }

    @Test func aSpeakersNameShowsOnTheirSessionButTheirRecordDoesNotOpen() throws {
        var s = state()
        s.apply(.showView(.agenda))
        let row = try #require(s.rows.firstIndex { row in
            guard case let .session(e, si) = row else { return false }
            return BundledSample.index.directory.events[e].sessions[si].speakers.contains("d083")
        })
        s.apply(.top)
        for _ in 0..<row { s.apply(.moveDown) }
        #expect(screen(s).contains(Self.speaker), "the session's detail names its speaker")
        s.apply(.open)
        guard case let .session(e, si, _, _)? = s.overlay else {
            Issue.record("Enter opens the session panel")
            return
        }
        let k = try #require(BundledSample.index.directory.events[e].sessions[si].speakers.firstIndex(of: "d083"))
        let panel = screen(s)
        let line = panel.split(separator: "\n").first { $0.contains(Self.speaker) } ?? ""
        #expect(!line.contains("—"), "the name alone, no organisation: \(line)")
        for _ in 0..<k { s.press(.down) }
        s.press(.enter)
        #expect(s.view == .agenda, "no record to open")
        #expect(s.overlay == .session(event: e, session: si, selected: k), "the panel stays")
        #expect(s.message == UnlistedDelegates.speakerNote)
    }
}
