import OrderIntake
public import OutpostModel
import OutpostReplication

extension Replica {
    /// Places the order of an accepted quote offline. Its identity is made here: a new
    /// id and the hash of the quote version it came from (`QuoteVersion.hash`). In the
    /// same transaction, unless `placement.keepOpportunity`, the quote's opportunity is
    /// closed as won at the quote's total (the order remembers the stage it closed it
    /// from, so a rejection re-opens it there). An order on a revision replaces the
    /// rejected order of the quote it revises.
    /// - Throws: `.invalid` if the quote is not accepted, has expired, already has an
    ///   order, or names a contact of another account; nothing is written then.
    @discardableResult
    public func placeOrder(quote name: String, _ placement: OrderPlacement = OrderPlacement()) throws(ReplicaError) -> Order {
        let quote = try quote(name, in: .accepted, "can be ordered")
        try refuseExpired(quote, placement.today, "ordered")
        let orders = try orders()
        if let existing = orders.first(where: { $0.order.quoteID == quote.id }) {
            let rejected = existing.order.status == .rejected
                ? " and was rejected (\(existing.order.deskNote ?? "no reason given")); revise it with outpost quote revise \(quote.id.description.prefix(8))" : ""
            throw ReplicaError(.invalid, "quote \(quote.label) is already ordered as \(existing.label)\(rejected); nothing was changed")
        }
        let opportunity: Opportunity = try find(quote.opportunityID.description, "opportunity")
        var order = Order(quoteID: quote.id, quoteHash: QuoteVersion.hash(of: quote))
        order.contactID = try contact(placement.contact, of: opportunity.accountID)?.id
        order.shipTo = placement.shipTo
        order.billTo = placement.billTo
        order.requestedDelivery = placement.requestedDelivery
        order.orderedOn = placement.today
        order.replacesID = quote.revisionOf.flatMap { revised in
            orders.last { $0.order.quoteID == revised && $0.order.status == .rejected }?.order.id
        }
        var edits: [Edit] = []
        if !placement.keepOpportunity, let total = quote.total, opportunity.stage != .closedWon {
            order.reopenStage = opportunity.stage
            var won = opportunity
            won.stage = .closedWon
            won.probability = 100
            won.amount = total
            if let edit = try changes(to: won) { edits.append(edit) }
        }
        try apply([.create(order)] + edits)
        return order
    }

    /// The contact named `name` at `account`, or without a name its first contact by name.
    private func contact(_ name: String?, of account: AccountID) throws(ReplicaError) -> Contact? {
        let contacts = try records(of: .contact).compactMap { try? $0.decoded() as? Contact }
            .filter { $0.accountID == account }.sorted { ($0.lastName, $0.firstName) < ($1.lastName, $1.firstName) }
        guard let name else { return contacts.first }
        let wanted = name.lowercased()
        let fragment = IDFragment(name)
        let matches = contacts.filter {
            (fragment?.names($0.id.description) ?? false) || "\($0.firstName) \($0.lastName)".lowercased() == wanted
        }
        guard matches.count == 1, let contact = matches.first else {
            let known = contacts.map { "\($0.firstName) \($0.lastName)" }.joined(separator: ", ")
            throw ReplicaError(.invalid, "\"\(name)\" names \(matches.count) contacts of the order's account; name one of: \(known.isEmpty ? "none (add one with outpost contacts add)" : known)")
        }
        return contact
    }
}
