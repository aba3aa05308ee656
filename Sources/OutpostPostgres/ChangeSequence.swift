import Logging
import PostgresNIO

/// The server-wide change sequence: the one row of `change_sequence`, as on SQLite.
///
/// Every insert or update of a replicated record takes the next value inside its
/// transaction, and a read snapshot reads how far the changes it sees reach
/// (``currentSQL``). The row is transactional (a SEQUENCE is not: a snapshot could read
/// a value whose change it cannot see yet, and a device that had read past it would
/// never receive that change). Its row lock orders the transactions that take values:
/// they commit in sequence order. They also take the advisory lock ``lockKey`` first,
/// held until they commit or roll back, so that what they check before writing (a name,
/// a cycle, a request counter) still holds when they commit, across all server instances.
struct ChangeSequence {
    /// The advisory lock key of the change sequence.
    static let lockKey: Int64 = 0x4f75_7470_6f73_7402
    /// Takes the sequence's lock for the rest of the transaction.
    static let lockSQL: PostgresQuery = "SELECT pg_advisory_xact_lock(\(lockKey))"
    /// Takes the next value.
    static let nextSQL: PostgresQuery = "UPDATE change_sequence SET value = value + 1 WHERE id = 1 RETURNING value"
    /// The last value taken by a transaction the snapshot sees.
    static let currentSQL: PostgresQuery = "SELECT value FROM change_sequence WHERE id = 1"

    private let connection: PostgresConnection
    private let logger: Logger

    /// Takes the sequence's lock for the rest of `connection`'s transaction.
    init(_ connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(Self.lockSQL, logger: logger)
        self.connection = connection
        self.logger = logger
    }

    /// The next value of the sequence.
    func next() async throws -> Int64 {
        try await connection.query(Self.nextSQL, logger: logger).single(Int64.self)
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
