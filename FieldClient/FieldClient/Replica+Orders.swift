import Foundation
import GRDB
public import MergeEngine
public import OutpostModel
public import OrderIntake
import OutpostProtocol
import OutpostReplication
import Pricing

extension Replica {
    /// Every order in this replica, by feed position (oldest change first).
    public func orders() throws(ReplicaError) -> [DeskOrder] {
        try records(of: .order).compactMap { record -> DeskOrder? in
            guard !record.view.isDeleted, let order = try? record.decoded() as? Order else { return nil }
            return DeskOrder(order: order, position: record.state.context[ReplicaID.hub], isPending: !record.pending.isEmpty)
        }.sorted { ($0.position, $0.order.id.description) < ($1.position, $1.order.id.description) }
    }

    /// The order named by its number (`SO-000123`) or its id.
    /// - Throws: `.notFound` when this replica has no such order.
    public func order(named text: String) throws(ReplicaError) -> DeskOrder {
        let all = try orders()
        if let uuid = UUID(uuidString: text), let found = all.first(where: { $0.order.id == EntityID(uuid) }) { return found }
        if let number = try? OrderNumber(parsing: text), let found = all.first(where: { $0.order.number == number }) { return found }
        throw ReplicaError(.notFound, "no order \(text) in this replica; sync, or check the number (SO-000123) or id")
    }

    /// Moves an order to `status` offline, as the order desk, with an optional note for
    /// the rep (why it was rejected); the server re-checks at the next sync and the
    /// change then reaches the rep.
    /// - Throws: `.refused` if this device's user is not the order desk, `.invalid` for a
    ///   move the order's state does not allow; nothing is written then.
    @discardableResult
    public func move(_ order: DeskOrder, to status: OrderStatus, note: String? = nil) throws(ReplicaError) -> Write {
        guard try identity().role == Role.desk.rawValue else {
            throw ReplicaError(.refused, "only the order desk accepts, rejects or fulfils orders")
        }
        do throws(ValidationError) { try order.order.status.checkMove(to: status) } catch {
            throw ReplicaError(.invalid, "order \(order.label): \(error.reason)")
        }
        if status == .rejected, note?.allSatisfy(\.isWhitespace) ?? true {
            throw ReplicaError(.invalid, "order \(order.label): say why it is rejected with --reason TEXT; the rep reads it")
        }
        var moved = order.order
        moved.status = status
        moved.deskNote = note
        // Only the fields the move changes (status, desk note): the rep's side stays theirs.
        let before = order.order.fields
        return try update(RecordID(order.order.id), fields: moved.fields.filter { before[$0.key] != $0.value })
    }

    /// `order` as people read it (``ReadableOrder``), with the orders it replaces and
    /// that replaced it named by number. An order the server has not taken in yet gets
    /// a provisional sheet priced here from this replica's quote and catalog, when it
    /// holds them (a rep's replica does).
    public func readable(_ order: DeskOrder) throws(ReplicaError) -> ReadableOrder {
        let all = try orders()
        let label = { (id: EntityID<Order>) in all.first { $0.order.id == id }.map(\.label) ?? id.description }
        var shown = order.order
        if shown.lines.isEmpty, let quote = try? quote(shown.quoteID.description), let book = quote.priceBookID {
            let catalog = try catalog()
            if let priced = try? catalog.priceList(try catalog.priceBook(id: book)).price(quote) {
                shown = OrderSheet.fill(shown, quote: quote, priced: priced,
                                        products: Dictionary(catalog.products.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
                                        options: Dictionary(catalog.options.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
                                        parties: try parties(of: quote, contact: shown.contactID))
            }
        }
        let replacedBy = all.first { $0.order.replacesID == order.order.id }.map(\.label)
        return ReadableOrder(shown, replaces: shown.replacesID.map(label), replacedBy: replacedBy)
    }

    /// The parties of an order on `quote`, from this replica's records.
    private func parties(of quote: Quote, contact: ContactID?) throws(ReplicaError) -> OrderParties {
        func load<Record: ReplicatedRecord>(_ id: EntityID<Record>?) -> Record? {
            guard let id, let local = try? record(RecordID(id)), !local.view.isDeleted else { return nil }
            return try? local.decoded() as? Record
        }
        let opportunity: Opportunity? = load(quote.opportunityID)
        let owner: User? = load(opportunity?.ownerID)
        return OrderParties(account: load(opportunity?.accountID), opportunity: opportunity, contact: load(contact), owner: owner)
    }

    /// The orders whose feed position passed the cursor named `feed` since it was
    /// last advanced, oldest change first; the cursor (kept in the replica) moves past
    /// them, so the next call returns only what changes after.
    public func takeOrderChanges(feed: String) throws(ReplicaError) -> [DeskOrder] {
        let changed = try orders()
        return try write { db in
            let cursor = UInt64(try Int64.fetchOne(db, sql: "SELECT position FROM feed_cursor WHERE name = ?", arguments: [feed]) ?? 0)
            let news = changed.filter { $0.position > cursor }
            if let last = news.map(\.position).max() {
                try db.execute(sql: """
                    INSERT INTO feed_cursor (name, position) VALUES (?, ?)
                    ON CONFLICT(name) DO UPDATE SET position = excluded.position
                    """, arguments: [feed, Int64(clamping: last)])
            }
            return news
        }
    }
}
