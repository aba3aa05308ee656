public import Foundation
public import HubCore
public import MergeEngine
public import OrderIntake
public import OutpostModel
public import OutpostReplication
import Synchronization

/// The hub's ledger in memory: what the property suites run the shipped hub over.
/// A transaction changes the state in place and keeps an undo log, so a thrown error
/// changes nothing, as in SQLite, and a transaction costs what it touches (not a
/// copy of every device).
public final class InMemoryLedger: SyncLedger {
    private let state = Mutex(LedgerState())

    /// An empty ledger.
    public init() {}

    public func transaction<T: Sendable>(_ body: @Sendable (InMemoryTransaction) throws -> T) async throws -> T {
        try state.withLock { state in
            let transaction = InMemoryTransaction(state)
            state = LedgerState()  // the transaction now holds the only reference: no copy on write
            do {
                let result = try body(transaction)
                state = transaction.state
                return result
            } catch {
                state = transaction.rolledBack()
                throw error
            }
        }
    }

    public func snapshot<T: Sendable>(_ body: @Sendable (InMemoryTransaction) throws -> T) async throws -> T {
        try body(InMemoryTransaction(state.withLock { $0 }))
    }

    // MARK: Administration (what the server's commands do)

    /// Enrols a device of `user` under the next number.
    public func enrol(_ user: User) -> EnrolledDevice {
        state.withLock { state in
            let number = UInt32(state.devices.count + 1)
            let device = EnrolledDevice(number: number, device: Device(userID: user.id, label: "device \(number)", publicKey: [1]),
                                        user: user, lastCounter: 0, appliedThrough: 0)
            state.devices[number] = device
            state.assignments[user.id] = state.assignments[user.id] ?? Set(user.territoryIDs)
            return device
        }
    }

    /// Replaces the territories `user` works.
    public func assign(_ user: UserID, to territories: Set<TerritoryID>) {
        state.withLock { $0.assignments[user] = territories }
    }

    /// Revokes device `number`.
    public func revoke(_ number: UInt32, at date: Date) {
        state.withLock { $0.devices[number]?.device.revokedAt = date }
    }

    /// Every stored record, by id.
    public var records: [RecordID: StoredRecord] { state.withLock { $0.records } }

    /// The device `number` as stored.
    public func device(_ number: UInt32) -> EnrolledDevice? { state.withLock { $0.devices[number] } }
}

/// Everything an ``InMemoryLedger`` holds.
struct LedgerState: Sendable {
    var devices: [UInt32: EnrolledDevice] = [:]
    var assignments: [UserID: Set<TerritoryID>] = [:]
    var scopes: [UInt32: [ScopeVersion]] = [:]
    var records: [RecordID: StoredRecord] = [:]
    var outcomes: [UInt32: [UInt64: WriteOutcome]] = [:]
    var sequence: UInt64 = 0
    var departures: [(seq: UInt64, record: RecordID, territory: TerritoryID)] = []
    var orders: [String: Int] = [:]
    var orderStatuses: [EntityID<Order>: OrderStatus] = [:]
    var quoteNumbers: [EntityID<Quote>: Int] = [:]
}

/// One transaction of an ``InMemoryLedger``, on its own copy of the state.
public final class InMemoryTransaction: LedgerTransaction {
    private(set) var state: LedgerState
    private var undo: [(inout LedgerState) -> Void] = []

    init(_ state: LedgerState) { self.state = state }

    /// Changes the entry `key` of the dictionary at `path`, remembering how to undo it.
    private func change<Key: Hashable, Value>(_ path: WritableKeyPath<LedgerState, [Key: Value]>, _ key: Key,
                                              _ body: (inout Value?) -> Void) {
        let old = state[keyPath: path][key]
        undo.append { $0[keyPath: path][key] = old }
        body(&state[keyPath: path][key])
    }

    /// The state as it was before the transaction.
    func rolledBack() -> LedgerState {
        for step in undo.reversed() { step(&state) }
        undo = []
        return state
    }

    public func device(number: UInt32) throws -> EnrolledDevice? { state.devices[number] }

    /// Territories in memory have no tree: a user's territories are its assignment.
    public func territories(assignedTo user: UserID, withSubtrees: Bool) throws -> Set<TerritoryID> {
        state.assignments[user] ?? []
    }

    public func latestScope(device: UInt32) throws -> ScopeVersion? { state.scopes[device]?.last }

    public func scope(device: UInt32, version: UInt64) throws -> Set<TerritoryID>? {
        state.scopes[device]?.first { $0.version == version }?.territories
    }

    public func record(_ id: RecordID) throws -> StoredRecord? { state.records[id] }

    public func placement(of id: RecordID) throws -> RecordPlacement {
        guard let record = state.records[id] else { return .unknown }
        return record.territory.map(RecordPlacement.territory) ?? .global
    }

    public func outcomes(device: UInt32) throws -> [WriteOutcome] {
        (state.outcomes[device] ?? [:]).values.sorted { $0.counter < $1.counter }
    }

