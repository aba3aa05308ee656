public import Foundation
import GRDB
public import OutpostStore

extension SQLiteStore {
    /// Stores `token` under `digest` (the BLAKE2b-256 of the secret the caller shows once).
    public func addAPIToken(_ token: APIToken, digest: [UInt8]) async throws(StoreError) {
        try await write("storing API token \(token.id)") { db in
            try db.execute(sql: """
                INSERT INTO api_token (id, label, digest, scopes, created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [token.id, token.label, Data(digest), token.scopes.joined(separator: " "), token.createdAt.sqlMilliseconds,
                                 token.expiresAt?.sqlMilliseconds, token.revokedAt?.sqlMilliseconds])
        }
    }

    /// Every API token, oldest first.
    public func apiTokens() async throws(StoreError) -> [APIToken] {
        try await read("listing API tokens") { db in
            try Row.fetchAll(db, sql: APIToken.selectSQL + " ORDER BY created_at, id").map(APIToken.init(row:))
        }
    }

    /// The token whose secret has BLAKE2b-256 `digest`, if any.
    public func apiToken(digest: [UInt8]) async throws(StoreError) -> APIToken? {
        try await read("looking up an API token") { db in
            try Row.fetchOne(db.cachedStatement(sql: APIToken.selectSQL + " WHERE digest = ?"), arguments: [Data(digest)]).map(APIToken.init(row:))
        }
    }

    /// Revokes the token with id `id` at `date` (revoking again keeps the first date).
    public func revokeAPIToken(id: String, at date: Date) async throws(StoreError) {
        try await write("revoking API token \(id)") { db in
            try db.execute(sql: "UPDATE api_token SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?", arguments: [date.sqlMilliseconds, id])
            guard db.changesCount > 0 else {
                throw StoreError(.notFound, "no API token has id \(id); list them with outpost-server token list")
            }
        }
    }
}

extension APIToken {
    static let selectSQL = "SELECT id, label, scopes, created_at, expires_at, revoked_at FROM api_token"

    init(row: Row) {
        let scopes: String = row[2]
        self.init(id: row[0], label: row[1], scopes: scopes.split(separator: " ").map(String.init),
                  createdAt: Date(sqlMilliseconds: row[3]), expiresAt: (row[4] as Int64?).map(Date.init(sqlMilliseconds:)),
                  revokedAt: (row[5] as Int64?).map(Date.init(sqlMilliseconds:)))
    }
}
