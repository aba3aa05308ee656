public import Logging
import NIOCore
import NIOPosix
import NIOSSL
public import OutpostStore
import PostgresNIO

/// The server's store in a PostgreSQL database, shared by any number of server
/// instances: nothing of the store's state lives in an instance's memory.
///
/// It holds a connection pool (`PostgresClient`), which runs for as long as the
/// closure given to ``withStore(at:mode:logger:_:)`` does. Every method is one
/// transaction; every value is a bound parameter, never text in the SQL.
public final class PostgresStore: DirectoryStore {
    /// How ``withStore(at:mode:logger:_:)`` treats the database's schema.
    public enum OpenMode: Sendable {
        /// Create the schema if the database has none, and apply pending migrations (`init`).
        case create
        /// Require an Outpost schema (refuse an empty database) and apply pending migrations.
        case existing
    }

    /// The database, for messages (without its password).
    public let location: PostgresLocation

    let client: PostgresClient
    let logger: Logger
    /// The threads the hub's synchronous ledger bodies block on (see ``PostgresLedger``).
    let threads: NIOThreadPool
    /// The key file's key, which seals the server's secrets (`nil`: opened without one).
    let secrets: ServerSecrets?

    /// Ledger bodies that may run at once in one instance; each holds a pooled connection,
    /// which leaves the pool (20 connections) room for the store's own transactions.
    static let ledgerThreads = 12

    private init(location: PostgresLocation, client: PostgresClient, logger: Logger, threads: NIOThreadPool, secrets: ServerSecrets?) {
        self.location = location
        self.client = client
        self.logger = logger
        self.threads = threads
        self.secrets = secrets
    }

    /// Connects to the database at `location`, brings its schema up to date and runs
    /// `body` with the store; the connections close when `body` returns. `keyFile`
    /// unlocks the server's sealed secrets; `init` (`.create`) creates it when the
    /// database holds none yet, every other open requires it to exist.
    ///
    /// - Throws: `.database` when the server cannot be reached or refuses the login,
    ///   the database holds no Outpost schema (with `.existing`: run `init` first), or it
    ///   was migrated by a newer Outpost; or what `body` throws.
    public static func withStore<T: Sendable>(
        at location: PostgresLocation,
        mode: OpenMode,
        keyFile: String? = nil,
        logger: Logger = Logger(label: "outpost.postgres"),
        _ body: (PostgresStore) async throws -> T
    ) async throws -> T {
        try await checkLogin(at: location, logger: logger)
        // The pool's background log (connection attempts, keep-alives) stays off: failures
        // reach the caller as thrown errors.
        let client = PostgresClient(configuration: configuration(for: location))
        let threads = NIOThreadPool(numberOfThreads: ledgerThreads)
        threads.start()
        do {
            let result = try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await client.run() }
                defer { group.cancelAll() }
                let opening = PostgresStore(location: location, client: client, logger: logger, threads: threads, secrets: nil)
                try await opening.prepareSchema(mode)
                var secrets: ServerSecrets?
                if let keyFile {
                    let holdsSecrets = try await opening.holdsSealedSecrets()
                    secrets = try ServerSecrets.load(keyFile: keyFile, of: location.description, mayCreate: mode == .create && !holdsSecrets)
                }
                let store = PostgresStore(location: location, client: client, logger: logger, threads: threads, secrets: secrets)
                if secrets != nil { try await store.resignMarkedCatalogs() }
                return try await body(store)
            }
            try? await threads.shutdownGracefully()
            return result
        } catch {
            try? await threads.shutdownGracefully()
            throw error
        }
    }

    /// Opens and closes one connection, so that an unreachable server, a refused login or
    /// a missing database fail at once with their reason (the pool retries a failing
    /// server until a connection is asked of it, then waits).
    static func checkLogin(at location: PostgresLocation, logger: Logger) async throws(StoreError) {
        do {
            let tls: PostgresConnection.Configuration.TLS = switch location.tls {
            case .disable: .disable
            case .prefer: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
            var configuration = PostgresConnection.Configuration(host: location.host, port: location.port, username: location.user,
                                                                 password: location.password, database: location.database, tls: tls)
            configuration.options.connectTimeout = .seconds(10)
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
            try await connection.close()
        } catch {
            throw StoreError.from(error, doing: "connecting", on: location)
        }
    }

    static func configuration(for location: PostgresLocation) -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS = switch location.tls {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(host: location.host, port: location.port, username: location.user,
                                                         password: location.password, database: location.database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        configuration.options.additionalStartupParameters = [("application_name", "outpost-server")]
        return configuration
    }

    private func prepareSchema(_ mode: OpenMode) async throws(StoreError) {
        let name = location.description
        try await transaction("opening \(name)") { [logger] connection in
            if mode == .existing, try await PostgresMigrations.state(connection, logger: logger) == .empty {
                throw StoreError(.database, "\(name) holds no Outpost schema; create it with: outpost-server init --db \(name)")
            }
            try await PostgresMigrations.migrate(connection, logger: logger, describedAs: name)
        }
    }

    /// Whether the database already holds secrets sealed under a key file (then a
    /// missing key file is an error, not something to create).
    private func holdsSealedSecrets() async throws(StoreError) -> Bool {
        try await read("reading \(location)") { [logger] connection in
            try await connection.query("""
                SELECT EXISTS (SELECT 1 FROM sealed_key_pair) OR EXISTS (SELECT 1 FROM enrolment_code WHERE sealed_key IS NOT NULL)
                """, logger: logger).single(Bool.self)
        }
    }

    // MARK: Transactions

    /// Runs `body` on one consistent snapshot (a read-only, repeatable-read transaction).
    func read<T: Sendable>(_ action: String, _ body: (PostgresConnection) async throws -> T) async throws(StoreError) -> T {
        try await transaction(action) { [logger] connection in
            try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", logger: logger)
            return try await body(connection)
        }
    }

    /// Runs `body` in one transaction that takes change sequence values, holding the
    /// sequence's lock from its start: such transactions run one at a time across all
    /// instances, so what they check before writing (a name, a cycle, an empty
    /// territory) still holds when they commit, as under SQLite's single writer.
    func change<T: Sendable>(_ action: String, _ body: (PostgresConnection, ChangeSequence) async throws -> T)
        async throws(StoreError) -> T {
        try await transaction(action) { [logger] connection in
            try await body(connection, try await ChangeSequence(connection, logger: logger))
        }
    }

    /// Runs `body` in one transaction on a pooled connection; any failure rolls it back.
    func transaction<T: Sendable>(_ action: String, _ body: (PostgresConnection) async throws -> T) async throws(StoreError) -> T {
        do {
            return try await client.withTransaction(logger: logger) { connection in try await body(connection) }
        } catch {
            throw StoreError.from(error, doing: action, on: location)
        }
    }
}

