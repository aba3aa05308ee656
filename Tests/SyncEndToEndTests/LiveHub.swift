import FieldClient
import Foundation
import Hummingbird
import Logging
import OutpostModel
import OutpostProtocol
import OutpostSQLite
import OutpostServer
import OutpostStore
import SyncListener
import TestSupport

/// A real server for end-to-end tests: a SQLite file in a temporary folder holding
/// ``TestCompany``, the sync service on a native TCP port and the HTTP app (enrolment
/// and HTTP sync) on another, both on free loopback ports.
final class LiveHub: Sendable {
    let folder: URL
    let store: SQLiteStore
    let company: TestCompany
    let httpPort: Int
    let listener: NativeSyncListener
    private let app: Task<Void, any Error>

    /// The bearer token of the hub's `GET /orders/feed`.
    static let feedToken = "e2e-feed-token"

    var serverURL: String { "http://127.0.0.1:\(httpPort)" }
    var tcpEndpoint: String { "tcp://127.0.0.1:\(listener.port)" }
    var httpEndpoint: String { "http://127.0.0.1:\(httpPort)/sync" }

    private init(folder: URL, store: SQLiteStore, company: TestCompany, httpPort: Int, listener: NativeSyncListener,
                 app: Task<Void, any Error>) {
        self.folder = folder
        self.store = store
        self.company = company
        self.httpPort = httpPort
        self.listener = listener
        self.app = app
    }

    /// Starts a hub; `batchSize` is the number of records per response frame.
    static func start(batchSize: Int = 1000, limits: SyncLimits = SyncLimits(burst: 1000),
                      feedToken: String = LiveHub.feedToken) async throws -> LiveHub {
        let seeded = try await CompanyDatabase("outpost-e2e")
        let (folder, database, store, company) = (seeded.folder, seeded.path, seeded.store, seeded.company)
        var logger = Logger(label: "e2e-hub")
        logger.logLevel = .critical
        let (service, listener) = try await SyncService.listen(store: store, host: "127.0.0.1", port: 0, batchSize: batchSize,
                                                                     limits: limits, logger: logger,
                                                                     documents: .sqlite(store, path: database))
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let application = buildApplication(store: store,
                                           configuration: ServerConfiguration(host: "127.0.0.1", port: 0, feedToken: feedToken),
                                           sync: service, logger: logger, onListening: { portSink.yield($0) })
        let app = Task { try await application.runService() }
        var iterator = ports.makeAsyncIterator()
        guard let httpPort = await iterator.next() else { throw ReplicaError(.transport, "the HTTP app did not start") }
        return LiveHub(folder: folder, store: store, company: company, httpPort: httpPort, listener: listener, app: app)
    }

    /// Runs `body` with a started hub, then stops it, whether `body` returns or throws.
    static func with(batchSize: Int = 1000, limits: SyncLimits = SyncLimits(burst: 1000),
                     _ body: (LiveHub) async throws -> Void) async throws {
        let hub = try await start(batchSize: batchSize, limits: limits)
        do { try await body(hub) } catch {
            await hub.stop()
            throw error
        }
        await hub.stop()
    }

    /// Runs `body` with a started hub and its ``TestCompany``, then stops it, whether `body` returns or throws.
    static func with(batchSize: Int = 1000, limits: SyncLimits = SyncLimits(burst: 1000),
                     _ body: (LiveHub, TestCompany) async throws -> Void) async throws {
        try await with(batchSize: batchSize, limits: limits) { hub in try await body(hub, hub.company) }
    }

    /// Stops both listeners and removes the folder.
    func stop() async {
        app.cancel()
        _ = await app.result
        await listener.shutdown()
        try? FileManager.default.removeItem(at: folder)
    }

    /// A one-time enrolment code for `user`.
    func code(for user: User) async throws -> String {
        try await store.enrolmentCode(for: user)
    }

    /// The passphrase test devices encrypt their replicas with.
    static let passphraseText = "correct horse battery staple"
    /// ``passphraseText`` as the replica's secret.
    static let passphrase = ReplicaSecret.passphrase(text: passphraseText)

    /// Enrols a device of `user` with its own replica folder (encrypted under
    /// ``passphrase``), over real sockets.
    func enrol(_ user: User, name: String? = nil, secret: ReplicaSecret = LiveHub.passphrase) async throws -> Replica {
        let code = try await code(for: user)
        let folder = folder.appendingPathComponent("device-\(name ?? user.name)-\(UUID().uuidString.prefix(8))")
        let url = serverURL
        return try await blocking { Result { () throws(ReplicaError) in
            try Enrolment.enrol(folder: folder, serverURL: url, code: code, label: user.name, secret: secret).replica
        } }.get()
    }
}

extension LiveHub {
    /// Enrols a device of `user` (see ``enrol(_:name:secret:)``) and bootstraps its replica.
    func bootstrapped(_ user: User, name: String? = nil) async throws -> Replica {
        let replica = try await enrol(user, name: name)
        _ = try await sync(replica)
        return replica
    }
}

/// Syncs `replica` over real sockets, off the cooperative pool.
func sync(_ replica: Replica, endpoint: String? = nil, retries: Int = 3,
          writesPerRequest: Int = SyncRequest.maximumWrites) async throws -> SyncReport {
    var client = SyncClient(replica: replica)
    client.retries = retries
    client.writesPerRequest = writesPerRequest
    client.timeout = .seconds(60)
    let chosen = client
    return try await blocking { Result { () throws(ReplicaError) in try chosen.sync(endpoint: endpoint) } }.get()
}

/// Runs a throwing blocking call off the cooperative pool.
enum TestSupportBlocking {
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws(ReplicaError) -> T) async throws -> T {
        try await blocking { Result { () throws(ReplicaError) in try body() } }.get()
    }
}
