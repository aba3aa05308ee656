import MergeEngine
import OrderIntake
import OutpostModel
import OutpostReplication

/// The hub's rules for device writes to orders (see ARCHITECTURE.md, the life of an order):
///
/// - a new order is re-validated and re-priced by `OrderIntake`; once taken in it
///   gets the next order number and the server's total (a hub write on top of the
///   device's, so both sync back), and a `submitted` feed event;
/// - one order per quote version: a second order for the same quote hash is refused;
/// - afterwards only the order desk changes an order, and only its status (along
///   `OrderStatus.nextStates`) and its note to the rep; each status change adds a
///   feed event;
/// - orders are never deleted.
enum OrderRules {
    /// What a device's write to an order does, once allowed.
    enum Change {
        /// A new order, taken in at the server's total.
        case intake(total: Money)
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
            let quote: Quote? = try ledger.liveRecord(RecordID(after.quoteID))
            let catalog = try ledger.intakeCatalog(for: quote)
            do throws(IntakeRefusal) {
                return .success(.intake(total: try OrderIntake.review(after, quote: quote, catalog: catalog)))
            } catch {
                return .failure(Refused(.invalid, error.message))
            }
        }
        guard let before = try? Order(recordID: after.recordID, fields: stored.state.view(policy: .updateWins).values) else {
            return .failure(Refused(.invalid, "order \(after.id) is unreadable on the server; ask an admin to check it"))
        }
        guard before.quoteID == after.quoteID, before.quoteHash == after.quoteHash, before.number == after.number,
              before.total == after.total else {
            return .failure(Refused(.invalid, "an order's quote, number and total cannot change; only the order desk changes its status"))
        }
        guard before.status != after.status || before.deskNote != after.deskNote else { return .success(.none) }
        guard role == .desk else {
            return .failure(Refused(.readOnly, "only the order desk changes an order's status or note"))
        }
        guard before.status != after.status else { return .success(.none) }
        do throws(ValidationError) { try before.status.checkMove(to: after.status) } catch {
            return .failure(Refused(.invalid, "order \(after.number.map(\.description) ?? "\(after.id)"): \(error.reason)"))
        }
        return .success(.status)
    }

    /// Records an allowed change: for an intake, the hub's write of the number and
    /// total at the next sequence value and the order's row; for every state, a feed event.
    static func record(_ change: Change, order: Order, device: DeviceID, seq: UInt64, time: WallClock,
                       in ledger: some LedgerTransaction) throws {
        switch change {
        case .none:
            return
        case .intake(let total):
            let number = try ledger.lastOrderNumber() + 1
            var taken = order
            taken.number = OrderNumber(number)
            taken.total = total
            let stamp = try ledger.nextSequence()
            let placed = try ledger.record(order.recordID)
            let state = HubWrite.state(of: taken, over: placed?.state, stamp: stamp, time: time)
            try ledger.save(StoredRecord(state: state, kind: .order, territory: placed?.territory, seq: stamp))
            try ledger.recordOrderIntake(order, number: number, total: total, placedBy: device, seq: stamp, at: time)
        case .status:
            try ledger.recordOrderStatus(order, seq: seq)
        }
        try ledger.appendOrderEvent(order, at: time)
    }

    /// A refused order write: its code and reason.
    struct Refused: Error {
        let result: WriteOutcome.Result

        init(_ code: RefusalCode, _ message: String) { result = .refused(code, message) }
    }
}
