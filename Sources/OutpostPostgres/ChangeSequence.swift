import Logging
import PostgresNIO

/// The server-wide change sequence: the PostgreSQL SEQUENCE `change_sequence`.
///
/// Every insert or update of a replicated record takes the next value inside its
/// transaction. A SEQUENCE alone hands values to concurrent transactions that may
/// commit out of order, and a device that had read past a value still in flight would
/// never receive that change. So a transaction takes the advisory lock ``lockKey``
/// (held until it commits or rolls back) before its first value: transactions that
/// take values run one at a time, across all server instances, and commit in sequence
/// order. Values of rolled-back transactions are never used (harmless gaps).
struct ChangeSequence {
    /// The advisory lock key of the change sequence.
    static let lockKey: Int64 = 0x4f75_7470_6f73_7402

    private let connection: PostgresConnection
    private let logger: Logger

    /// Takes the sequence's lock for the rest of `connection`'s transaction.
    init(_ connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("SELECT pg_advisory_xact_lock(\(Self.lockKey))", logger: logger)
        self.connection = connection
        self.logger = logger
    }

    /// The next value of the sequence.
    func next() async throws -> Int64 {
        try await connection.query("SELECT nextval('change_sequence')", logger: logger).single(Int64.self)
    }
}

extension PostgresRowSequence {
    /// The first column of the one row the query returns.
    func single<T: PostgresDecodable>(_ type: T.Type) async throws -> T {
        for try await value in decode(T.self) { return value }
        throw PostgresStoreQueryError.noRow
    }

    /// The first column of every row.
    func all<T: PostgresDecodable>(_ type: T.Type) async throws -> [T] {
        var values: [T] = []
        for try await value in decode(T.self) { values.append(value) }
        return values
    }
}

/// A query that must return a row returned none: the schema is not what this build expects.
enum PostgresStoreQueryError: Error, CustomStringConvertible {
    case noRow

    var description: String { "a query that always returns a row returned none; the schema is damaged, restore a backup" }
}
