import Foundation
import GRDB
import HubCore
import MergeEngine
import OutpostReplication
public import OutpostModel
public import OutpostStore

extension SQLiteStore {
    /// The order feed: up to `limit` (1...1000) state changes after `cursor`, oldest
    /// first, each with the order's number, total and lines.
    public func orderFeed(after cursor: Int64, limit: Int) async throws(StoreError) -> OrderFeedPage {
        try await read("reading the order feed") { db in
            let events = try Self.orderEvents(db, where: "e.cursor > ? ORDER BY e.cursor LIMIT ?",
                                              arguments: [cursor, min(max(limit, 1), 1000)])
            return OrderFeedPage(events: events, next: events.last?.cursor ?? cursor)
        }
    }

    /// Every order in its current state (its latest feed event), by number.
    public func orders() async throws(StoreError) -> [OrderEvent] {
        try await read("listing orders") { db in
            try Self.orderEvents(db, where: "e.cursor = (SELECT MAX(cursor) FROM order_event WHERE order_id = o.id) ORDER BY o.number",
                                 arguments: [])
        }
    }

    /// The feed events joined with their orders, filtered and ordered by `clause`.
    static func orderEvents(_ db: Database, where clause: String, arguments: StatementArguments) throws -> [OrderEvent] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT e.cursor, e.order_id, o.number, e.status, o.quote_id, o.total_minor, o.total_currency, o.placed_at, e.at, e.note
            FROM order_event e JOIN sales_order o ON o.id = e.order_id WHERE
            """ + " " + clause, arguments: arguments)
        return try rows.map { row in
            let quoteID: EntityID<Quote> = try .decode(row[4], "sales_order", "quote_id")
            let orderID: EntityID<Order> = try .decode(row[1], "order_event", "order_id")
            guard let order: Order = try OrderLedger.record(db, orderID) else {
                throw StoreError(.database, "order \(orderID) has feed events but no readable record; restore from a backup")
            }
            let replacedBy = try orders(db, replacing: orderID).first
            return OrderEvent(
                cursor: row[0], orderID: orderID, number: OrderNumber(row[2] as Int),
                status: try decodeEnum(row[3], "order_event", "status"), quoteID: quoteID,
                total: try .decode(row[5], row[6], "sales_order", "total"),
                lines: (try OrderLedger.record(db, quoteID) as Quote?)?.lines ?? [], order: order,
                replaces: try order.replacesID.flatMap { try number(db, of: $0) }, replacedBy: replacedBy,
                placedAt: Date(sqlMilliseconds: row[7]), at: Date(sqlMilliseconds: row[8]), note: row[9])
        }
    }

    /// The number the server gave order `id`, if it took it in.
    private static func number(_ db: Database, of id: EntityID<Order>) throws -> OrderNumber? {
        try Int.fetchOne(db, sql: "SELECT number FROM sales_order WHERE id = ?", arguments: [id.sql]).map(OrderNumber.init)
    }

    /// The numbers of the orders that name `id` as the order they replace. Replacements
    /// are rare, so the orders' records are read rather than indexed.
    private static func orders(_ db: Database, replacing id: EntityID<Order>) throws -> [OrderNumber] {
        let rejected = try String.fetchOne(db, sql: "SELECT status FROM sales_order WHERE id = ?", arguments: [id.sql])
        guard rejected == OrderStatus.rejected.rawValue else { return [] }
        let candidates = try String.fetchAll(db, sql: "SELECT id FROM sales_order WHERE number > (SELECT number FROM sales_order WHERE id = ?) ORDER BY number",
                                             arguments: [id.sql])
        var numbers: [OrderNumber] = []
        for candidate in candidates {
            guard let uuid = UUID(uuidString: candidate), let order: Order = try OrderLedger.record(db, EntityID(uuid)),
                  order.replacesID == id, let number = order.number else { continue }
            numbers.append(number)
        }
        return numbers
    }
}
