import ConveneStore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The one durable-write routine, with injected faults and real special files.
@Suite struct DurableFileTests {
    private func kind(_ path: String) -> mode_t? {
        var st = stat()
        return lstat(path, &st) == 0 ? st.st_mode & S_IFMT : nil
    }

    private func noTemporaryFiles(_ dir: TemporaryDirectory) -> Bool {
        !Files.names(dir.path).contains { $0.contains(".tmp-") }
    }

    @Test func aNewFileGetsTheContentAndTheDefaultModeLessTheUmask() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let old = umask(0o027)
        defer { umask(old) }
        let path = dir.file("new.json")
        #expect(try DurableFile.replace(path: path, bytes: Array("hello".utf8), backup: true) == nil, "no backup of nothing")
        #expect(Files.bytes(path) == Array("hello".utf8))
        #expect(Files.mode(path) == 0o640)
        #expect(noTemporaryFiles(dir))
    }

    @Test func anExistingFileKeepsItsModeAndItsOldContentAsABackup() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("d.json")
        Files.write(path, "old")
        chmod(path, 0o600)
        let backup = try DurableFile.replace(path: path, bytes: Array("new".utf8), backup: true)
        #expect(backup == path + ".bak")
        #expect(Files.bytes(path) == Array("new".utf8))
        #expect(Files.bytes(path + ".bak") == Array("old".utf8))
        #expect(Files.mode(path) == 0o600)
    }

    @Test func whereHardLinksAreRefusedTheBackupIsACopy() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("d.json")
        Files.write(path, "old")
        try DurableFile.replace(path: path, bytes: Array("new".utf8), backup: true,
                                fileSystem: FaultyFileSystem(failing: .link, code: EPERM))
        #expect(Files.bytes(path + ".bak") == Array("old".utf8))
        #expect(Files.bytes(path) == Array("new".utf8))
    }

    @Test func aSymlinkIsFollowedAndKept() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        mkdir(dir.file("real"), 0o700)
        Files.write(dir.file("real/d.json"), "old")
        chmod(dir.file("real/d.json"), 0o640)
        symlink("real/d.json", dir.file("link.json"))
        try DurableFile.replace(path: dir.file("link.json"), bytes: Array("new".utf8))
        #expect(Files.isSymlink(dir.file("link.json")))
        #expect(Files.bytes(dir.file("real/d.json")) == Array("new".utf8))
        #expect(Files.mode(dir.file("real/d.json")) == 0o640)
        #expect(Files.names(dir.file("real")) == ["d.json"], "the temporary file was beside the target, and is gone")
    }

    @Test func aDanglingSymlinksTargetIsCreatedAndTheLinkKept() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        symlink("made.json", dir.file("link.json"))
        try DurableFile.replace(path: dir.file("link.json"), bytes: Array("new".utf8))
        #expect(Files.isSymlink(dir.file("link.json")))
        #expect(Files.bytes(dir.file("made.json")) == Array("new".utf8))
        // A link into a directory that does not exist fails and creates nothing.
        symlink("missing/x.json", dir.file("nowhere.json"))
        #expect(throws: StoreError.self) { try DurableFile.replace(path: dir.file("nowhere.json"), bytes: [1]) }
        #expect(Files.isSymlink(dir.file("nowhere.json")))
    }

    @Test func specialFilesAreRefusedAndLeftAsTheyAre() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let fifo = dir.file("fifo"), device = dir.file("full"), folder = dir.file("folder")
        #expect(mkfifo(fifo, 0o600) == 0)
        mkdir(folder, 0o700)
        var cases = [(fifo, S_IFIFO, "FIFO"), (folder, S_IFDIR, "directory")]
        if mknod(device, S_IFCHR | 0o600, deviceNumber(1, 7)) == 0 {   // root only
            cases.append((device, S_IFCHR, "character device"))
            symlink(device, dir.file("link"))
            cases.append((dir.file("link"), S_IFLNK, "character device"))
        }
        for (path, type, words) in cases {
            do {
                try DurableFile.replace(path: path, bytes: Array("x".utf8), backup: true)
                Issue.record("\(path) was replaced")
            } catch {
                #expect(error.operation == .notRegular)
                #expect(error.description.contains(words), "\(error)")
                #expect(error.description.contains("left as it is"))
            }
            #expect(kind(path) == type)
        }
        #expect(noTemporaryFiles(dir))
    }

    @Test(arguments: [
        (FaultyFileSystem.Step.openTemporary, EROFS), (.write, ENOSPC), (.fsyncFile, EIO), (.chmod, EPERM), (.rename, EIO),
    ])
    func aFailedWriteLeavesTheFileIntactAndSaysWhyInWords(step: FaultyFileSystem.Step, code: Int32) throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("d.json")
        Files.write(path, "old")
        do {
            try DurableFile.replace(path: path, bytes: Array(repeating: 0x41, count: 100_000), backup: true,
                                    fileSystem: FaultyFileSystem(failing: step, code: code))
            Issue.record("the write succeeded")
        } catch {
            #expect(error.code == code)
            #expect(error.description.hasPrefix(path + ": could not "), "\(error)")
            #expect(error.description.contains(error.reason))
            #expect(error.description.hasSuffix("; the file was not changed"), "\(error)")
        }
        #expect(Files.bytes(path) == Array("old".utf8))
        #expect(noTemporaryFiles(dir))
    }

    @Test func theFullDiskMessageReadsAsWords() {
        let error = StoreError(.write, path: "d.json", errno: ENOSPC)
        #expect(error.description == "d.json: could not write: no space left on device; the file was not changed")
    }

    @Test func onlyEINVALFromTheDirectorySyncIsIgnored() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("d.json")
        try DurableFile.replace(path: path, bytes: [1], fileSystem: FaultyFileSystem(failing: .fsyncDirectory, code: EINVAL))
        do {
            try DurableFile.replace(path: path, bytes: [2], fileSystem: FaultyFileSystem(failing: .fsyncDirectory, code: EIO))
            Issue.record("an EIO from the directory sync was ignored")
        } catch {
            #expect(error.operation == .syncDirectory)
            #expect(!error.fileUnchanged)
            #expect(error.description.contains("may not survive a power cut"))
        }
        #expect(Files.bytes(path) == [2], "the rename happened; only its durability is unconfirmed")
    }

    @Test func aProcessKilledWhileWritingLeavesTheOldOrTheNewFile() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("d.json")
        let a = [UInt8](repeating: 0x61, count: 200_000), b = [UInt8](repeating: 0x62, count: 200_000)
        try DurableFile.replace(path: path, bytes: a)
        for round in 0..<15 {
            let pid = fork()
            if pid == 0 {
                var n = 0
                while true {
                    _ = try? DurableFile.replace(path: path, bytes: n % 2 == 0 ? b : a)
                    n += 1
                }
            }
            usleep(UInt32(2_000 + round * 1_500))
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            let now = Files.bytes(path)
            #expect(now == a || now == b, "round \(round): a mix of old and new")
        }
        DurableFile.removeLeftoverTemporaryFiles(of: path)
        #expect(noTemporaryFiles(dir))
    }

    @Test(.enabled(if: Mounts.allowed, Mounts.reason))
    func aRealFullDiskAndARealReadOnlyDiskLeaveTheFileIntact() throws {
        guard let mnt = Mounts.tmpfs(size: "64k") else { return }
        defer { Mounts.unmount(mnt) }
        let path = mnt.file("d.json")
        try DurableFile.replace(path: path, bytes: Array("kept".utf8))
        do {
            try DurableFile.replace(path: path, bytes: [UInt8](repeating: 0x78, count: 200_000))
            Issue.record("wrote 200 kB to a 64 kB disk")
        } catch {
            #expect(error.code == ENOSPC)
        }
        #expect(Files.bytes(path) == Array("kept".utf8))
        #expect(Mounts.remountReadOnly(mnt))
        do {
            try DurableFile.replace(path: path, bytes: [1])
            Issue.record("wrote to a read-only disk")
        } catch {
            #expect(error.code == EROFS)
        }
        #expect(Files.bytes(path) == Array("kept".utf8))
    }

    @Test func aLockSerialisesReadChangeWriteAcrossProcesses() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("counter")
        try DurableFile.replace(path: path, bytes: Array("0".utf8))
        var children: [pid_t] = []
        for _ in 0..<4 {
            let pid = fork()
            if pid == 0 {
                for _ in 0..<25 {
                    guard let lock = try? FileLock.acquire(path + ".lock") else { _exit(1) }
                    let n = Int(String(decoding: Files.bytes(path) ?? [], as: UTF8.self)) ?? -1000
                    _ = try? DurableFile.replace(path: path, bytes: Array(String(n + 1).utf8))
                    lock.release()
                }
                _exit(0)
            }
            children.append(pid)
        }
        for pid in children {
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        #expect(Files.bytes(path) == Array("100".utf8))
    }
}

