import Testing
@testable import ConveneModel

/// The checks after a direct read, run side by side on a large file (``DirectReader/sideBySideChecks``):
/// the same directory and index as the general path when valid, the same error when not.
@Suite struct DirectChecksTests {
    static let delegates = DirectReader.sideBySideChecks + 904

    static var base: Directory {
        get throws {
            try DirectoryLoader.load(bytes: Array(SyntheticDirectory(delegates: delegates, seed: 13).json().utf8), name: "gen")
        }
    }

    @Test func aLargeValidFileIsReadDirectlyWithTheSameIndex() throws {
        let bytes = DirectoryEncoder.encodeBytes(try Self.base)
        let loaded = try DirectoryLoader.loadFast(bytes: bytes, name: "gen")
        #expect(loaded.wasDirect && loaded.directory.delegates.count == Self.delegates)
        #expect(DirectDecoderTests.general(bytes) == .success(loaded.directory))
        let fast = loaded.makeIndex(), plain = DirectoryIndex(loaded.directory)
        #expect(fast.attendees == plain.attendees)
        #expect(fast.delegateCityIndex == plain.delegateCityIndex && fast.delegateCountryIndex == plain.delegateCountryIndex)
    }

    /// One problem for each side: a duplicate id and an unknown speaker (the ids' side), a country that
    /// is not the city's, an unknown event and a session outside its event (the rest's side).
    @Test(arguments: ["duplicate id", "unknown speaker", "wrong country", "unknown event", "session outside"])
    func aLargeFileWithOneProblemHasTheGeneralError(problem: String) throws {
        var d = try Self.base
        let last = d.delegates.count - 1
        switch problem {
        case "duplicate id":
            // A delegate no session names, so that only the duplicate is wrong.
            let speakers = Set(d.events.flatMap { $0.sessions.flatMap(\.speakers) })
            let quiet = try #require(d.delegates.indices.last { !speakers.contains(d.delegates[$0].id) })
            d.delegates[quiet].id = d.delegates[7].id
        case "unknown speaker": d.events[3].sessions[1].speakers.append("nobody-here")
        case "wrong country":
            let other = try #require(d.countries.first { $0.code != d.delegates[last].country }?.code)
            d.delegates[last].country = other
        case "unknown event": d.delegates[last].events.append("no-such-event")
        default:
            d.events[5].sessions[0].end = Timestamp(seconds: d.events[5].end.seconds + 86_400, offsetSeconds: 0)
        }
        let bytes = DirectoryEncoder.encodeBytes(d)
        #expect(DirectDecoder.load(bytes) == nil, "the direct read declines")
        let general = DirectDecoderTests.general(bytes)
        #expect(DirectDecoderTests.fast(bytes) == general)
        if case .success = general { Issue.record("\(problem) was accepted") }
    }
}
