import Foundation
import GRDB
import MergeEngine
import HubCore
import OutpostReplication

extension ReplicaTable {
    /// Records an admin's (the hub's own) delete of `id` at `seq`, made having seen
    /// every value, so it replicates to the devices that hold the record. Nothing
    /// happens for a record the hub never stored.
    static func recordHubDelete(_ db: Database, _ id: RecordID, kind: ReplicatedKind, seq: Int64, time: WallClock) throws {
        guard var replica = try load(db, id) else { return }
        let stamp = Dot(replica: HubIdentity.replica, counter: UInt64(seq))
        replica.state.apply(Write(dot: stamp, record: id, context: replica.state.context, operation: .delete,
                                  time: time.wholeSecond), stamp: stamp)
        replica.seq = UInt64(seq)
        replica.kind = kind
        try save(db, replica)
    }
}
