import ByteCoding
import Foundation
import GRDB
public import MergeEngine
public import OutpostProtocol
public import SyncChannel

/// Who this device is and how far it has synced (the `identity` row).
public struct DeviceIdentity: Sendable, Equatable {
    /// The replica number the server gave this device.
    public var deviceNumber: UInt32
    /// The device's X25519 key pair.
    public var publicKey: [UInt8]
    var secretKey: [UInt8]
    /// The server's X25519 public key, learnt at enrolment.
    public var serverPublicKey: [UInt8]
    /// The server's Ed25519 catalog-signing key, learnt at enrolment (`nil` in a
    /// replica enrolled before servers signed catalogs: it cannot price until re-enrolled).
    public var serverSigningKey: [UInt8]?
    /// The server URL given at enrolment (HTTP).
    public var serverURL: String
    /// The default sync endpoint (native TCP when the server offers it).
    public var syncEndpoint: String
    /// The enrolled user and role.
    public var userName: String
    /// See ``userName``.
    public var role: String
    /// The territory names announced at enrolment.
    public var territories: [String]
    /// The last request counter used.
    public var requestCounter: UInt64
    /// The last write counter issued.
    public var writeCounter: UInt64
    /// How far this device has received.
    public var cursor: SyncCursor
    /// When the last sync completed (milliseconds since 1970), if ever.
    public var lastSyncAt: Int64?

    /// This device's replica id in the merge engine.
    public var replicaID: ReplicaID { ReplicaID(deviceNumber) }
}

extension DeviceIdentity {
    static let selectSQL = """
        SELECT device_number, public_key, secret_key, server_public_key, server_url, sync_endpoint, user_name, role,
               territories, request_counter, write_counter, watermark, scope_version, backfill_target, backfill_position,
               last_sync_at, server_signing_key, seal FROM identity WHERE id = 1
        """

    /// The identity row, every field authenticated: the sealed columns open, and the
    /// clear ones (keys, server, endpoint, counters, cursor) match the row's seal.
    /// - Throws: `.corrupt` saying the identity was altered when anything fails to match.
    static func fetch(_ db: Database, cipher: ReplicaCipher) throws -> DeviceIdentity? {
        guard let row = try Row.fetchOne(db, sql: selectSQL) else { return nil }
        let deviceNumber = UInt32(row[0] as Int64)
        func open(_ index: Int, _ column: SealBinding.Column) throws(ReplicaError) -> [UInt8] {
            try cipher.open(row[index], .identity(column, deviceNumber: deviceNumber))
        }
        var cursor = SyncCursor(watermark: UInt64(row[11] as Int64), scopeVersion: UInt64(row[12] as Int64))
        if let target = row[13] as Int64?, let position = row[14] as Int64? {
            cursor.backfill = .init(target: UInt64(target), position: UInt64(position))
        }
        let territories = String(decoding: try open(8, .identityTerritories), as: UTF8.self)
        let identity = DeviceIdentity(
            deviceNumber: deviceNumber, publicKey: [UInt8](row[1] as Data), secretKey: try open(2, .identitySecretKey),
            serverPublicKey: [UInt8](row[3] as Data), serverSigningKey: (row[16] as Data?).map { [UInt8]($0) }, serverURL: row[4], syncEndpoint: row[5],
            userName: String(decoding: try open(6, .identityUserName), as: UTF8.self),
            role: String(decoding: try open(7, .identityRole), as: UTF8.self),
            territories: territories.isEmpty ? [] : territories.components(separatedBy: "\n"),
            requestCounter: UInt64(row[9] as Int64), writeCounter: UInt64(row[10] as Int64), cursor: cursor,
            lastSyncAt: row[15])
        guard let seal = row[17] as Data? else { throw tampered }
        do { _ = try cipher.open(seal, identity.binding) } catch { throw tampered }
        return identity
    }

    /// The identity, which an enrolled replica always has.
    /// - Throws: `.notEnrolled` when the row is missing, `.corrupt` when it was altered.
    static func require(_ db: Database, cipher: ReplicaCipher) throws -> DeviceIdentity {
        guard let identity = try fetch(db, cipher: cipher) else {
            throw ReplicaError(.notEnrolled, "this replica has no identity; move the replica folder aside and enrol the device again")
        }
        return identity
    }

