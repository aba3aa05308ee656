public import Foundation
import GRDB
public import OutpostModel
public import OutpostStore

/// Whether a user is disabled (`"user".disabled_at`).
enum UserStatus {
    static func isDisabled(_ db: Database, _ id: UserID) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: #"SELECT disabled_at IS NOT NULL FROM "user" WHERE id = ?"#),
                          arguments: [id.sql]) ?? false
    }
}

extension SQLiteStore {
    /// Disables the user at `date` (their devices wipe at their next sync, after
    /// uploading what they send), or enables them again with `nil`.
    /// - Throws: `.notFound` for an unknown user.
    public func setUserDisabled(_ id: UserID, at date: Date?) async throws(StoreError) {
        try await write("changing whether user \(id) is disabled") { db in
            try db.execute(sql: #"UPDATE "user" SET disabled_at = ? WHERE id = ?"#, arguments: [date?.sqlMilliseconds, id.sql])
            guard db.changesCount == 1 else {
                throw StoreError(.notFound, "no user has id \(id); list them with outpost-server user list")
            }
        }
    }

    /// The ids of disabled users.
    public func disabledUsers() async throws(StoreError) -> Set<UserID> {
        try await read("listing disabled users") { db in
            Set(try String.fetchAll(db, sql: #"SELECT id FROM "user" WHERE disabled_at IS NOT NULL"#).map { text in
                try UserID.decode(text, "user", "id")
            })
        }
    }
}
