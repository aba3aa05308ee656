import FieldClient
import Foundation
import OutpostModel
import OutpostServer
import OutpostSQLite
import OutpostStore
import Synchronization
import TestSupport

/// A hub run as the real `outpost-server serve` binary (``ServerProcess``) on a
/// database holding ``TestCompany`` and the order desk's catalog and user: for the
/// tests where the server process itself matters (restarts, flags, `/metrics`).
/// Its API token (``token``) opens the order feed, the forecast and `POST /leads`.
final class ProcessHub: Sendable {
    /// The bearer token of the feed, the forecast and web-to-lead.
    static let token = "e2e-api-token-0123456789"

    let folder: URL
    let company: TestCompany
    let shop: OrderDesk
    let serveArguments: [String]
    private let current: ServerProcessBox

    var database: String { folder.appendingPathComponent("hq.sqlite").path }
    var server: ServerProcess { current.process }

    private init(folder: URL, serveArguments: [String], server: ServerProcess, company: TestCompany, shop: OrderDesk) {
        self.folder = folder
        self.company = company
        self.serveArguments = serveArguments
        self.shop = shop
        current = ServerProcessBox(server)
    }

    /// Makes the database, lets `prepare` add to it (rules, webhooks…), then starts
    /// `serve` with `serveArguments` on top of the usual ones.
    static func start(serveArguments: [String] = [], prepare: (_ database: String, TestCompany) async throws -> Void = { _, _ in })
        async throws -> ProcessHub {
        let seeded = try await CompanyDatabase("outpost-hub")
        let (folder, database, store, company) = (seeded.folder, seeded.path, seeded.store, seeded.company)
        let shop = try await OrderDesk.installed(on: store, company: company)
        try await prepare(database, company)
        let tokenFile = folder.appendingPathComponent("api.token")
        try token.write(to: tokenFile, atomically: true, encoding: .utf8)
        let arguments = ["--sync-burst", "100000", "--lead-token-file", tokenFile.path, "--feed-token-file", tokenFile.path] + serveArguments
        let server = try await ServerProcess.start(database: database, extraArguments: arguments)
        let hub = ProcessHub(folder: folder, serveArguments: arguments, server: server, company: company, shop: shop)
        return hub
    }

    /// The store, opened beside the running server (SQLite in WAL mode shares it).
    func store() throws -> SQLiteStore { try SQLiteStore(path: database) }

    /// Kills the server (SIGKILL) and starts it again on the same database.
    func restart() async throws {
        server.kill()
        current.process = try await ServerProcess.start(database: database, extraArguments: serveArguments)
    }

    /// Enrols a device of `user` through the running server and bootstraps it over TCP.
    func device(_ user: User) async throws -> Replica {
        let code = try await store().enrolmentCode(for: user)
        let folder = folder.appendingPathComponent("device-\(user.name)-\(UUID().uuidString.prefix(8))")
        let url = server.serverURL
        let replica = try await blocking { Result { () throws(ReplicaError) in
            try Enrolment.enrol(folder: folder, serverURL: url, code: code, label: user.name, secret: LiveHub.passphrase).replica
        } }.get()
        _ = try await SyncEndToEndTests.sync(replica, endpoint: server.tcpEndpoint)
        return replica
    }

    /// Syncs `replica` with the running server over TCP.
    @discardableResult
    func sync(_ replica: Replica) async throws -> SyncReport {
        try await SyncEndToEndTests.sync(replica, endpoint: server.tcpEndpoint)
    }

    /// Kills the server and removes the folder.
    func stop() {
        server.kill()
        try? FileManager.default.removeItem(at: folder)
    }
}

/// The server process of the moment (a restart replaces it).
private final class ServerProcessBox: Sendable {
    private let lock = Mutex<ServerProcess?>(nil)
    init(_ process: ServerProcess) { lock.withLock { $0 = process } }
    var process: ServerProcess {
        get { lock.withLock { $0! } }
        set { lock.withLock { $0 = newValue } }
    }
}
