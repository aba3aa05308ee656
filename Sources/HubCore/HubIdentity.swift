public import MergeEngine

/// The hub's identity in the merge engine. Devices are numbered from 1 at enrolment,
/// so the hub's stamps and contexts encode in one byte.
public enum HubIdentity {
    /// The hub's replica id: the only one that stamps.
    public static let replica = ReplicaID(0)
}
