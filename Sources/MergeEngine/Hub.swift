/// The hub's bookkeeping for one device (per device, not per record).
public struct DeviceLedger: Hashable, Sendable {
    /// Highest device write counter processed (accepted or refused), for idempotency.
    public internal(set) var appliedThrough: UInt64 = 0
    /// Highest hub counter the device acknowledged having fully received.
    public internal(set) var acknowledged: UInt64 = 0
    /// Refusals not yet acknowledged.
    public internal(set) var refusals: [WriteRefusal] = []
}

/// The server-side replica: the only authority that stamps writes.
///
/// A value type with no I/O: the server persists its fields and feeds it pushes and
/// pulls. Stamps are dots `(hub, n)` with `n` the global acceptance counter, which
/// doubles as the watermark devices report ("send me what changed after `n`").
public struct Hub: Hashable, Sendable {
    /// This hub's replica id.
    public let id: ReplicaID
    /// Record types' delete policies.
    public let schema: MergeSchema
    /// The last stamp issued.
    public internal(set) var counter: UInt64 = 0
    /// All live (not yet collected) records.
    public internal(set) var records: [RecordID: RecordState] = [:]
    /// Deleted records stamped at or below this counter have been collected; a device
    /// whose watermark is below it must rebootstrap.
    public internal(set) var gcFloor: UInt64 = 0
    /// Per-device ledgers.
    public internal(set) var devices: [ReplicaID: DeviceLedger] = [:]
    /// `(counter, hub time)` checkpoints, one per push that stamped something; used
    /// to translate the time horizon into a counter.
    public internal(set) var checkpoints: [Checkpoint] = []

    /// A hub counter and the hub's clock when it was reached.
    public struct Checkpoint: Hashable, Sendable {
        /// The counter.
        public var counter: UInt64
        /// The hub's clock.
        public var time: WallClock
    }

    /// Creates an empty hub.
    public init(id: ReplicaID, schema: MergeSchema = MergeSchema()) {
        self.id = id
        self.schema = schema
    }

    /// Enrols a device. A new device starts at watermark 0, so once anything has been
    /// collected it bootstraps from ``snapshot(for:)``.
    public mutating func register(device: ReplicaID) {
        if devices[device] == nil { devices[device] = DeviceLedger() }
    }

    /// Removes a device from scope (it no longer holds back tombstone collection).
    public mutating func retire(device: ReplicaID) {
        devices[device] = nil
    }

    /// The view of `record` under its type's policy.
    public func view(_ record: RecordID) -> RecordView? {
        records[record].map { $0.view(policy: schema.policy(for: $0.type)) }
    }

    // MARK: Push

    /// Processes a device push: applies each write exactly once and in device-counter
    /// order (duplicates are skipped, gaps deferred), then records the device's
    /// acknowledgement if every write up to `push.writesThrough` has been processed.
    ///
    /// - Parameter now: the hub's clock, recorded to age tombstones.
    /// - Throws: ``MergeError/unknownDevice(_:)``, ``MergeError/foreignWrite(device:writer:)``.
    public mutating func receive(_ push: PushRequest, now: WallClock) throws(MergeError) -> PushResult {
        guard var ledger = devices[push.device] else { throw .unknownDevice(push.device) }
        if let foreign = push.writes.first(where: { $0.dot.replica != push.device }) {
            throw .foreignWrite(device: push.device, writer: foreign.dot.replica)
        }
        if push.watermark < gcFloor { return .rebootstrapRequired(floor: gcFloor) }
        let before = counter
        var outcomes: [WriteOutcome] = []
        outcomes.reserveCapacity(push.writes.count)
        for write in push.writes.sorted(by: { $0.dot.counter < $1.dot.counter }) {
            let n = write.dot.counter
            if n <= ledger.appliedThrough {
                outcomes.append(.duplicate(counter: n))
            } else if n > ledger.appliedThrough + 1 {
                outcomes.append(.deferred(counter: n, expected: ledger.appliedThrough + 1))
            } else {
                ledger.appliedThrough = n
                if let reason = refusal(for: write) {
                    ledger.refusals.append(WriteRefusal(counter: n, reason: reason, hubCounter: counter))
                    outcomes.append(.refused(counter: n, reason: reason))
                } else {
                    counter += 1
                    let stamp = Dot(replica: id, counter: counter)
                    let type: RecordTypeID
                    if case .create(let created, _) = write.operation { type = created } else { type = RecordTypeID(0) }
                    records[write.record, default: RecordState(id: write.record, type: type)].apply(write, stamp: stamp)
                    outcomes.append(.accepted(counter: n, stamp: stamp))
                }
            }
        }
        if ledger.appliedThrough >= push.writesThrough && push.watermark > ledger.acknowledged {
            ledger.acknowledged = min(push.watermark, counter)
            ledger.refusals.removeAll { $0.hubCounter < ledger.acknowledged }
        }
        devices[push.device] = ledger
        if counter > before { checkpoints.append(Checkpoint(counter: counter, time: now)) }
        return .processed(outcomes)
    }

    private func refusal(for write: Write) -> RefusalReason? {
        guard records[write.record] == nil else { return nil }
        if case .create = write.operation { return nil }
        return write.context.isEmpty ? .unknownRecord : .recordCollected
    }

    // MARK: Pull

    /// The records changed since `watermark` for `device`, or a rebootstrap signal if
    /// the watermark is below the collection floor.
    ///
    /// "Changed since W" is `record.counter(of: hub) > W`: the query a database index
    /// on the record's hub counter answers directly.
    /// - Throws: ``MergeError/unknownDevice(_:)``.
    public func changes(for device: ReplicaID, since watermark: UInt64) throws(MergeError) -> PullResult {
        guard let ledger = devices[device] else { throw .unknownDevice(device) }
        if watermark < gcFloor { return .rebootstrapRequired(floor: gcFloor) }
        let changed = records.values.filter { $0.counter(of: id) > watermark }
        return .changes(batch(changed, ledger: ledger, isSnapshot: false))
    }

    /// Every live record, for a device that must (re)bootstrap.
    /// - Throws: ``MergeError/unknownDevice(_:)``.
    public func snapshot(for device: ReplicaID) throws(MergeError) -> ChangeBatch {
        guard let ledger = devices[device] else { throw .unknownDevice(device) }
        return batch(Array(records.values), ledger: ledger, isSnapshot: true)
    }

    private func batch(_ changed: [RecordState], ledger: DeviceLedger, isSnapshot: Bool) -> ChangeBatch {
        let sorted = changed.sorted { $0.id < $1.id }
        var expected: [RecordID: UInt64] = [:]
        for record in sorted { expected[record.id] = record.counter(of: id) }
        let summary = SyncSummary(
            upTo: counter, expected: expected, isSnapshot: isSnapshot, gcFloor: gcFloor,
            appliedThrough: ledger.appliedThrough, refusals: ledger.refusals)
        return ChangeBatch(hub: id, records: sorted, summary: summary)
    }
}
