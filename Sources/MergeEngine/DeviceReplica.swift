/// A write the hub refused, kept visible on the device.
public struct RejectedWrite: Hashable, Sendable {
    /// The write.
    public var write: Write
    /// Why the hub refused it.
    public var reason: RefusalReason
}

/// A field device's replica: the last known hub state of the records in scope
/// (`base`) with the device's pending writes overlaid (the local view).
///
/// Pending writes carry the record's hub vector the device had when it wrote. Until
/// the hub confirms them they are shown through provisional stamps that sort above
/// every hub stamp, so the local view shows the device's own latest edits — exactly
/// what the hub will decide, since it stamps them after everything the device has seen.
public struct DeviceReplica: Hashable, Sendable {
    /// This device's replica id.
    public let id: ReplicaID
    /// The hub it syncs with.
    public let hub: ReplicaID
    /// Record types' delete policies (same as the hub's).
    public let schema: MergeSchema
    /// Last known hub state per record.
    public private(set) var base: [RecordID: RecordState] = [:]
    /// Every hub change up to here has been received and merged.
    public private(set) var watermark: UInt64 = 0
    /// The hub's collection floor as last reported.
    public private(set) var gcFloor: UInt64 = 0
    /// The device's write counter (last dot issued).
    public private(set) var counter: UInt64 = 0
    /// Writes not yet processed by the hub, oldest first.
    public private(set) var pending: [Write] = []
    /// Writes the hub refused, kept for the user to see and re-apply.
    public private(set) var rejected: [RejectedWrite] = []


    /// Creates an empty device replica.
    public init(id: ReplicaID, hub: ReplicaID, schema: MergeSchema = MergeSchema()) {
        self.id = id
        self.hub = hub
        self.schema = schema
    }

    // MARK: Local view

    /// The local state of `record`: the base with pending writes applied.
    public func state(of record: RecordID) -> RecordState? {
        RecordState.overlay(base[record], pending: pending.filter { $0.record == record }, device: id)
    }

    /// The local view of `record` under its type's policy.
    public func view(of record: RecordID) -> RecordView? {
        state(of: record).map { $0.view(policy: schema.policy(for: $0.type)) }
    }

    /// Every record id in the local view, ascending.
    public var recordIDs: [RecordID] {
        var ids = Set(base.keys)
        for write in pending { if case .create = write.operation { ids.insert(write.record) } }
        return ids.sorted()
    }

    // MARK: Writing

    /// Creates a record.
    /// - Throws: ``MergeError/recordExists(_:)`` if it is already known here.
    @discardableResult
    public mutating func create(
        _ record: RecordID, type: RecordTypeID, fields: [FieldID: FieldValue], at time: WallClock
    ) throws(MergeError) -> Write {
        guard state(of: record) == nil else { throw .recordExists(record) }
        return issue(record, .create(type: type, fields: fields), time)
    }

    /// Sets fields of a live record. Writing a field that has conflicts resolves them:
    /// the write supersedes every sibling this device has seen.
    /// - Throws: ``MergeError/unknownRecord(_:)``, ``MergeError/recordDeleted(_:)``,
    ///   ``MergeError/emptyUpdate(_:)``.
    @discardableResult
    public mutating func update(
        _ record: RecordID, fields: [FieldID: FieldValue], at time: WallClock
    ) throws(MergeError) -> Write {
        guard let view = view(of: record) else { throw .unknownRecord(record) }
        guard !view.isDeleted else { throw .recordDeleted(record) }
        guard !fields.isEmpty else { throw .emptyUpdate(record) }
        return issue(record, .update(fields: fields), time)
    }

    /// Resolves the conflict on `field` by writing `value` (often one of the siblings).
    /// - Throws: as ``update(_:fields:at:)``.
    @discardableResult
    public mutating func resolve(
        _ record: RecordID, field: FieldID, with value: FieldValue, at time: WallClock
    ) throws(MergeError) -> Write {
        try update(record, fields: [field: value], at: time)
    }

    /// Deletes a record. Deleting a record with a delete conflict, having seen it,
    /// resolves the conflict in favour of the delete.
    /// - Throws: ``MergeError/unknownRecord(_:)``, ``MergeError/recordDeleted(_:)`` if
    ///   it is already deleted without conflict.
    @discardableResult
    public mutating func delete(_ record: RecordID, at time: WallClock) throws(MergeError) -> Write {
        guard let view = view(of: record) else { throw .unknownRecord(record) }
        guard !view.isDeleted || view.deleteConflict != nil else { throw .recordDeleted(record) }
        return issue(record, .delete, time)
    }

