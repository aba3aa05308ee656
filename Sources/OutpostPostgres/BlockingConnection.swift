import Logging
import NIOCore
import PostgresNIO

/// One pooled connection, inside a transaction, for code that must run synchronously
/// (the hub's ledger calls): each query blocks its thread until PostgreSQL answers.
///
/// Only ever used on a thread of a `NIOThreadPool` (see ``PostgresLedger``): waiting
/// there is legal, unlike on an event loop or the cooperative pool, where it would
/// starve the very threads that answer.
struct BlockingConnection: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    /// Runs `query` and returns every row.
    func rows(_ query: PostgresQuery, file: String = #fileID, line: Int = #line) throws -> [PostgresRow] {
        try connection.query(query, logger: logger, file: file, line: line).wait().rows
    }

    /// Runs `query` and returns how many rows it changed.
    @discardableResult
    func run(_ query: PostgresQuery, file: String = #fileID, line: Int = #line) throws -> Int {
        try connection.query(query, logger: logger, file: file, line: line).wait().metadata.rows ?? 0
    }

    /// The first column of each row.
    func column<T: PostgresDecodable>(_ type: T.Type, _ query: PostgresQuery, file: String = #fileID, line: Int = #line) throws -> [T] {
        try rows(query, file: file, line: line).map { try $0.decode(T.self) }
    }

    /// The first column of the first row, if there is a row.
    func value<T: PostgresDecodable>(_ type: T.Type, _ query: PostgresQuery, file: String = #fileID, line: Int = #line) throws -> T? {
        try rows(query, file: file, line: line).first.map { try $0.decode(T.self) }
    }
}
