import Foundation
import Logging
import OutpostPostgres
import OutpostSQLite
import OutpostStore
import PostgresNIO
import Testing

/// A backend the shared store tests run on: each test runs once per case, from the
/// same test code.
///
/// ```swift
/// @Test(arguments: StoreBackend.allCases)
/// func territories(backend: StoreBackend) async throws {
///     try await backend.withDirectory { store in … }
/// }
/// ```
public enum StoreBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    public var testDescription: String { rawValue == "sqlite" ? "SQLite" : "PostgreSQL" }

    /// The environment variable naming the PostgreSQL database the tests may create databases with.
    public static let postgresURLVariable = "OUTPOST_TEST_POSTGRES_URL"

    /// Whether a PostgreSQL test server is given.
    public static var postgresIsGiven: Bool {
        !(ProcessInfo.processInfo.environment[postgresURLVariable] ?? "").isEmpty
    }

    /// Why PostgreSQL cases are skipped when no test database is given.
    public static let postgresSkipMessage = Comment(
        rawValue: "PostgreSQL tests skipped: \(postgresURLVariable) is not set; start a throwaway "
            + "cluster with: export \(postgresURLVariable)=$(scripts/postgres-test-cluster.sh start)")

    /// Runs `body` with a fresh, empty, migrated directory store of this backend,
    /// deleted afterwards. PostgreSQL cases are cancelled with
    /// ``postgresSkipMessage`` when ``postgresURLVariable`` is unset.
    public func withDirectory<T: Sendable>(_ body: (any DirectoryStore) async throws -> T) async throws -> T {
        switch self {
        case .sqlite:
            return try await body(try SQLiteStore.temporary())
        case .postgres:
            return try await TestPostgres.withDatabase { location in
                try await PostgresStore.withStore(at: location, mode: .create, body)
            }
        }
    }
}

extension Trait where Self == ConditionTrait {
    /// Skips a suite or test that needs a PostgreSQL test server when none is given,
    /// with ``StoreBackend/postgresSkipMessage``.
    public static var needsPostgres: Self {
        .disabled(if: !StoreBackend.postgresIsGiven, StoreBackend.postgresSkipMessage)
    }
}

extension StoreBackend {
    /// Runs `body` with a fresh, empty, migrated record store of this backend (with a
    /// throwaway key file on PostgreSQL, so catalog writes sign), deleted afterwards.
    public func withRecords<T: Sendable>(_ body: (any RecordStore) async throws -> T) async throws -> T {
        switch self {
        case .sqlite:
            return try await body(try SQLiteStore.temporary())
        case .postgres:
            let folder = try ScratchFolder("outpost-test")
            defer { folder.remove() }
            return try await TestPostgres.withDatabase { location in
                try await PostgresStore.withStore(at: location, mode: .create, keyFile: folder.path("server.key"), body)
            }
        }
    }
}

/// Fresh PostgreSQL databases for tests, on the server ``StoreBackend/postgresURLVariable`` names.
public enum TestPostgres {
    /// The test server's database, or `nil` when none is given.
    public static func serverLocation() throws -> PostgresLocation? {
        guard let text = ProcessInfo.processInfo.environment[StoreBackend.postgresURLVariable], !text.isEmpty else { return nil }
        return try PostgresLocation(parsing: text)
    }

    /// The URL of `location` with its password, for `--db` in command tests.
    public static func url(of location: PostgresLocation) -> String {
        var components = URLComponents()
        components.scheme = "postgres"
        components.user = location.user
        components.password = location.password
        components.host = location.host
        components.port = location.port
        components.path = "/" + location.database
        return components.string!
    }

    /// The server's major version (e.g. 15).
    public static func serverMajorVersion() async throws -> Int {
        guard let server = try serverLocation() else { try Test.cancel(StoreBackend.postgresSkipMessage) }
        return try await withConnection(server) { connection, logger in
            let rows = try await connection.query("SELECT current_setting('server_version_num')::int / 10000", logger: logger)
            for try await version in rows.decode(Int.self) { return version }
            return 0
        }
    }

    /// Creates a new, empty database, runs `body` with its location and drops it.
    /// Cancels the current test with the skip message when no server is given.
    public static func withDatabase<T: Sendable>(_ body: (PostgresLocation) async throws -> T) async throws -> T {
        guard let server = try serverLocation() else { try Test.cancel(StoreBackend.postgresSkipMessage) }
        // The name is generated here (never from input): identifiers cannot be bound parameters.
        let name = "outpost_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await administer(server, "CREATE DATABASE \(name)")
        var location = server
        location.database = name
        do {
            let result = try await body(location)
            try await administer(server, "DROP DATABASE \(name) WITH (FORCE)")
            return result
        } catch {
            try? await administer(server, "DROP DATABASE \(name) WITH (FORCE)")
            throw error
        }
    }

    private static func administer(_ server: PostgresLocation, _ sql: String) async throws {
        try await withConnection(server) { connection, logger in
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        }
    }

    /// Runs `body` on one connection to the test server (loopback: no TLS).
    private static func withConnection<T: Sendable>(_ server: PostgresLocation,
                                                    _ body: (PostgresConnection, Logger) async throws -> T) async throws -> T {
        let logger = Logger(label: "outpost.test.postgres")
        let configuration = PostgresConnection.Configuration(host: server.host, port: server.port, username: server.user,
                                                             password: server.password, database: server.database, tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            let result = try await body(connection, logger)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