    /// Changes the identity's counters, cursor or sync time and seals the row again,
    /// inside the caller's transaction; the keys, server and endpoint learnt at
    /// enrolment cannot change (enrol again for another server).
    static func update(_ db: Database, cipher: ReplicaCipher, _ change: (inout DeviceIdentity) throws -> Void) throws -> DeviceIdentity {
        let before = try require(db, cipher: cipher)
        var after = before
        try change(&after)
        precondition(after.enrolment == before.enrolment, "the identity learnt at enrolment is fixed")
        try db.execute(sql: """
            UPDATE identity SET request_counter = ?, write_counter = ?, watermark = ?, scope_version = ?, backfill_target = ?,
                                backfill_position = ?, last_sync_at = ?, seal = ? WHERE id = 1
            """, arguments: [Int64(clamping: after.requestCounter), Int64(clamping: after.writeCounter),
                             Int64(clamping: after.cursor.watermark), Int64(clamping: after.cursor.scopeVersion),
                             after.cursor.backfill.map { Int64(clamping: $0.target) }, after.cursor.backfill.map { Int64(clamping: $0.position) },
                             after.lastSyncAt, try cipher.seal([], after.binding)])
        return after
    }

    func insert(_ db: Database, cipher: ReplicaCipher) throws {
        func seal(_ text: String, _ column: SealBinding.Column) throws(ReplicaError) -> Data {
            try cipher.seal(text, .identity(column, deviceNumber: deviceNumber))
        }
        try db.execute(sql: """
            INSERT INTO identity (id, device_number, public_key, secret_key, server_public_key, server_signing_key,
                                  server_url, sync_endpoint, user_name, role, territories, request_counter, write_counter,
                                  watermark, scope_version, backfill_target, backfill_position, last_sync_at, seal)
            VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [Int64(deviceNumber), Data(publicKey),
                             try cipher.seal(secretKey, .identity(.identitySecretKey, deviceNumber: deviceNumber)),
                             Data(serverPublicKey), serverSigningKey.map { Data($0) }, serverURL, syncEndpoint, try seal(userName, .identityUserName),
                             try seal(role, .identityRole), try seal(territories.joined(separator: "\n"), .identityTerritories),
                             Int64(clamping: requestCounter), Int64(clamping: writeCounter),
                             Int64(clamping: cursor.watermark), Int64(clamping: cursor.scopeVersion),
                             cursor.backfill.map { Int64(clamping: $0.target) }, cursor.backfill.map { Int64(clamping: $0.position) },
                             lastSyncAt, try cipher.seal([], binding)])
    }

    /// What enrolment fixed: who the device is and which server it trusts.
    private var enrolment: [UInt8] {
        var writer = ByteWriter()
        writer.varint(UInt64(deviceNumber))
        writer.lengthPrefixed(publicKey)
        writer.lengthPrefixed(serverPublicKey)
        writer.byte(serverSigningKey == nil ? 0 : 1)
        writer.lengthPrefixed(serverSigningKey ?? [])
        writer.string(serverURL)
        writer.string(syncEndpoint)
        return writer.bytes
    }

    /// The binding of the row's seal: every clear field of the row, so changing any of
    /// them (or moving an older row's seal in) makes the seal fail to open.
    private var binding: SealBinding {
        var writer = ByteWriter()
        writer.raw(enrolment)
        for counter in [requestCounter, writeCounter, cursor.watermark, cursor.scopeVersion] { writer.varint(counter) }
        writer.byte(cursor.backfill == nil ? 0 : 1)
        writer.varint(cursor.backfill?.target ?? 0)
        writer.varint(cursor.backfill?.position ?? 0)
        writer.byte(lastSyncAt == nil ? 0 : 1)
        writer.signed(lastSyncAt ?? 0)
        return SealBinding(column: .identityFields, row: writer.bytes)
    }

    /// The error for an identity that fails its seal.
    private static var tampered: ReplicaError {
        ReplicaError(.corrupt, "the replica's identity (server keys, sync endpoint, counters or cursor) fails its integrity check: "
            + "it was altered without the passphrase. Nothing was used or sent; move the replica folder aside and enrol the device again")
    }
}
