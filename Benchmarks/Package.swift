// swift-tools-version:6.0
// Convene's benchmark suite, kept out of the main package so that CI and the
// app's build never compile it.
//
// It depends on the main package (`..`) and uses its library products, so it
// always measures the modules of the working tree, compiled from the same target
// definitions as the app. Build in release: `swift build -c release`
// (scripts/bench does).
import PackageDescription

let package = Package(
    name: "ConveneBenchmarks",
    dependencies: [
        // Named, so that the products below find it whatever the checkout's directory is called
        // (a path dependency's identity is otherwise its directory name).
        .package(name: "Convene", path: ".."),
    ],
    targets: [
        // Prints one table: load to summary, search per keystroke, filter and summary recompute,
        // a rendered frame and a scrolling step.
        .executableTarget(name: "ConveneBench",
                          dependencies: ["ConveneModel", "ConveneSample", "ConveneText", "ConveneScreen", "ConveneApp", "ConveneRemote"]
                              .map { .product(name: $0, package: "Convene") }),
    ]
)
