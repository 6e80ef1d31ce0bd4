// swift-tools-version:6.0
// The fuzz target for Convene, kept out of the main package so that its
// sanitizer flags never touch the main build or CI.
//
// It depends on the main package (`..`) and uses its library products, so the
// fuzzer always runs the modules of the working tree, compiled from the same
// target definitions as the app. The sanitizer flags of `scripts/fuzz`
// (`-sanitize=fuzzer,address`) apply to every Swift module of the build,
// the dependency's included, so libFuzzer's coverage reaches ConveneModel and the
// rest. None of these modules touches ncurses.
import PackageDescription

let package = Package(
    name: "ConveneFuzz",
    dependencies: [
        // Named, so that the products below find it whatever the checkout's directory is called
        // (a path dependency's identity is otherwise its directory name).
        .package(name: "Convene", path: ".."),
    ],
    targets: [
        // What one input goes through, and the invariants checked on it; shared by the fuzzer and the replay tests.
        .target(
            name: "ConveneFuzzCore",
            dependencies: ["ConveneModel", "ConveneReports", "ConveneScreen", "ConveneApp", "ConveneText", "ConveneSample"]
                .map { .product(name: $0, package: "Convene") }
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
