public import Foundation
import GRDB
public import OutpostModel
public import OutpostStore

/// A signed-in browser session as the store holds it.
public struct ConsoleSessionRecord: Sendable, Equatable {
    /// Who signed in, as the user is now (role and territories re-read on every request).
    public var user: User
    /// The session's anti-forgery token, echoed by every form it posts.
    public var csrf: String
}

extension SQLiteStore {
    /// Stores the Argon2id hash of `user`'s console password and ends their open sessions.
    public func setConsolePassword(user: UserID, hash: String, now: Date) async throws(StoreError) {
        try await write("setting a console password") { db in
            try db.execute(sql: """
                INSERT INTO console_password (user_id, hash, set_at) VALUES (?, ?, ?)
                ON CONFLICT(user_id) DO UPDATE SET hash = excluded.hash, set_at = excluded.set_at
                """, arguments: [user.sql, hash, now.sqlMilliseconds])
            try db.execute(sql: "DELETE FROM console_session WHERE user_id = ?", arguments: [user.sql])
        }
    }

    /// Takes console access away from `user`: their password, unused sign-in links and sessions.
    /// - Returns: whether there was anything to take away.
    @discardableResult
    public func revokeConsoleAccess(user: UserID) async throws(StoreError) -> Bool {
        try await write("revoking console access") { db in
            var removed = 0
            for table in ["console_password", "console_link", "console_session"] {
                try db.execute(sql: "DELETE FROM \(table) WHERE user_id = ?", arguments: [user.sql])
                removed += db.changesCount
            }
            return removed > 0
        }
    }

    /// The stored hash of `user`'s console password, if one was set.
    public func consolePasswordHash(user: UserID) async throws(StoreError) -> String? {
        try await read("reading a console password") { db in
            try String.fetchOne(db, sql: "SELECT hash FROM console_password WHERE user_id = ?", arguments: [user.sql])
        }
    }

    /// Stores a one-time sign-in link (the hash of its token) for `user`, valid until `expiresAt`.
    public func addConsoleLink(tokenHash: [UInt8], user: UserID, expiresAt: Date) async throws(StoreError) {
        try await write("storing a sign-in link") { db in
            try db.execute(sql: "INSERT INTO console_link (token_hash, user_id, expires_at) VALUES (?, ?, ?)",
                           arguments: [Data(tokenHash), user.sql, expiresAt.sqlMilliseconds])
        }
    }

    /// Spends the sign-in link with this token hash at `now`, in one conditional UPDATE
    /// (so it works once, whatever the races), and opens a session for its user.
    /// - Returns: the user, or `nil` when the link is unknown, used or expired.
    public func redeemConsoleLink(tokenHash: [UInt8], session: [UInt8], csrf: String, now: Date) async throws(StoreError) -> UserID? {
        try await write("redeeming a sign-in link") { db in
            try db.execute(sql: "UPDATE console_link SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
                           arguments: [now.sqlMilliseconds, Data(tokenHash), now.sqlMilliseconds])
            guard db.changesCount == 1,
                  let text = try String.fetchOne(db, sql: "SELECT user_id FROM console_link WHERE token_hash = ?", arguments: [Data(tokenHash)])
            else { return nil }
            let user = try UserID.decode(text, "console_link", "user_id")
            if try Self.consoleRevoked(db, user: user) { return nil }
            try Self.insertSession(db, tokenHash: session, user: user, csrf: csrf, now: now)
            return user
        }
    }

    /// Opens a session (the hash of its cookie token) for `user`.
    public func openConsoleSession(tokenHash: [UInt8], user: UserID, csrf: String, now: Date) async throws(StoreError) {
        try await write("opening a console session") { db in
            try Self.insertSession(db, tokenHash: tokenHash, user: user, csrf: csrf, now: now)
        }
    }

    /// The session with this token hash if it was used within `idle` of `now`, marked
    /// used at `now`; an idle one is ended. `nil` when there is none.
    public func consoleSession(tokenHash: [UInt8], now: Date, idle: TimeInterval) async throws(StoreError) -> ConsoleSessionRecord? {
        try await write("checking a console session") { db in
            let key = Data(tokenHash)
            guard let row = try Row.fetchOne(db, sql: "SELECT user_id, csrf, last_seen_at FROM console_session WHERE token_hash = ?",
                                             arguments: [key]) else { return nil }
            guard Date(sqlMilliseconds: row[2]).addingTimeInterval(idle) > now else {
                try db.execute(sql: "DELETE FROM console_session WHERE token_hash = ?", arguments: [key])
                return nil
            }
            guard let user = try User.fetch(db, where: "id = ?", arguments: [row[0] as String]).first,
                  try !Self.consoleRevoked(db, user: user.id) else {
                try db.execute(sql: "DELETE FROM console_session WHERE token_hash = ?", arguments: [key])
                return nil
            }
            try db.execute(sql: "UPDATE console_session SET last_seen_at = ? WHERE token_hash = ?", arguments: [now.sqlMilliseconds, key])
            return ConsoleSessionRecord(user: user, csrf: row[1])
        }
    }

    /// Ends the session with this token hash (signing out).
    public func endConsoleSession(tokenHash: [UInt8]) async throws(StoreError) {
        try await write("ending a console session") { db in
            try db.execute(sql: "DELETE FROM console_session WHERE token_hash = ?", arguments: [Data(tokenHash)])
        }
    }

    /// Whether an admin disabled `user` (`outpost-server user disable`) or revoked their
    /// console device (`outpost-server device revoke`): either takes console access away.
    public func isConsoleRevoked(user: UserID) async throws(StoreError) -> Bool {
        try await read("checking console access") { db in try Self.consoleRevoked(db, user: user) }
    }

    private static func consoleRevoked(_ db: Database, user: UserID) throws -> Bool {
        if try UserStatus.isDisabled(db, user) { return true }
        return try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM console_device c JOIN sync_device s ON s.number = c.number
                           JOIN device d ON d.id = s.device_id WHERE c.user_id = ? AND d.revoked_at IS NOT NULL)
            """, arguments: [user.sql]) ?? false
    }

    private static func insertSession(_ db: Database, tokenHash: [UInt8], user: UserID, csrf: String, now: Date) throws {
        try db.execute(sql: "INSERT INTO console_session (token_hash, user_id, csrf, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [Data(tokenHash), user.sql, csrf, now.sqlMilliseconds, now.sqlMilliseconds])
    }
}
