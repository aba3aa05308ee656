import MergeEngine

/// The server's replica id in the merge engine. Devices are numbered from 1 at
/// enrolment, so the hub's stamps and contexts encode in one byte.
public enum HubReplica {
    /// The hub's replica id.
    public static let id = ReplicaID(0)
}
