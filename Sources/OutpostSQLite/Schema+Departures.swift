extension Schema {
    /// Accounts that left a territory by a field edit (a device moved them): the old
    /// territory's devices are told to evict them (and their contacts, opportunities
    /// and activities with them) when their watermark passes `seq`.
    static let v6RecordDeparture: [String] = [
        """
        CREATE TABLE record_departure (
            seq INTEGER NOT NULL PRIMARY KEY,
            record BLOB NOT NULL CHECK (length(record) = 16),
            territory BLOB NOT NULL CHECK (length(territory) = 16)
        ) STRICT
        """,
        "CREATE INDEX record_departure_by_territory ON record_departure(territory, seq)",
    ]
}
