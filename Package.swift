// swift-tools-version: 6.2
//
// Outpost: a sales-force-automation server and an offline field-sync protocol.
//
// Dependency direction (see ARCHITECTURE.md):
//   pure libraries   ByteCoding, OutpostModel, MergeEngine, OutpostProtocol (no I/O)
//   infrastructure   CSodium -> SodiumKit, OutpostStore -> OutpostSQLite (GRDB), OutpostPostgres (PostgresNIO)
//   applications     OutpostServer (Hummingbird) -> outpost-server
//                    FieldClient -> outpost
import PackageDescription

/// Settings applied to every target: Swift 6 language mode plus upcoming features
/// that keep existential use and imports explicit.
let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Outpost",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "outpost-server", targets: ["outpost-server"]),
        .executable(name: "outpost", targets: ["outpost"]),
        .library(name: "ByteCoding", targets: ["ByteCoding"]),
        .library(name: "OutpostModel", targets: ["OutpostModel"]),
        .library(name: "MergeEngine", targets: ["MergeEngine"]),
        .library(name: "OutpostProtocol", targets: ["OutpostProtocol"]),
        .library(name: "Configurator", targets: ["Configurator"]),
        .library(name: "Pricing", targets: ["Pricing"]),
        .library(name: "Forecasting", targets: ["Forecasting"]),
        .library(name: "SeededRandom", targets: ["SeededRandom"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-async-algorithms.git", from: "1.1.4"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        // MARK: Pure libraries
        .target(name: "OutpostModel", path: "Sources/OutpostModel"),
        .target(name: "ByteCoding", path: "Sources/ByteCoding"),
        .target(name: "ErrorReporting", path: "Sources/ErrorReporting"),
        .target(name: "MergeEngine", dependencies: ["ByteCoding"], path: "Sources/MergeEngine"),
        .target(name: "Configurator", dependencies: ["ErrorReporting", "OutpostModel"], path: "Sources/Configurator"),
        .target(name: "Pricing", dependencies: ["ErrorReporting", "OutpostModel"], path: "Sources/Pricing"),
        .target(name: "Forecasting", dependencies: ["OutpostModel"], path: "Sources/Forecasting"),
        .target(
            name: "TerminalOutput",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Sources/TerminalOutput"
        ),
        .target(name: "LeadRouting", path: "Sources/LeadRouting"),
        .target(name: "OutpostInterchange", dependencies: ["ErrorReporting", "OutpostModel"], path: "Sources/OutpostInterchange"),
        .target(
            name: "OutpostDemo",
            dependencies: ["OutpostModel", "OutpostStore", "Configurator", "SeededRandom"],
            path: "Sources/OutpostDemo",
            resources: [.copy("Resources")]
        ),
        .target(
            name: "OutpostReplication",
            dependencies: ["ByteCoding", "OutpostModel", "MergeEngine", "StateCoding", "SodiumKit"],
            path: "Sources/OutpostReplication"
        ),
        .target(
            name: "OrderIntake",
            dependencies: ["ErrorReporting", "OutpostModel", "OutpostReplication", "Configurator", "Pricing", "SodiumKit"],
            path: "Sources/OrderIntake"
        ),
        .target(
            name: "HubCore",
            dependencies: ["OutpostModel", "MergeEngine", "OutpostReplication", "OrderIntake", "Pricing"],
            path: "Sources/HubCore",
            // The server specialises the hub over its ledger (ARCHITECTURE.md, the sync server under load).
            swiftSettings: [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]
        ),
        .target(name: "HTMLText", path: "Sources/HTMLText"),
        .target(name: "DocumentContent", dependencies: ["ErrorReporting", "SodiumKit", "OutpostModel", "SeededRandom"],
                path: "Sources/DocumentContent"),
        .target(name: "SeededRandom", path: "Sources/SeededRandom"),
        .target(name: "StateCoding", dependencies: ["ByteCoding", "MergeEngine"], path: "Sources/StateCoding"),
        .target(
            name: "OutpostProtocol",
            dependencies: ["ByteCoding", "ErrorReporting", "StateCoding", "OutpostModel", "MergeEngine"],
            path: "Protocol/OutpostProtocol"
        ),

        // MARK: Infrastructure
        .systemLibrary(
            name: "CSodium",
            path: "Sources/CSodium",
            pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"])]
        ),
        .target(name: "SodiumKit", dependencies: ["CSodium", "ErrorReporting"], path: "Sources/SodiumKit"),
        .target(name: "CKeyring", path: "Sources/CKeyring"),
        .systemLibrary(
            name: "CLZMA",
            path: "Sources/CLZMA",
            pkgConfig: "liblzma",
            providers: [.apt(["liblzma-dev"])]
        ),
        // zstd, measured against LZMA2 by `sync-load compression` (ARCHITECTURE.md, compression).
        .systemLibrary(
            name: "CZstd",
            path: "Sources/CZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"])]
        ),
        .target(name: "OutpostStore", dependencies: ["ErrorReporting", "OutpostModel", "SodiumKit"], path: "Sources/OutpostStore"),
        .target(
            name: "OutpostSQLite",
            dependencies: [
                "OutpostModel", "OutpostStore", "MergeEngine", "OutpostReplication", "StateCoding", "OrderIntake", "Pricing", "SodiumKit",
                "LeadRouting", "HubCore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Sources/OutpostSQLite"
        ),
        .target(
            name: "OutpostPostgres",
            dependencies: [
                "OutpostModel", "OutpostStore", "MergeEngine", "OutpostReplication", "HubCore", "StateCoding", "SodiumKit",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                "OrderIntake", "Pricing",
            ],
            path: "Sources/OutpostPostgres"
        ),

        // MARK: Sealed messages: compression and authenticated encryption around the codec
        .target(
            name: "SyncChannel",
            dependencies: ["ByteCoding", "OutpostProtocol", "MergeEngine", "SodiumKit", "CLZMA"],
            path: "Protocol/SyncChannel"
        ),

        // MARK: Transports (bytes on sockets; they know nothing of what the bytes mean)
        .target(
            name: "SyncListener",
            dependencies: [
                "ByteCoding",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Server/SyncListener"
        ),
        .target(name: "ClientTransport", dependencies: ["ByteCoding"], path: "FieldClient/ClientTransport"),

        // MARK: Server
        .target(
            name: "OutpostServer",
            dependencies: ["HTMLText",
                "ByteCoding", "OutpostModel", "OutpostStore", "OutpostSQLite", "OutpostPostgres", "SodiumKit", "OutpostProtocol",
                "OutpostInterchange", "OutpostDemo", "Configurator", "MergeEngine", "SyncChannel", "SyncListener", "OutpostReplication", "TerminalOutput",
                "Forecasting", "OrderIntake", "HubCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "AsyncAlgorithms", package: "swift-async-algorithms"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                "LeadRouting", "DocumentContent",
            ],
            path: "Server/OutpostServer",
            resources: [.copy("OpenAPI/openapi.json")]
        ),
        .executableTarget(
            name: "outpost-server",
            dependencies: ["OutpostServer"],
            path: "Server/outpost-server"
        ),

        // MARK: Field client
        .target(
            name: "FieldClient",
            dependencies: ["HTMLText", "StateCoding", 
                "ByteCoding", "CKeyring", "CZstd", "ErrorReporting", "OutpostModel", "OutpostProtocol", "SodiumKit", "MergeEngine", "OutpostReplication", "SyncChannel",
                "ClientTransport", "Configurator", "Pricing", "OrderIntake", "Forecasting", "DocumentContent",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "FieldClient/FieldClient"
        ),
        .executableTarget(
            name: "outpost",
            dependencies: [
                "FieldClient", "OutpostReplication", "MergeEngine", "OutpostModel", "OutpostProtocol", "TerminalOutput",
                "OutpostInterchange", "Pricing", "Forecasting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "FieldClient/outpost"
        ),

        // MARK: Benchmarks (scripts/bench-instances.sh)
        .executableTarget(
            name: "outpost-sync-bench",
            dependencies: ["FieldClient", "MergeEngine", "OutpostModel", "OutpostReplication"],
            path: "Benchmarks/SyncInstances"
        ),
        // The sync load generator (Benchmarks/README.md): in-process devices against a real `outpost-server serve`.
        .executableTarget(
            name: "sync-load",
            dependencies: [
                "ClientTransport", "MergeEngine", "OutpostModel", "OutpostProtocol", "OutpostReplication", "SodiumKit", "SyncChannel",
                "CZstd", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/sync-load"
        ),

        // MARK: Tests
        .testTarget(
            name: "OutpostModelTests",
            dependencies: ["OutpostModel", .product(name: "PropertyBased", package: "swift-property-based")],
            path: "Tests/OutpostModelTests"
        ),
        .testTarget(
            name: "ByteCodingTests",
            dependencies: ["ByteCoding", .product(name: "PropertyBased", package: "swift-property-based")],
            path: "Tests/ByteCodingTests"
        ),
        .testTarget(
            name: "MergeEngineTests",
            dependencies: ["StateCoding", 
                "SeededRandom", "MergeEngine", "HubCore", "HubTestSupport", "OutpostModel", "OutpostReplication", "OutpostStore",
                "OutpostSQLite", "OutpostProtocol", "StoreTestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            path: "Tests/MergeEngineTests"
        ),
        .testTarget(
            name: "OutpostProtocolTests",
            dependencies: ["StateCoding", "SpecText", "SeededRandom", "ByteCoding", "OutpostProtocol", .product(name: "PropertyBased", package: "swift-property-based")],
            path: "Tests/OutpostProtocolTests"
        ),
        .testTarget(
            name: "OutpostReplicationTests",
            dependencies: ["SeededRandom",
                "OutpostReplication", "OutpostModel", "MergeEngine", "SodiumKit",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            path: "Tests/OutpostReplicationTests"
        ),
        .target(
            name: "HubTestSupport",
            dependencies: ["HubCore", "MergeEngine", "OutpostModel", "OutpostReplication", "OrderIntake"],
            path: "Tests/HubTestSupport"
        ),
        .target(name: "SpecText", path: "Tests/SpecText"),
        .target(
            name: "StoreTestSupport",
            dependencies: [
                "OutpostStore", "OutpostSQLite", "OutpostPostgres", "HubCore", "OutpostModel",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/StoreTestSupport"
        ),
        .target(
            name: "TestSupport",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "TransportTests",
            dependencies: ["SeededRandom", "ByteCoding", "SyncListener", "ClientTransport", "TestSupport"],
            path: "Tests/TransportTests"
        ),
        .testTarget(
            name: "SyncChannelTests",
            dependencies: ["SpecText", "ByteCoding",
                "SyncChannel", "CLZMA", "OutpostProtocol", "MergeEngine", "SodiumKit",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            path: "Tests/SyncChannelTests"
        ),
        .testTarget(
            name: "SyncEndToEndTests",
            dependencies: ["StateCoding", "SeededRandom", "ByteCoding",
                "OutpostServer", "FieldClient", "OutpostSQLite", "OutpostStore", "OutpostModel", "OutpostReplication",
                "MergeEngine", "OutpostProtocol", "SyncListener", "ClientTransport", "TestSupport", "SodiumKit", "Pricing",
                "OrderIntake", "Forecasting", "HubCore", "StoreTestSupport", "OutpostPostgres", "OutpostDemo",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            path: "Tests/SyncEndToEndTests"
        ),
        .testTarget(
            name: "ForecastingTests",
            dependencies: ["SeededRandom", "Forecasting", "OutpostModel", .product(name: "PropertyBased", package: "swift-property-based")],
            path: "Tests/ForecastingTests"
        ),
        .testTarget(
            name: "ConfiguratorTests",
            dependencies: ["SeededRandom", "Configurator", "OutpostDemo", .product(name: "PropertyBased", package: "swift-property-based")],
            path: "Tests/ConfiguratorTests",
            resources: [.copy("Models")]
        ),
        .testTarget(
            name: "DocumentContentTests",
            dependencies: ["DocumentContent", "SeededRandom", .product(name: "PropertyBased", package: "swift-property-based")],
            path: "Tests/DocumentContentTests"
        ),
        .testTarget(
            name: "PricingTests",
            dependencies: ["Pricing", "OutpostModel", .product(name: "PropertyBased", package: "swift-property-based")],
            path: "Tests/PricingTests"
        ),
        .testTarget(
            name: "OrderIntakeTests",
            dependencies: ["OrderIntake", "OutpostModel", "Pricing", .product(name: "PropertyBased", package: "swift-property-based")],
            path: "Tests/OrderIntakeTests"
        ),
        .testTarget(
            name: "OutpostInterchangeTests",
            dependencies: ["SeededRandom", "OutpostInterchange", "OutpostModel"],
            path: "Tests/OutpostInterchangeTests"
        ),
        .testTarget(
            name: "OutpostDemoTests",
            dependencies: ["OutpostDemo", "OutpostModel", "OutpostStore"],
            path: "Tests/OutpostDemoTests"
        ),
        .testTarget(
            name: "LeadRoutingTests",
            dependencies: ["LeadRouting", .product(name: "PropertyBased", package: "swift-property-based")],
            path: "Tests/LeadRoutingTests"
        ),
        .testTarget(
            name: "SodiumKitTests",
            dependencies: ["SodiumKit"],
            path: "Tests/SodiumKitTests"
        ),
        .testTarget(
            name: "OutpostStoreTests",
            dependencies: [
                "OutpostModel", "OutpostStore", "OutpostSQLite", "OutpostPostgres", "OutpostReplication", "MergeEngine", "SodiumKit",
                "HubCore", "StateCoding", "StoreTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Tests/OutpostStoreTests"
        ),
        .testTarget(
            name: "OutpostServerTests",
            dependencies: [
                "OutpostServer", "OutpostModel", "OutpostStore", "OutpostSQLite", "OutpostPostgres", "SyncListener",
                "OutpostInterchange", "SodiumKit", "HubCore", "StoreTestSupport", "OutpostReplication",
                "HubTestSupport", "MergeEngine", "OutpostProtocol", "SyncChannel",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Tests/OutpostServerTests"
        ),
        .testTarget(
            name: "TerminalOutputTests",
            dependencies: ["TerminalOutput"],
            path: "Tests/TerminalOutputTests"
        ),
    ]
)

// (CKeyring is C: Swift settings do not apply to it.)
for target in package.targets where target.type != .system && target.name != "CKeyring" {
    target.swiftSettings = (target.swiftSettings ?? []) + strictSettings
}
