public import HubCore
import Logging
import NIOCore
import NIOPosix
import OutpostStore
import PostgresNIO

/// The hub's ledger on PostgreSQL, shared by every server instance on the database.
///
/// The hub's transaction bodies are synchronous (``LedgerTransaction``'s calls), so
/// each runs on a thread of the store's `NIOThreadPool` and blocks there on each query
/// (``BlockingConnection``); never on an event loop or the cooperative pool. Each
/// transaction checks out one pooled connection and runs `BEGIN … COMMIT` on it:
///
/// - a write transaction (a sync's push) first takes the change sequence's advisory
///   lock (``ChangeSequence``), so write transactions run one at a time across all
///   instances, as under SQLite's single writer: a device's request counter, a record's
///   merge and an order number are each checked and written without a concurrent
///   writer in between, and change sequence values commit in order;
/// - a snapshot is a `REPEATABLE READ, READ ONLY` transaction without the lock: reads
///   (the pages of a delivery) run in parallel, on every instance, beside the writer.
///
/// Waiting for the lock happens before the body takes a thread, so waiting transactions
/// hold a connection each but no thread.
public struct PostgresLedger: SyncLedger {
    /// The store whose database the ledger runs on.
    public let store: PostgresStore

    /// Runs `body` in one write transaction, holding the change sequence's lock; a
    /// database failure becomes a `StoreError`, any other error (the hub's refusals)
    /// passes through, and either rolls it all back.
    public func transaction<T: Sendable>(_ body: @Sendable (PostgresLedgerTransaction) throws -> T) async throws -> T {
        try await run("applying a sync request", begin: "BEGIN", exclusive: true, body)
    }

    /// Runs `body` on one consistent read snapshot.
    public func snapshot<T: Sendable>(_ body: @Sendable (PostgresLedgerTransaction) throws -> T) async throws -> T {
        try await run("reading records to sync", begin: "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", exclusive: false, body)
    }

    private func run<T: Sendable>(_ action: String, begin: PostgresQuery, exclusive: Bool,
                                  _ body: @Sendable (PostgresLedgerTransaction) throws -> T) async throws -> T {
        let (logger, threads) = (store.logger, store.threads)
        do {
            return try await store.client.withConnection { connection in
                try await connection.query(begin, logger: logger)
                do {
                    if exclusive { try await connection.query(ChangeSequence.lockSQL, logger: logger) }
                    let transaction = PostgresLedgerTransaction(BlockingConnection(connection: connection, logger: logger))
                    let result = try await threads.run { try body(transaction) }
                    try await connection.query("COMMIT", logger: logger)
                    return result
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
            }
        } catch let error as PSQLError {
            throw StoreError.from(error, doing: action, on: store.location)
        }
    }
}

extension PostgresStore {
    /// The hub's ledger on this store's database.
    public var ledger: PostgresLedger { PostgresLedger(store: self) }
}
