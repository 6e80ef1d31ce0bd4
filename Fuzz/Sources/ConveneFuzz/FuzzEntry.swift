import ConveneFuzzCore
import Foundation

/// The libFuzzer entry point: one input, as raw bytes, through ``FuzzHarness``.
///
/// libFuzzer provides `main`; this target is compiled with `-parse-as-library`
/// so that Swift does not generate one too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzHarness.run(bytes)
    return 0
}

/// The entry point SwiftPM asks for when it builds this executable for `swift test`.
///
/// `swift build --build-tests` links every executable as testable, with `main`
/// defined as `ConveneFuzz_main`; without libFuzzer nothing else provides it.
/// It replays the files named on the command line, which is also handy for
/// checking a crash without the sanitizers. The fuzzer build never calls it.
@_cdecl("ConveneFuzz_main")
public func replayMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    for path in CommandLine.arguments.dropFirst() {
        guard let data = FileManager.default.contents(atPath: path) else {
            print("cannot read \(path)")
            return 1
        }
        print("\(path): \(FuzzHarness.run(Array(data)) ? "loaded" : "rejected")")
    }
    return 0
}
