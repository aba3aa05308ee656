import Foundation
import GRDB
import HubCore
import MergeEngine
import OrderIntake
import OutpostModel
import OutpostReplication
import OutpostStore

/// The order tables the hub's order rules read and write (`sales_order`,
/// `order_event`, the catalog an intake checks against). Storage only: the rules
/// are `HubCore`'s.
enum OrderLedger {
    /// The number of the order placed for this version of the quote, if any.
    static func number(_ db: Database, quote: EntityID<Quote>, hash: String) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT number FROM sales_order WHERE quote_id = ? AND quote_hash = ?", arguments: [quote.sql, hash])
    }

    /// The highest order number handed out (0: none).
    static func lastNumber(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT MAX(number) FROM sales_order") ?? 0
    }

    /// The status of the taken-in order `id`, if the server took it in.
    static func status(_ db: Database, of id: EntityID<Order>) throws -> OrderStatus? {
        try String.fetchOne(db, sql: "SELECT status FROM sales_order WHERE id = ?", arguments: [id.sql]).flatMap(OrderStatus.init(rawValue:))
    }

    /// The server's merged view of the record `id`, if it has it and it is not deleted.
    static func record<Record: ReplicatedRecord>(_ db: Database, _ id: EntityID<Record>) throws -> Record? {
        try SQLiteLedgerTransaction(db: db).liveRecord(RecordID(id))
    }

    /// Stores a taken-in order's row.
    static func recordIntake(_ db: Database, _ order: Order, number: Int, total: Money, placedBy device: DeviceID, seq: Int64,
                             at time: WallClock) throws {
        try db.execute(sql: """
            INSERT INTO sales_order (id, quote_id, quote_hash, number, status, total_minor, total_currency,
                                     placed_by, placed_at, change_seq)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [order.id.sql, order.quoteID.sql, order.quoteHash, number, order.status.rawValue,
                             total.minorUnits, total.currency.code, device.sql, time.milliseconds, seq])
    }

    /// Stores an order's new status.
    static func recordStatus(_ db: Database, _ order: Order, seq: Int64) throws {
        try db.execute(sql: "UPDATE sales_order SET status = ?, change_seq = ? WHERE id = ?",
                       arguments: [order.status.rawValue, seq, order.id.sql])
    }

    /// Appends the order's current status to the feed.
    static func appendEvent(_ db: Database, _ order: Order, at time: WallClock) throws {
        try db.execute(sql: "INSERT INTO order_event (order_id, status, note, at) VALUES (?, ?, ?, ?)",
                       arguments: [order.id.sql, order.status.rawValue, order.deskNote, time.milliseconds])
    }

    /// The products, options and rule models the lines of `quote` name, its price
    /// book, its approver's role and the bundle versions signed for those products.
    static func catalog(_ db: Database, for quote: Quote?) throws -> IntakeCatalog {
        let products = Set(quote?.lines.map(\.productID) ?? [])
        let filter = IDFilter("id", products)
        let optionFilter = IDFilter("product_id", products)
        let book = try quote?.priceBookID.flatMap { id in try PriceBook.fetchAll(db).first { $0.id == id } }
        let approver = try quote?.approvedBy.flatMap { id in try User.fetch(db, where: "id = ?", arguments: [id.sql]).first }
        return IntakeCatalog(
            products: try db.fetch(Product.selectSQL + filter.clause, filter.arguments, Product.init(row:)),
            options: try db.fetch(ProductOption.selectSQL + optionFilter.clause, optionFilter.arguments, ProductOption.init(row:)),
            models: try db.fetch(ConfiguratorModel.selectSQL + optionFilter.clause, optionFilter.arguments, ConfiguratorModel.init(row:)),
            priceBook: book, approverRole: approver?.role,
            signedBundleVersions: Set(try Int.fetchAll(db, sql: "SELECT version FROM catalog_bundle_version" + optionFilter.clause,
                                                       arguments: optionFilter.arguments)))
    }
}
