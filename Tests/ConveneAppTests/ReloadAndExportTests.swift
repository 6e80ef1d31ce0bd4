import ConveneApp
import ConveneModel
import ConveneSample
import Testing

@Suite struct ReloadAndExportTests {
    /// The sample with one delegate renamed and one added before her, as if the file had been edited.
    static func edited() throws -> DirectoryIndex {
        var d = Sample.index.directory
        let i = try #require(d.delegates.firstIndex { $0.name == "Phạm Thị Thanh Hương" })
        d.delegates[i].name = "Phạm Thị Thanh Hương (edited)"
        // A new record ahead of hers, so her position in the file changes.
        var newcomer = d.delegates[i]
        newcomer.id = "newcomer"
        newcomer.name = "An Newcomer"
        d.delegates.insert(newcomer, at: 0)
        return DirectoryIndex(d)
    }

    @Test func reloadKeepsTheViewFilterAndSelectedRecord() throws {
        var s = Sample.state()
        s.type("c")
        s.type("viet")
        s.press(.enter)
        s.type("3/thanh huong")
        s.press(.enter)
        let before = s.selectedRow
        s.reload(with: try Self.edited())
        #expect(s.view == .delegates)
        #expect(s.filter.countries == ["VN"])
        #expect(s.search == "thanh huong")
        guard case .delegate(let i)? = s.selectedRow else {
            Issue.record("nothing selected after the reload")
            return
        }
        #expect(s.index.directory.delegates[i].name == "Phạm Thị Thanh Hương (edited)")
        #expect(s.selectedRow != before, "the record moved: it is found by id, not by position")
        // She speaks at a session, so the renamed speaker is a change of that session's speakers.
        #expect(s.message == "Reloaded: the data file changed on disk · 1 session changed · C lists them")
    }

    @Test func reloadDropsAFocusOnAnEventThatNoLongerExists() throws {
        var s = Sample.state()
        s.filter.event = "hanoi-2023"
        var d = Sample.index.directory
        d.events.removeAll { $0.id == "hanoi-2023" }
        d.delegates = DelegateList(d.delegates.map { var p = $0; p.events.removeAll { $0 == "hanoi-2023" }; return p })
        s.reload(with: DirectoryIndex(d))
        #expect(s.filter.event == nil)
        #expect(s.rows.count == d.events.count)
    }

    /// The export that keys asked for, when it is the only effect they returned.
    static func requested(_ effects: [Effect]) -> ExportRequest? {
        guard effects.count == 1, case .export(let request) = effects[0] else { return nil }
        return request
    }

    @Test func exportInAgendaAsksForTheListedSessions() {
        var s = Sample.state()
        #expect(s.type("2") == [])
        let effects = s.type("e")
        guard case .export(let request)? = effects.first, effects.count == 1 else {
            Issue.record("e asks for one export, not \(effects)")
            return
        }
        #expect(request.sessions.count == s.rows.count)
        #expect(request.fileName == "convene-agenda.ics")
        s.exportFinished(request, error: nil)
        #expect(s.message == "Exported 12 sessions to convene-agenda.ics")
    }

    @Test func exportOfAFocusedEventAndOfMyAgendaIsNamedForThem() {
        var s = Sample.state()
        s.filter.event = "hanoi-2023"
        #expect(Self.requested(s.type("2e"))?.fileName == "convene-hanoi-2023.ics")
        #expect(s.press(.down, .character(" ")) == [.save])
        let mine = Self.requested(s.type("me"))
        #expect(mine?.fileName == "convene-my-agenda.ics")
        #expect(mine?.sessions.count == 1)
    }

    @Test func aFileCaughtMidWriteIsNotReloadedYetAndWillBeRetried() {
        var s = Sample.state()
        s.reloadFailed(.changedWhileReading(file: "live.json"))
        #expect(s.message == "Not reloaded yet: live.json changed while it was being read; retrying")
        #expect(s.index.directory.delegates.count == 120)
    }

    @Test func aFileThatNoLongerLoadsKeepsTheOldDataAndSaysWhy() {
        var s = Sample.state()
        s.reloadFailed(.syntax(file: "live.json", line: 3, column: 7, message: "expected ':'"))
        #expect(s.message == "Not reloaded, showing the previous data: live.json: not valid JSON at 3:7: expected ':'")
    }