    public func currentSequence() throws -> UInt64 { state.sequence }

    public func records(_ selection: RecordSelection, after: UInt64, through: UInt64?, limit: Int) throws -> [StoredRecord] {
        Array(state.records.values
            .filter { $0.seq > after && $0.seq <= (through ?? .max) && selection.picks($0) }
            .sorted { $0.seq < $1.seq }
            .prefix(limit))
    }

    public func departures(leaving territories: Set<TerritoryID>, after: UInt64, through: UInt64) throws -> [RecordID] {
        var seen: Set<RecordID> = []
        return state.departures.filter { departure in
            guard departure.seq > after, departure.seq <= through, territories.contains(departure.territory),
                  let record = state.records[departure.record] else { return false }
            return record.territory.map { !territories.contains($0) } ?? true
        }.map(\.record).filter { seen.insert($0).inserted }
    }

    public func children(of parent: RecordID) throws -> [RecordID] {
        state.records.values.filter { $0.parent == parent }.map(\.state.id).sorted()
    }

    public func orderNumber(quote: EntityID<Quote>, hash: String) throws -> Int? { state.orders["\(quote)/\(hash)"] }

    public func lastOrderNumber() throws -> Int { state.orders.values.max() ?? 0 }

    public func intakeCatalog(for quote: Quote?) throws -> IntakeCatalog {
        IntakeCatalog(products: [], options: [], models: [], priceBook: nil, signedBundleVersions: [])
    }

    public func advanceCounter(device: UInt32, to counter: UInt64, at now: Date) throws -> Bool {
        guard let stored = state.devices[device], counter > stored.lastCounter else { return false }
        change(\.devices, device) {
            $0?.lastCounter = counter
            $0?.device.lastSyncAt = now
        }
        return true
    }

    public func setAppliedThrough(_ counter: UInt64, device: UInt32) throws { change(\.devices, device) { $0?.appliedThrough = counter } }

    public func addScope(_ scope: ScopeVersion, device: UInt32) throws { change(\.scopes, device) { $0 = ($0 ?? []) + [scope] } }

    public func nextSequence() throws -> UInt64 {
        let old = state.sequence
        undo.append { $0.sequence = old }
        state.sequence += 1
        return state.sequence
    }

    public func save(_ record: StoredRecord) throws { change(\.records, record.state.id) { $0 = record } }

    public func reroute(_ id: RecordID, to territory: TerritoryID, seq: UInt64) throws {
        change(\.records, id) {
            $0?.territory = territory
            $0?.seq = seq
        }
    }

    public func addDeparture(_ record: RecordID, from territory: TerritoryID, seq: UInt64) throws {
        undo.append { $0.departures.removeLast() }
        state.departures.append((seq, record, territory))
    }

    public func saveOutcome(_ outcome: WriteOutcome, device: UInt32) throws {
        change(\.outcomes, device) { $0 = ($0 ?? [:]).merging([outcome.counter: outcome]) { $1 } }
    }

    public func dropOutcomes(device: UInt32, below counter: UInt64) throws {
        change(\.outcomes, device) { $0 = $0?.filter { $0.key >= counter } }
    }

    /// Memory keeps no domain tables: the record states are all there is.
    public func project(_ record: any ReplicatedRecord, deleted: Bool, seq: UInt64) throws {}

    public func recordOrderIntake(_ order: Order, number: Int, total: Money, placedBy device: DeviceID, seq: UInt64, at time: WallClock) throws {
        change(\.orders, "\(order.quoteID)/\(order.quoteHash)") { $0 = number }
        change(\.orderStatuses, order.id) { $0 = order.status }
    }

    public func recordOrderStatus(_ order: Order, seq: UInt64) throws { change(\.orderStatuses, order.id) { $0 = order.status } }

    public func orderStatus(_ id: EntityID<Order>) throws -> OrderStatus? { state.orderStatuses[id] }

    public func user(_ id: UserID) throws -> User? { state.devices.values.first { $0.user.id == id }?.user }

    public func isDisabled(user: UserID) throws -> Bool { false }

    public func isRetiring(device: DeviceID) throws -> Bool { false }

    public func markRevoked(device: DeviceID, at now: Date) throws {
        guard let number = state.devices.first(where: { $0.value.device.id == device })?.key else { return }
        change(\.devices, number) { stored in
            if stored?.device.revokedAt == nil { stored?.device.revokedAt = now }
        }
    }

    public func quoteNumber(_ id: EntityID<Quote>) throws -> Int? { state.quoteNumbers[id] }

    public func lastQuoteNumber() throws -> Int { state.quoteNumbers.values.max() ?? 0 }

    public func recordQuoteNumber(_ id: EntityID<Quote>, number: Int) throws { change(\.quoteNumbers, id) { $0 = number } }

    public func appendOrderEvent(_ order: Order, at time: WallClock) throws {}
}
