import Foundation
import GRDB
import OutpostModel
import OutpostStore

extension Device {
    static let insertSQL = """
        INSERT INTO device (id, user_id, label, public_key, enrolled_at, last_sync_at, revoked_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """
    static let selectSQL = "SELECT id, user_id, label, public_key, enrolled_at, last_sync_at, revoked_at FROM device"

    /// Inserts the device.
    func insert(_ db: Database) throws {
        try db.write(Self.insertSQL,
                     [id.sql, userID.sql, label, publicKey.map { Data($0) }, enrolledAt?.sqlMilliseconds,
                      lastSyncAt?.sqlMilliseconds, revokedAt?.sqlMilliseconds],
                     RowContext(kind: "device", id: id.sql,
                                references: { [Reference(label: "user", table: "\"user\"", id: userID.sql)] }))
    }

    /// Decodes a row of `selectSQL`.
    init(row: Row) throws(StoreError) {
        let key: Data? = row[3]
        self.init(id: try .decode(row[0], "device", "id"), userID: try .decode(row[1], "device", "user_id"),
                  label: row[2], publicKey: key.map { [UInt8]($0) },
                  enrolledAt: (row[4] as Int64?).map(Date.init(sqlMilliseconds:)),
                  lastSyncAt: (row[5] as Int64?).map(Date.init(sqlMilliseconds:)),
                  revokedAt: (row[6] as Int64?).map(Date.init(sqlMilliseconds:)))
    }
}

extension EnrolmentCode {
    static let insertSQL = "INSERT INTO enrolment_code (code_hash, user_id, expires_at, used_at, sealed_key) VALUES (?, ?, ?, ?, ?)"
    static let selectSQL = "SELECT code_hash, user_id, expires_at, used_at, sealed_key FROM enrolment_code"

    /// Inserts the code: its hash, and its key sealed under the server's key file.
    func insert(_ db: Database, secrets: ServerSecrets) throws {
        let sealed = try sealKey.map { Data(try secrets.seal($0, name: ServerSecrets.enrolmentKeyName(codeHash: codeHash))) }
        try db.write(Self.insertSQL, [codeHash, userID.sql, expiresAt.sqlMilliseconds, usedAt?.sqlMilliseconds, sealed],
                     RowContext(kind: "enrolment code", id: codeHash,
                                references: { [Reference(label: "user", table: "\"user\"", id: userID.sql)] }))
    }

    /// Decodes a row of `selectSQL`; its key is opened with `secrets` when given.
    init(row: Row, secrets: ServerSecrets? = nil) throws(StoreError) {
        let codeHash: String = row[0]
        var sealKey: [UInt8]?
        if let secrets, let sealed = row[4] as Data? {
            sealKey = try secrets.open([UInt8](sealed), name: ServerSecrets.enrolmentKeyName(codeHash: codeHash))
        }
        self.init(codeHash: codeHash, userID: try .decode(row[1], "enrolment_code", "user_id"),
                  expiresAt: Date(sqlMilliseconds: row[2]),
                  usedAt: (row[3] as Int64?).map(Date.init(sqlMilliseconds:)),
                  sealKey: sealKey)
    }

    /// Marks the code used at `now` if it is still redeemable, and returns it.
    /// - Throws: `.enrolmentRefused` saying whether the code is unknown, used or expired.
    static func redeem(_ db: Database, hash: String, now: Date) throws -> EnrolmentCode {
        let millis = now.sqlMilliseconds
        let update = try db.cachedStatement(sql: """
            UPDATE enrolment_code SET used_at = ?
            WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?
            """)
        try update.execute(arguments: [millis, hash, millis])
        let redeemed = db.changesCount > 0
        let row = try Row.fetchOne(db.cachedStatement(sql: selectSQL + " WHERE code_hash = ?"), arguments: [hash])
        guard let row else {
            throw StoreError(.enrolmentRefused, "unknown enrolment code; check it was typed correctly or ask an admin "
                + "for a new one (outpost-server device enrol --user NAME)")
        }
        let code = try EnrolmentCode(row: row)
        if !redeemed {
            if let used = code.usedAt {
                throw StoreError(.enrolmentRefused, "enrolment code already used at \(used.formatted(.iso8601)); "
                    + "a code works once, ask an admin for a new one")
            }
            throw StoreError(.enrolmentRefused, "enrolment code expired at \(code.expiresAt.formatted(.iso8601)); "
                + "ask an admin for a new one")
        }
        return code
    }
}
