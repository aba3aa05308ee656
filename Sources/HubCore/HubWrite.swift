public import MergeEngine
public import OutpostReplication

/// The hub's own write of a record (an admin's import or edit, an order's number):
/// made having seen everything, so it supersedes every value it sets.
public enum HubWrite {
    /// `record`'s state after the hub writes its current fields over `existing` under
    /// stamp `(hub, stamp)`: a create if there is no state yet, else an update of the
    /// fields that changed.
    public static func state(of record: some ReplicatedRecord, over existing: RecordState?, stamp: UInt64,
                             time: WallClock) -> RecordState {
        let kind = type(of: record).kind
        var state = existing ?? RecordState(id: record.recordID, type: kind.typeID)
        let fields = record.fields
        let operation: WriteOperation
        if existing == nil {
            operation = .create(type: kind.typeID, fields: fields)
        } else {
            let current = state.view(policy: .updateWins).values
            operation = .update(fields: fields.filter { current[$0.key] != $0.value })
        }
        let dot = Dot(replica: HubIdentity.replica, counter: stamp)
        state.apply(Write(dot: dot, record: record.recordID, context: state.context, operation: operation,
                          time: time.wholeSecond), stamp: dot)
        return state
    }
}
