import Foundation
import Testing

/// Standard output that fails, closes or pushes back: nothing is lost silently.
///
/// Each case runs the built binary with a standard output that a file cannot
/// give: /dev/full (ENOSPC), no descriptor 1 (EBADF), a non-blocking pipe
/// (EAGAIN) and a pipe whose reader leaves (SIGPIPE).
@Suite struct StdoutWriteErrorTests {
    /// A generated directory of `delegates` delegates, large enough that its JSON
    /// listing (about 2 MB at 10,000) overflows any pipe buffer.
    private func bigDirectory(_ scratch: TemporaryDirectory, delegates: Int = 10_000) throws -> String {
        let path = scratch.file("big.json").path
        let run = try Convene.run(["generate", "--delegates", "\(delegates)", "-o", path])
        try #require(run.status == 0, "generate failed: \(run.err)")
        return path
    }

    @Test(arguments: [["delegates"], ["summary"], ["agenda", "--format", "ics"], ["events", "--format", "csv"],
                      ["--help"], ["--generate-completion-script", "bash"]])
    func aFullDeviceEndsInAMessageAndExit74(arguments: [String]) throws {
        let child = try ChildProcess.start(arguments, stdout: .open("/dev/full", flags: O_WRONLY))
        let (status, err) = try child.wait()
        #expect(status == 74, "stderr: \(err)")
        #expect(err == "convene: cannot write to standard output: no space left on device\n")
    }

    @Test func aClosedStdoutEndsInAMessageAndANonZeroExit() throws {
        let child = try ChildProcess.start(["summary"], stdout: .closed)
        let (status, err) = try child.wait()
        #expect(status == 74, "stderr: \(err)")
        #expect(err.hasPrefix("convene: cannot write to standard output: "), "stderr: \(err)")
    }

    /// The data file must not land on descriptor 1 when stdout is closed, or the
    /// listing would be "written" into it (or fail with a misleading reason).
    @Test func aClosedStdoutDoesNotWriteIntoTheDataFile() throws {
        let scratch = try TemporaryDirectory()
        let data = try bigDirectory(scratch, delegates: 50)
        let before = try Data(contentsOf: URL(fileURLWithPath: data))
        let child = try ChildProcess.start(["delegates", "--data", data], stdout: .closed)
        let (status, err) = try child.wait()
        #expect(status == 74, "stderr: \(err)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: data)) == before)
    }

