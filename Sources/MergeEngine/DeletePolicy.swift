/// How a record type resolves a delete that is concurrent with an update (or with a
/// restore). Either way the conflict stays visible in ``RecordView/deleteConflict``
/// until a user resolves it with ``DeviceReplica/delete(_:at:)`` or
/// ``DeviceReplica/restore(_:fields:at:)``.
public enum DeletePolicy: Hashable, Sendable {
    /// The record stays alive with all its fields (default: no field work is lost).
    case updateWins
    /// The record is shown as deleted; the concurrent updates are kept in the state.
    case deleteWins
}

/// Maps record types to their delete policies. Every replica must use the same
/// schema; policies only affect how a state is *viewed*, never how states merge,
/// so merging stays a policy-free semilattice join.
public struct MergeSchema: Hashable, Sendable {
    /// Explicit policies; types not listed use `defaultPolicy`.
    public var policies: [RecordTypeID: DeletePolicy]
    /// The policy of unlisted types.
    public var defaultPolicy: DeletePolicy

    /// Creates a schema.
    public init(policies: [RecordTypeID: DeletePolicy] = [:], defaultPolicy: DeletePolicy = .updateWins) {
        self.policies = policies
        self.defaultPolicy = defaultPolicy
    }

    /// The delete policy of `type`.
    public func policy(for type: RecordTypeID) -> DeletePolicy { policies[type] ?? defaultPolicy }
}
