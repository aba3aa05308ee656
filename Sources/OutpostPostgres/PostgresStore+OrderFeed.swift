public import Foundation
import HubCore
import MergeEngine
public import OutpostModel
import OutpostReplication
public import OutpostStore
import PostgresNIO

extension PostgresStore: OrderFeedStore {
    /// The channel every transaction that appends to the order feed notifies (delivered
    /// when it commits, to every instance listening).
    static let orderFeedChannel = "outpost_order_feed"

    /// The order feed: up to `limit` (1...1000) state changes after `cursor`, oldest
    /// first, each with the order's number, total and lines.
    public func orderFeed(after cursor: Int64, limit: Int) async throws(StoreError) -> OrderFeedPage {
        let limit = Int64(min(max(limit, 1), 1000))
        let events = try await records("reading the order feed") { ledger in
            try PostgresOrderFeed(ledger: ledger).events(after: cursor, limit: limit)
        }
        return OrderFeedPage(events: events, next: events.last?.cursor ?? cursor)
    }

    /// `LISTEN`s on ``orderFeedChannel`` on one pooled connection and calls `changed`
    /// for each notification, until the calling task is cancelled.
    public func watchOrderFeed(_ changed: @escaping @Sendable () -> Void) async throws {
        try await client.withConnection { connection in
            try await connection.listen(on: Self.orderFeedChannel) { notifications in
                changed()
                for try await _ in notifications { changed() }
            }
        }
    }
}

/// The feed's events read on one ledger snapshot, each with its order's record (its
/// merged view in `replica_record`), as on SQLite.
struct PostgresOrderFeed {
    let ledger: PostgresLedgerTransaction

    func events(after cursor: Int64, limit: Int64) throws -> [OrderEvent] {
        let rows = try ledger.connection.rows("""
            SELECT e.cursor, e.order_id, o.number, e.status, o.quote_id, o.total_minor, o.total_currency, o.placed_at, e.at, e.note
            FROM order_event e JOIN sales_order o ON o.id = e.order_id
            WHERE e.cursor > \(cursor) ORDER BY e.cursor LIMIT \(limit)
            """)
        return try rows.map { row in
            let (eventCursor, orderUUID, number, status, quoteUUID, totalMinor, totalCurrency, placedAt, at, note)
                = try row.decode((Int64, UUID, Int64, String, UUID, Int64, String, Date, Date, String?).self)
            let orderID = EntityID<Order>(orderUUID)
            guard let order: Order = try record(RecordID(orderID)), let state = OrderStatus(rawValue: status) else {
                throw StoreError(.database, "order \(orderID) has feed events but no readable record; restore from a backup")
            }
            let quote: Quote? = try record(RecordID(EntityID<Quote>(quoteUUID)))
            let currency: Currency
            do throws(ValidationError) { currency = try Currency(code: totalCurrency) } catch {
                throw StoreError.unreadable("sales_order", "total_currency", error.reason)
            }
            return OrderEvent(cursor: eventCursor, orderID: orderID, number: OrderNumber(Int(number)), status: state,
                              quoteID: EntityID(quoteUUID), total: Money(minorUnits: totalMinor, currency: currency),
                              lines: quote?.lines ?? [], order: order,
                              replaces: try order.replacesID.flatMap(self.number), replacedBy: try replacement(of: orderID),
                              placedAt: placedAt.millisecondAligned, at: at.millisecondAligned, note: note)
        }
    }

    /// The live merged view of record `id`, if the hub holds it.
    private func record<R: ReplicatedRecord>(_ id: RecordID) throws -> R? {
        guard let stored = try ledger.record(id) else { return nil }
        let view = stored.state.view(policy: .updateWins)
        guard !view.isDeleted else { return nil }
        return try R(recordID: id, fields: view.values)
    }

    /// The number the server gave order `id`, if it took it in.
    private func number(of id: EntityID<Order>) throws -> OrderNumber? {
        try ledger.connection.value(Int64.self, "SELECT number FROM sales_order WHERE id = \(id.uuid)").map { OrderNumber(Int($0)) }
    }

    /// The number of the order that names the rejected order `id` as the one it replaces.
    /// Replacements are rare, so the later orders' records are read rather than indexed.
    private func replacement(of id: EntityID<Order>) throws -> OrderNumber? {
        guard try ledger.connection.value(String.self, "SELECT status FROM sales_order WHERE id = \(id.uuid)")
            == OrderStatus.rejected.rawValue else { return nil }
        let later = try ledger.connection.column(UUID.self, """
            SELECT id FROM sales_order WHERE number > (SELECT number FROM sales_order WHERE id = \(id.uuid)) ORDER BY number
            """)
        for candidate in later {
            guard let order: Order = try record(RecordID(EntityID<Order>(candidate))), order.replacesID == id,
                  let number = order.number else { continue }
            return number
        }
        return nil
    }
}
