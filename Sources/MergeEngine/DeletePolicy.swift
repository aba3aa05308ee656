/// How a record type resolves a delete that is concurrent with an update (or with a
/// restore). Either way the conflict stays visible in ``RecordView/deleteConflict``
/// until a user resolves it by deleting or restoring the record again, having seen it.
public enum DeletePolicy: Hashable, Sendable {
    /// The record stays alive with all its fields (default: no field work is lost).
    case updateWins
    /// The record is shown as deleted; the concurrent updates are kept in the state.
    case deleteWins
}