    /// A non-blocking pipe says EAGAIN whenever it is full: the writer waits for
    /// room instead of dropping the rest (the bug delivered 65,536 bytes and exit 0).
    @Test func aNonBlockingPipeWithASlowReaderGetsEveryByte() throws {
        let scratch = try TemporaryDirectory()
        let data = try bigDirectory(scratch)
        let arguments = ["delegates", "--data", data, "--format", "json"]
        let toFile = try Convene.run(arguments)
        try #require(toFile.status == 0)
        #expect(toFile.stdout.count > 1_000_000)

        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        let (readEnd, writeEnd) = (ends[0], ends[1])
        defer { close(readEnd) }
        // O_NONBLOCK lives on the open file description, so the child's stdout shares it.
        _ = fcntl(writeEnd, F_SETFL, fcntl(writeEnd, F_GETFL) | O_NONBLOCK)
        let child = try ChildProcess.start(arguments, stdout: .descriptor(writeEnd))
        close(writeEnd)

        var received = Data()
        var chunk = [UInt8](repeating: 0, count: 16_384)
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            var poller = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 1_000) > 0 else { continue }
            let n = read(readEnd, &chunk, chunk.count)
            if n == 0 { break }
            if n < 0 { if errno == EINTR { continue }; Issue.record("read failed: \(errno)"); break }
            received.append(contentsOf: chunk[0..<n])
            usleep(1_000)   // a slow reader: the pipe fills and the writer meets EAGAIN
        }
        let (status, err) = try child.wait()
        #expect(status == 0, "stderr: \(err)")
        #expect(err.isEmpty, "stderr: \(err)")
        #expect(received.count == toFile.stdout.count)
        // A Bool, not `received == toFile.stdout`: Swift Testing would diff two megabytes byte by byte.
        let identical = received == toFile.stdout
        #expect(identical, "the bytes through the pipe differ from the bytes written to a file")
    }

    /// One-shot commands end with `exit` while their model is still held (``KeptUntilExit``, issue 17):
    /// the output must still arrive whole through a pipe read slowly, with the command's own status
    /// (0 for a listing, 1 for `diff` when something changed), whatever the speed of the reader.
    @Test(arguments: [(["delegates", "--format", "json"], Int32(0)), (["summary", "--format", "json"], Int32(0)),
                      (["diff"], Int32(1))])
    func aSlowlyReadPipeGetsTheWholeOutputAndTheStatus(command: [String], expected: Int32) throws {
        let scratch = try TemporaryDirectory()
        let data = try bigDirectory(scratch)
        let arguments: [String]
        if command == ["diff"] {
            let later = scratch.file("later.json").path
            let run = try Convene.run(["generate", "--delegates", "10000", "--seed", "2", "-o", later])
            try #require(run.status == 0, "generate failed: \(run.err)")
            arguments = ["diff", data, later, "--format", "csv"]
        } else {
            arguments = command + ["--data", data]
        }
        let toFile = try Convene.run(arguments)
        try #require(toFile.status == expected, "stderr: \(toFile.err)")
        try #require(!toFile.stdout.isEmpty)

        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        let (readEnd, writeEnd) = (ends[0], ends[1])
        defer { close(readEnd) }
        let child = try ChildProcess.start(arguments, stdout: .descriptor(writeEnd))
        close(writeEnd)
        var received = Data()
        var chunk = [UInt8](repeating: 0, count: 4_096)
        usleep(200_000)   // the reader is late: the writer may already be done and on its way out
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            let n = read(readEnd, &chunk, chunk.count)
            if n == 0 { break }
            if n < 0 { if errno == EINTR { continue }; Issue.record("read failed: \(errno)"); break }
            received.append(contentsOf: chunk[0..<n])
            usleep(500)   // and slow: the pipe stays full while the writer waits
        }
        let (status, err) = try child.wait()
        #expect(status == expected, "stderr: \(err)")
        #expect(err.isEmpty, "stderr: \(err)")
        #expect(received.count == toFile.stdout.count)
        let identical = received == toFile.stdout
        #expect(identical, "the bytes through the pipe differ from the bytes written to a file")
    }

    /// A parent that ignores SIGPIPE gets EPIPE instead of the signal: that is a
    /// write error like any other, said on stderr with exit 74, not a silent 0.
    @Test func withSigpipeIgnoredAReaderThatLeavesIsAWriteError() throws {
        let (status, err) = try readerLeavesAfterOneByte(ignoringSIGPIPE: true)
        #expect(status == 74, "stderr: \(err)")
        #expect(err == "convene: cannot write to standard output: broken pipe\n")
    }

    /// `convene … | head -c1`: the reader leaves early; SIGPIPE ends convene quietly,
    /// as it does any Unix filter (141 = 128 + SIGPIPE), with nothing on stderr.
    @Test func aReaderThatLeavesEndsTheRunQuietlyBySigpipe() throws {
        let (status, err) = try readerLeavesAfterOneByte(ignoringSIGPIPE: false)
        #expect(status == 128 + SIGPIPE)
        #expect(err.isEmpty, "stderr: \(err)")
    }

    /// Runs a large `delegates --format json` into a pipe whose reader takes one byte and
    /// leaves; returns convene's exit status and stderr.
    private func readerLeavesAfterOneByte(ignoringSIGPIPE: Bool) throws -> (Int32, String) {
        let scratch = try TemporaryDirectory()
        let data = try bigDirectory(scratch)
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        let (readEnd, writeEnd) = (ends[0], ends[1])
        let child = try ChildProcess.start(["delegates", "--data", data, "--format", "json"],
                                           stdout: .descriptor(writeEnd), ignoringSIGPIPE: ignoringSIGPIPE)
        close(writeEnd)
        var byte: UInt8 = 0
        #expect(read(readEnd, &byte, 1) == 1)
        close(readEnd)
        return try child.wait()
    }
}
