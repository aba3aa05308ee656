public import Foundation
public import OutpostModel
public import OutpostStore
import PostgresNIO

extension PostgresStore {
    public func addDevice(_ device: Device) async throws(StoreError) {
        try await transaction("adding device \(device.label)") { [logger] connection in
            try await connection.write("""
                INSERT INTO device (id, user_id, label, public_key, enrolled_at, last_sync_at, revoked_at)
                VALUES (\(device.id.uuid), \(device.userID.uuid), \(device.label), \(device.publicKey.map { Data($0) }),
                        \(device.enrolledAt?.millisecondAligned), \(device.lastSyncAt?.millisecondAligned),
                        \(device.revokedAt?.millisecondAligned))
                """, RowContext(kind: "device", id: device.id.description, references: ["user_id": "user"]), logger: logger)
        }
    }

    public func devices() async throws(StoreError) -> [Device] {
        try await read("listing devices") { [logger] connection in
            var devices: [Device] = []
            let rows = try await connection.query("""
                SELECT id, user_id, label, public_key, enrolled_at, last_sync_at, revoked_at FROM device
                ORDER BY enrolled_at IS NULL, enrolled_at, id
                """, logger: logger)
            for try await (id, user, label, key, enrolled, lastSync, revoked)
                in rows.decode((UUID, UUID, String, Data?, Date?, Date?, Date?).self) {
                devices.append(Device(id: DeviceID(id), userID: UserID(user), label: label, publicKey: key.map { [UInt8]($0) },
                                      enrolledAt: enrolled?.millisecondAligned, lastSyncAt: lastSync?.millisecondAligned,
                                      revokedAt: revoked?.millisecondAligned))
            }
            return devices
        }
    }

    public func revokeDevice(_ id: DeviceID, at date: Date) async throws(StoreError) {
        try await transaction("revoking device \(id)") { [logger] connection in
            let changed = try await connection.query("""
                UPDATE device SET revoked_at = COALESCE(revoked_at, \(date.millisecondAligned)) WHERE id = \(id.uuid) RETURNING id
                """, logger: logger).all(UUID.self)
            guard !changed.isEmpty else {
                throw StoreError(.notFound, "no device has id \(id); list them with outpost-server device list")
            }
        }
    }

    public func retireDevice(_ id: DeviceID, at date: Date) async throws(StoreError) {
        try await transaction("retiring device \(id)") { [logger] connection in
            let revoked = try await connection.query("SELECT revoked_at FROM device WHERE id = \(id.uuid) FOR UPDATE", logger: logger)
                .all(Date?.self)
            guard let revokedAt = revoked.first else {
                throw StoreError(.notFound, "no device has id \(id); list them with outpost-server device list")
            }
            guard revokedAt == nil else {
                throw StoreError(.invalid, "device \(id) is already revoked; there is nothing left to retire")
            }
            try await connection.query("""
                UPDATE device SET retiring_since = COALESCE(retiring_since, \(date.millisecondAligned)) WHERE id = \(id.uuid)
                """, logger: logger)
        }
    }

    public func deviceRetirements() async throws(StoreError) -> [DeviceID: Date] {
        try await read("listing retiring devices") { [logger] connection in
            var retiring: [DeviceID: Date] = [:]
            let rows = try await connection.query("SELECT id, retiring_since FROM device WHERE retiring_since IS NOT NULL",
                                                  logger: logger)
            for try await (id, since) in rows.decode((UUID, Date).self) { retiring[DeviceID(id)] = since.millisecondAligned }
            return retiring
        }
    }

    public func deviceNumbers() async throws(StoreError) -> [DeviceID: Int] {
        try await read("listing device numbers") { [logger] connection in
            var numbers: [DeviceID: Int] = [:]
            let rows = try await connection.query("SELECT device_id, number FROM sync_device", logger: logger)
            for try await (id, number) in rows.decode((UUID, Int64).self) { numbers[DeviceID(id)] = Int(number) }
            return numbers
        }
    }
}
