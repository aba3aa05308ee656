import Foundation
import GRDB
import MergeEngine
import OrderIntake
import Pricing
import OutpostModel
import OutpostProtocol
import OutpostReplication
import OutpostStore

/// The hub's rules for device writes to orders, applied inside the push transaction
/// (see ARCHITECTURE.md, the life of an order):
///
/// - a new order is re-validated and re-priced by `OrderIntake`; once taken in it
///   gets the next order number, the server's total and its readable sheet (priced
///   lines with SKUs and option names, discounts, the customer's, contact's, rep's and
///   opportunity's names: `OrderSheet`) as a hub write on top of the device's, so both
///   sync back, a `sales_order` row and a `submitted` feed event;
/// - a replacement names a rejected order;
/// - a rejection carries the desk's reason, and re-opens the order's opportunity at
///   the stage the order closed it from (a hub write on the opportunity);
/// - one order per quote version: a second order for the same quote hash is refused;
/// - afterwards only the order desk changes an order, and only its status (along
///   `OrderStatus.nextStates`) and its note to the rep; each status change adds a
///   feed event;
/// - orders are never deleted.
enum OrderLedger {
    /// What a device's write to an order does, once allowed.
    enum Change {
        /// A new order, taken in with the server's total and sheet.
        case intake(Order)
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
            if let replaced = after.replacesID {
                guard let status = try String.fetchOne(db, sql: "SELECT status FROM sales_order WHERE id = ?", arguments: [replaced.sql]),
                      status == OrderStatus.rejected.rawValue else {
                    return .failure(.init(.invalid, "an order replaces only a rejected order; \(replaced) is not one the server rejected"))
                }
            }
            let quote = try quote(db, after.quoteID)
            let catalog = try catalog(db, for: quote)
            let priced: PricedQuote
            do throws(IntakeRefusal) { priced = try OrderIntake.review(after, quote: quote, catalog: catalog) } catch {
                return .failure(.init(.invalid, error.message))
            }
            guard let quote else { return .failure(.init(.invalid, "quote \(after.quoteID) is not on the server")) }
            return .success(.intake(OrderSheet.fill(after, quote: quote, priced: priced, products: catalog.products,
                                                    options: catalog.options, parties: try parties(db, of: quote, contact: after.contactID))))
        }
        var unchanged = after
        unchanged.status = before.status
        unchanged.deskNote = before.deskNote
        guard unchanged == before else {
            return .failure(.init(.invalid, "an order's quote, number, lines and total cannot change; only the order desk changes its status"))
        }
        guard before.status != after.status || before.deskNote != after.deskNote else { return .success(.none) }
        guard role == .desk else {
            return .failure(.init(.readOnly, "only the order desk changes an order's status or note"))
        }
        guard before.status != after.status else { return .success(.none) }
        do throws(ValidationError) { try before.status.checkMove(to: after.status) } catch {
            return .failure(.init(.invalid, "order \(after.number.map(\.description) ?? "\(after.id)"): \(error.reason)"))
        }
        if after.status == .rejected, after.deskNote?.allSatisfy(\.isWhitespace) ?? true {
            return .failure(.init(.invalid, "order \(after.number.map(\.description) ?? "\(after.id)"): a rejection needs a reason for the rep; reject with --reason TEXT"))
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
        case .intake(let sheet):
            let number = (try Int.fetchOne(db, sql: "SELECT MAX(number) FROM sales_order") ?? 0) + 1
            var taken = sheet
            taken.number = OrderNumber(number)
            guard let total = taken.total else { throw StoreError(.invalid, "order \(order.id) was taken in without a total") }
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
            if order.status == .rejected, let stage = order.reopenStage {
                try reopen(db, order, at: stage, seq: followUp(), time: time)
            }
        }
        try db.execute(sql: "INSERT INTO order_event (order_id, status, note, at) VALUES (?, ?, ?, ?)",
                       arguments: [order.id.sql, order.status.rawValue, order.deskNote, at])
    }

    /// The server's merged view of quote `id`, if it has the quote and it is not deleted.
    static func quote(_ db: Database, _ id: EntityID<Quote>) throws -> Quote? { try record(db, id) }

    /// The server's merged view of the record `id`, if it has it and it is not deleted.
    static func record<Record: ReplicatedRecord>(_ db: Database, _ id: EntityID<Record>) throws -> Record? {
        guard let stored = try ReplicaTable.load(db, RecordID(id)) else { return nil }
        let view = stored.state.view(policy: .updateWins)
        guard !view.isDeleted else { return nil }
        return try? Record(recordID: RecordID(id), fields: view.values)
    }

    /// The names the order desk reads: the quote's opportunity, its account and owner,
    /// and the contact the rep chose.
    private static func parties(_ db: Database, of quote: Quote, contact: ContactID?) throws -> OrderParties {
        let opportunity: Opportunity? = try record(db, quote.opportunityID)
        let account: Account? = try opportunity.flatMap { try record(db, $0.accountID) }
        let owner = try opportunity.flatMap { try User.fetch(db, where: "id = ?", arguments: [$0.ownerID.sql]).first }
        return OrderParties(account: account, opportunity: opportunity, contact: try contact.flatMap { try record(db, $0) },
                            owner: owner)
    }

    /// Re-opens the rejected order's opportunity at `stage` (with that stage's
    /// probability) as a hub write, so it reaches the rep like any change; a concurrent
    /// edit of the rep's shows as a conflict.
    private static func reopen(_ db: Database, _ order: Order, at stage: OpportunityStage, seq: Int64, time: WallClock) throws {
        guard let quote = try quote(db, order.quoteID), var opportunity: Opportunity = try record(db, quote.opportunityID),
              opportunity.stage == .closedWon else { return }
        opportunity.stage = stage
        opportunity.probability = stage.defaultProbability
        try ReplicaTable.recordHubWrite(db, opportunity, seq: seq, time: time)
        try Projection.apply(db, opportunity, deleted: false, seq: seq)
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
