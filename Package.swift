// swift-tools-version:6.0
// Swift 6 language mode: strict concurrency checking is on for every target.
import PackageDescription

let package = Package(
    name: "Convene",
    products: [
        .executable(name: "convene", targets: ["convene"]),
        // The pure libraries, for the packages beside this one: Fuzz/ and Benchmarks/ depend on
        // them with `.package(path: "..")` and so compile exactly these targets, never a copy.
        .library(name: "ConveneText", targets: ["ConveneText"]),
        .library(name: "ConveneModel", targets: ["ConveneModel"]),
        .library(name: "ConveneSample", targets: ["ConveneSample"]),
        .library(name: "ConveneReports", targets: ["ConveneReports"]),
        .library(name: "ConveneScreen", targets: ["ConveneScreen"]),
        .library(name: "ConveneApp", targets: ["ConveneApp"]),
        .library(name: "ConveneRemote", targets: ["ConveneRemote"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Pure text handling: display width, sanitising, search folding. Foundation only for search folding.
        .target(name: "ConveneText"),
        // The event model: JSON parsing, decoding, validation, queries and counts. Foundation only.
        // Foundation only, plus libxml2's SAX2 interface (CLibXML2) for schedule.xml.
        // CLinuxSched: four glibc declarations, to read a large schedule.xml's two parts on two CPUs.
        .target(name: "ConveneModel", dependencies: ["ConveneText", "CLibXML2", "CLinuxSched"]),
        // The bundled sample directory, compiled into the binary.
        .target(name: "ConveneSample"),
        // Plain output for scripts: table, JSON, CSV; iCalendar and schedule.json.
        .target(name: "ConveneReports", dependencies: ["ConveneModel", "ConveneText"]),
        // The one durable write (DurableFile, FileLock) and the stars state file. Glibc only, no Foundation.
        .target(name: "ConveneStore", dependencies: ["ConveneModel"]),
        // A schedule from an http(s) URL: libcurl's easy interface, opened with dlopen on the first
        // fetch (CLibCurl declares it, links nothing), and the cache, written through ConveneStore.
        .target(name: "ConveneRemote", dependencies: ["ConveneStore", "CLibCurl"]),
        // A pure in-memory screen grid and widgets. Knows nothing of events or of ncurses.
        .target(name: "ConveneScreen", dependencies: ["ConveneText"]),
        // App state, named actions, reducer and views: joins the model to the screen.
        .target(name: "ConveneApp", dependencies: ["ConveneModel", "ConveneScreen", "ConveneText"]),
        // libxml2 (the library FoundationXML wraps), read through its SAX2 interface: a third of
        // XMLParser's cost on a congress schedule. Its headers are under /usr/include/libxml2, which
        // only libxml-2.0.pc names; that file carries no -D flags, so pkgConfig is safe here.
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        // sched_getcpu, sched_get/setaffinity, pthread_attr_setaffinity_np: in glibc, declared only under _GNU_SOURCE.
        .systemLibrary(name: "CLinuxSched", path: "Sources/CLinuxSched"),
        // The few libcurl declarations ConveneRemote calls through dlsym: no header package, no link.
        .systemLibrary(name: "CLibCurl", path: "Sources/CLibCurl"),
        // The only code that touches ncurses.
        .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW"),
        .target(name: "ConveneTerminal", dependencies: ["ConveneScreen", "CNCursesW"]),
        // The executable: command-line parsing and wiring.
        .executableTarget(
            name: "convene",
            dependencies: [
                "ConveneText", "ConveneModel", "ConveneSample", "ConveneReports", "ConveneScreen", "ConveneApp", "ConveneTerminal",
                "ConveneStore", "ConveneRemote",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What the test targets share: fixture paths, the loaded sample, a strict CSV reader, the
        // seeded generator. A regular target that only test targets depend on (no XCTest/Testing in it).
        .target(name: "ConveneTestSupport", dependencies: ["ConveneModel", "ConveneSample"],
                path: "Tests/ConveneTestSupport"),
        .testTarget(name: "ConveneTextTests", dependencies: ["ConveneText"]),
        .testTarget(name: "ConveneModelTests", dependencies: ["ConveneModel", "ConveneSample", "ConveneTestSupport"]),
        .testTarget(name: "ConveneReportsTests",
                    dependencies: ["ConveneReports", "ConveneModel", "ConveneSample", "ConveneTestSupport"]),
        .testTarget(name: "ConveneScreenTests", dependencies: ["ConveneScreen"]),
        .testTarget(name: "ConveneRemoteTests", dependencies: ["ConveneRemote", "ConveneStore"]),
        .testTarget(name: "ConveneStoreTests", dependencies: ["ConveneStore", "ConveneModel", "ConveneSample"]),
        // Snapshot files are read from the source tree (#filePath), so they are not resources.
        .testTarget(name: "ConveneAppTests",
                    dependencies: ["ConveneApp", "ConveneModel", "ConveneSample", "ConveneScreen", "ConveneTestSupport"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "ConveneCLITests", dependencies: ["convene", "ConveneTestSupport"]),
    ]
)
