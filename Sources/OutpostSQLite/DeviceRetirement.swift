public import Foundation
import GRDB
import MergeEngine
public import OutpostModel
public import OutpostStore

extension Schema {
    /// When an admin asked for a device to be retired (`outpost-server device retire`):
    /// its next syncs upload and settle every pending change as usual, and the first
    /// sync that brings no change is answered with a wipe, after which the device is
    /// revoked (the hub's rule).
    static let v9DeviceRetirement: [String] = [
        "ALTER TABLE device ADD COLUMN retiring_since INTEGER",
    ]
}

extension SQLiteStore {
    /// Marks the device to be retired from `date`: its next syncs upload its pending
    /// changes, then it is told to wipe and is revoked. Asking again keeps the first date.
    /// - Throws: `.notFound` for an unknown device, `.invalid` for a revoked one.
    public func retireDevice(_ id: DeviceID, at date: Date) async throws(StoreError) {
        try await write("retiring device \(id)") { db in
            guard let revoked = try Row.fetchOne(db, sql: "SELECT revoked_at FROM device WHERE id = ?", arguments: [id.sql]) else {
                throw StoreError(.notFound, "no device has id \(id); list them with outpost-server device list")
            }
            guard (revoked[0] as Int64?) == nil else {
                throw StoreError(.invalid, "device \(id) is already revoked; there is nothing left to retire")
            }
            try db.execute(sql: "UPDATE device SET retiring_since = COALESCE(retiring_since, ?) WHERE id = ?",
                           arguments: [date.sqlMilliseconds, id.sql])
        }
    }

    /// When each retiring device was marked so.
    public func deviceRetirements() async throws(StoreError) -> [DeviceID: Date] {
        try await read("listing retiring devices") { db in
            var retiring: [DeviceID: Date] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, retiring_since FROM device WHERE retiring_since IS NOT NULL") {
                retiring[try DeviceID.decode(row[0], "device", "id")] = Date(sqlMilliseconds: row[1])
            }
            return retiring
        }
    }
}
