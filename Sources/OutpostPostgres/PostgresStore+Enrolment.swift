public import Foundation
public import HubCore
public import OutpostModel
public import OutpostStore
import PostgresNIO

extension PostgresStore {
    /// Stores an enrolment code (its hash; the code itself is never stored).
    /// - Throws: `.missingReference` for an unknown user, `.duplicate` for a code stored before.
    /// Its sealing key is kept sealed under the key file.
    public func addEnrolmentCode(_ code: EnrolmentCode) async throws(StoreError) {
        let sealed = try code.sealKey.map { key throws(StoreError) in
            Data(try requireSecrets().seal(key, name: ServerSecrets.enrolmentKeyName(codeHash: code.codeHash)))
        }
        try await transaction("adding an enrolment code") { [logger] connection in
            try await connection.write("""
                INSERT INTO enrolment_code (code_hash, user_id, expires_at, used_at, sealed_key)
                VALUES (\(code.codeHash), \(code.userID.uuid), \(code.expiresAt.millisecondAligned), \(code.usedAt?.millisecondAligned),
                        \(sealed))
                """, RowContext(kind: "enrolment code", id: code.codeHash, references: ["user_id": "user"]), logger: logger)
        }
    }

    /// Redeems the code and enrols a device with `publicKey` for the code's user, in one
    /// transaction: the code works once, even when several instances are asked at once
    /// (the redeeming update takes the code's row lock; a second redeemer waits, then
    /// finds it used).
    /// - Returns: the new device, numbered one above the highest number so far.
    /// - Throws: `.enrolmentRefused` saying whether the code is unknown, used or expired.
    public func enrolDevice(codeHash: String, publicKey: [UInt8], label: String, now: Date) async throws(StoreError) -> EnrolledDevice {
        try await transaction("enrolling a device") { [logger] connection in
            let redeemed = try await connection.query("""
                UPDATE enrolment_code SET used_at = \(now.millisecondAligned)
                WHERE code_hash = \(codeHash) AND used_at IS NULL AND expires_at > \(now.millisecondAligned)
                RETURNING user_id
                """, logger: logger).all(UUID.self)
            guard let userID = redeemed.first.map(UserID.init) else {
                throw try await Self.refusal(codeHash, connection, logger: logger)
            }
            // Device numbers are handed out one at a time across instances.
            try await connection.query("LOCK TABLE sync_device IN SHARE ROW EXCLUSIVE MODE", logger: logger)
            let device = Device(userID: userID, label: label, publicKey: publicKey, enrolledAt: now.millisecondAligned)
            try await connection.write("""
                INSERT INTO device (id, user_id, label, public_key, enrolled_at)
                VALUES (\(device.id.uuid), \(userID.uuid), \(label), \(Data(publicKey)), \(now.millisecondAligned))
                """, RowContext(kind: "device", id: device.id.description, references: ["user_id": "user"]), logger: logger)
            let number = try await connection.query("""
                INSERT INTO sync_device (number, device_id)
                VALUES ((SELECT COALESCE(MAX(number), 0) + 1 FROM sync_device), \(device.id.uuid)) RETURNING number
                """, logger: logger).single(Int64.self)
            guard let user = try await Self.users(connection, named: nil, id: userID, logger: logger).first else {
                throw StoreError(.database, "the enrolment code's user vanished during enrolment")
            }
            return EnrolledDevice(number: UInt32(number), device: device, user: user, lastCounter: 0, appliedThrough: 0)
        }
    }

    /// Why the code `codeHash` did not redeem: unknown, used or expired.
    private static func refusal(_ codeHash: String, _ connection: PostgresConnection, logger: Logger) async throws -> StoreError {
        let rows = try await connection.query("SELECT expires_at, used_at FROM enrolment_code WHERE code_hash = \(codeHash)",
                                              logger: logger)
        for try await (expires, used) in rows.decode((Date, Date?).self) {
            if let used {
                return StoreError(.enrolmentRefused, "enrolment code already used at \(used.millisecondAligned.formatted(.iso8601)); "
                    + "a code works once, ask an admin for a new one")
            }
            return StoreError(.enrolmentRefused, "enrolment code expired at \(expires.millisecondAligned.formatted(.iso8601)); "
                + "ask an admin for a new one")
        }
        return StoreError(.enrolmentRefused, "unknown enrolment code; check it was typed correctly or ask an admin "
            + "for a new one (outpost-server device enrol --user NAME)")
    }
}
