public import MergeEngine
public import OutpostReplication

/// A record as this device sees it: the hub's state with the device's pending
/// writes on top.
public struct LocalRecord: Sendable, Equatable {
    /// The record's kind.
    public var kind: ReplicatedKind
    /// The merged state (pending writes under provisional stamps).
    public var state: RecordState
    /// Pending writes of this record, oldest first.
    public var pending: [Write]

    /// The record's id.
    public var id: RecordID { state.id }

    /// Winners, conflicts and the delete status.
    public var view: RecordView { state.view(policy: .updateWins) }

    /// The winning values decoded into the domain type.
    public func decoded() throws(RecordDecodingError) -> any ReplicatedRecord {
        try kind.decode(recordID: id, fields: view.values)
    }
}
