public import Foundation
import GRDB
public import HubCore
import MergeEngine
public import OutpostModel
import OutpostReplication
public import OutpostStore

extension SQLiteStore {
    /// The server's key pair, created by `make` on first use and stored in the database,
    /// its secret half sealed under the key file (``ServerSecrets``).
    public func serverKey(creating make: @escaping @Sendable () throws -> (publicKey: [UInt8], secretKey: [UInt8])) async throws(StoreError)
        -> (publicKey: [UInt8], secretKey: [UInt8]) {
        try await write("loading the server's key") { [secrets] db in
            try secrets.keyPair(db, named: ServerSecrets.serverKeyName, creating: make)
        }
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
    /// - Returns: the new device, numbered one above the highest number so far.
    public func enrolDevice(codeHash: String, publicKey: [UInt8], label: String, now: Date) async throws(StoreError) -> EnrolledDevice {
        try await write("enrolling a device") { db in
            let code = try EnrolmentCode.redeem(db, hash: codeHash, now: now)
            let device = Device(userID: code.userID, label: label, publicKey: publicKey, enrolledAt: now)
            try device.insert(db)
            try db.execute(sql: "INSERT INTO sync_device (number, device_id) VALUES ((SELECT COALESCE(MAX(number), 0) + 1 FROM sync_device), ?)",
                           arguments: [device.id.sql])
            let number = UInt32(db.lastInsertedRowID)
            guard let enrolled = try SQLiteLedgerTransaction(db: db).device(number: number) else {
                throw StoreError(.database, "the new device vanished during enrolment")
            }
            return enrolled
        }
    }
}

/// The territories assigned to a user and, when asked, the whole subtrees below them.
enum ScopeQuery {
    /// A query for the territory ids (as text) of a user (first argument), with
    /// subtrees when the second argument is true.
    static let territoryIDsSQL = """
        WITH RECURSIVE scope(id) AS (
            SELECT territory_id FROM user_territory WHERE user_id = ?
            UNION
            SELECT territory.id FROM territory JOIN scope ON territory.parent_id = scope.id WHERE ?
        ) SELECT id FROM scope
        """
}
