import Foundation
import GRDB
import HubCore
import MergeEngine
import OutpostModel
import OutpostReplication

/// The hub's `device` records (``DeviceName``: number, user, label), one per enrolled
/// device, so every replica names the writers of conflicting values by their user and
/// label instead of a bare number.
///
/// A device's name is published right after the transaction that enrolled it commits:
/// ``observe(_:)`` watches `sync_device` for new rows and, on the writer's queue before
/// any other write, writes the names still missing. Devices enrolled before this
/// existed are named by the migration `v11-device-names`.
enum DeviceNames {
    /// Publishes missing names after every transaction that adds an enrolled device
    /// (an enrolment or a console device), until the returned value is cancelled.
    static func observe(_ writer: any DatabaseWriter) -> AnyDatabaseCancellable {
        DatabaseRegionObservation(tracking: Table("sync_device").select(Column("number"), Column("device_id")))
            .start(in: writer, onError: { _ in }, onChange: { db in
                // A failure leaves the names missing until the next enrolment publishes them all.
                try? db.inTransaction {
                    try publishMissing(db)
                    return .commit
                }
            })
    }

    /// Writes a `device` record for every enrolled device that has none, each at the
    /// next change sequence value.
    static func publishMissing(_ db: Database, now: Date = Date()) throws {
        let published = Set(try Data.fetchAll(db, sql: "SELECT id FROM replica_record WHERE kind = ?",
                                              arguments: [Int64(ReplicatedKind.device.rawValue)]))
        let rows = try Row.fetchAll(db, sql: """
            SELECT s.number, d.id, d.user_id, d.label FROM sync_device s JOIN device d ON d.id = s.device_id ORDER BY s.number
            """)
        let missing = try rows.compactMap { row -> DeviceName? in
            let id = try DeviceID.decode(row[1], "device", "id")
            guard !published.contains(Data(RecordID(id).bytes)) else { return nil }
            return DeviceName(id: id, number: row[0], userID: try .decode(row[2], "device", "user_id"), label: row[3])
        }
        guard !missing.isEmpty else { return }
        try ChangeSequence.use(db) { sequence in
            for name in missing {
                try ReplicaTable.recordHubWrite(db, name, seq: sequence.next(), time: WallClock(date: now))
            }
        }
    }
}
