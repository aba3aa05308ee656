extension Schema {
    /// Escalations: since when the server has seen each quote awaiting approval,
    /// and how far it has escalated.
    static let v9Escalations: [String] = [
        // `level` 0: watched; 1: the approving manager has a task; 2: their manager too.
        """
        CREATE TABLE approval_wait (
            quote_id TEXT NOT NULL PRIMARY KEY,
            since INTEGER NOT NULL,
            level INTEGER NOT NULL DEFAULT 0 CHECK (level BETWEEN 0 AND 2)
        ) STRICT
        """,
    ]
}
