import Foundation
import GRDB
import MergeEngine
import OutpostProtocol
import OutpostReplication

extension ReplicaTable {
    /// Records an admin's (the hub's own) delete of `id` at `seq`, made having seen
    /// every value, so it replicates to the devices that hold the record. Nothing
    /// happens for a record the hub never stored.
    static func recordHubDelete(_ db: Database, _ id: RecordID, kind: ReplicatedKind, seq: Int64, time: WallClock) throws {
        guard var replica = try load(db, id) else { return }
        let stamp = Dot(replica: HubReplica.id, counter: UInt64(seq))
        replica.state.apply(Write(dot: stamp, record: id, context: replica.state.context, operation: .delete,
                                  time: ValueCodec.wholeSeconds(time)), stamp: stamp)
        replica.seq = seq
        try save(db, replica, kind: kind)
    }
}
