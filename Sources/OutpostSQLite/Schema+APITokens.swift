extension Schema {
    /// API tokens of the HTTP data API: the BLAKE2b-256 digest of each token (never the
    /// token), its scopes (space-separated), expiry and revocation.
    static let v8APITokens: [String] = [
        """
        CREATE TABLE api_token (
            id TEXT NOT NULL PRIMARY KEY,
            label TEXT NOT NULL,
            digest BLOB NOT NULL UNIQUE CHECK (length(digest) = 32),
            scopes TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            expires_at INTEGER,
            revoked_at INTEGER
        ) STRICT
        """,
    ]
}
