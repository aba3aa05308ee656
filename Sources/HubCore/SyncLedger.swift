public import Foundation
public import MergeEngine
public import OrderIntake
public import OutpostModel
public import OutpostReplication

/// What the hub reads from storage. Every method is plain storage: no rule of who
/// may do what lives behind it (those are the hub's, in this module).
public protocol LedgerReader {
    /// The enrolled device with replica number `number`, with its user.
    func device(number: UInt32) throws -> EnrolledDevice?
    /// The territories assigned to `user`, and with `withSubtrees` every territory below them.
    func territories(assignedTo user: UserID, withSubtrees: Bool) throws -> Set<TerritoryID>
    /// The device's newest scope version, if it has one.
    func latestScope(device: UInt32) throws -> ScopeVersion?
    /// The territories of the device's scope `version`, if it was recorded.
    func scope(device: UInt32, version: UInt64) throws -> Set<TerritoryID>?
    /// The hub's stored state of record `id`.
    func record(_ id: RecordID) throws -> StoredRecord?
    /// Where record `id` routes, without decoding its state.
    func placement(of id: RecordID) throws -> RecordPlacement
    /// The stored outcomes of the device's writes, ascending by counter.
    func outcomes(device: UInt32) throws -> [WriteOutcome]
    /// The last change sequence value handed out.
    func currentSequence() throws -> UInt64
    /// Up to `limit` records `selection` picks with `after < seq <= through`, ascending by seq.
    func records(_ selection: RecordSelection, after: UInt64, through: UInt64?, limit: Int) throws -> [StoredRecord]
    /// Records that departed one of `territories` with `after < seq <= through` and
    /// route outside them now.
    func departures(leaving territories: Set<TerritoryID>, after: UInt64, through: UInt64) throws -> [RecordID]
    /// The records whose stored parent is `parent` (the contacts, opportunities and
    /// activities of an account, the quotes of an opportunity, the orders of a quote).
    func children(of parent: RecordID) throws -> [RecordID]
    /// The number of the order already placed for this version of quote `quote`, if any.
    func orderNumber(quote: EntityID<Quote>, hash: String) throws -> Int?
    /// The highest order number handed out (0: none yet).
    func lastOrderNumber() throws -> Int
    /// The catalog rows `quote` is checked against at order intake.
    func intakeCatalog(for quote: Quote?) throws -> IntakeCatalog
    /// The status of order `id` as the order desk last set it, if the hub took it in.
    func orderStatus(_ id: EntityID<Order>) throws -> OrderStatus?
    /// The user `id`, if there is one.
    func user(_ id: UserID) throws -> User?
    /// Whether `user` is disabled.
    func isDisabled(user: UserID) throws -> Bool
    /// Whether `device` is marked to be retired.
    func isRetiring(device: DeviceID) throws -> Bool
    /// The number the hub gave quote `id`, if it has given one.
    func quoteNumber(_ id: EntityID<Quote>) throws -> Int?
    /// The highest quote number handed out (0: none yet).
    func lastQuoteNumber() throws -> Int
}

/// What the hub writes, inside the one transaction of a request.
public protocol LedgerTransaction: LedgerReader {
    /// Stores `counter` as the device's last request counter, and `now` as its last
    /// sync, if `counter` is above the stored one; returns whether it was.
    func advanceCounter(device: UInt32, to counter: UInt64, at now: Date) throws -> Bool
    /// Stores the highest device write counter processed.
    func setAppliedThrough(_ counter: UInt64, device: UInt32) throws
    /// Records a new scope version of the device.
    func addScope(_ scope: ScopeVersion, device: UInt32) throws
    /// The next change sequence value (a hub stamp and a delivery position).
    func nextSequence() throws -> UInt64
    /// Stores (inserts or replaces) a record's state and route.
    func save(_ record: StoredRecord) throws
    /// Moves record `id`'s route to `territory` at sequence `seq`.
    func reroute(_ id: RecordID, to territory: TerritoryID, seq: UInt64) throws
    /// Records that `record` left `territory` at `seq`.
    func addDeparture(_ record: RecordID, from territory: TerritoryID, seq: UInt64) throws
    /// Stores the outcome of one device write.
    func saveOutcome(_ outcome: WriteOutcome, device: UInt32) throws
    /// Forgets the device's outcomes below `counter`.
    func dropOutcomes(device: UInt32, below counter: UInt64) throws
    /// Keeps the domain tables equal to the record's merged view.
    /// - Throws: ``LedgerRefusal`` when the tables refuse it (nothing of it is kept).
    func project(_ record: any ReplicatedRecord, deleted: Bool, seq: UInt64) throws
    /// Records a taken-in order (carrying its number and the server's total) and who placed it.
    func recordOrderIntake(_ order: Order, number: Int, total: Money, placedBy device: DeviceID, seq: UInt64, at time: WallClock) throws
    /// Stores the number the hub gave quote `id`.
    func recordQuoteNumber(_ id: EntityID<Quote>, number: Int) throws
    /// Marks `device` revoked at `now` (kept if it already is).
    func markRevoked(device: DeviceID, at now: Date) throws
    /// Records an order's new status.
    func recordOrderStatus(_ order: Order, seq: UInt64) throws
    /// Appends an event of `order`'s current status to the order feed.
    func appendOrderEvent(_ order: Order, at time: WallClock) throws
}

/// Storage the hub runs over: a read snapshot, or one write transaction per request
/// (a thrown error rolls all of it back).
public protocol SyncLedger: Sendable {
    /// The transaction type.
    associatedtype Transaction: LedgerTransaction

    /// Runs `body` in one write transaction.
    func transaction<T: Sendable>(_ body: @Sendable (Transaction) throws -> T) async throws -> T
    /// Runs `body` on a consistent read snapshot.
    func snapshot<T: Sendable>(_ body: @Sendable (Transaction) throws -> T) async throws -> T
}

/// A storage refusal of one write's effect (e.g. a domain row with a missing reference).
public struct LedgerRefusal: Error, Sendable, Equatable {
    /// Why, for the device.
    public var message: String

    /// Creates a refusal.
    public init(_ message: String) { self.message = message }
}

extension LedgerTransaction {
    /// Stores the hub's own write of `record` at sequence value `stamp` (``HubWrite``),
    /// routed where the record's route leads.
    func writeAsHub(_ record: some ReplicatedRecord, stamp: UInt64, time: WallClock) throws {
        let existing = try self.record(record.recordID)
        let state = HubWrite.state(of: record, over: existing?.state, stamp: stamp, time: time)
        let territory = try Routing.territory(of: record.route, in: self)
        try save(StoredRecord(state: state, kind: type(of: record).kind, territory: territory, parent: record.route.parent?.id,
                              seq: stamp))
    }
}

extension LedgerReader {
    /// The merged view of record `id` as an `R`, if the hub has it, it is not deleted,
    /// and it decodes.
    public func liveRecord<R: ReplicatedRecord>(_ id: RecordID) throws -> R? {
        guard let stored = try record(id) else { return nil }
        let view = stored.state.view(policy: .updateWins)
        guard !view.isDeleted else { return nil }
        return try? R(recordID: id, fields: view.values)
    }

    /// Whether the hub holds record `id` as a live (not deleted) record of `kind`.
    public func holdsLive(_ id: RecordID, kind: ReplicatedKind) throws -> Bool {
        guard let stored = try record(id), stored.kind == kind else { return false }
        return !stored.state.view(policy: .updateWins).isDeleted
    }
}
