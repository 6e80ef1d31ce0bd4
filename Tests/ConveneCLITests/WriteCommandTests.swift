import Foundation
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The commands that write files (import, merge, export, generate) and the stars file, run as
/// processes: concurrent writers, special files as targets, results the reader would refuse.
@Suite struct WriteCommandTests {
    static let minimal = Paths.fixtures.appendingPathComponent("valid/minimal.json")

    /// A copy of the minimal fixture to import into.
    private func directoryCopy(in dir: TemporaryDirectory) throws -> String {
        let path = dir.file("d.json").path
        try FileManager.default.copyItem(atPath: Self.minimal.path, toPath: path)
        return path
    }

    /// Delegate names in a directory file, read with Foundation (not with the code under test).
    private func delegateNames(_ path: String) throws -> [String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let delegates = try #require(object["delegates"] as? [[String: Any]])
        return delegates.compactMap { $0["name"] as? String }
    }

    private func fileType(_ path: String) -> mode_t? {
        var st = stat()
        return lstat(path, &st) == 0 ? st.st_mode & S_IFMT : nil
    }

    // MARK: Item 3: concurrent imports

    @Test func concurrentImportsIntoOneFileLoseNoRows() throws {
        let dir = try TemporaryDirectory()
        let target = try directoryCopy(in: dir)
        let writers = 4, rows = 50
        var expected: [String] = []
        for w in 0..<writers {
            var csv = "Full Name,Country,City\n"
            for r in 0..<rows {
                let name = "Writer\(w) Person\(r)"
                csv += "\(name),VN,hanoi\n"
                expected.append(name)
            }
            try Data(csv.utf8).write(to: dir.file("sheet\(w).csv"))
        }
        let results = Mutex<[RunResult?]>(Array(repeating: nil, count: writers))
        let sheets = (0..<writers).map { dir.file("sheet\($0).csv").path }
        DispatchQueue.concurrentPerform(iterations: writers) { w in
            let run = try? Convene.run(["import", sheets[w], "--event", "conf", "--into", target],
                                       timeout: .seconds(120))
            results.withLock { $0[w] = run }
        }
        for (w, run) in results.withLock({ $0 }).enumerated() {
            #expect(run?.status == 0, "writer \(w): \(run?.err ?? "did not run")")
        }
        let names = Set(try delegateNames(target))
        let missing = expected.filter { !names.contains($0) }
        #expect(missing.isEmpty, "\(missing.count) of \(expected.count) imported rows were lost")
    }

    // MARK: Item 4: special files, modes and symlinks as targets

