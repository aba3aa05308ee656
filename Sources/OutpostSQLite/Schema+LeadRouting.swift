extension Schema {
    /// Web-to-lead: the lead's owner and the facts assignment rules read, the rules,
    /// the queue territory for leads no rule matches, and each assignment made.
    static let v7LeadRouting: [String] = [
        #"ALTER TABLE lead ADD COLUMN owner_id TEXT REFERENCES "user"(id)"#,
        "ALTER TABLE lead ADD COLUMN country TEXT",
        "ALTER TABLE lead ADD COLUMN postcode TEXT",
        "ALTER TABLE lead ADD COLUMN industry TEXT",
        "ALTER TABLE lead ADD COLUMN product_interest TEXT",
        "CREATE INDEX lead_by_owner ON lead(owner_id, status)",
        // `postcode_prefixes` is the prefixes joined by commas ('' for none).
        """
        CREATE TABLE assignment_rule (
            name TEXT NOT NULL PRIMARY KEY,
            priority INTEGER NOT NULL,
            country TEXT,
            postcode_prefixes TEXT NOT NULL,
            industry TEXT,
            product_interest TEXT,
            territory_id TEXT NOT NULL REFERENCES territory(id)
        ) STRICT
        """,
        """
        CREATE TABLE lead_queue (
            id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
            territory_id TEXT NOT NULL REFERENCES territory(id)
        ) STRICT
        """,
        // One row per lead taken in through POST /leads: who got it (NULL when the
        // territory had no rep), by which rule (NULL: queued), and when.
        """
        CREATE TABLE lead_assignment (
            lead_id TEXT NOT NULL PRIMARY KEY REFERENCES lead(id),
            user_id TEXT REFERENCES "user"(id),
            territory_id TEXT NOT NULL REFERENCES territory(id),
            rule_name TEXT,
            assigned_at INTEGER NOT NULL
        ) STRICT
        """,
        "CREATE INDEX lead_assignment_by_user ON lead_assignment(user_id, assigned_at)",
    ]
}
