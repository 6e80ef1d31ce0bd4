import ConveneModel
import Testing

/// Summary for a conference (issue 15): sessions per day, track, room, type and language, and
/// speakers per track, counted by hand from `published/frab-congress.xml` (four sessions).
@Suite struct SessionSummaryTests {
    static func index() throws -> DirectoryIndex {
        try DirectoryLoader.loadIndex(path: Fixtures.path("published/frab-congress.xml"))
    }

    static func counts(_ entries: [Summary.Entry]) -> [String] { entries.map { "\($0.label) \($0.count)" } }

    @Test func theFrabCongressIsCountedByEveryAspect() throws {
        let ix = try Self.index()
        #expect(ix.summary(Filter()).countries == 0, "a published schedule records no delegate's country")
        let s = ix.sessionSummary(Filter())
        #expect(s.sessions == 4)
        #expect(s.speakers == 3, "persons 9001, 9002 and 9003 (two of them named Daniel)")
        // Talk 102 starts at 00:15 on the 28th but is listed under day 1: it counts for the 27th.
        #expect(Self.counts(s.byDay) == ["2025-12-27 3", "2025-12-28 1"])
        #expect(Self.counts(s.byTrack) == ["CCC 2", "Science 1", "Security 1"])
        #expect(Self.counts(s.byRoom) == ["Saal 1 3", "Saal GLITCH 1"])
        #expect(Self.counts(s.byType) == ["lecture 3", "workshop 1"])
        #expect(Self.counts(s.byLanguage) == ["en 3", "de 1"])
        #expect(Self.counts(s.speakersByTrack) == ["CCC 2", "Science 1", "Security 1"])
        #expect(s.byTrack.first?.share == 0.5)
        #expect(s.speakersByTrack.first.map { abs($0.share - 2.0 / 3.0) < 1e-9 } == true, "shares of speakers are of all speakers")
    }

    @Test func aSessionValueInTheFilterNarrowsTheSessionsAndTheirCounts() throws {
        let ix = try Self.index()
        var f = Filter()
        f[.track] = FacetChoice(included: ["CCC"])
        #expect(ix.sessions(f).map { ix.session($0).id }.count == 2)
        #expect(!f.isEmpty)
        let s = ix.sessionSummary(f)
        #expect(Self.counts(s.byDay) == ["2025-12-27 1", "2025-12-28 1"])
        #expect(Self.counts(s.byRoom) == ["Saal 1 2"])
        f[.track] = FacetChoice()
        f[.day] = FacetChoice(included: ["2025-12-27"])
        #expect(ix.sessions(f).count == 3, "the after-midnight talk is on the day it is listed under")
        f[.day] = FacetChoice()
        f[.language] = FacetChoice(included: [NotRecorded.key])
        #expect(ix.sessions(f).isEmpty, "every session records its language")
    }
}
