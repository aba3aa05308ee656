public import Foundation
public import HubCore
public import MergeEngine
import NIOCore
public import OrderIntake
public import OutpostModel
import OutpostStore
import PostgresNIO

/// The order desk's and the quote numbers' tables the hub's order rules read and write
/// (`sales_order`, `order_event`, `quote_number`, the catalog an intake checks against),
/// as `OrderLedger` and `QuoteLedger` on SQLite. Storage only: the rules are `HubCore`'s.
extension PostgresLedgerTransaction {
    // MARK: Orders

    public func orderNumber(quote: EntityID<Quote>, hash: String) throws -> Int? {
        try connection.value(Int64.self, "SELECT number FROM sales_order WHERE quote_id = \(quote.uuid) AND quote_hash = \(hash)")
            .map(Int.init)
    }

    public func lastOrderNumber() throws -> Int {
        Int(try connection.value(Int64.self, "SELECT COALESCE(MAX(number), 0)::bigint FROM sales_order") ?? 0)
    }

    public func orderStatus(_ id: EntityID<Order>) throws -> OrderStatus? {
        try connection.value(String.self, "SELECT status FROM sales_order WHERE id = \(id.uuid)").flatMap(OrderStatus.init(rawValue:))
    }

    public func recordOrderIntake(_ order: Order, number: Int, total: Money, placedBy device: DeviceID, seq: UInt64,
                                  at time: WallClock) throws {
        try connection.run("""
            INSERT INTO sales_order (id, quote_id, quote_hash, number, status, total_minor, total_currency, placed_by, placed_at,
                                     change_seq)
            VALUES (\(order.id.uuid), \(order.quoteID.uuid), \(order.quoteHash), \(Int64(number)), \(order.status.rawValue),
                    \(total.minorUnits), \(total.currency.code), \(device.uuid), \(time.date), \(Int64(clamping: seq)))
            """)
    }

    public func recordOrderStatus(_ order: Order, seq: UInt64) throws {
        try connection.run("""
            UPDATE sales_order SET status = \(order.status.rawValue), change_seq = \(Int64(clamping: seq)) WHERE id = \(order.id.uuid)
            """)
    }

    /// Appends the event and notifies the feed's channel: feeds waiting on any instance
    /// wake when this transaction commits (a rolled-back one notifies nobody).
    public func appendOrderEvent(_ order: Order, at time: WallClock) throws {
        try connection.run("""
            INSERT INTO order_event (order_id, status, note, at)
            VALUES (\(order.id.uuid), \(order.status.rawValue), \(order.deskNote), \(time.date))
            """)
        try connection.run("SELECT pg_notify(\(PostgresStore.orderFeedChannel), '')")
    }

    /// The products, options and rule models the lines of `quote` name, its price book,
    /// its approver's role and the bundle versions signed for those products.
    public func intakeCatalog(for quote: Quote?) throws -> IntakeCatalog {
        let products = Array(Set(quote?.lines.map(\.productID.uuid) ?? []))
        let book = try quote?.priceBookID.flatMap(priceBook)
        let approver = try quote?.approvedBy.flatMap(user)
        return IntakeCatalog(
            products: try connection.rows("""
                SELECT id, sku, name, base_price_minor, base_price_currency FROM product WHERE id = ANY(\(products))
                """).map { row in
                let (id, sku, name, minor, currency) = try row.decode((UUID, String, String, Int64, String).self)
                return Product(id: ProductID(id), sku: sku, name: name, basePrice: try Self.money(minor, currency, "product"))
            },
            options: try connection.rows("""
                SELECT id, product_id, code, name, price_minor, price_currency, variable FROM product_option
                WHERE product_id = ANY(\(products))
                """).map { row in
                let (id, product, code, name, minor, currency, variable) = try row.decode((UUID, UUID, String, String, Int64, String, Int32?).self)
                return ProductOption(id: ProductOptionID(id), productID: ProductID(product), code: code, name: name,
                                     price: try Self.money(minor, currency, "product_option"), variable: variable.map(Int.init))
            },
            models: try connection.rows("""
                SELECT product_id, variable_count, clauses FROM configurator_model WHERE product_id = ANY(\(products))
                """).map { row in
                let (product, variables, clauses) = try row.decode((UUID, Int32, Data).self)
                return ConfiguratorModel(productID: ProductID(product), variableCount: Int(variables),
                                         clauses: try ClauseBlob.decode(clauses, table: "configurator_model"))
            },
            priceBook: book, approverRole: approver?.role,
            signedBundleVersions: Set(try connection.column(Int64.self, """
                SELECT version FROM catalog_bundle_version WHERE product_id = ANY(\(products))
                """).map(Int.init)))
    }

    private func priceBook(_ id: PriceBookID) throws -> PriceBook? {
        guard let row = try connection.rows("""
            SELECT name, currency, tiers, approval_threshold_bp FROM price_book WHERE id = \(id.uuid)
            """).first else { return nil }
        let (name, currency, tiers, threshold) = try row.decode((String, String, String, Int64?).self)
        var entries: [ProductID: Money] = [:]
        for entry in try connection.rows("""
            SELECT product_id, price_minor, price_currency FROM price_book_entry WHERE price_book_id = \(id.uuid)
            """) {
            let (product, minor, code) = try entry.decode((UUID, Int64, String).self)
            entries[ProductID(product)] = try Self.money(minor, code, "price_book_entry")
        }
        return PriceBook(id: id, name: name, currency: try Self.currency(currency, "price_book"), entries: entries,
                         tiers: try PriceBook.tiers(json: tiers, book: id.description),
                         approvalThresholdBasisPoints: threshold.map(Int.init))
    }

    private static func money(_ minor: Int64, _ code: String, _ table: String) throws(StoreError) -> Money {
        Money(minorUnits: minor, currency: try currency(code, table))
    }

    private static func currency(_ code: String, _ table: String) throws(StoreError) -> Currency {
        do throws(ValidationError) { return try Currency(code: code) } catch {
            throw StoreError(.database, "the database holds an unreadable currency in \(table): \(error.reason); restore a backup")
        }
    }

    // MARK: Quotes

    public func quoteNumber(_ id: EntityID<Quote>) throws -> Int? {
        try connection.value(Int64.self, "SELECT number FROM quote_number WHERE quote_id = \(id.uuid)").map(Int.init)
    }

    public func lastQuoteNumber() throws -> Int {
        Int(try connection.value(Int64.self, "SELECT COALESCE(MAX(number), 0)::bigint FROM quote_number") ?? 0)
    }

    public func recordQuoteNumber(_ id: EntityID<Quote>, number: Int) throws {
        try connection.run("INSERT INTO quote_number (quote_id, number) VALUES (\(id.uuid), \(Int64(number)))")
    }
}

extension WallClock {
    /// The instant, for a `timestamptz` column.
    var date: Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }
}
