import GRDB
import MergeEngine

/// The device's replica id in the merge engine, read from its identity.
enum DeviceNumber {
    /// The enrolled device number as a replica id (never the hub's id 0).
    /// - Throws: `.notEnrolled` when the replica has no identity yet.
    static func replica(_ db: Database) throws -> ReplicaID {
        guard let number = try Int64.fetchOne(db, sql: "SELECT device_number FROM identity"), number > 0,
              let device = UInt32(exactly: number) else {
            throw ReplicaError(.notEnrolled, "this replica has no device identity; enrol it with outpost enrol")
        }
        return ReplicaID(device)
    }
}
