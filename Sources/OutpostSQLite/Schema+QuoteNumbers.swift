extension Schema {
    /// The human numbers the server gives quotes (`Q-000123`): one row per quote it
    /// numbered; a revision shares the number of the quote it revises.
    static let v7QuoteNumbers: [String] = [
        """
        CREATE TABLE quote_number (
            quote_id TEXT NOT NULL PRIMARY KEY,
            number INTEGER NOT NULL CHECK (number >= 1)
        ) STRICT
        """,
        "CREATE INDEX quote_number_by_number ON quote_number(number)",
    ]
}
