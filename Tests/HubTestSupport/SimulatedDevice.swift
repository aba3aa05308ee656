public import HubCore
public import MergeEngine
public import OutpostModel
import OutpostReplication

/// A field device as the property suites model it: the hub states it received (with
/// their routes), its pending and refused writes, its cursor, and what it does with
/// each delivery step (the same as the field client: join states, evict, settle acks).
public struct SimulatedDevice: Sendable {
    /// The device's number at the hub.
    public let number: UInt32
    /// Hub states received, by record.
    public private(set) var base: [RecordID: RoutedState] = [:]
    /// Writes not yet settled, oldest first.
    public private(set) var pending: [Write] = []
    /// Writes the hub refused, with why; never dropped.
    public private(set) var rejected: [(write: Write, code: RefusalCode)] = []
    /// Writes the hub accepted, with their stamps, as the device learnt them.
    public private(set) var accepted: [(write: Write, stamp: UInt64)] = []
    /// How far it has received.
    public private(set) var cursor = DeviceCursor.start
    /// The last write counter issued.
    public private(set) var writeCounter: UInt64 = 0
    /// The last request counter used.
    public private(set) var requestCounter: UInt64 = 0
    /// Whether the hub told it to wipe.
    public private(set) var wiped = false

    /// A new device.
    public init(number: UInt32) { self.number = number }

    /// The replica id.
    public var replica: ReplicaID { ReplicaID(number) }

    /// The local state of `record`: the hub's with pending writes overlaid.
    public func localState(of record: RecordID) -> RecordState? {
        RecordState.overlay(base[record]?.state, pending: pending.filter { $0.record == record }, device: replica)
    }

    /// Every record of the local view.
    public var recordIDs: [RecordID] {
        var ids = Set(base.keys)
        for write in pending { if case .create = write.operation { ids.insert(write.record) } }
        return ids.sorted()
    }

    /// Issues a write of `operation` to `record`, made having seen what the device holds.
    @discardableResult
    public mutating func write(_ record: RecordID, _ operation: WriteOperation, at time: WallClock) -> Write {
        writeCounter += 1
        let write = Write(dot: Dot(replica: replica, counter: writeCounter), record: record,
                          context: base[record]?.state.context ?? VersionVector(), operation: operation, time: time.wholeSecond)
        pending.append(write)
        return write
    }

    /// The next request: a fresh counter, the cursor and the oldest `limit` pending writes.
    public mutating func nextRequest(limit: Int = 1000) -> (counter: UInt64, cursor: DeviceCursor, writes: [Write]) {
        requestCounter += 1
        return (requestCounter, cursor, Array(pending.prefix(limit)))
    }

    /// Applies one delivery step and the cursor it brings, as one transaction.
    /// Like the field client: states are joined, the outcome settled, then what left
    /// the scope evicted (a territory's records, or a record, never a global one).
    public mutating func apply(_ step: DeliveryStep) throws {
        for routed in step.records {
            if var held = base[routed.state.id] {
                try held.state.join(routed.state)
                held.territory = routed.territory
                base[routed.state.id] = held
            } else {
                base[routed.state.id] = routed
            }
        }
        if let outcome = step.outcome { settle(outcome) }
        for id in step.evictions {
            let territory = TerritoryID(id)
            base = base.filter { ($0.key != id || $0.value.territory == nil) && $0.value.territory != territory }
        }
        cursor = step.cursor
    }

    /// Settles the processed pending writes: an accepted one is applied to the hub state
    /// under its stamp (unless a step already brought that state), a refused one moves
    /// to ``rejected``.
    private mutating func settle(_ outcome: PushOutcome) {
        let results = Dictionary(outcome.outcomes.map { ($0.counter, $0.result) }, uniquingKeysWith: { first, _ in first })
        var still: [Write] = []
        for write in pending {
            guard write.dot.counter <= outcome.appliedThrough, let result = results[write.dot.counter] else {
                still.append(write)
                continue
            }
            switch result {
            case .accepted(let stamp):
                accepted.append((write, stamp))
                var routed = base[write.record]
                if (routed?.state.context[ReplicaID.hub] ?? 0) < stamp {
                    if routed == nil, case .create(let type, _) = write.operation {
                        routed = RoutedState(state: RecordState(id: write.record, type: type), territory: nil, parent: nil)
                    }
                    routed?.state.apply(write, stamp: Dot(replica: ReplicaID.hub, counter: stamp))
                    if var settled = routed {
                        settled.territory = route(of: settled)
                        base[write.record] = settled
                    }
                }
            case .refused(let code, _):
                rejected.append((write, code))
            }
        }
        pending = still
    }

    /// Where the device files `routed` after its own accepted write: its record's route
    /// (the hub does not echo the state back).
    private func route(of routed: RoutedState) -> TerritoryID? {
        guard let kind = ReplicatedKind(typeID: routed.state.type),
              let record = try? kind.decode(recordID: routed.state.id, fields: routed.state.view(policy: .updateWins).values)
        else { return routed.territory }
        switch record.route {
        case .territory(let territory), .forecast(let territory): return territory
        case .global: return nil
        default: return record.route.parent.flatMap { base[$0.id]?.territory }
        }
    }

    /// The hub revoked the device: it wipes everything.
    public mutating func wipe() {
        base = [:]
        pending = []
        wiped = true
    }
}
