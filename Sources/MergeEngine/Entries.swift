/// Something carrying a hub stamp; lets field siblings and existence entries share
/// the join algorithm.
public protocol Stamped: Sendable {
    /// The hub dot that identifies this entry.
    var stamp: Dot { get }
    /// The replica that authored the write (device or hub).
    var origin: ReplicaID { get }
    /// The author's wall clock: display only, never used to pick a winner.
    var time: WallClock { get }
}

/// One concurrent value of a field (a "sibling").
public struct FieldEntry: Stamped, Hashable {
    /// The hub stamp of the write that produced this value.
    public var stamp: Dot
    /// Who wrote it.
    public var origin: ReplicaID
    /// The value.
    public var value: FieldValue
    /// The author's wall clock: display only, never used to pick a winner.
    public var time: WallClock

    /// Creates a field entry.
    public init(stamp: Dot, origin: ReplicaID, value: FieldValue, time: WallClock) {
        self.stamp = stamp
        self.origin = origin
        self.value = value
        self.time = time
    }
}

/// One concurrent "does this record exist" assertion: a create/restore or a delete.
public struct ExistenceEntry: Stamped, Hashable {
    /// The assertion.
    public enum Kind: Hashable, Sendable {
        /// Created or restored.
        case alive
        /// Deleted, by an author who had seen `seen`.
        case deleted(seen: CausalContext)
    }

    /// The hub stamp of the write.
    public var stamp: Dot
    /// Who wrote it.
    public var origin: ReplicaID
    /// Alive or deleted.
    public var kind: Kind
    /// The author's wall clock: display only.
    public var time: WallClock

    /// Creates an existence entry.
    public init(stamp: Dot, origin: ReplicaID, kind: Kind, time: WallClock) {
        self.stamp = stamp
        self.origin = origin
        self.kind = kind
        self.time = time
    }

    /// Whether this is a tombstone.
    public var isTombstone: Bool {
        if case .deleted = kind { return true }
        return false
    }
}

/// A field's siblings, sorted by stamp (the last one is the visible winner).
public struct FieldSlot: Hashable, Sendable {
    /// The field.
    public var id: FieldID
    /// Non-dominated entries, ascending by stamp; never empty inside a ``RecordState``.
    public var siblings: [FieldEntry]

    /// Creates a slot.
    public init(id: FieldID, siblings: [FieldEntry]) {
        self.id = id
        self.siblings = siblings
    }
}
