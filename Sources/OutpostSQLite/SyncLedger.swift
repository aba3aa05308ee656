public import Foundation
import GRDB
public import MergeEngine
public import OutpostModel
public import OutpostProtocol
public import OutpostReplication
public import OutpostStore

/// An enrolled device as the sync endpoint sees it.
public struct SyncDevice: Sendable, Equatable {
    /// The replica number in requests and stamps.
    public var number: UInt32
    /// The device.
    public var device: Device
    /// Its user.
    public var user: User
    /// The last request counter accepted (replays are refused).
    public var lastCounter: UInt64
}

/// What processing a sync request's writes produced, all in one transaction.
public struct PushReport: Sendable, Equatable {
    /// The outcome to return on the response's last frame.
    public var outcome: SyncResponseFrame.Outcome
    /// The device's current scope version and its territories.
    public var scopeVersion: UInt64
    /// The territories of every scope version asked for (and of the current one).
    public var scopes: [UInt64: Set<TerritoryID>]
    /// Kinds the device receives from every territory (the order desk: orders).
    public var kindsEverywhere: Set<ReplicatedKind>
    /// The number of writes accepted and refused by this request.
    public var accepted: Int
    /// See ``accepted``.
    public var refused: Int
}

/// Why a sync request was turned away before anything was applied.
public enum PushRefusal: Error, Sendable, Equatable {
    /// The request counter was not above the last one: a replay.
    case replayed(last: UInt64)
    /// The device is revoked: tell it to wipe.
    case revoked
    /// The device number is unknown.
    case unknownDevice
}

extension SQLiteStore {
    /// The server's key pair, created by `make` on first use and stored in the database,
    /// its secret half sealed under the key file (``ServerSecrets``).
    public func serverKey(creating make: @escaping @Sendable () throws -> (publicKey: [UInt8], secretKey: [UInt8])) async throws(StoreError)
        -> (publicKey: [UInt8], secretKey: [UInt8]) {
        try await write("loading the server's key") { [secrets] db in
            try secrets.keyPair(db, named: ServerSecrets.serverKeyName, creating: make)
        }
    }

    /// The enrolled device with replica number `number`.
    public func syncDevice(number: UInt32) async throws(StoreError) -> SyncDevice? {
        try await read("looking up device number \(number)") { db in try SyncDevice.fetch(db, number: number) }
    }

    /// The unredeemed enrolment code stored under `codeHash`, to open the request with.
    public func enrolmentCode(hash: String) async throws(StoreError) -> EnrolmentCode? {
        try await read("looking up an enrolment code") { [secrets] db in
            try Row.fetchOne(db, sql: EnrolmentCode.selectSQL + " WHERE code_hash = ?", arguments: [hash]).map { [secrets] row in
                try EnrolmentCode(row: row, secrets: secrets)
            }
        }
    }

    /// Redeems the code and enrols a device with `publicKey` for the code's user, in one
    /// transaction: the code works once even under concurrent attempts.
    /// - Returns: the new device and the names of the territories it will hold.
    public func enrolDevice(codeHash: String, publicKey: [UInt8], label: String, now: Date) async throws(StoreError)
        -> (device: SyncDevice, territories: [String]) {
        try await write("enrolling a device") { db in
            let code = try EnrolmentCode.redeem(db, hash: codeHash, now: now)
            let device = Device(userID: code.userID, label: label, publicKey: publicKey, enrolledAt: now)
            try device.insert(db)
            try db.execute(sql: "INSERT INTO sync_device (number, device_id) VALUES ((SELECT COALESCE(MAX(number), 0) + 1 FROM sync_device), ?)",
                           arguments: [device.id.sql])
            let number = UInt32(db.lastInsertedRowID)
            guard let enrolled = try SyncDevice.fetch(db, number: number) else {
                throw StoreError(.database, "the new device vanished during enrolment")
            }
            let names = try String.fetchAll(db, sql: "SELECT name FROM territory WHERE id IN (\(ScopeQuery.territoryIDsSQL)) ORDER BY name",
                                            arguments: [enrolled.user.id.sql, enrolled.user.id.sql])
            return (enrolled, names)
        }
    }
}

extension SyncDevice {
    static func fetch(_ db: Database, number: UInt32) throws -> SyncDevice? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT device_id, last_counter FROM sync_device WHERE number = ?"),
                                         arguments: [Int64(number)]) else { return nil }
        let deviceID: String = row[0]
        guard let deviceRow = try Row.fetchOne(db.cachedStatement(sql: Device.selectSQL + " WHERE id = ?"), arguments: [deviceID]) else {
            return nil
        }
        let device = try Device(row: deviceRow)
        guard let user = try User.fetch(db, where: "id = ?", arguments: [device.userID.sql]).first else { return nil }
        return SyncDevice(number: number, device: device, user: user, lastCounter: UInt64(row[1] as Int64))
    }
}

/// The territories a user's devices hold: their assigned territories, and for
/// everyone but reps the whole subtrees below them.
enum ScopeQuery {
    /// A query for the territory ids (as text) of the user given twice as arguments.
    static let territoryIDsSQL = """
        WITH RECURSIVE scope(id) AS (
            SELECT territory_id FROM user_territory WHERE user_id = ?
            UNION
            SELECT territory.id FROM territory JOIN scope ON territory.parent_id = scope.id
            WHERE (SELECT role FROM "user" WHERE id = ?) <> 'rep'
        ) SELECT id FROM scope
        """

    static func territories(_ db: Database, of user: UserID) throws -> Set<TerritoryID> {
        var result: Set<TerritoryID> = []
        for text in try String.fetchAll(db.cachedStatement(sql: territoryIDsSQL), arguments: [user.sql, user.sql]) {
            result.insert(try TerritoryID.decode(text, "user_territory", "territory_id"))
        }
        return result
    }
}
