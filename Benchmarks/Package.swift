// swift-tools-version:6.0
// Convene's benchmark suite, kept out of the main package so that CI and the
// app's build never compile it.
//
// The main package exports only the `convene` executable, and a package can use
// another package's products only, not its targets, so a path dependency cannot
// reach ConveneModel. Like Fuzz/, this package compiles the library targets it
// measures from the same sources: `Modules/<Target>` are symbolic links to
// `../Sources/<Target>`. Nothing is copied; the benchmark always measures the
// working tree. Build in release: `swift build -c release` (scripts/bench does).
import PackageDescription

let package = Package(
    name: "ConveneBenchmarks",
    targets: [
        .target(name: "ConveneText", path: "Modules/ConveneText"),
        .target(name: "ConveneModel", dependencies: ["ConveneText"], path: "Modules/ConveneModel"),
        .target(name: "ConveneSample", path: "Modules/ConveneSample"),
        .target(name: "ConveneScreen", dependencies: ["ConveneText"], path: "Modules/ConveneScreen"),
        .target(name: "ConveneReports", dependencies: ["ConveneModel", "ConveneText"], path: "Modules/ConveneReports"),
        .target(name: "ConveneApp", dependencies: ["ConveneModel", "ConveneReports", "ConveneScreen", "ConveneText"],
                path: "Modules/ConveneApp"),
        // Prints one table: load to summary, search per keystroke, filter and summary recompute,
        // a rendered frame and a scrolling step.
        .executableTarget(name: "ConveneBench",
                          dependencies: ["ConveneModel", "ConveneSample", "ConveneText", "ConveneScreen", "ConveneApp"]),
    ]
)
