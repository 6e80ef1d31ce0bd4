// swift-tools-version:6.0
// The fuzz target for Convene, kept out of the main package so that its
// sanitizer flags never touch the main build or CI.
//
// The main package exports only the `convene` executable, and a package can use
// another package's products only, not its targets. So this package compiles the
// pure library targets itself from the same sources: `Modules/<Target>` are
// symbolic links to `../Sources/<Target>`. Nothing is copied, so the fuzzer always
// runs the code in the working tree. None of these targets touches ncurses.
import PackageDescription

let package = Package(
    name: "ConveneFuzz",
    targets: [
        .target(name: "ConveneText", path: "Modules/ConveneText"),
        .target(name: "ConveneModel", dependencies: ["ConveneText"], path: "Modules/ConveneModel"),
        .target(name: "ConveneSample", path: "Modules/ConveneSample"),
        .target(name: "ConveneReports", dependencies: ["ConveneModel", "ConveneText"], path: "Modules/ConveneReports"),
        .target(name: "ConveneScreen", dependencies: ["ConveneText"], path: "Modules/ConveneScreen"),
        .target(name: "ConveneApp", dependencies: ["ConveneModel", "ConveneScreen", "ConveneText"],
                path: "Modules/ConveneApp"),
        // What one input goes through, and the invariants checked on it; shared by the fuzzer and the replay tests.
        .target(
            name: "ConveneFuzzCore",
            dependencies: ["ConveneModel", "ConveneReports", "ConveneScreen", "ConveneApp", "ConveneText", "ConveneSample"]
        ),
        // libFuzzer supplies `main`, so the entry point is a plain function (`-parse-as-library`).
        .executableTarget(
            name: "ConveneFuzz",
            dependencies: ["ConveneFuzzCore"],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        // Replays every file in corpus/ and crashes/ without libFuzzer: `swift test` in this directory.
        .testTarget(name: "ConveneFuzzTests", dependencies: ["ConveneFuzzCore"]),
    ]
)