    /// Undoes the deletes this device has seen (resolving a delete conflict in favour
    /// of keeping the record), optionally setting fields.
    /// - Throws: ``MergeError/unknownRecord(_:)``, ``MergeError/notDeleted(_:)``.
    @discardableResult
    public mutating func restore(
        _ record: RecordID, fields: [FieldID: FieldValue] = [:], at time: WallClock
    ) throws(MergeError) -> Write {
        guard let state = state(of: record) else { throw .unknownRecord(record) }
        guard !state.tombstones.isEmpty else { throw .notDeleted(record) }
        return issue(record, .restore(fields: fields), time)
    }

    private mutating func issue(_ record: RecordID, _ operation: WriteOperation, _ time: WallClock) -> Write {
        counter += 1
        let write = Write(
            dot: Dot(replica: id, counter: counter), record: record,
            context: base[record]?.context ?? VersionVector(), operation: operation, time: time)
        pending.append(write)
        return write
    }

    // MARK: Sync

    /// The next upload: every pending write plus the acknowledgement of `watermark`.
    public func pushRequest() -> PushRequest {
        PushRequest(device: id, watermark: watermark, writesThrough: counter, writes: pending)
    }

    /// Handles the hub's answer to a push: refused writes move to ``rejected``.
    /// Accepted writes stay pending until the hub's state containing them arrives
    /// (see ``apply(_:)``), so the local view never flickers.
    /// - Returns: whether the hub asked for a rebootstrap.
    @discardableResult
    public mutating func handle(_ result: PushResult) -> Bool {
        switch result {
        case .rebootstrapRequired:
            return true
        case .processed(let outcomes):
            for case .refused(let n, let reason) in outcomes { reject(counter: n, reason: reason) }
            return false
        }
    }

    /// Merges a (possibly partial, duplicated, stale or reordered) part of a change
    /// batch. Once every record the summary expects is in, completes the sync:
    /// advances the watermark, drops pending writes the hub has processed (moving
    /// refused ones to ``rejected``), and collects deleted records at or below the
    /// hub's floor with exactly the hub's rule. Every step is idempotent and monotone,
    /// so applying any part any number of times, in any order, is safe.
    /// - Returns: whether the batch is complete.
    /// - Throws: ``MergeError/wrongHub(expected:received:)``.
    @discardableResult
    public mutating func apply(_ part: ChangeBatch) throws(MergeError) -> Bool {
        guard part.hub == hub else { throw .wrongHub(expected: hub, received: part.hub) }
        for record in part.records {
            if var existing = base[record.id] {
                try existing.join(record)
                base[record.id] = existing
            } else if record.counter(of: hub) > gcFloor {
                // A missing record at or below our floor was collected here; a stale
                // delivery must not bring it back.
                base[record.id] = record
            }
        }
        for (recordID, needed) in part.summary.expected where needed > gcFloor {
            guard let record = base[recordID], record.counter(of: hub) >= needed else { return false }
        }
        complete(part.summary)
        return true
    }

    /// Replaces the base with a hub snapshot after `.rebootstrapRequired`. Pending
    /// writes are kept and pushed again; any the hub can no longer merge safely come
    /// back refused and stay visible in ``rejected``.
    /// - Throws: ``MergeError/notASnapshot``, ``MergeError/wrongHub(expected:received:)``.
    public mutating func rebootstrap(from snapshot: ChangeBatch) throws(MergeError) {
        guard snapshot.hub == hub else { throw .wrongHub(expected: hub, received: snapshot.hub) }
        guard snapshot.summary.isSnapshot else { throw .notASnapshot }
        base = Dictionary(uniqueKeysWithValues: snapshot.records.map { ($0.id, $0) })
        watermark = 0
        gcFloor = 0
        complete(snapshot.summary)
    }

    private mutating func complete(_ summary: SyncSummary) {
        for refusal in summary.refusals { reject(counter: refusal.counter, reason: refusal.reason) }
        pending.removeAll { $0.dot.counter <= summary.appliedThrough }
        watermark = max(watermark, summary.upTo)
        if summary.gcFloor > gcFloor {
            gcFloor = summary.gcFloor
            base = base.filter { !$0.value.isCollectable(floor: gcFloor, hub: hub, policy: schema.policy(for: $0.value.type)) }
        }
    }

    private mutating func reject(counter n: UInt64, reason: RefusalReason) {
        guard let index = pending.firstIndex(where: { $0.dot.counter == n }) else { return }
        rejected.append(RejectedWrite(write: pending.remove(at: index), reason: reason))
    }
}
