import Foundation
import GRDB
import MergeEngine
import OutpostProtocol

extension Replica {
    /// Takes in the server's answer to a request whose counter it had already seen:
    /// continues after its counter, and when the server was restored from a backup since
    /// (``SyncResponseFrame/Behind/startsNewEpoch(after:)``) also restarts the replica in
    /// the server's new epoch, in the same transaction. Returns how many lost changes
    /// are sent again, or `nil` when the server was not restored.
    /// - Parameter sent: the counter of the request answered.
    func adopt(_ behind: SyncResponseFrame.Behind, sent: UInt64) throws(ReplicaError) -> Int? {
        try write { db in
            let resent = behind.startsNewEpoch(after: sent) ? try restartEpoch(db, from: behind.epochStart) : nil
            _ = try DeviceIdentity.update(db, cipher: cipher) { $0.requestCounter = max($0.requestCounter, behind.last) }
            return resent
        }
    }

    /// Restarts the replica in a server epoch that began at hub counter `epochStart`:
    /// every write of this device the restored server lost (``LostWrite``) becomes a
    /// pending write again, before the writes still pending (their contexts cut to
    /// `epochStart`); then the hub state is forgotten and the cursor reset, so the sync
    /// reads every record of the scope again (hub stamps above `epochStart` from before
    /// the restore are void: the restored server hands them out again). Records with
    /// pending writes keep their last state aside, as on an eviction.
    private func restartEpoch(_ db: Database, from epochStart: UInt64) throws -> Int {
        let identity = try DeviceIdentity.require(db, cipher: cipher)
        var counter = identity.writeCounter
        var lost: [Write] = []
        var groups = StateGroupReader()
        for row in try Row.fetchAll(db, sql: "SELECT \(Self.stateColumns) FROM record") {
            let id = try RecordID(bytes: [UInt8](row[0] as Data))
            if let write = LostWrite.write(for: try openState(db, row, id, groups: &groups), by: identity.replicaID, after: epochStart, counter: counter + 1) {
                lost.append(write)
                counter += 1
            }
        }
        let pending = try pendingStore.writes(db)
        for write in pending { try pendingStore.remove(db, counter: write.dot.counter) }
        for write in lost { try pendingStore.insert(db, write) }
        for var write in pending {
            counter += 1
            write.dot.counter = counter
            try pendingStore.insert(db, LostWrite.clamped(write, to: epochStart))
        }
        try keepDeparted(db)
        try db.execute(sql: "DELETE FROM record")
        try db.execute(sql: "DELETE FROM state_group")
        _ = try DeviceIdentity.update(db, cipher: cipher) { identity in
            identity.writeCounter = counter
            identity.cursor = .start
        }
        return lost.count
    }
}
