public import MergeEngine
public import OutpostReplication

/// A record as this device sees it: the hub's state with the device's pending
/// writes on top.
public struct LocalRecord: Sendable, Equatable {
    /// The record's kind.
    public let kind: ReplicatedKind
    /// The merged state (pending writes under provisional stamps).
    public let state: RecordState
    /// Pending writes of this record, oldest first.
    public let pending: [Write]
    /// Winners, conflicts and the delete status, computed once (lists filter and sort
    /// thousands of records on it).
    public let view: RecordView

    /// The record's id.
    public var id: RecordID { state.id }

    /// Pairs a merged state with its pending writes.
    public init(kind: ReplicatedKind, state: RecordState, pending: [Write]) {
        self.kind = kind
        self.state = state
        self.pending = pending
        view = state.view(policy: .updateWins)
    }

    /// The winning values decoded into the domain type.
    public func decoded() throws(RecordDecodingError) -> any ReplicatedRecord {
        try kind.decode(recordID: id, fields: view.values)
    }
}
