import ConveneApp
import ConveneModel
import ConveneScreen
import Testing

/// Several `--data` sources: the Events table and an event's detail say where each event came from.
@Suite struct SourceViewTests {
    static func combined() -> Directory {
        let d = Sample.index.directory
        return SourceCombine.combine([SourcePart(tag: "main", name: "main.json", directory: d),
                                      SourcePart(tag: "side", name: "https://side.example/s.xml", directory: d)])
    }

    @Test func theEventsTableHasASourceColumnAndTheDetailNamesTheSourceAndItsOwnID() throws {
        var s = AppState(index: DirectoryIndex(Self.combined()), width: 120, height: 40)
        let screen = ScreenRenderer.render(s).lines
        let header = try #require(screen.first { $0.contains("Date") && $0.contains("Title") })
        #expect(header.contains("Source"), "\(header)")
        #expect(screen.contains { $0.contains("│ main") }, "\(screen.joined(separator: "\n"))")
        #expect(screen.contains { $0.contains("│ side") })
        let row = try #require(s.rows.firstIndex { row in
            if case .event(let e) = row { return s.index.directory.events[e].source?.tag == "side" }
            return false
        })
        s.position.selected = row
        let text = ScreenRenderer.render(s).lines.joined(separator: "\n")
        #expect(text.contains("Source: side: https://side.example/s.xml"), "\(text)")
        #expect(text.contains("(its id there:"), "the renamed event names its own id")
    }

    @Test func oneSourceHasNoSourceColumn() throws {
        let s = AppState(index: Sample.index, width: 120, height: 40)
        let header = try #require(ScreenRenderer.render(s).lines.first { $0.contains("Date") && $0.contains("Title") })
        #expect(!header.contains("Source"), "\(header)")
    }
}
