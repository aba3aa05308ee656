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
               last_sync_at, server_signing_key FROM identity WHERE id = 1
        """

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
        return DeviceIdentity(
            deviceNumber: deviceNumber, publicKey: [UInt8](row[1] as Data), secretKey: try open(2, .identitySecretKey),
            serverPublicKey: [UInt8](row[3] as Data), serverSigningKey: (row[16] as Data?).map { [UInt8]($0) }, serverURL: row[4], syncEndpoint: row[5],
            userName: String(decoding: try open(6, .identityUserName), as: UTF8.self),
            role: String(decoding: try open(7, .identityRole), as: UTF8.self),
            territories: territories.isEmpty ? [] : territories.components(separatedBy: "\n"),
            requestCounter: UInt64(row[9] as Int64), writeCounter: UInt64(row[10] as Int64), cursor: cursor,
            lastSyncAt: row[15])
    }

    func insert(_ db: Database, cipher: ReplicaCipher) throws {
        func seal(_ text: String, _ column: SealBinding.Column) throws(ReplicaError) -> Data {
            try cipher.seal(text, .identity(column, deviceNumber: deviceNumber))
        }
        try db.execute(sql: """
            INSERT INTO identity (id, device_number, public_key, secret_key, server_public_key, server_signing_key,
                                  server_url, sync_endpoint, user_name, role, territories)
            VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [Int64(deviceNumber), Data(publicKey),
                             try cipher.seal(secretKey, .identity(.identitySecretKey, deviceNumber: deviceNumber)),
                             Data(serverPublicKey), serverSigningKey.map { Data($0) }, serverURL, syncEndpoint, try seal(userName, .identityUserName),
                             try seal(role, .identityRole), try seal(territories.joined(separator: "\n"), .identityTerritories)])
    }

    /// Stores the cursor reached by applying a frame.
    static func save(_ cursor: SyncCursor, _ db: Database) throws {
        try db.execute(sql: """
            UPDATE identity SET watermark = ?, scope_version = ?, backfill_target = ?, backfill_position = ? WHERE id = 1
            """, arguments: [Int64(clamping: cursor.watermark), Int64(clamping: cursor.scopeVersion),
                             cursor.backfill.map { Int64(clamping: $0.target) }, cursor.backfill.map { Int64(clamping: $0.position) }])
    }
}
