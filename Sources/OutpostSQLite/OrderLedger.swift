import Foundation
import GRDB
import MergeEngine
import OrderIntake
import OutpostModel
import OutpostProtocol
import OutpostReplication
import OutpostStore

/// The hub's rules for device writes to orders, applied inside the push transaction
/// (see ARCHITECTURE.md, the life of an order):
///
/// - a new order is re-validated and re-priced by `OrderIntake`; once taken in it
///   gets the next order number and the server's total (a hub write on top of the
///   device's, so both sync back), a `sales_order` row and a `submitted` feed event;
/// - one order per quote version: a second order for the same quote hash is refused;
/// - afterwards only the order desk changes an order, and only its status (along
///   `OrderStatus.nextStates`) and its note to the rep; each status change adds a
///   feed event;
/// - orders are never deleted.
enum OrderLedger {
    /// What a device's write to an order does, once allowed.
    enum Change {
        /// A new order, taken in at the server's total.
        case intake(total: Money)
        /// The desk moved the order to its new status.
        case status
        /// Nothing the ledger tracks changed.
        case none
    }

    /// Decides whether `role`'s write that turns `before` (nil: a new order) into
    /// `after` may stand.
    /// - Returns: the change, or a refusal (code and reason for the device).
    static func review(_ db: Database, before: Order?, after: Order, deleted: Bool, role: Role)
        throws -> Result<Change, PushProcessor.Refused> {
        if deleted {
            return .failure(.init(.invalid, "orders cannot be deleted; the order desk rejects an order instead"))
        }
        guard let before else {
            if after.deskNote != nil {
                return .failure(.init(.invalid, "a new order cannot carry a desk note; the order desk writes it"))
            }
            if role == .desk {
                return .failure(.init(.invalid, "the order desk cannot place orders; a rep places them from an accepted quote"))
            }
            if let number = try Int.fetchOne(db, sql: "SELECT number FROM sales_order WHERE quote_id = ? AND quote_hash = ?",
                                             arguments: [after.quoteID.sql, after.quoteHash]) {
                return .failure(.init(.invalid, "this version of quote \(after.quoteID) was already ordered as \(OrderNumber(number)); it is not ordered twice"))
            }
            let quote = try quote(db, after.quoteID)
            let catalog = try catalog(db, for: quote)
            do throws(IntakeRefusal) {
                return .success(.intake(total: try OrderIntake.review(after, quote: quote, catalog: catalog)))
            } catch {
                return .failure(.init(.invalid, error.message))
            }
        }
        guard before.quoteID == after.quoteID, before.quoteHash == after.quoteHash, before.number == after.number,
              before.total == after.total else {
            return .failure(.init(.invalid, "an order's quote, number and total cannot change; only the order desk changes its status"))
        }
        guard before.status != after.status || before.deskNote != after.deskNote else { return .success(.none) }
        guard role == .desk else {
            return .failure(.init(.readOnly, "only the order desk changes an order's status or note"))
        }
        guard before.status != after.status else { return .success(.none) }
        do throws(ValidationError) { try before.status.checkMove(to: after.status) } catch {
            return .failure(.init(.invalid, "order \(after.number.map(\.description) ?? "\(after.id)"): \(error.reason)"))
        }
        return .success(.status)
    }

    /// Records an allowed change: for an intake, the hub's write of the number and
    /// total at `followUp` and the `sales_order` row; for every state, a feed event.
    static func record(_ db: Database, _ change: Change, order: Order, device: DeviceID, seq: Int64,
                       followUp: () -> Int64, time: WallClock) throws {
        let at = time.milliseconds
        switch change {
        case .none:
            return
        case .intake(let total):
            let number = (try Int.fetchOne(db, sql: "SELECT MAX(number) FROM sales_order") ?? 0) + 1
            var taken = order
            taken.number = OrderNumber(number)
            taken.total = total
            let stamp = followUp()
            try ReplicaTable.recordHubWrite(db, taken, seq: stamp, time: time)
            try db.execute(sql: """
                INSERT INTO sales_order (id, quote_id, quote_hash, number, status, total_minor, total_currency,
                                         placed_by, placed_at, change_seq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [order.id.sql, order.quoteID.sql, order.quoteHash, number, order.status.rawValue,
                                 total.minorUnits, total.currency.code, device.sql, at, stamp])
        case .status:
            try db.execute(sql: "UPDATE sales_order SET status = ?, change_seq = ? WHERE id = ?",
                           arguments: [order.status.rawValue, seq, order.id.sql])
        }
        try db.execute(sql: "INSERT INTO order_event (order_id, status, note, at) VALUES (?, ?, ?, ?)",
                       arguments: [order.id.sql, order.status.rawValue, order.deskNote, at])
    }

    /// The server's merged view of quote `id`, if it has the quote and it is not deleted.
    static func quote(_ db: Database, _ id: EntityID<Quote>) throws -> Quote? {
        guard let stored = try ReplicaTable.load(db, RecordID(id)) else { return nil }
        let view = stored.state.view(policy: .updateWins)
        guard !view.isDeleted else { return nil }
        return try? Quote(recordID: RecordID(id), fields: view.values)
    }

    /// The products, options and rule models the lines of `quote` name, its price
    /// book, its approver's role and the bundle versions signed for those products.
    private static func catalog(_ db: Database, for quote: Quote?) throws -> IntakeCatalog {
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
