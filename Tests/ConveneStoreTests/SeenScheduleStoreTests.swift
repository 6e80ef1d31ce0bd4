import ConveneModel
import Foundation
import Glibc
import Testing
@testable import ConveneStore

@Suite struct SeenScheduleStoreTests {
    static let sessions = [
        SessionSnapshot(key: "guid:6b1c", event: "gc", id: "talk", title: "Talk \"quoted\" ✓",
                        start: Timestamp(iso8601: "2024-02-03T10:00:00+01:00") ?? .unknown,
                        end: Timestamp(iso8601: "2024-02-03T10:30:00+01:00") ?? .unknown, room: "H.1", speakers: ["An", "Bình"]),
        SessionSnapshot(key: "id:x", event: "gc", id: "x", title: "No room",
                        start: Timestamp(iso8601: "2024-02-03T11:00:00+01:00") ?? .unknown,
                        end: Timestamp(iso8601: "2024-02-03T11:30:00+01:00") ?? .unknown),
    ]

    @Test func aSavedCopyLoadsBackTheSameAndIsPrivate() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = SeenScheduleStore(stateDirectory: dir.path + "/convene", source: "/home/a/fosdem.xml")
        #expect(store.load() == .none(note: nil), "no copy yet")
        try store.save(Self.sessions)
        #expect(store.load() == .sessions(Self.sessions))
        #expect(Files.mode(store.path) == 0o600)
    }

    @Test func theFileNameIsAHashThatNeverHoldsTheSource() {
        let name = SeenScheduleStore.fileName(source: "https://user:secret-token@example.org/schedule.xml")
        #expect(name.hasPrefix("seen-") && name.hasSuffix(".json") && name.count == "seen-".count + 16 + ".json".count)
        #expect(!name.contains("secret") && !name.contains("example"))
        #expect(name != SeenScheduleStore.fileName(source: "/home/a/fosdem.xml"))
    }

    @Test(arguments: ["", "not json", "{\"format\": \"convene-state/1\", \"stars\": []}",
                      "{\"format\": \"convene-seen/1\", \"sessions\": [{\"key\": \"id:a\"}]}",
                      "{\"format\": \"convene-seen/1\", \"sessions\": [{\"key\": \"id:a\", \"event\": \"e\", \"id\": \"a\", \"title\": \"A\", \"start\": \"soon\", \"end\": \"2024-02-03T11:30:00+01:00\", \"speakers\": []}]}"])
    func aDamagedCopyIsIgnoredWithAReason(text: String) {
        guard case .none(let note) = SeenScheduleStore.decode(Array(text.utf8)) else {
            Issue.record("decoded \(text)")
            return
        }
        #expect(note?.hasPrefix("the copy of the schedule last seen was ignored") == true)
    }

    @Test func aNewerFormatIsReportedNotRead() {
        #expect(SeenScheduleStore.decode(Array("{\"format\": \"convene-seen/2\", \"sessions\": 7}".utf8)) == .newer("convene-seen/2"))
    }
}