/// The stars file when it is (or links to) something that is not a regular file.
@Suite struct StarStoreSpecialFileTests {
    static let identity = DirectoryIdentity(title: "Special", eventIDs: ["e1"])

    /// Runs `body` in a child process and returns its exit status, or nil when it was still
    /// running after `seconds` (and was killed): a blocked open must fail the test, not hang it.
    private func inChild(seconds: Int = 30, _ body: () -> Int32) -> Int32? {
        let pid = fork()
        if pid == 0 { _exit(body()) }
        var status: Int32 = 0
        for _ in 0..<(seconds * 20) {
            if waitpid(pid, &status, WNOHANG) == pid { return (status >> 8) & 0xff }
            usleep(50_000)
        }
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        return nil
    }

    @Test func aStateFileLinkedToAFIFOOrADeviceIsRefusedWithoutBlockingOrMoving() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = StarStore(stateDirectory: dir.file("state"), identity: Self.identity)
        try store.save(["s1": true])
        let fifo = dir.file("fifo"), device = dir.file("null")
        #expect(mkfifo(fifo, 0o600) == 0)
        var nodes = [(fifo, S_IFIFO)]
        if mknod(device, S_IFCHR | 0o600, deviceNumber(1, 3)) == 0 { nodes.append((device, S_IFCHR)) }
        for (node, type) in nodes {
            unlink(store.path)
            symlink(node, store.path)
            let load = inChild {
                do throws(StoreError) { _ = try store.load(); return 0 } catch { return error.operation == .notRegular ? 3 : 4 }
            }
            #expect(load == 3, "\(node): load returned \(String(describing: load)) (nil: it blocked)")
            let save = inChild {
                do throws(StoreError) { _ = try store.save(["s2": true]); return 0 } catch { return error.operation == .notRegular ? 3 : 4 }
            }
            #expect(save == 3, "\(node): save returned \(String(describing: save))")
            var st = stat()
            #expect(stat(node, &st) == 0 && st.st_mode & S_IFMT == type, "the node is untouched")
            #expect(Files.isSymlink(store.path))
            #expect(!Files.names(dir.file("state")).contains { $0.contains(".corrupt-") }, "nothing was moved aside")
        }
    }

    @Test func aNewerStateFileSaysNewerAndNeverMentionsSaving() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = StarStore(stateDirectory: dir.file("state"), identity: Self.identity)
        try store.save(["s1": true])
        Files.write(store.path, "{\"format\": \"convene-state/2\", \"stars\": {}}")
        do {
            _ = try store.load()
            Issue.record("a newer file loaded")
        } catch {
            #expect(error.operation == .newerFormat)
            #expect(error.description.contains("convene-state/2"))
            #expect(error.description.contains("read nothing"))
            #expect(!error.description.contains("save"))
        }
    }
}

/// `makedev(3)` for small numbers (a macro Swift cannot import): major in bits 8–19, minor in 0–7.
private func deviceNumber(_ major: UInt64, _ minor: UInt64) -> dev_t { dev_t((major << 8) | minor) }
