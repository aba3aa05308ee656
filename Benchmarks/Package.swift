// swift-tools-version: 6.2
//
// Benchmarks for the Outpost MergeEngine and Configurator, kept in their own package so
// the main package does not depend on ordo-one/benchmark. See README.md for how to run.
import PackageDescription

let package = Package(
    name: "OutpostBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Workloads shared by both runners: MergeEngine and the naive full-vector-clock baseline.
        .target(
            name: "MergeWorkloads",
            dependencies: [.product(name: "MergeEngine", package: "main"), .product(name: "ByteCoding", package: "main")],
            path: "Sources/MergeWorkloads",
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        // ordo-one/benchmark suite: `swift package benchmark` (see README.md).
        .executableTarget(
            name: "MergeBenchmarks",
            dependencies: [
                "MergeWorkloads",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/MergeBenchmarks",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Plain executable printing side-by-side ratios: `swift run -c release merge-ratios`.
        .executableTarget(
            name: "merge-ratios",
            dependencies: ["MergeWorkloads"],
            path: "Sources/merge-ratios",
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        // The Configurator's sources, compiled here under another module name: the main
        // package exports no Configurator library product, and a package graph may not hold
        // two targets of the same name. `Sources/BenchmarkedConfigurator` links to
        // `../../Sources/Configurator`.
        .target(
            name: "BenchmarkedConfigurator",
            dependencies: [.product(name: "OutpostModel", package: "main")],
            path: "Sources/BenchmarkedConfigurator",
            swiftSettings: [
                .swiftLanguageMode(.v6),
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("MemberImportVisibility"),
            ]
        ),
        // Milliseconds per configurator choice on the shared models:
        // `swift run -c release configurator-timing`.
        .executableTarget(
            name: "configurator-timing",
            dependencies: ["BenchmarkedConfigurator", .product(name: "SeededRandom", package: "main")],
            path: "Sources/configurator-timing",
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)
