import MergeEngine
import OrderIntake
import OutpostModel
import Pricing
import OutpostReplication

/// The hub's rules for device writes to orders (see ARCHITECTURE.md, the life of an order):
///
/// - a new order is re-validated and re-priced by `OrderIntake`; once taken in it
///   gets the next order number, the server's total and its readable sheet (priced
///   lines with SKUs and option names, discounts, the customer's, contact's, rep's and
///   opportunity's names: `OrderSheet`) as a hub write on top of the device's, so both
///   sync back, and a `submitted` feed event;
/// - a replacement names a rejected order;
/// - a rejection carries the desk's reason, and re-opens the order's opportunity at
///   the stage the order closed it from (a hub write on the opportunity);
/// - one order per quote version: a second order for the same quote hash is refused;
/// - afterwards only the order desk changes an order, and only its status (along
///   `OrderStatus.nextStates`) and its note to the rep; each status change adds a
///   feed event;
/// - orders are never deleted.
enum OrderRules {
    /// What a device's write to an order does, once allowed.
    enum Change {
        /// A new order, taken in with the server's total and sheet.
        case intake(Order)
        /// The desk moved the order to its new status.
        case status
        /// Nothing the order feed tracks changed.
        case none
    }

    /// Decides whether `role`'s write that turns `stored` (nil: a new order) into
    /// `after` may stand.
    static func review(_ ledger: some LedgerReader, before stored: StoredRecord?, after: Order, deleted: Bool, role: Role)
        throws -> Result<Change, Refused> {
        if deleted {
            return .failure(Refused(.invalid, "orders cannot be deleted; the order desk rejects an order instead"))
        }
        guard let stored else {
            if after.deskNote != nil {
                return .failure(Refused(.invalid, "a new order cannot carry a desk note; the order desk writes it"))
            }
            if role == .desk {
                return .failure(Refused(.invalid, "the order desk cannot place orders; a rep places them from an accepted quote"))
            }
            if let number = try ledger.orderNumber(quote: after.quoteID, hash: after.quoteHash) {
                return .failure(Refused(.invalid, "this version of quote \(after.quoteID) was already ordered as \(OrderNumber(number)); it is not ordered twice"))
            }
            if let replaced = after.replacesID, try ledger.orderStatus(replaced) != .rejected {
                return .failure(Refused(.invalid, "an order replaces only a rejected order; \(replaced) is not one the server rejected"))
            }
            let quote: Quote? = try ledger.liveRecord(RecordID(after.quoteID))
            let catalog = try ledger.intakeCatalog(for: quote)
            let priced: PricedQuote
            do throws(IntakeRefusal) { priced = try OrderIntake.review(after, quote: quote, catalog: catalog) } catch {
                return .failure(Refused(.invalid, error.message))
            }
            guard let quote else { return .failure(Refused(.invalid, "quote \(after.quoteID) is not on the server")) }
            return .success(.intake(OrderSheet.fill(after, quote: quote, priced: priced, products: catalog.products,
                                                    options: catalog.options,
                                                    parties: try parties(ledger, of: quote, contact: after.contactID))))
        }
        guard let before = try? Order(recordID: after.recordID, fields: stored.state.view(policy: .updateWins).values) else {
            return .failure(Refused(.invalid, "order \(after.id) is unreadable on the server; ask an admin to check it"))
        }
        var unchanged = after
        unchanged.status = before.status
        unchanged.deskNote = before.deskNote
        guard unchanged == before else {
            return .failure(Refused(.invalid, "an order's quote, number, lines and total cannot change; only the order desk changes its status"))
        }
        guard before.status != after.status || before.deskNote != after.deskNote else { return .success(.none) }
        guard role == .desk else {
            return .failure(Refused(.readOnly, "only the order desk changes an order's status or note"))
        }
        guard before.status != after.status else { return .success(.none) }
        do throws(ValidationError) { try before.status.checkMove(to: after.status) } catch {
            return .failure(Refused(.invalid, "order \(after.number.map(\.description) ?? "\(after.id)"): \(error.reason)"))
        }
        if after.status == .rejected, after.deskNote?.allSatisfy(\.isWhitespace) ?? true {
            return .failure(Refused(.invalid, "order \(after.number.map(\.description) ?? "\(after.id)"): a rejection needs a reason for the rep; reject with --reason TEXT"))
        }
        return .success(.status)
    }

    /// Records an allowed change: for an intake, the hub's write of the number and
    /// sheet at the next sequence value and the order's row; for a rejection, the
    /// opportunity re-opened; for every state, a feed event.
    static func record(_ change: Change, order: Order, device: DeviceID, seq: UInt64, time: WallClock,
                       in ledger: some LedgerTransaction) throws {
        switch change {
        case .none:
            return
        case .intake(let sheet):
            let number = try ledger.lastOrderNumber() + 1
            var taken = sheet
            taken.number = OrderNumber(number)
            guard let total = taken.total else { throw LedgerRefusal("order \(order.id) was taken in without a total") }
            let stamp = try ledger.nextSequence()
            try ledger.writeAsHub(taken, stamp: stamp, time: time)
            try ledger.recordOrderIntake(order, number: number, total: total, placedBy: device, seq: stamp, at: time)
        case .status:
            try ledger.recordOrderStatus(order, seq: seq)
            if order.status == .rejected, let stage = order.reopenStage {
                try reopen(order, at: stage, time: time, in: ledger)
            }
        }
        try ledger.appendOrderEvent(order, at: time)
    }

    /// The names the order desk reads: the quote's opportunity, its account and owner,
    /// and the contact the rep chose.
    private static func parties(_ ledger: some LedgerReader, of quote: Quote, contact: ContactID?) throws -> OrderParties {
        let opportunity: Opportunity? = try ledger.liveRecord(RecordID(quote.opportunityID))
        let account: Account? = try opportunity.flatMap { try ledger.liveRecord(RecordID($0.accountID)) }
        let owner = try opportunity.flatMap { try ledger.user($0.ownerID) }
        return OrderParties(account: account, opportunity: opportunity,
                            contact: try contact.flatMap { try ledger.liveRecord(RecordID($0)) }, owner: owner)
    }

    /// Re-opens the rejected order's opportunity at `stage` (with that stage's
    /// probability) as a hub write, so it reaches the rep like any change; a concurrent
    /// edit of the rep's shows as a conflict.
    private static func reopen(_ order: Order, at stage: OpportunityStage, time: WallClock, in ledger: some LedgerTransaction) throws {
        guard let quote: Quote = try ledger.liveRecord(RecordID(order.quoteID)),
              var opportunity: Opportunity = try ledger.liveRecord(RecordID(quote.opportunityID)),
              opportunity.stage == .closedWon else { return }
        opportunity.stage = stage
        opportunity.probability = stage.defaultProbability
        let stamp = try ledger.nextSequence()
        try ledger.writeAsHub(opportunity, stamp: stamp, time: time)
        try ledger.project(opportunity, deleted: false, seq: stamp)
    }

    /// A refused order write: its code and reason.
    struct Refused: Error {
        let result: WriteOutcome.Result

        init(_ code: RefusalCode, _ message: String) { result = .refused(code, message) }
    }
}
