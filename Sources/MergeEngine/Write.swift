/// What a write does to its record.
public enum WriteOperation: Hashable, Sendable {
    /// Creates the record with an initial set of fields.
    case create(type: RecordTypeID, fields: [FieldID: FieldValue])
    /// Sets some fields. Also the way to resolve a field conflict: the new value
    /// dominates every sibling the author has seen.
    case update(fields: [FieldID: FieldValue])
    /// Deletes the record (a tombstone). Fields are kept until the tombstone is
    /// collected, so an "update wins" resolution can bring the record back whole.
    case delete
    /// Undoes the deletes the author has seen and optionally sets fields; resolves a
    /// delete conflict in favour of keeping the record.
    case restore(fields: [FieldID: FieldValue])

    /// The fields this operation sets.
    public var fields: [FieldID: FieldValue] {
        switch self {
        case .create(_, let fields), .update(let fields), .restore(let fields): fields
        case .delete: [:]
        }
    }
}

/// A device's pending write: identified by its dot `(device, deviceCounter)` and
/// carrying the context it was made in (the record's hub vector as the device had
/// received it). The hub stamps it on acceptance.
public struct Write: Hashable, Sendable {
    /// `(device, counter)`: the hub applies each device's writes once, in counter order.
    public var dot: Dot
    /// The target record.
    public var record: RecordID
    /// What the write has seen of the record. Entries whose stamps it includes are
    /// superseded by this write; so are the author's own earlier writes.
    public var context: VersionVector
    /// The operation.
    public var operation: WriteOperation
    /// The author's wall clock: display only.
    public var time: WallClock

    /// Creates a write.
    public init(dot: Dot, record: RecordID, context: VersionVector, operation: WriteOperation, time: WallClock) {
        self.dot = dot
        self.record = record
        self.context = context
        self.operation = operation
        self.time = time
    }

    /// Whether this write superseded `entry`: the author had seen it, or wrote it.
    @inlinable func supersedes(_ entry: some Stamped) -> Bool {
        entry.origin == dot.replica || context.contains(entry.stamp)
    }
}
