extension Schema {
    /// The browser console: people's sign-in (a password's Argon2id hash, one-time
    /// sign-in links and sessions, each stored as a BLAKE2b hash of its token, never the
    /// token), the console's writer device per user, and the daily forecast snapshots
    /// its trend line is drawn from.
    static let v7Console: [String] = [
        """
        CREATE TABLE console_password (
            user_id TEXT NOT NULL PRIMARY KEY REFERENCES "user"(id) ON DELETE CASCADE,
            hash TEXT NOT NULL,
            set_at INTEGER NOT NULL
        ) STRICT
        """,
        """
        CREATE TABLE console_link (
            token_hash BLOB NOT NULL PRIMARY KEY CHECK (length(token_hash) = 32),
            user_id TEXT NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
            expires_at INTEGER NOT NULL,
            used_at INTEGER
        ) STRICT
        """,
        """
        CREATE TABLE console_session (
            token_hash BLOB NOT NULL PRIMARY KEY CHECK (length(token_hash) = 32),
            user_id TEXT NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
            csrf TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            last_seen_at INTEGER NOT NULL
        ) STRICT
        """,
        "CREATE INDEX console_session_by_user ON console_session(user_id)",
        // The device each user's console writes as (a device without a usable key:
        // nobody can sync as it over the wire).
        """
        CREATE TABLE console_device (
            user_id TEXT NOT NULL PRIMARY KEY REFERENCES "user"(id) ON DELETE CASCADE,
            number INTEGER NOT NULL UNIQUE REFERENCES sync_device(number)
        ) STRICT
        """,
        // One row per day, period, territory (its subtree's total) and currency.
        """
        CREATE TABLE forecast_snapshot (
            day TEXT NOT NULL,
            period TEXT NOT NULL,
            territory_id TEXT NOT NULL,
            currency TEXT NOT NULL,
            closed_minor INTEGER NOT NULL,
            commit_minor INTEGER NOT NULL,
            best_case_minor INTEGER NOT NULL,
            pipeline_minor INTEGER NOT NULL,
            quota_minor INTEGER NOT NULL,
            PRIMARY KEY (period, territory_id, currency, day)
        ) STRICT, WITHOUT ROWID
        """,
    ]
}
