/// Why the hub refused a device write. Refused writes stay visible on the device
/// (``DeviceReplica/rejected``); nothing vanishes silently.
public enum RefusalReason: Hashable, Sendable {
    /// The write targets a record the hub never had and is not a create.
    case unknownRecord
    /// The write targets a deleted record whose tombstone was already collected; the
    /// write was made against state too old to merge safely. Re-apply it by hand.
    case recordCollected
}

/// A refused device write, reported back to its device until acknowledged.
public struct WriteRefusal: Hashable, Sendable {
    /// The refused write's device counter.
    public var counter: UInt64
    /// Why.
    public var reason: RefusalReason
    /// The hub counter when it was refused (the refusal is forgotten once the device
    /// acknowledges a watermark at or past it).
    public var hubCounter: UInt64
}

/// A device's upload: its pending writes plus an acknowledgement of what it has
/// fully received. May be delivered split, duplicated or reordered.
public struct PushRequest: Hashable, Sendable {
    /// The sending device.
    public var device: ReplicaID
    /// The device's watermark: every hub change up to it has been received and merged.
    public var watermark: UInt64
    /// The device's latest write counter when it sent this push. The acknowledgement
    /// only counts once the hub applied every write up to here, so no stale write
    /// can reach a tombstone the hub has collected on the strength of this ack.
    public var writesThrough: UInt64
    /// Pending writes, oldest first (any subset of them may arrive).
    public var writes: [Write]

    /// Creates a push request.
    public init(device: ReplicaID, watermark: UInt64, writesThrough: UInt64, writes: [Write]) {
        self.device = device
        self.watermark = watermark
        self.writesThrough = writesThrough
        self.writes = writes
    }
}

/// What happened to one pushed write.
public enum WriteOutcome: Hashable, Sendable {
    /// Applied and stamped.
    case accepted(counter: UInt64, stamp: Dot)
    /// Already processed earlier (a duplicate delivery); nothing changed.
    case duplicate(counter: UInt64)
    /// An earlier write of the same device is missing; resend from `expected`.
    case deferred(counter: UInt64, expected: UInt64)
    /// Refused; the device keeps it visible as rejected.
    case refused(counter: UInt64, reason: RefusalReason)
}

/// The hub's answer to a push.
public enum PushResult: Hashable, Sendable {
    /// The writes were processed.
    case processed([WriteOutcome])
    /// The device's watermark is below the hub's collection floor: it may hold stale
    /// state. Nothing was applied; fetch ``Hub/snapshot(for:)`` and rebootstrap.
    case rebootstrapRequired(floor: UInt64)
}

/// Hub changes for one device: full states of the records changed since the device's
/// watermark, plus a summary. Records can be delivered in any split, order or with
/// duplicates; the device advances its watermark only once all have arrived.
public struct ChangeBatch: Hashable, Sendable {
    /// The hub that produced the batch.
    public var hub: ReplicaID
    /// Changed records, ascending by id.
    public var records: [RecordState]
    /// The summary applied once every record is in.
    public var summary: SyncSummary

    /// Splits this batch into parts of at most `maxRecords` records; each part carries
    /// the full summary, so parts can be delivered in any order.
    public func parts(maxRecords: Int) -> [ChangeBatch] {
        let size = max(1, maxRecords)
        if records.isEmpty { return [self] }
        return stride(from: 0, to: records.count, by: size).map { start in
            ChangeBatch(hub: hub, records: Array(records[start..<min(start + size, records.count)]), summary: summary)
        }
    }
}

/// What a device needs besides the record states to finish a sync.
public struct SyncSummary: Hashable, Sendable {
    /// The hub counter this batch brings the device up to (its new watermark).
    public var upTo: UInt64
    /// For each record in the batch, the hub counter the device must have reached
    /// for it before the batch counts as complete.
    public var expected: [RecordID: UInt64]
    /// Whether this is a full snapshot (rebootstrap) rather than an increment.
    public var isSnapshot: Bool
    /// The hub's tombstone collection floor.
    public var gcFloor: UInt64
    /// The highest device write counter the hub has processed.
    public var appliedThrough: UInt64
    /// Refused writes of this device not yet acknowledged.
    public var refusals: [WriteRefusal]
}

/// The hub's answer to a pull.
public enum PullResult: Hashable, Sendable {
    /// The changes since the device's watermark.
    case changes(ChangeBatch)
    /// The watermark is below the collection floor: incremental sync could resurrect
    /// collected records or miss deletes. Fetch ``Hub/snapshot(for:)`` and rebootstrap.
    case rebootstrapRequired(floor: UInt64)
}
