import Foundation
import Testing

/// `convene import` reads its target with the direct decoder (issue 11, item 9): what it keeps
/// of the file and what it says about a file it cannot rewrite must not change.
@Suite struct ImportCommandTests {
    static let minimal = Paths.fixtures.appendingPathComponent("valid/minimal.json")

    @Test func theSchemaPointerIsKeptWhereverTheFileHadIt() throws {
        let dir = try TemporaryDirectory()
        let target = dir.file("d.json").path
        var text = try String(contentsOf: Self.minimal, encoding: .utf8)
        let end = try #require(text.lastIndex(of: "}"))
        text.replaceSubrange(end...end, with: ", \"$schema\": \"./convene.schema.json\"\n}")
        try Data(text.utf8).write(to: URL(fileURLWithPath: target))
        try Data("Full Name,Country,City\nNew Person,VN,hanoi\n".utf8).write(to: dir.file("sheet.csv"))
        let run = try Convene.run(["import", dir.file("sheet.csv").path, "--event", "conf", "--into", target])
        #expect(run.status == 0, "\(run.err)")
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written.hasPrefix("{\n  \"$schema\": \"./convene.schema.json\",\n  \"format\": \"convene/1\",\n"))
        #expect(written.contains("\"name\": \"New Person\""))
    }

    @Test func aScheduleTargetIsStillRefusedWithItsAdvice() throws {
        let dir = try TemporaryDirectory()
        let target = dir.file("schedule.json").path
        try FileManager.default.copyItem(atPath: Paths.fixtures.appendingPathComponent("formats/schedule-frab.json").path,
                                         toPath: target)
        try Data("Full Name,Country,City\nNew Person,VN,hanoi\n".utf8).write(to: dir.file("sheet.csv"))
        let run = try Convene.run(["import", dir.file("sheet.csv").path, "--event", "conf", "--into", target])
        #expect(run.status == 65)
        #expect(run.err.contains("this is a schedule.json, which Convene reads but does not write"), "\(run.err)")
    }

    @Test func anInvalidTargetGetsTheLoadersMessage() throws {
        let dir = try TemporaryDirectory()
        let target = dir.file("d.json").path
        let text = try String(contentsOf: Self.minimal, encoding: .utf8)
            .replacingOccurrences(of: "\"city\": \"kanazawa\", \"country\": \"JP\"", with: "\"city\": \"nowhere\", \"country\": \"JP\"")
        try Data(text.utf8).write(to: URL(fileURLWithPath: target))
        try Data("Full Name,Country,City\nNew Person,VN,hanoi\n".utf8).write(to: dir.file("sheet.csv"))
        let run = try Convene.run(["import", dir.file("sheet.csv").path, "--event", "conf", "--into", target])
        #expect(run.status == 65, "\(run.err)")
        #expect(run.err.contains("nowhere"), "\(run.err)")
    }
}