    @Test func generateRefusesAFIFOACharacterDeviceAndADirectoryAndLeavesThemAsTheyAre() throws {
        let dir = try TemporaryDirectory()
        let fifo = dir.file("fifo").path, device = dir.file("full").path, folder = dir.file("folder").path
        let link = dir.file("link-to-device").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let haveDevice = mknod(device, S_IFCHR | 0o600, deviceNumber(1, 7)) == 0   // the numbers of /dev/full; needs root
        mkdir(folder, 0o700)
        symlink(device, link)
        var targets = [(fifo, S_IFIFO, "FIFO"), (folder, S_IFDIR, "directory")]
        if haveDevice { targets += [(device, S_IFCHR, "character device"), (link, S_IFCHR, "character device")] }
        for (path, type, words) in targets {
            let run = try Convene.run(["generate", "--delegates", "10", "-o", path])
            #expect(run.status == 73, "\(path): \(run.err)")
            #expect(run.err.contains(words), "\(run.err)")
            #expect(run.err.contains("left as it is"), "\(run.err)")
            #expect(!run.err.contains("Error Domain"), "no raw NSError dump: \(run.err)")
            // The node is still what it was (a link is followed: its target is checked).
            var st = stat()
            #expect(stat(path, &st) == 0 && st.st_mode & S_IFMT == type, "\(path) was replaced")
        }
        if haveDevice { #expect(fileType(link) == S_IFLNK, "the link is kept") }
        #expect(!Set((try? FileManager.default.contentsOfDirectory(atPath: dir.url.path)) ?? []).contains { $0.contains(".tmp-") })
    }

    @Test func generateKeepsAFilesModeWritesThroughASymlinkAndKeepsABackup() throws {
        let dir = try TemporaryDirectory()
        let real = dir.file("real.json").path, link = dir.file("link.json").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: real))
        chmod(real, 0o600)
        symlink("real.json", link)
        let run = try Convene.run(["generate", "--delegates", "10", "-o", link])
        #expect(run.status == 0, "\(run.err)")
        #expect(fileType(link) == S_IFLNK, "the link stays a link")
        var st = stat()
        #expect(stat(real, &st) == 0 && st.st_mode & 0o7777 == 0o600, "the mode is kept")
        #expect(try String(contentsOfFile: real, encoding: .utf8).contains("\"format\""))
        #expect(try String(contentsOfFile: real + ".bak", encoding: .utf8) == "old")
    }

    @Test func aDanglingSymlinkHasItsTargetCreatedAndStaysALink() throws {
        let dir = try TemporaryDirectory()
        let link = dir.file("link.json").path
        symlink("made.json", link)
        let run = try Convene.run(["generate", "--delegates", "10", "-o", link])
        #expect(run.status == 0, "\(run.err)")
        #expect(fileType(link) == S_IFLNK)
        #expect(fileType(dir.file("made.json").path) == S_IFREG)
    }

    // MARK: Item 8: never write what the reader rejects

    @Test func importRefusesACellTheLoaderWouldRejectAndLeavesTheFile() throws {
        let dir = try TemporaryDirectory()
        let target = try directoryCopy(in: dir)
        let before = try Data(contentsOf: URL(fileURLWithPath: target))
        let huge = String(repeating: "x", count: (1 << 20) + 10)
        try Data("Full Name,Country,City,Role\nAn,VN,hanoi,\(huge)\n".utf8).write(to: dir.file("sheet.csv"))
        let run = try Convene.run(["import", dir.file("sheet.csv").path, "--event", "conf", "--into", target])
        #expect(run.status == 65, "\(run.err)")
        #expect(run.err.contains("line 2"), "\(run.err.prefix(300))")
        #expect(run.err.contains("column 4"), "\(run.err.prefix(300))")
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == before, "the file is unchanged")
        let check = try Convene.run(["validate", target])
        #expect(check.status == 0, "\(check.err)")
    }

    // MARK: Item 5 and F: the stars file

    /// Stars a session of the sample in a fresh state directory; returns the state file's path.
    private func starredStateFile(_ state: TemporaryDirectory) throws -> String {
        let run = try Convene.run(["star", "hanoi-2023-s04"], environment: ["XDG_STATE_HOME": state.url.path])
        #expect(run.status == 0, "\(run.err)")
        let last = try #require(run.out.split(separator: "\n").last)
        return String(try #require(last.split(separator: "·").last)).trimmingCharacters(in: .whitespaces)
    }

    @Test func aStarsFileLinkedToAFIFOOrADeviceIsNeitherReadNorMoved() throws {
        let state = try TemporaryDirectory()
        let path = try starredStateFile(state)
        let fifo = state.file("fifo").path, device = state.file("null").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let haveDevice = mknod(device, S_IFCHR | 0o600, deviceNumber(1, 3)) == 0   // /dev/null's numbers; needs root
        for (node, type) in [(fifo, S_IFIFO)] + (haveDevice ? [(device, S_IFCHR)] : []) {
            unlink(path)
            symlink(node, path)
            // A FIFO with no writer would block an ordinary open: the timeout makes a hang a failure, not a stuck test.
            let run = try Convene.run(["agenda", "--starred"], environment: ["XDG_STATE_HOME": state.url.path],
                                      timeout: .seconds(30))
            #expect(run.status == 74, "\(node): \(run.err)")
            #expect(run.err.contains("not a regular file"), "\(run.err)")
            #expect(fileType(path) == S_IFLNK && fileType(node) == type, "nothing was moved or replaced")
            let dirNames = (try? FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)) ?? []
            #expect(!dirNames.contains { $0.contains(".corrupt-") }, "\(dirNames)")
            let star = try Convene.run(["star", "hanoi-2023-s08"], environment: ["XDG_STATE_HOME": state.url.path],
                                       timeout: .seconds(30))
            #expect(star.status == 74, "\(star.err)")
            #expect(fileType(node) == type)
        }
    }

    @Test func aNewerStarsFileIsReportedAsNewerNotAsASaveFailure() throws {
        let state = try TemporaryDirectory()
        let path = try starredStateFile(state)
        try Data("{\"format\": \"convene-state/2\", \"stars\": {}}".utf8).write(to: URL(fileURLWithPath: path))
        let run = try Convene.run(["agenda", "--starred"], environment: ["XDG_STATE_HOME": state.url.path])
        #expect(run.status == 65, "\(run.err)")
        #expect(run.err.contains("newer"), "\(run.err)")
        #expect(run.err.contains("read nothing"), "\(run.err)")
        #expect(!run.err.contains("save"), "a read-only command claims no save: \(run.err)")
    }

    // MARK: F: merge conflicts in words

    @Test func mergeConflictsShowValuesInWordsNotSwiftOptionals() throws {
        let dir = try TemporaryDirectory()
        let a = try directoryCopy(in: dir)
        let text = try String(contentsOfFile: a, encoding: .utf8)
        let b = dir.file("b.json").path
        try Data(text.replacingOccurrences(of: "\"reportedDelegates\": 3, ", with: "").utf8).write(to: URL(fileURLWithPath: b))
        let run = try Convene.run(["merge", a, b, "-o", dir.file("out.json").path])
        #expect(run.status == 65, "\(run.err)")
        #expect(run.err.contains("reportedDelegates: 3 ≠ not set"), "\(run.err)")
        #expect(!run.err.contains("Optional"), "\(run.err)")
    }
}

/// `makedev(3)` for small numbers (a macro Swift cannot import): major in bits 8–19, minor in 0–7.
private func deviceNumber(_ major: UInt64, _ minor: UInt64) -> dev_t { dev_t((major << 8) | minor) }