    @Test func aDeletedFileKeepsTheLastLoadedCopyOnScreen() {
        var s = Sample.state()
        s.type("3")
        let rows = s.rows
        s.dataFileDeleted("live.json")
        #expect(s.message == "live.json was deleted; showing the last loaded copy")
        #expect(s.rows == rows)
    }

    /// A file name that stays in the current directory and carries nothing a terminal acts on.
    static func isSafeFileName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 100 && !name.hasPrefix(".") && name.hasSuffix(".ics")
            && name.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
    }

    /// Event ids are validated on load; this one reaches the state as if from an unchecked source.
    @Test func exportOfAnEventWithAHostileIDStaysInTheCurrentDirectory() throws {
        var d = Sample.index.directory
        let i = try #require(d.events.firstIndex { $0.id == "hanoi-2023" })
        d.events[i].id = "x/../../escape\u{1B}[2J"
        var s = AppState(index: DirectoryIndex(d), width: 80, height: 24)
        s.filter.event = d.events[i].id
        let name = try #require(Self.requested(s.type("2e"))?.fileName)
        #expect(Self.isSafeFileName(name), "\(name.debugDescription)")
        #expect(name == "convene-x-escape-2j.ics")
    }

    @Test(arguments: ["x/../../escape\u{1B}[2J", "../..", "/etc/passwd", ".hidden", "a\u{0}b", "\u{202E}evil", "Đà Nẵng",
                      "田中", "", "...", String(repeating: "a/", count: 500), "CON", "a\nb\rc", "hanoi-2023", "v1.2_beta"])
    func exportFileNamesAreSafeForAnyID(id: String) {
        let name = ExportRequest.fileName(for: id)
        #expect(Self.isSafeFileName(name), "\(id.debugDescription) → \(name.debugDescription)")
        #expect(name.hasPrefix("convene-"))
        #expect(ExportRequest.fileName(for: id) == name, "the same id gives the same name")
    }

    @Test func validIDsKeepTheirSpellingInTheFileName() {
        #expect(ExportRequest.fileName(for: "hanoi-2023") == "convene-hanoi-2023.ics")
        #expect(ExportRequest.fileName(for: "v1.2_beta") == "convene-v1.2_beta.ics")
        #expect(ExportRequest.fileName(for: "") == "convene-event.ics")
    }

    @Test func exportOutsideAgendaSaysWhereItWorks() {
        var s = Sample.state()
        #expect(s.type("3e") == [], "no export effect")
        #expect(s.message?.contains("Agenda") == true)
    }
}


/// A reload while the country picker is open.
@Suite struct ReloadWithPickerTests {
    @Test func reloadKeepsAnOpenPickerAndItsTicksMinusVanishedCountries() throws {
        let d = Sample.index.directory
        // A country with cities but no delegates and no events: one the edited file can drop.
        let used = Set(d.delegates.map(\.country))
            .union(d.events.compactMap { e in d.cities.first { $0.id == e.city }?.country })
        let gone = try #require(d.countries.map(\.code).first { !used.contains($0) })
        var s = Sample.state()
        s.type("c")
        s.type("viet")
        s.press(.character(" "), .control("u"))
        s.type(gone.lowercased())
        s.press(.character(" "), .control("u"))
        guard case .filterPicker(let before)? = s.overlay else {
            Issue.record("the picker did not open")
            return
        }
        #expect(before.draft.countries == ["VN", gone])

        var edited = d
        edited.countries.removeAll { $0.code == gone }
        edited.cities.removeAll { $0.country == gone }
        s.reload(with: DirectoryIndex(edited))
        guard case .filterPicker(let after)? = s.overlay else {
            Issue.record("the reload closed the picker")
            return
        }
        #expect(after.draft.countries == ["VN"], "ticks stay, except the country the file no longer has")
        #expect(s.filter.countries.isEmpty, "the ticks are still unapplied")
        s.press(.enter)
        #expect(s.filter.countries == ["VN"])
    }
}
